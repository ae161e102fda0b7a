"""The collector's hand-in time check in a course whose nbgrader ``Exchange.timezone`` is not UTC (real nbgrader)."""

import datetime
from pathlib import Path

import pytest
from dateutil.tz import gettz
from nbgrader.auth import Authenticator
from nbgrader.coursedir import CourseDirectory
from nbgrader.utils import parse_utc
from traitlets.config import Config

from medialit.instructor.exchange import LinkSafeCollect


def collector(zone: str) -> LinkSafeCollect:
    config = Config()
    config.Exchange.timezone = zone
    return LinkSafeCollect(
        coursedir=CourseDirectory(config=config), authenticator=Authenticator(config=config), config=config
    )


def written(zone: str, when: datetime.datetime) -> str:
    """What nbgrader's submit writes into timestamp.txt at ``when`` in a course in ``zone`` (its ``set_timestamp``)."""
    return when.astimezone(gettz(zone)).strftime(collector(zone).timestamp_format)


def collected_stamp(tmp_path: Path, zone: str, handed_in: datetime.datetime) -> str:
    """Hand in a folder whose timestamp.txt says ``handed_in`` as nbgrader's submit writes it; collect it."""
    col = collector(zone)
    src = tmp_path / "alice+ex01+x"
    src.mkdir()
    (src / "ex01.ipynb").write_text("{}", encoding="utf-8")
    (src / "timestamp.txt").write_text(written(zone, handed_in), encoding="utf-8")
    col.do_copy(str(src), str(tmp_path / "submitted"))
    return (tmp_path / "submitted" / "timestamp.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("zone", ["UTC", "America/Los_Angeles", "America/Chicago", "Europe/Berlin"])
def test_an_honest_hand_in_keeps_its_time_in_any_course_time_zone(tmp_path, zone):
    """A Los Angeles course's 'PST' time read as UTC was 8 hours before the files' change: it was replaced by the
    change in UTC, which nbgrader compared with a due date it reads in PST wall-clock time (8 hours late)."""
    now = datetime.datetime.now(datetime.UTC)
    assert collected_stamp(tmp_path, zone, now) == written(zone, now)


@pytest.mark.parametrize("zone", ["UTC", "America/Los_Angeles"])
def test_an_early_claim_is_replaced_in_the_course_s_own_time_zone(tmp_path, zone):
    now = datetime.datetime.now(datetime.UTC)
    kept = collected_stamp(tmp_path, zone, now - datetime.timedelta(hours=2))
    assert abs(parse_utc(kept) - parse_utc(written(zone, now))) < datetime.timedelta(minutes=1)

"""Sidecar files: atomic, versioned, and never losing a student's work."""

from __future__ import annotations

import json
import os

import pytest

from medialit.core import sidecar
from medialit.core.spans import Span

SHA = "a" * 64


def saved(*spans: Span, mode: str = "spans") -> sidecar.Saved:
    marks = tuple(spans)
    return sidecar.Saved("art", SHA, mode, marks if mode == "spans" else (), marks if mode == "sentences" else ())


def test_sidecar_write_then_read_round_trips_and_stamps_who_and_when(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "student7")
    path = tmp_path / "q1.highlights.json"
    sidecar.write(path, saved(Span(3, 9, "source"), Span(0, 2, "claim")))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "medialit-highlights" and data["version"] == 2
    assert data["saved_by"] == "student7" and data["saved_at"].endswith("+00:00")
    assert data["spans"] == [{"start": 3, "end": 9, "label": "source"}, {"start": 0, "end": 2, "label": "claim"}]
    back = sidecar.read(path, body_sha256=SHA, mode="spans")
    assert back.marks() == [Span(3, 9, "source"), Span(0, 2, "claim")]


def test_sidecar_write_is_atomic_and_leaves_no_temporary_files(tmp_path, monkeypatch):
    path = tmp_path / "q1.highlights.json"
    sidecar.write(path, saved(Span(0, 1, "source")))

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        sidecar.write(path, saved(Span(5, 6, "claim")))
    assert json.loads(path.read_text())["spans"] == [{"start": 0, "end": 1, "label": "source"}]
    assert [p.name for p in tmp_path.iterdir()] == ["q1.highlights.json"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "damaged (not JSON)"),
        ('{"format": "prodigy", "spans": []}', "not a medialit highlights file"),
        ('[1, 2, 3]', "not a medialit highlights file"),
        ('{"format": "medialit-highlights", "version": 3}', "format version 3"),
        (json.dumps({"format": "medialit-highlights", "version": 1, "body_sha256": "b" * 64}), "different article"),
        (json.dumps({"format": "medialit-highlights", "version": 1, "body_sha256": SHA, "mode": "sentences"}),
         "not 'spans'"),
        (json.dumps({"format": "medialit-highlights", "version": 1, "body_sha256": SHA, "mode": "spans",
                     "spans": [{"start": 1}]}), "without start, end and label (spans[0]: 'end' is a required"),
        ("", "damaged (not JSON)"),
        ('{"format": "medialit-highlights", "version": 2, "spans": [{"start": ' + "9" * 5000 + "}]}",
         "damaged (not JSON)"),
        ("[" * 100_000 + "]" * 100_000, "damaged (not JSON)"),
        ('{"format": "medialit-highlights", "version": 2, "saved_by": "\\ud800"}', "damaged (not JSON)"),
        ('{"format": "medialit-highlights", "spans": []}', "format version None"),
        (json.dumps({"format": "medialit-highlights", "version": 2, "body_sha256": SHA, "mode": "spans",
                     "spans": [{"start": "3", "end": 5, "label": "x"}]}), "(spans[0].start: '3' is not of type"),
        (json.dumps({"format": "medialit-highlights", "version": 2, "body_sha256": SHA, "mode": "spans",
                     "links": [{"source_start": 0, "source_end": 2, "kind": "quoted"}]}),
         "a link that cannot be read (links[0].kind: 'quoted' is not one of"),
        (json.dumps({"format": "medialit-highlights", "version": 2, "body_sha256": SHA, "mode": "spans",
                     "links": [{"cue_start": 0, "cue_end": 2}]}), "a link that cannot be read (a link joins a source"),
        (json.dumps({"format": "medialit-highlights", "version": 2, "body_sha256": SHA, "mode": "spans",
                     "saved_by": 7}), "is damaged (saved_by: 7 is not of type 'string')"),
    ],
)  # fmt: skip
def test_unusable_sidecar_is_backed_up_reported_in_one_line_and_never_overwritten(tmp_path, content, message):
    path = tmp_path / "q1.highlights.json"
    path.write_text(content, encoding="utf-8")
    marks, said, writable = sidecar.load_or_back_up(path, body_sha256=SHA, mode="spans")
    assert marks is None and writable
    assert message in said and "\n" not in said and "kept it as q1.highlights.json.bak-" in said
    (backup,) = tmp_path.glob("q1.highlights.json.bak-*")
    assert backup.read_text(encoding="utf-8") == content
    assert not path.exists()


def test_backups_never_replace_an_earlier_backup(tmp_path):
    path = tmp_path / "q1.highlights.json"
    for n in range(3):
        path.write_text(f"broken {n}")
        sidecar.back_up(path)
    assert sorted(p.read_text() for p in tmp_path.glob("q1.highlights.json.bak-*")) == [
        "broken 0",
        "broken 1",
        "broken 2",
    ]


def test_missing_sidecar_is_simply_new(tmp_path):
    assert sidecar.load_or_back_up(tmp_path / "none.json", body_sha256=SHA, mode="spans") == (None, "", True)


def test_unreadable_sidecar_is_left_alone_and_not_written(tmp_path, monkeypatch):
    path = tmp_path / "q1.highlights.json"
    path.write_text("{}")

    def denied(self, *args, **kwargs):  # chmod 0 cannot stop root, who runs these tests in CI
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "read_text", denied)
    marks, said, writable = sidecar.load_or_back_up(path, body_sha256=SHA, mode="spans")
    assert marks is None and not writable and "cannot be read (Permission denied)" in said
    monkeypatch.undo()
    assert path.read_text() == "{}"


def test_unknown_fields_are_kept_and_a_version_1_file_reads_without_links(tmp_path):
    path = tmp_path / "q1.highlights.json"
    old = {"format": "medialit-highlights", "version": 1, "article": "art", "body_sha256": SHA, "mode": "spans",
           "spans": [{"start": 0, "end": 3, "label": "source"}], "sentences": [], "colour": "teal"}  # fmt: skip
    path.write_text(json.dumps(old), encoding="utf-8")
    back = sidecar.read(path, body_sha256=SHA, mode="spans")
    assert back.marks() == [Span(0, 3, "source")] and back.links == () and back.extra == {"colour": "teal"}
    sidecar.write(path, back)
    again = json.loads(path.read_text(encoding="utf-8"))
    assert again["version"] == 2 and again["colour"] == "teal" and again["links"] == []
    assert sidecar.SCHEMA.check(again) is None


def test_a_missing_sidecar_raises_file_not_found_so_callers_never_set_it_aside(tmp_path):
    with pytest.raises(FileNotFoundError):
        sidecar.read(tmp_path / "none.json")


def test_a_file_saved_again_by_someone_else_keeps_who_saved_it_before(tmp_path, monkeypatch):
    """self24: a classmate's file copied and changed once (one mark) was saved under the student's own name alone, so
    ``course report`` (which read ``saved_by``) no longer named it. Earlier savers now stay in ``saved_before_by``;
    one person saving their own file again and again (a self-learner) writes no such key."""
    path = tmp_path / "ex01-q3.highlights.json"
    monkeypatch.setenv("JUPYTERHUB_USER", "alice")
    sidecar.write(path, saved(Span(0, 4, "source"), Span(5, 9, "cue")))
    sidecar.write(path, saved(Span(0, 4, "source")))
    assert sidecar.SAVED_BEFORE_BY not in json.loads(path.read_text(encoding="utf-8"))
    monkeypatch.setenv("JUPYTERHUB_USER", "bob")  # bob copies alice's file and changes one mark
    sidecar.write(path, saved(Span(0, 4, "source"), Span(10, 12, "cue")))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["saved_by"], data[sidecar.SAVED_BEFORE_BY]) == ("bob", ["alice"])
    sidecar.write(path, saved(Span(0, 4, "source")))  # and again: alice stays
    assert json.loads(path.read_text(encoding="utf-8"))[sidecar.SAVED_BEFORE_BY] == ["alice"]
    monkeypatch.setenv("JUPYTERHUB_USER", "alice")  # back in alice's folder: bob saved it before, alice is saved_by
    sidecar.write(path, saved(Span(0, 4, "source")))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["saved_by"], data[sidecar.SAVED_BEFORE_BY]) == ("alice", ["bob"])
    back = sidecar.read(path, body_sha256=SHA, mode="spans")  # still read as before, the names kept as an extra key
    assert back.marks() == [Span(0, 4, "source")] and sidecar.saved_before_by(back.extra) == ["bob"]

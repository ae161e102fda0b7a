"""``nbgrader collect`` without links: what a student leaves in the exchange cannot fetch the grader's files.

Students write their own folder in the exchange's ``inbound/`` (that is how
``nbgrader submit`` works), and nbgrader's collect copies it with the grader's
rights, following links. A link named like the notebook brought the grader's
``source/`` notebook in as the submission (solutions and keys included); one to
another student's folder brings their work; one to ``/dev/zero`` never ends.
This collector leaves every link out, says so in the log, and then copies as
nbgrader does (size limit, ignore and include patterns, group sharing).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from nbgrader.exchange.default.collect import ExchangeCollect


def links_in(folder: str | Path) -> list[Path]:
    """Every link under ``folder`` (files and folders), never following one."""
    found = []
    for where, dirs, files in os.walk(folder, followlinks=False):
        found += [Path(where, name) for name in dirs + files if os.path.islink(os.path.join(where, name))]
    return found


def no_links(folder: str, names: list[str]) -> set[str]:
    """``shutil.copytree``'s ``ignore``: the names in ``folder`` that are links."""
    return {name for name in names if os.path.islink(os.path.join(folder, name))}


class LinkSafeCollect(ExchangeCollect):
    """nbgrader's collect, on a copy of each submission with its links left out."""

    def do_copy(self, src: str, dest: str, log: object = None) -> None:
        links = links_in(src)
        if not links:
            super().do_copy(src, dest, log)
            return
        for link in links:
            self.log.warning(
                "Left out %s: a link (to %s); submissions are collected without links", link, os.readlink(link)
            )
        if self.get_size(src) > 1000 * self.coursedir.max_dir_size:  # before copying anything, as nbgrader does
            super().do_copy(src, dest, log)  # raises nbgrader's own "too big" error
        with tempfile.TemporaryDirectory() as staging:
            clean = Path(staging, Path(src).name)
            shutil.copytree(src, clean, ignore=no_links)
            super().do_copy(str(clean), dest, log)

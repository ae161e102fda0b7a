"""``nbgrader collect`` without links: what a student leaves in the exchange cannot fetch the grader's files.

Students write their own folder in the exchange's ``inbound/`` (that is how
``nbgrader submit`` works), and nbgrader's collect copies it with the grader's
rights, following links. A link named like the notebook brought the grader's
``source/`` notebook in as the submission (solutions and keys included); one to
another student's folder brings their work; one to ``/dev/zero`` never ends.
This collector leaves every link out, says so in the log, and then copies as
nbgrader does (size limit, ignore and include patterns, group sharing). It
leaves out named pipes, sockets and devices too: copying one fails (and stopped
the collect for every later student) or never ends.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from nbgrader.exchange.default.collect import ExchangeCollect


def _left_out(path: str) -> bool:
    """A link, or neither a file nor a folder (a named pipe, a socket, a device: copying one fails or never ends)."""
    return os.path.islink(path) or not (os.path.isfile(path) or os.path.isdir(path))


def links_in(folder: str | Path) -> list[Path]:
    """Every link (and named pipe, socket or device) under ``folder``, never following a link."""
    found = []
    for where, dirs, files in os.walk(folder, followlinks=False):
        found += [Path(where, name) for name in dirs + files if _left_out(os.path.join(where, name))]
    return found


def no_links(folder: str, names: list[str]) -> set[str]:
    """``shutil.copytree``'s ``ignore``: the names in ``folder`` that are links, named pipes, sockets or devices."""
    return {name for name in names if _left_out(os.path.join(folder, name))}


class LinkSafeCollect(ExchangeCollect):
    """nbgrader's collect, on a copy of each submission with its links left out."""

    def do_copy(self, src: str, dest: str, log: object = None) -> None:
        links = links_in(src)
        if not links:
            super().do_copy(src, dest, log)
            return
        for link in links:
            what = f"a link (to {os.readlink(link)})" if os.path.islink(link) else "not a file or a folder"
            self.log.warning("Left out %s: %s; submissions are collected without links", link, what)
        if self.get_size(src) > 1000 * self.coursedir.max_dir_size:  # before copying anything, as nbgrader does
            super().do_copy(src, dest, log)  # raises nbgrader's own "too big" error
        with tempfile.TemporaryDirectory() as staging:
            clean = Path(staging, Path(src).name)
            shutil.copytree(src, clean, ignore=no_links)
            super().do_copy(str(clean), dest, log)

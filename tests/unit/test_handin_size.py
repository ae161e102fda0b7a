"""What grading and the collector read of a hand-in to size it and tell it apart: bounded, one count for both."""

import sys
from pathlib import Path

from medialit.instructor import batch
from medialit.instructor.exchange import bytes_over, counted

OPENED: list[str] = []
"""Every file this test process opens while ``_watching`` (Python's own audit event ``open``)."""
_watching = [False]


def _audit(event: str, args: tuple) -> None:
    if event == "open" and _watching[0] and isinstance(args[0], str | bytes | Path):
        OPENED.append(str(args[0]))


sys.addaudithook(_audit)


def opened_by(action) -> list[str]:
    OPENED.clear()
    _watching[0] = True
    try:
        action()
    finally:
        _watching[0] = False
    return list(OPENED)


def sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as handle:
        handle.truncate(size)  # bytes as a hand-in counts them, no disk taken
    return path


def test_a_stamp_reads_at_most_its_bytes_however_many_files_a_hand_in_holds(tmp_path):
    """attack23: a hand-in put into submitted/ by hand without timestamp.txt was told apart by hashing every file under
    64 MB: 999 such files (63 GB, under the 1,000-file cap) were read whole, on every `course grade` and `course report`
    (several times each). Now the stamp reads ``HASHED_UP_TO`` bytes in all, the smallest files (the notebook, the
    highlights) first; the rest count by size and time of change."""
    folder = tmp_path / "handin"
    folder.mkdir()
    (folder / "ex01-attribution.ipynb").write_text("{}", encoding="utf-8")
    third = batch.HASHED_UP_TO // 3
    videos = [sparse(folder / f"video-{n}.bin", third + 1) for n in range(5)]
    opened = opened_by(lambda: batch.hand_in_stamp(folder))
    read = sorted(Path(p).name for p in opened if Path(p).parent == folder)
    assert read == ["ex01-attribution.ipynb", "video-0.bin", "video-1.bin"], read
    before = batch.hand_in_stamp(folder)
    (folder / "ex01-attribution.ipynb").write_text('{"cells": []}', encoding="utf-8")  # the work changed: a new stamp
    assert batch.hand_in_stamp(folder) != before
    before = batch.hand_in_stamp(folder)
    sparse(videos[-1], third + 2)  # a file past the bytes read: told by its size
    assert batch.hand_in_stamp(folder) != before


def test_a_stamp_of_a_small_hand_in_is_what_it_was_before_the_cap(tmp_path):
    """Every file read, in name order, as recorded before attack23: an upgrade grades no hand-in again."""
    import hashlib
    import os

    folder = tmp_path / "handin"
    folder.mkdir()
    files = {"b.ipynb": b'{"cells": []}', "a.highlights.json": b"{}", "notes.txt": b"x" * 5000}
    for name, data in files.items():
        (folder / name).write_bytes(data)
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(os.fsencode(name) + b"\0" + hashlib.sha256(files[name]).digest())
    assert batch.hand_in_stamp(folder) == f"files {digest.hexdigest()[:16]}"


def test_one_count_sizes_a_hand_in_for_the_collector_and_for_grading(tmp_path):
    """``batch.too_big`` and ``exchange.bytes_over`` each walked a hand-in to add up its bytes; one walk serves both,
    stopping at the first limit passed, links neither followed nor counted."""
    folder = tmp_path / "handin"
    (folder / "data").mkdir(parents=True)
    sparse(folder / "a.bin", 600)
    sparse(folder / "data" / "b.bin", 500)
    (folder / "link.bin").symlink_to(sparse(tmp_path / "elsewhere.bin", 10_000))
    assert counted(folder) == (4, 0)  # a.bin, data, link.bin, data/b.bin; bytes only when asked
    assert counted(folder, max_bytes=10_000) == (4, 1100)
    assert bytes_over(folder, 1000) == 1100 and bytes_over(folder, 1100) is None
    assert batch.too_big(folder, 1000) == "0 MB, more than the 0 MB a hand-in may (CourseDirectory.max_dir_size)"
    assert batch.too_big(folder, 1100) == "" and batch.too_big(folder, None, max_entries=3).startswith("more than 3 ")

"""One-off: write notebooks/questions/ (YAML questions, Key files) from the QUESTIONS of lessons.py at a commit.

Run once (python tools/convert_lesson_questions.py OLD_LESSONS_PY); it proves
that the new keys give the very spans and links the old phrases gave, on the
article each lesson passes, and is then deleted.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import yaml

from medialit import from_text, load_article
from medialit.exercises import lessons
from medialit.exercises.key import Key, KeyMark, save

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
OUT = NOTEBOOKS / "questions"
TITLES = {p.name[:2]: p.stem for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")}


class Dumper(yaml.SafeDumper):
    """Prose folded, alias groups on one line, lists indented under their key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=">" if len(value) > 60 else None)


def _list(dumper: yaml.SafeDumper, value: list) -> yaml.Node:
    flat = all(isinstance(v, str) for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flat)


Dumper.add_representer(str, _str)
Dumper.add_representer(list, _list)


def old_module(path: str):
    spec = importlib.util.spec_from_file_location("old_lessons", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["old_lessons"] = module
    spec.loader.exec_module(module)
    return module


def articles() -> dict[str, tuple]:
    """Per activity: (the article its lesson passes to check_highlights, the article its key is over)."""
    practice = load_article(NOTEBOOKS / lessons.PRACTICE)
    example = load_article("stoere-putin-call")
    opening = from_text("Opening\n" + example.body[: example.body.index("He also highlighted")])
    free = lessons.without_graded(example)
    return {
        "l2.links": (opening, example),
        "l2.sources-activity": (practice, practice),
        "l3.sentences-activity": (practice, practice),
        "l4.framing-activity": (practice, practice),
        "l5.provenance-activity": (free, example),
    }


def carried(span, on, to):
    found = lessons._carry(span, on.body, to.body)
    assert found is not None, span
    return found


def write_key(old, qid: str, on, to) -> None:
    if old.QUESTIONS[qid].kind == "links":
        links = old.expected_links(qid, on)
        marks = [
            KeyMark(carried(link.source, on, to), speaker=link.speaker, cue=carried(link.cue, on, to)) for link in links
        ]
    else:
        marks = [KeyMark(carried(span, on, to)) for span in old.key_spans(qid, on)]
    key = Key(qid, to.id, "", tuple(marks)).completed(to.body)
    assert key.problems(to.body) == []
    save(key, OUT / "keys" / f"{qid}.json")


def main(old_path: str) -> None:
    old = old_module(old_path)
    (OUT / "keys").mkdir(parents=True, exist_ok=True)
    by_lesson: dict[int, list] = {}
    for q in old.QUESTIONS.values():
        entry = {"id": q.id, "kind": q.kind, "prompt": q.prompt, "hint": q.hint, "answer": q.answer}
        if q.accept:
            entry["accept"] = [list(group) for group in q.accept]
        if q.kind in ("spans", "links"):
            entry["key"] = f"keys/{q.id}.json"
        by_lesson.setdefault(int(q.id[1 : q.id.index(".")]), []).append(entry)
    for number, entries in by_lesson.items():
        title = TITLES[f"{number:02d}"]
        head = (
            f"# Self-checks of lesson {number} (notebooks/{title}.ipynb), read by medialit.exercises.lessons.\n"
            "# Schema: src/medialit/exercises/schemas/lesson-questions.schema.json; keys of activities in keys/.\n\n"
        )
        text = yaml.dump(entries, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=110)
        assert yaml.safe_load(text) == entries
        (OUT / f"lesson-{number:02d}.yaml").write_text(head + text.replace("\n- id:", "\n\n- id:"), encoding="utf-8")
    for qid, (on, to) in articles().items():
        write_key(old, qid, on, to)
    lessons.reset()
    for q in old.QUESTIONS.values():  # the same questions, and on each lesson's article the same key
        assert lessons.QUESTIONS[q.id].prompt == q.prompt and lessons.QUESTIONS[q.id].accept == q.accept
    for qid, (on, _) in articles().items():
        if old.QUESTIONS[qid].kind == "links":
            assert lessons.expected_links(qid, on) == old.expected_links(qid, on), qid
        else:
            assert lessons.key_spans(qid, on) == old.key_spans(qid, on), qid
    print(f"wrote {len(by_lesson)} lesson files and {len(articles())} keys; same spans and links as before")


if __name__ == "__main__":
    main(sys.argv[1])

"""Articles load exactly as written: the body is never rewritten, so every offset is stable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit.core.article import MAX_BYTES, ArticleError, from_text, load_article, missing_fields

FRONT = "---\nid: demo\ntitle: \"A \\\"quoted\\\" title\"\noutlet: 'Reader''s Digest'\n# a comment\nurl:\n---\n"


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_front_matter_fields_are_unquoted(tmp_path):
    article = load_article(write(tmp_path, "demo.md", FRONT + "Body text.\n"))
    assert article.meta == {"id": "demo", "title": 'A "quoted" title', "outlet": "Reader's Digest", "url": ""}
    assert article.id == "demo"
    assert article.title == 'A "quoted" title'
    assert missing_fields(article) == ["date", "language", "license"]


def test_body_is_every_character_after_the_closing_line(tmp_path):
    body = "\n  Indented first line.\n\nSecond paragraph.  \n\n\n"
    article = load_article(write(tmp_path, "demo.md", FRONT + body))
    assert article.body == body


def test_plain_text_first_nonempty_line_is_title_and_body_is_whole_file(tmp_path):
    text = "\n  Headline here \nFirst sentence. Second one.\n"
    article = load_article(write(tmp_path, "story.txt", text))
    assert article.title == "Headline here"
    assert article.body == text
    assert article.id == "headline-here"


def test_from_text_string():
    article = from_text("Title line\nHe said it. She agreed.", title=None)
    assert article.title == "Title line"
    assert [article.text(*s) for s in article.sentences] == ["Title line", "He said it.", "She agreed."]
    assert from_text("Body only.", title="Given").title == "Given"
    with pytest.raises(ArticleError, match="empty"):
        from_text(" \n\t")


def test_crlf_line_endings_are_kept_in_plain_text(tmp_path):
    text = "Title\r\nOne sentence. Another one.\r\n"
    article = load_article(write(tmp_path, "crlf.txt", text))
    assert article.body == text  # offsets count the \r characters
    assert [article.text(*s) for s in article.sentences] == ["Title", "One sentence.", "Another one."]


def test_crlf_front_matter_is_refused_with_advice(tmp_path):
    path = write(tmp_path, "crlf.md", FRONT.replace("\n", "\r\n") + "Body.\r\n")
    with pytest.raises(ArticleError, match="LF line endings"):
        load_article(path)


def test_byte_order_mark_is_dropped(tmp_path):
    article = load_article(write(tmp_path, "bom.md", b"\xef\xbb\xbf" + (FRONT + "Body.\n").encode()))
    assert article.body == "Body.\n"
    assert article.meta["id"] == "demo"
    plain = load_article(write(tmp_path, "bom.txt", b"\xef\xbb\xbfTitle\nBody.\n"))
    assert plain.body == "Title\nBody.\n"


def test_a_pasted_text_drops_the_byte_order_mark_as_a_loaded_file_does(tmp_path):
    """Text copied out of a Notepad file keeps U+FEFF (not whitespace to ``str.strip``): it was the title's."""
    pasted = from_text("\ufeffTitle\nBody.\n")
    loaded = load_article(write(tmp_path, "bom.txt", b"\xef\xbb\xbfTitle\nBody.\n"))
    assert (
        (pasted.title, pasted.body, pasted.id)
        == (loaded.title, loaded.body, loaded.id)
        == ("Title", "Title\nBody.\n", "title")
    )
    with pytest.raises(ArticleError, match="empty"):
        from_text("\ufeff\n")


def test_sentence_and_paragraph_offsets_are_exact_and_trimmed():
    article = load_article("stoere-putin-call")
    assert article.sentences, "the example article has sentences"
    for start, end in article.sentences + [(b.start, b.end) for b in article.paragraphs]:
        text = article.body[start:end]
        assert text and text == text.strip()
    starts = [s for s, _ in article.sentences]
    assert starts == sorted(starts)
    for (_, end), (start, _) in zip(article.sentences, article.sentences[1:], strict=False):
        assert end <= start  # sentences never overlap


def test_paragraph_kinds():
    body = (
        "Heading without a full stop\n\n"
        "# Markdown heading\n"
        "A prose paragraph. With two sentences.\n"
        "– A dash quote. It goes on, says Ola.\n"
        "- First bullet item.\n"
        "* Second bullet. Two sentences.\n"
    )
    article = from_text(body)
    kinds = [(b.kind, article.text(b.start, b.end)[:8]) for b in article.paragraphs]
    assert kinds == [
        ("heading", "Heading "),
        ("heading", "# Markdo"),
        ("text", "A prose "),
        ("quote", "– A dash"),
        ("bullet", "- First "),
        ("bullet", "* Second"),
    ]
    assert [article.text(*s) for s in article.sentences] == [
        "Heading without a full stop",
        "# Markdown heading",
        "A prose paragraph.",
        "With two sentences.",
        "– A dash quote.",
        "It goes on, says Ola.",
        "- First bullet item.",
        "* Second bullet.",
        "Two sentences.",
    ]


def test_abbreviations_and_initials_do_not_end_sentences():
    article = from_text("Title\nDr. Smith met Mr. J. Doe in the U.S. on Monday. The U.S. agreed. Then it ended.")
    assert [article.text(*s) for s in article.sentences] == [
        "Title",
        "Dr. Smith met Mr. J. Doe in the U.S. on Monday.",
        "The U.S. agreed.",
        "Then it ended.",
    ]


def test_bundled_example_equals_the_shared_corpus_copy(shared_dir):
    shared = load_article(shared_dir / "corpus" / "dev" / "stoere-putin-call.md")
    bundled = load_article("stoere-putin-call")
    assert bundled.body == shared.body
    assert bundled.meta == shared.meta
    gold = json.loads((shared_dir / "corpus" / "dev" / "stoere-putin-call.gold.json").read_text(encoding="utf-8"))
    assert bundled.sha256 == gold["body_sha256"]


def test_sentence_boundaries_agree_with_the_dev_corpus_gold(shared_dir):
    agree = total = 0
    for gold_path in sorted((shared_dir / "corpus" / "dev").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = load_article(gold_path.with_name(gold_path.name.replace(".gold.json", ".md")))
        assert article.sha256 == gold["body_sha256"], gold_path.name
        wanted = {(s["start"], s["end"]) for s in gold["sentences"]}
        agree += len(wanted & set(article.sentences))
        total += len(wanted)
    assert total >= 195
    assert agree >= total - 1, f"{agree}/{total} gold sentences found exactly"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.md", b"", "empty"),
        ("blank.txt", b" \n\n\t\n", "only whitespace"),
        ("binary.txt", b"PK\x03\x04\x00\x00binary", "binary"),
        ("latin1.txt", "Tittel\nBlåbær.".encode("latin-1"), "not UTF-8"),
        ("open.md", b"---\nid: x\ntitle: y\nBody.\n", "never closed"),
        ("broken.md", b"---\nid: x\njust words\n---\nBody.\n", "line 3 is not 'key: value'"),
        ("nobody.md", b"---\nid: x\n---\n\n  \n", "no body"),
        ("onlyfront.md", b"---\nid: x\n---", "no body"),
        ("plain.md", b"Title\nBody without front matter.\n", "no front matter"),
    ],
)
def test_unusable_files_raise_article_error_naming_the_file(tmp_path, name, data, message):
    path = write(tmp_path, name, data)
    with pytest.raises(ArticleError, match=message) as caught:
        load_article(path)
    assert str(path) in str(caught.value)
    assert ";" in str(caught.value)  # what is wrong; what to do


def test_missing_file_folder_and_size_limit(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        load_article(tmp_path / "nope.md")
    with pytest.raises(ArticleError, match="is a folder"):
        load_article(tmp_path)
    big = tmp_path / "big.txt"
    big.write_bytes(b"Word. " * (MAX_BYTES // 6 + 1))
    with pytest.raises(ArticleError, match="too large"):
        load_article(big)
    with pytest.raises(ArticleError, match="cannot be read"):
        load_article(tmp_path / ("x" * 300))  # a name longer than the file system allows


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("title: [unclosed\n", "line 2"),
        ("- a\n- b\n", "not 'key: value' lines"),
    ],
)
def test_invalid_yaml_front_matter_is_one_line_naming_file_and_line(tmp_path, front, message):
    path = write(tmp_path, "bad.md", f"---\n{front}---\nBody.\n")
    with pytest.raises(ArticleError, match=message) as caught:
        load_article(path)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_yaml_lists_folded_strings_and_dates_are_read(tmp_path):
    front = "id: demo\ntitle: >\n  A folded\n  title\ntags: [news, courts]\ndate: 2022-03-31\n"
    article = load_article(write(tmp_path, "demo.md", f"---\n{front}---\nBody.\n"))
    assert article.title == "A folded title\n"
    assert article.meta["tags"] == ["news", "courts"]
    assert article.meta["date"] == "2022-03-31"


def test_a_paragraph_closed_by_reference_marks_is_text_not_a_heading():
    """Encyclopedia text ends paragraphs with footnote marks; a heading may still carry one ("Career [edit]")."""
    article = from_text("Early life\n\nHe was born in Lyon in 1811. He died on 31 May. [17][18]\n\nCareer [edit]\n")
    assert [b.kind for b in article.paragraphs] == ["heading", "text", "heading"]


def test_reference_marks_stay_with_the_sentence_they_close():
    article = from_text("Body\n\nHe was born in Lyon. [1] [2] His father was a baker. [3]\n\nHe died young. [4]\n")
    assert [article.text(*s) for s in article.sentences][1:] == [
        "He was born in Lyon. [1] [2]",
        "His father was a baker. [3]",
        "He died young. [4]",
    ]


def test_a_numbered_list_item_is_one_sentence_with_its_number():
    article = from_text("Body\n\n1. Matter is made of atoms.\n2. Atoms of one element are alike.\n")
    assert [article.text(*s) for s in article.sentences][1:] == [
        "1. Matter is made of atoms.",
        "2. Atoms of one element are alike.",
    ]


def test_a_line_of_brackets_alone_is_no_quotation_and_a_number_inside_a_paragraph_no_list():
    """ "[Advertisement]" or "[1]" on a line is what it was before reference marks were known (a heading); a
    number ending a question's answer mid-paragraph ends its own sentence, as any sentence does."""
    article = from_text("Storm\n\n[Advertisement]\n\n[1]\n\nHow many died? 12. The toll may rise.\n")
    assert [b.kind for b in article.paragraphs] == ["heading", "heading", "heading", "text"]
    assert [article.text(*s) for s in article.sentences][-3:] == ["How many died?", "12.", "The toll may rise."]

"""`medialit new-article`: text, Markdown and saved HTML become corpus-style articles; no field is left empty."""

from __future__ import annotations

from pathlib import Path

import pytest

from medialit.cli import main
from medialit.core.article import ArticleError, load_article, missing_fields
from medialit.instructor.new_article import complete, from_html

FIELDS = ["--title", "A storm", "--outlet", "Daily Bugle", "--date", "2024-03-05"]
FIELDS += ["--url", "local", "--license", "CC BY 4.0"]
PAGE = """<!DOCTYPE html>
<html><head><title>Big storm hits the harbour town | Daily Bugle</title>
<meta property="og:title" content="Big storm hits the harbour town">
<meta property="og:site_name" content="Daily Bugle">
<meta name="date" content="2024-03-05">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> Subscribe now</nav>
<article><h1>Big storm hits the harbour town</h1>
<p>A big storm hit the harbour town on Monday, officials said. The mayor said the damage was severe and that
schools would stay closed until Thursday at the earliest.</p>
<p>Residents were told to stay indoors. It is reportedly the worst storm in decades, according to the national
weather service, which recorded gusts of 140 kilometres an hour.</p>
</article>
<footer>Copyright Daily Bugle. Cookie settings.</footer>
</body></html>
"""


def test_a_text_file_becomes_an_article_with_every_required_field(tmp_path, capsys):
    text = "A storm\n\nA storm hit the town, officials said.\n"
    (tmp_path / "storm.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "storm.md"
    assert main(["new-article", str(tmp_path / "storm.txt"), *FIELDS, "--out", str(out)]) == 0
    article = load_article(out)
    assert article.body == text  # offsets count in exactly this text
    assert missing_fields(article) == []
    assert article.meta["outlet"] == "Daily Bugle" and article.meta["language"] == "en"
    assert article.id == "a-storm"
    said = capsys.readouterr().out
    assert f"wrote {out}" in said
    assert f"medialit analyze {out}" in said  # a self-learner studies it; an instructor drafts a key


def test_an_id_from_a_long_title_is_cut_at_a_word_and_a_bad_id_is_refused_in_one_line(tmp_path, capsys):
    title = "The Regional Council Votes Again on the Harbour Ferry Terminal After Months of Delay"
    (tmp_path / "vote.txt").write_text(f"{title}\n\nThe council voted, the mayor said.\n", encoding="utf-8")
    args = ["new-article", str(tmp_path / "vote.txt"), *FIELDS[2:], "--title", title, "--outlet", "Bugle"]
    assert main([*args, "--out", str(tmp_path / "vote.md")]) == 0
    assert load_article(tmp_path / "vote.md").id == "the-regional-council-votes-again-on-the-harbour-ferry"
    assert main([*args, "--id", "harbour vote!", "--out", str(tmp_path / "bad.md")]) == 2
    err = capsys.readouterr().err
    assert "id 'harbour vote!': use at most 60 letters" in err and err.count("\n") == 1
    assert not (tmp_path / "bad.md").exists()


def test_missing_fields_are_refused_in_one_line_naming_them(tmp_path, capsys):
    (tmp_path / "storm.txt").write_text("A storm\n\nA storm hit the town.\n", encoding="utf-8")
    out = tmp_path / "storm.md"
    assert main(["new-article", str(tmp_path / "storm.txt"), "--outlet", "Daily Bugle", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == "medialit: missing date, url, license: give them as options (--date ... --url ... --license ...)\n"
    assert not out.exists()


def test_a_saved_html_page_gives_text_and_metadata_without_the_page_furniture(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "storm.md"
    args = ["new-article", str(tmp_path / "page.html"), "--url", "https://bugle.example/storm"]
    assert main([*args, "--license", "all rights reserved, classroom use", "--out", str(out)]) == 0
    article = load_article(out)
    assert article.meta["title"] == "Big storm hits the harbour town"
    assert article.meta["outlet"] == "Daily Bugle"
    assert article.meta["date"] == "2024-03-05"
    assert article.body.startswith("Big storm hits the harbour town\n\nA big storm hit the harbour town on Monday")
    assert "weather service" in article.body
    assert "Subscribe" not in article.body and "Cookie" not in article.body


def test_html_without_article_text_is_refused():
    with pytest.raises(ArticleError, match="no article text found"):
        from_html("<html><head><title>x</title></head><body><div></div></body></html>", "empty.html")


def test_a_url_is_fetched_only_when_asked_and_offline_fails_in_one_line(tmp_path, capsys):
    code = main(["new-article", "https://news.example.invalid/storm", *FIELDS, "--out", str(tmp_path / "x.md")])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("medialit: https://news.example.invalid/storm: cannot be fetched (")
    assert "save the page as HTML" in err and err.count("\n") == 1
    assert not (tmp_path / "x.md").exists()


def test_front_matter_of_a_markdown_source_is_kept(tmp_path, shared_dir):
    source = shared_dir / "corpus" / "dev" / "ottawa-document-found-on-street.md"
    out = tmp_path / "ottawa.md"
    assert main(["new-article", str(source), "--out", str(out)]) == 0
    copy, original = load_article(out), load_article(source)
    assert copy.body == original.body and copy.meta["url"] == original.meta["url"]
    assert copy.meta["license"] == "CC BY 2.5"


def test_a_markdown_source_saved_with_windows_line_endings_keeps_its_front_matter(tmp_path, capsys):
    """instr20: a .md with front matter saved on Windows (BOM, CRLF) was read as plain text: the front matter
    became the body and the title '---', with no word said. Its fields are read; the body keeps its CRLF."""
    source = tmp_path / "fares.md"
    body = "Ferry fares rise\r\n\r\nFares rise by 10 percent, the operator said.\r\n"
    front = "---\r\ntitle: Ferry fares rise\r\noutlet: Bugle\r\nurl: https://bugle.example/f\r\n---\r\n"
    source.write_bytes(b"\xef\xbb\xbf" + (front + body).encode())
    out = tmp_path / "out.md"
    assert main(["new-article", str(source), "--date", "2026-11-20", "--license", "CC BY 4.0", "--out", str(out)]) == 0
    article = load_article(out)
    assert article.title == "Ferry fares rise" and article.meta["outlet"] == "Bugle"
    assert article.body == body and article.meta["url"] == "https://bugle.example/f"
    for mixed in (  # review20: a line added by an editor that writes LF (or CR LF after an LF first line)
        front.replace("outlet: Bugle\r\n", "outlet: Bugle\n"),
        front.replace("---\r\ntitle", "---\ntitle", 1),
    ):
        source.write_bytes((mixed + body).encode())
        args = ["new-article", str(source), "--date", "2026-11-20", "--license", "CC BY 4.0", "--out", str(out)]
        assert main([*args, "--force"]) == 0
        article = load_article(out)
        assert article.meta["outlet"] == "Bugle" and article.meta["url"] == "https://bugle.example/f", mixed
        assert article.body == body


def test_at_a_terminal_each_missing_field_is_asked_until_answered():
    asked = []
    answers = iter(["", "Daily Bugle", "2024-03-05", "https://bugle.example/storm", "CC BY 4.0"])

    def ask(name: str) -> str:
        asked.append(name)
        return next(answers)

    meta = complete({"title": "A storm"}, {"title": None}, ask)
    assert asked == ["outlet", "outlet", "date", "url", "license"]  # an empty answer is asked again
    assert meta["outlet"] == "Daily Bugle" and meta["id"] == "a-storm"


def test_an_existing_file_is_not_replaced_without_force(tmp_path, capsys):
    (tmp_path / "storm.txt").write_text("A storm\n\nA storm hit the town.\n", encoding="utf-8")
    out = tmp_path / "storm.md"
    out.write_text("mine", encoding="utf-8")
    assert main(["new-article", str(tmp_path / "storm.txt"), *FIELDS, "--out", str(out)]) == 2
    assert "pass --force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "mine"
    assert main(["new-article", str(tmp_path / "storm.txt"), *FIELDS, "--out", str(out), "--force"]) == 0
    assert Path(out).read_text(encoding="utf-8").startswith("---\nid: ")


def test_at_a_real_terminal_the_command_asks_for_what_is_missing(tmp_path, medialit_command):
    import os
    import pty
    import select
    import subprocess

    (tmp_path / "storm.txt").write_text("A storm\n\nA storm hit the town, officials said.\n", encoding="utf-8")
    main_fd, terminal = pty.openpty()
    command = [*medialit_command, "new-article", "storm.txt", "--outlet", "Daily Bugle", "--date", "2024-03-05"]
    process = subprocess.Popen(command, cwd=tmp_path, stdin=terminal, stdout=terminal, stderr=terminal)
    os.close(terminal)
    answers = {"url: ": "https://bugle.example/storm", "license (e.g. CC BY 4.0": "CC BY 4.0"}
    seen = ""
    try:
        while process.poll() is None or select.select([main_fd], [], [], 0)[0]:
            if not select.select([main_fd], [], [], 60)[0]:
                break
            try:
                seen += os.read(main_fd, 1024).decode()
            except OSError:  # the terminal closed with the process
                break
            for prompt, answer in list(answers.items()):
                if prompt in seen:
                    os.write(main_fd, (answer + "\n").encode())
                    del answers[prompt]
    finally:
        os.close(main_fd)
        process.wait(timeout=60)
    assert process.returncode == 0, seen
    assert not answers, f"not asked: {list(answers)}"
    article = load_article(tmp_path / "a-storm.md")
    assert article.meta["url"] == "https://bugle.example/storm" and article.meta["license"] == "CC BY 4.0"
    assert "title:" not in seen and "outlet:" not in seen  # from the file and the options: not asked


def test_a_title_without_latin_letters_gets_its_own_id_and_latin_titles_keep_theirs(tmp_path):
    """Greek or Chinese titles once all became `article`: two such articles clashed in file name and assignment."""
    ids = []
    for n, title in enumerate(["Καταιγίδα στο λιμάνι", "Ζωή στο καφέ", "台风关闭学校"]):
        (tmp_path / f"{n}.txt").write_text(f"{title}\n\nThe harbour closed, officials said.\n", encoding="utf-8")
        out = tmp_path / f"{n}.md"
        assert main(["new-article", str(tmp_path / f"{n}.txt"), *FIELDS[2:], "--title", title, "--out", str(out)]) == 0
        ids.append(load_article(out).id)
    assert len(set(ids)) == 3 and all(i.startswith("article-") and len(i) == 16 for i in ids), ids
    (tmp_path / "z.txt").write_text("Zoë's café: Überfall in Malmö\n\nIt rained.\n", encoding="utf-8")
    assert main(["new-article", str(tmp_path / "z.txt"), *FIELDS[2:], "--out", str(tmp_path / "z.md")]) == 0
    assert load_article(tmp_path / "z.md").id == "zo-s-caf-berfall-in-malm"  # an id that existed stays as it was

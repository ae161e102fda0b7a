"""How soon does a long article first show in the Highlighter, as shipped and with paragraph-level
``content-visibility: auto``? Prints numbers; asserts nothing.

    python benchmarks/bench_first_paint.py [--words 20000] [--runs 5] [--links 100]
    python benchmarks/bench_first_paint.py --article stoere-putin-call --links 10   # a lesson's article

Starts JupyterLab on 127.0.0.1 (the browser tests' ``running_lab``) and Debian's Chromium. The notebook shows a
Highlighter over a ``--words``-word article (or a bundled ``--article``) with ``--links`` links and a stack of five
overlapping marks. Each run reloads the page and runs the cell (Ctrl+Enter), for two variants in turn:

- ``shipped``: the widget as it is (every paragraph laid out and painted before the first frame; above 2,000
  words and punctuation runs a paragraph is drawn as its text and marks until the pointer, cursor or a selection
  reaches it, without an element per word: perf22 measured 45,565 elements for 20,000 words before, 3,538 after);
- ``auto``: the same page with ``content-visibility: auto`` on every paragraph (one out of view is neither laid
  out nor painted), room below a paragraph for its deepest underline and the text box's sides moved into the
  paragraphs, so paint containment cuts nothing off (student21 checked it pixel for pixel).

For each it prints the median (and range) of: the widget's DOM build (``data-render-ms``), its render to the
first frame laid out and painted (``data-shown-ms``), and Ctrl+Enter to that first frame as the page saw it
(kernel round trip included), and how many of the widget's marks Chromium's accessibility tree holds (what a
screen reader can reach): ``content-visibility: auto`` leaves the skipped paragraphs out of it, which is why the
widget does not ship it (``tests/browser/test_long_article_browser.py`` guards that).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_widget import browser_helpers, linked_marks, long_article

from medialit import from_text, load_article
from medialit.core import sidecar
from medialit.core.spans import Span

AUTO = """
.medialit-highlighter .ml-text { padding-left: 0; padding-right: 0; }
.medialit-highlighter .ml-p { content-visibility: auto; contain-intrinsic-size: auto 4.6em; padding: 0 0.5em 30px; }
"""
HEARD = """() => document.querySelectorAll('.medialit-highlighter .ml-mark[role=mark]').length"""
SHOWN = """() => {
  const w = document.querySelector('.medialit-highlighter');
  return w && w.dataset.shownMs ? [performance.now(), +w.dataset.renderMs, +w.dataset.shownMs] : null;
}"""


def stacked(article, depth: int = 5) -> list[Span]:
    """``depth`` marks over one phrase, each a word longer: underlines ``depth`` levels deep."""
    start = article.body.index("Støre")
    ends = [m.end() for m in re.finditer(r"\w+", article.body[start:])][:depth]
    labels = ["source", "claim", "cue", "framing", "source"][:depth]
    return [Span(start, start + end, label) for end, label in zip(ends, labels, strict=True)]


def heard_marks(page) -> int:
    """Marks (role ``mark``) in Chromium's accessibility tree, read over the DevTools protocol."""
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    return sum(1 for n in tree if n.get("role", {}).get("value") == "mark")


def one_run(page, nb, variant: str) -> tuple[float, float, float]:
    nb.open()
    if variant == "auto":
        page.add_style_tag(content=AUTO)
    cell = nb.cell(0)
    cell.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Escape")
    before = page.evaluate("() => performance.now()")
    page.keyboard.press("Control+Enter")
    seen, render_ms, shown_ms = page.wait_for_function(SHOWN, timeout=120_000).json_value()
    return render_ms, shown_ms, seen - before


def line(name: str, values: list[float]) -> str:
    return f"{name}: median {statistics.median(values):.0f} ms (range {min(values):.0f} to {max(values):.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--links", type=int, default=100)
    parser.add_argument("--article", help="a bundled article (one with 'Støre' in it) instead of --words")
    args = parser.parse_args()
    helpers = browser_helpers()
    from playwright.sync_api import sync_playwright

    # the notebook makes the article from its text and this title, so its id matches the saved marks'
    if args.article:
        article = from_text(load_article(args.article).body, title="Long article")
    else:
        article = long_article(args.words)
    results: dict[str, list[tuple[float, float, float]]] = {"shipped": [], "auto": []}
    heard: dict[str, tuple[int, int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root, home = Path(tmp) / "root", Path(tmp) / "home"
        root.mkdir()
        home.mkdir()
        (root / "long.txt").write_text(article.body, encoding="utf-8")
        marks, links = linked_marks(article, args.links)
        marks = tuple(sorted({*stacked(article), *marks}))
        saved = sidecar.Saved(article.id, article.sha256, "spans", marks, links=tuple(links))
        sidecar.write(root / "bench.highlights.json", saved)
        setup = (
            "from medialit import Highlighter, from_text\n"
            "article = from_text(open('long.txt', encoding='utf-8').read(), title='Long article')\n"
            "Highlighter(article, save_to='bench.highlights.json')"
        )
        path = helpers.write_notebook(root / "bench.ipynb", [setup])
        with helpers.running_lab(root, home) as lab, sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=helpers.CHROMIUM, args=helpers.CHROMIUM_ARGS)
            page = chromium.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(helpers.TIMEOUT_MS)
            nb = helpers.Notebook(page, lab, path)
            one_run(page, nb, "shipped")  # warm-up: kernel, imports, caches
            for _ in range(args.runs):
                for variant in results:
                    results[variant].append(one_run(page, nb, variant))
                    heard[variant] = (heard_marks(page), page.evaluate(HEARD))
            chromium.close()
    words = len(article.body.split())
    print(f"article: {words} words, {len(article.body)} characters, {len(marks)} marks, {args.runs} runs each")
    for variant, runs in results.items():
        render, shown, wall = zip(*runs, strict=True)
        print(f"{variant}:")
        print(f"  {line('DOM built', list(render))}")
        print(f"  {line('first frame painted', list(shown))}")
        print(f"  {line('Ctrl+Enter to first frame', list(wall))}")
        print(f"  marks in the accessibility tree: {heard[variant][0]} of {heard[variant][1]}")


if __name__ == "__main__":
    main()

"""How fast is the Highlighter in a real browser? Prints numbers; asserts nothing.

    python benchmarks/bench_widget.py [--words 5000] [--presses 30] [--links 100]

Starts JupyterLab on 127.0.0.1 (the browser tests' ``running_lab``) and drives
Debian's Chromium with Playwright. Reports:

- render: the widget's own render of a ``--words``-word article (DOM built, and
  to the next animation frame, i.e. laid out), goal under 0.5 s;
- key latency: the work a key press puts before the next frame (an arrow key
  moving the word cursor, or a label key making a mark): the key handler plus
  the style and layout it causes, read by forcing layout right after it;
  median, p95 and worst of ``--presses`` presses of each kind; goal: within
  one frame (p95 under 16 ms) and no press over 50 ms; all with ``--links``
  links (source -> cue, numbered badges) spread over the article;
- link keys: ``L`` starting a link from the mark under the cursor and ``Escape``
  cancelling it, same goal;
- open to highlighted: from opening the notebook (kernel idle) through run-all
  to the saved marks visible, goal under 3 s after the kernel is up.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from medialit import from_text, load_article  # noqa: E402
from medialit.core import sidecar  # noqa: E402
from medialit.core.article import bundled_ids  # noqa: E402
from medialit.core.links import make_link  # noqa: E402
from medialit.core.spans import Span  # noqa: E402

GOALS = {"render": 0.5, "p95": 0.016, "key": 0.050, "open": 3.0}

PRESS = """async ([key]) => {
  // A label key's mark is shown once the widget's kernel has answered a round trip (the restart guard,
  // highlighter.js alive()): the handler's own work (key handler, style, layout) is timed first, then the wait
  // until the new mark is in the text.
  const text = document.querySelector('.medialit-highlighter .ml-text');
  const before = text.querySelectorAll('.ml-mark').length;
  const t0 = performance.now();
  text.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true, cancelable: true}));
  text.getBoundingClientRect();  // style and layout of the change, as the next frame needs them
  const handler = performance.now() - t0;
  while (text.querySelectorAll('.ml-mark').length <= before) {
    if (performance.now() - t0 > 10000) return [false, handler, null];
    await new Promise(r => requestAnimationFrame(r));
  }
  return [true, handler, performance.now() - t0];
}"""
LINK = """([key]) => {
  const text = document.querySelector('.medialit-highlighter .ml-text');
  const t0 = performance.now();
  text.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true, cancelable: true}));
  text.getBoundingClientRect();
  return [text.querySelectorAll('.ml-linking').length, performance.now() - t0];
}"""
MOVE = """async () => {
  const text = document.querySelector('.medialit-highlighter .ml-text');
  const times = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    text.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true, cancelable: true}));
    text.getBoundingClientRect();
    times.push(performance.now() - t0);
    await new Promise(r => requestAnimationFrame(r));
  }
  return times;
}"""


def long_article(words: int):
    bodies = [load_article(i).body for i in bundled_ids() if i.islower()]  # not SOURCES.md
    parts, count = [], 0
    while count < words:
        body = bodies[len(parts) % len(bodies)]
        parts.append(body)
        count += len(body.split())
    return from_text("Long article\n" + "\n".join(parts), title="Long article")


def linked_marks(article, links: int):
    """``links`` source -> cue pairs (two neighbouring words) spread evenly over the article."""
    import re

    words = [m.span() for m in re.finditer(r"\w+", article.body)]
    step = max(2, len(words) // max(1, links))
    marks, pairs = [], []
    for i in range(0, min(links * step, len(words) - 1), step):
        source, cue = Span(*words[i], "source"), Span(*words[i + 1], "cue")
        marks += [source, cue]
        pairs.append(make_link([source, cue], speaker="Someone", kind="indirect"))
    return marks, pairs[:links]


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"median {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms, worst {ordered[-1]:.1f} ms"
        f" over {len(ordered)} presses"
    )


def browser_helpers():
    sys.path.insert(0, str(REPO / "tests" / "browser"))  # the conftest imports its server helper, labkit
    spec = importlib.util.spec_from_file_location("browser_conftest", REPO / "tests" / "browser" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20000)
    parser.add_argument("--presses", type=int, default=30)
    parser.add_argument("--links", type=int, default=100)
    args = parser.parse_args()
    helpers = browser_helpers()
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=helpers.TIMEOUT_MS)
    article = long_article(args.words)
    with tempfile.TemporaryDirectory() as tmp:
        root, home = Path(tmp) / "root", Path(tmp) / "home"
        root.mkdir()
        home.mkdir()
        (root / "long.txt").write_text(article.body, encoding="utf-8")
        import re

        first = re.search(r"\w+", article.body)  # a saved mark at the top, for "open to highlighted" to wait for
        marks, links = linked_marks(article, args.links)
        marks = tuple(sorted({Span(*first.span(), "source"), *marks}))
        saved = sidecar.Saved(article.id, article.sha256, "spans", marks, links=tuple(links))
        sidecar.write(root / "bench.highlights.json", saved)
        setup = (
            "from medialit import Highlighter, from_text\n"
            "article = from_text(open('long.txt', encoding='utf-8').read(), title='Long article')\n"
            "h = Highlighter(article, save_to='bench.highlights.json')\nh"
        )
        path = helpers.write_notebook(root / "bench.ipynb", [setup])
        with helpers.running_lab(root, home) as lab, sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=helpers.CHROMIUM, args=helpers.CHROMIUM_ARGS)
            page = chromium.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(helpers.TIMEOUT_MS)
            nb = helpers.Notebook(page, lab, path).open()
            kernel_up = time.perf_counter()
            nb.run_all()
            expect(page.locator(".medialit-highlighter .ml-mark").first).to_be_visible()
            open_seconds = time.perf_counter() - kernel_up
            widget = page.locator(".medialit-highlighter").first
            page.wait_for_function("() => document.querySelector('.medialit-highlighter')?.dataset.paintMs")
            render_ms = float(widget.get_attribute("data-render-ms"))
            paint_ms = float(widget.get_attribute("data-paint-ms"))
            page.locator(".medialit-highlighter .ml-text").focus()
            assert page.locator(".ml-link-item").count() == len(links), "the links did not load"
            latencies, shown, moves, link_keys = [], [], [], []
            for _ in range(args.presses):
                moves += page.evaluate(MOVE)
                marked, ms, shown_ms = page.evaluate(PRESS, ["2"])
                assert marked, "a key press made no mark in 10 s"
                latencies.append(ms)
                shown.append(shown_ms)
                pending, ms = page.evaluate(LINK, ["l"])
                assert pending, "L started no link"
                link_keys.append(ms)
                pending, ms = page.evaluate(LINK, ["Escape"])
                assert not pending, "Escape left the link pending"
                link_keys.append(ms)
            chromium.close()
    words = len(article.body.split())
    print(f"article: {words} words, {len(article.body)} characters, {len(links)} links")
    print(f"render: {render_ms:.0f} ms DOM, {paint_ms:.0f} ms to first frame   goal < {GOALS['render'] * 1000:.0f} ms")
    goal = f"goal p95 < {GOALS['p95'] * 1000:.0f} ms, worst < {GOALS['key'] * 1000:.0f} ms"
    print(f"label key, handler (style and layout): {summary(latencies)}   {goal}")
    print(f"label key to mark shown (kernel round trip, then the frame): {summary(shown)}")
    print(f"arrow key to cursor moved: {summary(moves)}   {goal}")
    print(f"link keys (L starts, Escape cancels): {summary(link_keys)}   {goal}")
    print(f"open to highlighted (kernel up -> run all -> marks shown): {open_seconds:.2f} s   goal < {GOALS['open']} s")


if __name__ == "__main__":
    main()

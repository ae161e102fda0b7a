"""Lesson figures: they count what they are given, label everything and describe themselves."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest
from matplotlib.colors import to_hex

from medialit.core.spans import Attribution, Span
from medialit.exercises import plots

BODY = "x" * 1000


def attribution(speaker: str, kind: str) -> Attribution:
    return Attribution(speaker, Span(0, 5, "source"), Span(6, 10, "cue"), Span(11, 20, "content"), kind)


def rows(ax) -> dict[str, int]:
    return {t.get_text(): round(t.get_position()[1]) for t in ax.get_yticklabels()}


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_speakers_stacks_kinds_per_speaker_and_orders_by_total():
    items = [attribution("Støre", "direct")] * 3 + [attribution("Støre", "indirect"), attribution("Allies", "mixed")]
    ax = plots.speakers(items)
    assert rows(ax) == {"Støre": 1, "Allies": 0}  # most on top
    widths = {(round(p.get_y()), p.get_width()) for p in ax.patches}
    assert (1, 3.0) in widths and (1, 1.0) in widths and (0, 1.0) in widths
    assert "Støre: 4" in plots.alt_text(ax) and "Allies: 1" in plots.alt_text(ax)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["direct", "indirect", "mixed"]


def test_a_long_speaker_is_cut_as_the_analyzers_table_cuts_it():
    """review21: the bar labels clip a name with ``quoting.clipped``, the one function the analyzer's table and
    feedback use (plots had its own copy, which kept a line break in a name and drew the label on two lines)."""
    from medialit.core.quoting import clipped

    long = "Norway's allies\nand partners in the North Atlantic Treaty Organization"
    ax = plots.speakers([attribution(long, "indirect")])
    (label,) = rows(ax)
    assert label == clipped(long, 32) and "\n" not in label and label.endswith("…") and len(label) == 32


def test_speakers_accepts_an_object_with_attributions():
    class Result:
        attributions = (attribution("A", "according_to"),)

    ax = plots.speakers(Result())
    assert "1 attribution by" in plots.alt_text(ax)


def test_speakers_bars_differ_by_hatch_as_well_as_colour():
    ax = plots.speakers([attribution("A", "direct"), attribution("A", "indirect")])
    hatches = {p.get_hatch() for p in ax.patches}
    colours = {to_hex(p.get_facecolor()) for p in ax.patches}
    assert len(hatches) == 2 and len(colours) == 2
    assert colours <= {c.lower() for c in plots.PALETTE}


def test_speakers_with_nothing_still_has_title_and_alt_text():
    ax = plots.speakers([])
    assert ax.get_title() and "No attributions" in plots.alt_text(ax)


def test_an_empty_chart_says_in_the_frame_that_nothing_was_found():
    """An article with no attribution or no framing cue (lesson 7's own text) drew a blank frame."""
    speakers = plots.speakers([])
    framing = plots.framing_positions([], BODY)
    assert "No attributions found" in " ".join(t.get_text() for t in speakers.texts)
    assert "No framing cues found" in " ".join(t.get_text() for t in framing.texts)
    assert not plots.speakers([attribution("A", "direct")]).texts  # a chart with bars carries no such note


def test_an_empty_charts_note_is_in_its_alt_text_too():
    """A screen reader hears the alt text, not the note drawn in the frame: the empty framing chart's alt said
    "0 of them fall in the opening 15 per cent", and neither said to read the text yourself."""
    for ax in (plots.speakers([]), plots.framing_positions([], BODY)):
        for text in ax.texts:
            for line in text.get_text().splitlines():
                assert line in plots.alt_text(ax), f"{line!r} is drawn but not in the alt text"
    assert "0 of them fall" not in plots.alt_text(plots.framing_positions([], BODY))


def test_sentence_map_places_sentences_by_position_and_label():
    spans = [Span(0, 100, "other"), Span(100, 200, "unsupported"), Span(900, 1000, "unsupported")]
    ax = plots.sentence_map(spans, BODY)
    assert rows(ax) == {"unsupported": 1, "other": 0}
    collections = ax.collections
    assert len(collections) == 2
    first = collections[0].get_paths()  # unsupported row is drawn first (fixed label order)
    assert len(first) == 2
    alt = plots.alt_text(ax)
    assert "3 sentences" in alt and "2 unsupported" in alt and "first 1, middle 0, last 1" in alt
    assert ax.get_xlabel() == "position in the article (%)"


def test_framing_positions_one_marker_per_cue_in_fixed_category_order():
    spans = [Span(10, 15, "speech_verb"), Span(20, 25, "loaded"), Span(800, 805, "loaded")]
    ax = plots.framing_positions(spans, BODY)
    assert rows(ax) == {"loaded": 1, "speech_verb": 0}
    points = sorted(tuple(p) for c in ax.collections for p in c.get_offsets())
    assert points == [(1.0, 0.0), (2.0, 1.0), (80.0, 1.0)]
    markers = {c.get_paths()[0].vertices.shape for c in ax.collections}
    assert len(markers) == 2  # different shapes, not only colours
    assert "2 of them fall in the opening 15 per cent" in plots.alt_text(ax)


def test_finish_still_refuses_a_figure_without_alt_text():
    _, ax = plt.subplots()
    with pytest.raises(ValueError, match="alt text"):
        plots.finish(ax, title="t", xlabel="x", ylabel="y", alt="")


def test_figures_are_white_so_they_read_in_dark_themes():
    ax = plots.sentence_map([Span(0, 10, "other")], BODY)
    assert to_hex(ax.figure.get_facecolor()) == "#ffffff"


def test_show_displays_figure_with_alt_text_caption_and_closes_it():
    ax = plots.speakers([attribution("A", "direct")])
    assert plots.caption(ax).startswith("*Figure description (alt text):*") and "A: 1" in plots.caption(ax)
    plots.show(ax)
    assert not plt.get_fignums()


def test_the_displayed_figure_carries_its_alt_text_in_html_and_keeps_the_png():
    """JupyterLab shows a bare PNG without alt text: the HTML image it prefers carries it, escaped."""
    _, ax = plt.subplots()
    plots.finish(ax, title="t", xlabel="x", ylabel="y", alt='Bars "A" & <B>')
    bundle = plots.figure_bundle(ax)
    png = bundle["image/png"]
    assert png.startswith("iVBORw0KGgo")  # base64 of the PNG signature
    assert bundle["text/html"] == f'<img src="data:image/png;base64,{png}" alt="Bars &quot;A&quot; &amp; &lt;B&gt;">'


def test_page_layout_rows_by_kind_of_line():
    from medialit import load_article

    article = load_article("stoere-putin-call")
    ax = plots.page_layout(article.paragraphs, article.body)
    assert set(rows(ax)) == {"text", "quote", "bullet", "heading"}
    assert f"{len(article.paragraphs)} lines" in plots.alt_text(ax)


def test_hidden_parts_are_shaded_and_named_in_the_alt_text():
    ax = plots.sentence_map([Span(0, 100, "other")], BODY, hidden=[(500, 750)])
    shaded = [p for p in ax.patches if p.get_hatch()]
    assert len(shaded) == 1 and shaded[0].get_x() == 50.0
    assert "Left out (graded exercise), shaded: 50 to 75 per cent" in plots.alt_text(ax)
    ax = plots.framing_positions([Span(10, 15, "loaded")], BODY, hidden=[(0, 100), (900, 1000)])
    assert "0 to 10, 90 to 100 per cent" in plots.alt_text(ax)
    assert "left out (graded exercise)" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_page_layout_leaves_out_hidden_lines():
    from medialit import load_article

    article = load_article("stoere-putin-call")
    everything = plots.page_layout(article.paragraphs, article.body)
    fewer = plots.page_layout(article.paragraphs, article.body, hidden=[(1599, 2652)])
    assert sum(len(c.get_paths()) for c in fewer.collections) < sum(len(c.get_paths()) for c in everything.collections)
    assert "Left out (graded exercise)" in plots.alt_text(fewer)


def test_speakers_legend_covers_no_bar():
    """Issue 11: the legend sat over the longest bar of lesson 2's figure."""
    items = [attribution("Støre", "direct")] * 5 + [attribution("Støre", "indirect")] * 2 + [attribution("B", "mixed")]
    ax = plots.speakers(items)
    ax.figure.canvas.draw()
    legend = ax.get_legend().get_window_extent()
    for bar in ax.patches:
        assert not legend.overlaps(bar.get_window_extent()), "the legend covers a bar"
    assert legend.x0 >= ax.get_window_extent().x1 - 1  # it sits right of the plot, inside the figure
    assert legend.x1 <= ax.figure.bbox.x1 + 1


# ---------------------------------------------------------------- course report figures


def test_item_difficulty_draws_one_bar_per_item_and_names_the_hardest():
    ax = plots.item_difficulty({"ex01-q1-test": 0.8, "ex01-q2-test": 0.25})
    assert [round(p.get_width(), 2) for p in ax.patches] == [0.8, 0.25]
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    assert "hardest item is ex01-q2-test (25%)" in plots.alt_text(ax)


def test_key_marks_found_shows_each_state_as_a_symbol_not_only_a_colour():
    class Row:
        def __init__(self, name, placed, right):
            self.item, self.name, self.label = "ex01-q1", name, "source"
            self.placed_by, self.right_by = placed, right
            self.share = len(right) / 3

    rows = [Row("sentence 1", ("a", "b"), ("a",)), Row("sentence 2", (), ())]
    ax = plots.key_marks_found(rows, ["a", "b", "c"])
    symbols = [t.get_text() for t in ax.texts]
    assert symbols == ["●", "◐", " ", " ", " ", " "]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "ex01-q1 sentence 1 (source)",
        "ex01-q1 sentence 2 (source)",
    ]
    assert ax.get_xlabel() == "student" and ax.get_title()
    assert "Grid of 2 key marks by 3 students" in plots.alt_text(ax) and "2 marks were found right" in plots.alt_text(
        ax
    )


def test_a_long_key_draws_a_readable_grid_of_its_hardest_marks(tmp_path):
    """instr21: `course report` on a drafted 780-mark key drew a 23,395-px-high grid, and most of its 3 minutes
    went there; the grid now draws the marks found right least often, says so, and keeps to a readable size."""
    from PIL import Image

    class Row:
        def __init__(self, i):
            self.item, self.name, self.label = "own-q1", f"sentence {i}, ‘word{i}’", "loaded"
            self.placed_by = ("a", "b") if i % 3 else ("a",)
            self.right_by = ("a", "b") if i % 3 == 1 else ("a",) if i % 3 == 2 else ()
            self.share, self.optional = len(self.right_by) / 3, i % 10 == 0

    rows = [Row(i) for i in range(780)]
    ax = plots.key_marks_found(rows, ["a", "b", "c"])
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == plots.KEY_MARK_ROWS == 60
    hardest = [r for r in rows if not r.optional and not r.right_by]  # required, found right by nobody
    assert labels == [f"own-q1 {r.name} (loaded)" for r in hardest[:60]]  # in the key's order
    assert "the 60 found right least often, of 780" in ax.get_title().replace("\n", " ")
    alt = plots.alt_text(ax)
    assert "Grid of 780 key marks by 3 students" in alt and "marks.csv lists them all" in alt
    plots.save(ax, str(tmp_path / "grid.png"), tight=True, close=True)
    width, height = Image.open(tmp_path / "grid.png").size
    assert height < 3000 and width < 2000, (width, height)


def test_save_writes_the_alt_text_beside_the_png_and_can_close_the_figure(tmp_path):
    ax = plots.item_difficulty({"q": 0.5})
    path = tmp_path / "difficulty.png"
    plots.save(ax, str(path), tight=True, close=True)
    assert path.stat().st_size > 0
    assert (tmp_path / "difficulty.png.alt.txt").read_text(encoding="utf-8").startswith("Bar chart of the mean share")
    assert not plt.fignum_exists(ax.figure.number)


def test_alt_text_counts_one_of_a_thing_in_the_singular():
    """A screen reader read "Dot plot of 1 framing cues ... 1 of them fall" for a short text of the student's own
    (lesson 7): every figure a student meets says 1 cue, 1 attribution, 1 sentence, 1 line."""
    one = [Span(10, 15, "loaded")]
    framing = plots.alt_text(plots.framing_positions(one, BODY))
    assert "Dot plot of 1 framing cue by" in framing and "1 of them falls in" in framing
    assert "Horizontal bar chart of 1 attribution by" in plots.alt_text(plots.speakers([attribution("A", "direct")]))
    assert "Map of 1 sentence by" in plots.alt_text(plots.sentence_map([Span(0, 100, "other")], BODY))
    assert "Map of 2 sentences by" in plots.alt_text(
        plots.sentence_map([Span(0, 9, "other"), Span(9, 20, "other")], BODY)
    )


def test_names_and_words_with_dollar_signs_are_drawn_as_written(tmp_path):
    """attack20: a student id between two '$' (a hand-in folder anyone can name where the exchange cannot tell its
    owner) made the course report's heatmap raise a ValueError (matplotlib's maths), for the whole class."""

    class Row:
        item, name, label = "ex01-q1", "sentence 3, ‘from $30 to $38’", "source"
        placed_by, right_by, share = ("a",), (), 0.0

    students = ["a", r"$\foo$", r"$x^2$"]
    ax = plots.key_marks_found([Row()], students)
    plots.save(ax, str(tmp_path / "key-heatmap.png"), tight=True)
    assert [t.get_text() for t in ax.get_xticklabels()] == students
    assert not any(t.get_parse_math() for t in ax.figure.findobj(matplotlib.text.Text))

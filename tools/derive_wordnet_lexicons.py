"""Derive the WordNet lexicons from WordNet 3.0 (Debian package ``wordnet-base``).

``reporting_verbs_wordnet.jsonl`` keeps the verbs of the lexicographer files ``verb.communication`` (32) and
``verb.cognition`` (31) that WordNet lists with the sentence frame
"Somebody ----s that CLAUSE" (frame 26): verbs that report a statement or a
view. Words of a synset count only where the frame is given for the whole
synset or for that word. ``NOT_REPORTING`` drops senses that take a clause
but report no statement in news prose (see the note beside each word).

``communication_verbs_wordnet.jsonl`` keeps the other verbs of ``verb.communication``
(one word, or a verb and its particle: "caution", "continue", "chime_in"), less
``NOT_REPORTING`` and ``NOT_SPEECH`` (senses that are an act or a perception in
news prose). WordNet gives them no that-clause
frame, so the attribution rules count them only where the syntax shows speech:
framing a quotation ('"...," she continued') or governing a that-clause.

``content_nouns_wordnet.jsonl`` holds the one-word nouns of ``noun.cognition`` (09)
and ``noun.communication`` (10) in use (claim, hypothesis, complaint ...), less
``NOT_CONTENT``: with a possessor that can speak and a that-clause ("Smith's
claim that ...") they credit the clause to the possessor.

``speech_acts_wordnet.jsonl`` holds the words of ``SPEECH_ACT_SYNSETS``: verb.communication synsets whose
gloss is an act of judging ("express disapproval of", "express approval of", "express gratitude", "blame for"),
requesting ("ask for", "request urgently") or warning ("notify of danger"), less ``NOT_ACT`` words (other
senses in news prose: "blast", "impeach"). Such an act has content without a clause: what is judged, asked
for or warned against ("condemned the attack", "called for new elections", "cautioned against optimism").
Only synsets WordNet lists with an object or a prepositional frame (8, 9, 20, 21, 22) are kept.

``source_nouns_wordnet.jsonl`` holds the one-word common nouns of
``noun.person`` (18) and ``noun.group`` (14) that WordNet's semantic
concordance uses (tagsense_cnt > 0): words for people and organisations, which
can be the subject of a reporting verb ("the court ruled"); also the head words
of those files, which WordNet keeps in ``noun.Tops`` ("person", "group": "rights
groups said", sixth round).

Run: ``apt-get install wordnet-base && python tools/derive_wordnet_lexicons.py``
(writes both files into ``src/medialit/nlp/lexicons/``; they are committed, so
nothing is read from WordNet at run time).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

WORDNET = Path("/usr/share/wordnet")
LEXICONS = Path(__file__).parents[1] / "src/medialit/nlp/lexicons"
NOUN_FILES = {14: "noun.group", 18: "noun.person"}
FILES = {31: "cognition", 32: "communication"}
THAT_CLAUSE = 26
NOT_REPORTING = {
    # an act, a plan or a perception, not a statement credited to a source
    "decide": "a decision, not a statement",
    "determine": "a decision or finding by the article's own voice",
    "see": "perception ('see that the door is open')",
    "mean": "meaning, not a source's view",
    "intend": "a plan",
    "plan": "a plan",
    "design": "a plan",
    "arrange": "an act",
    "ensure": "an act",
    "check": "an act",
    "pretend": "not a claim credited as true",
    "dream": "not a statement",
    "imagine": "not a statement",
    "forget": "not a statement",
    "remember": "a memory, rarely a reported claim",
    "hear": "hearsay without a source",
    "learn": "the article's own knowledge ('Wikinews has learned' is its own voice)",
    "know": "knowledge, mostly the article's own voice ('it is known that')",
    "understand": "mostly 'it is understood that': a hidden source, scored as unsupported instead",
    "expect": "mostly a forecast in the article's own voice",
    "like": "liking",
    "love": "liking",
    "prefer": "liking",
    "hope": "a wish",
    "wish": "a wish",
    "bet": "idiom",
    "take": "light verb",
    "get": "light verb",
    "make": "light verb",
    "have": "light verb",
    "go": "light verb",
    "figure": "idiom ('figure out')",
    "read": "a document's wording, covered by the document rules",
    "write": "kept in the hand list with its own content rule",
    "will": "a modal in news prose",
    "realize": "the article's own knowledge",
    "realise": "the article's own knowledge",
}
# Senses far from speech in news prose ("block", "file", "cut"): WordNet files them under
# communication for rare readings; as cues they would only add noise.
NOT_REPORTING |= dict.fromkeys(
    "block bottom break bury construct control count cut enter file kick move point return set supply yield "
    "insure choose opt purpose support sustain ignore disregard gather sense smell swallow trust mind penetrate "
    "grasp fathom savvy grok append insert inject stick_in throw_in toss_in slip_in sneak_in put_in get_down "
    "get_out take_down set_down write_down put_down lay_down turn_over unwrap retrieve repay plain bare dig "
    "ferret ferret_out smell_out swan swash siss sizz gas bark crab kvetch quetch bitch gag lilt pipe seal "
    "sign enter cipher cypher trump trump_out translate induce derive deduct exact control qualify compass "
    "condition designate count_on take_for view_as think_of drag_up dredge_up rake_up call_back call_up "
    "come_back come_in work_out affect feign sham dissemble make_believe".split(),
    "a rare communication sense; in news prose mostly not speech",
)


NOT_SPEECH = dict.fromkeys(
    "allow cause carry cover drive drop face field fix give handle hit hook jam keep lead let lift limit list log "
    "look lure mail mark miss notice number offer out pass pay pick place plow pose post press program project "
    "pull push put raise reach receive release render require reserve rest ride round run save schedule score "
    "secure sell send sequence settle share shift shoot shop sketch snow sow spill spin spread spring stick "
    "strike stroke style tag tape tax test throw tip tone touch total train trash traverse treat turn type "
    "update vacate visit wake watch wave whip withdraw apply approach bar bind clear close complete connect "
    "deliver develop direct draw execute expand film free guy level lighten photograph proceed recur "
    "reproduce reset retake reverse revise rewrite satellite scan solve submit swear examine investigate "
    "research probe wander escape avoid dodge duck evade circumvent bypass skirt sidestep".split(),
    "an act, a movement or a perception in news prose, not speech",
)


CONTENT_NOUN_FILES = {9: "noun.cognition", 10: "noun.communication"}
NOT_CONTENT = dict.fromkeys(
    "fact possibility probability likelihood chance evidence proof sign way time point reason condition "
    "requirement rule law case matter question problem need hint clue".split(),
    "a that-clause that states a circumstance, not what somebody holds or says",
)


SPEECH_ACT_SYNSETS = {
    # judging: the object is what is judged ("condemned the attack", "praised the rescuers")
    "00841598": "judge",  # denounce: speak out against
    "00841785": "judge",  # fulminate, rail: criticize severely
    "00864177": "judge",  # condemn, decry: express strong disapproval of
    "00826527": "judge",  # criticize: find fault with
    "00823687": "judge",  # reprimand, censure: rebuke formally
    "00826351": "judge",  # deplore: express strong disapproval of
    "00825993": "judge",  # reproach, upbraid: express criticism towards
    "00856842": "judge",  # praise: express approval of
    "00857288": "judge",  # salute: express commendation of
    "00860310": "judge",  # applaud: express approval of
    "00861743": "judge",  # acclaim, hail: praise vociferously
    "00860638": "judge",  # laud, extol: praise
    "00881679": "judge",  # compliment, congratulate: say something that expresses praise
    "00882413": "judge",  # commend: express approval of
    "00892333": "judge",  # thank: express gratitude
    "00843486": "judge",  # charge, accuse: make a claim of wrongdoing against
    "00843007": "judge",  # accuse: bring an accusation against
    "00842556": "judge",  # blame: put the blame on
    "00845927": "judge",  # disparage, belittle: express a negative opinion of
    # requesting: the object is what is asked for ("called for new elections")
    "00752782": "request",  # request, call for: express the need or desire for
    "00754960": "request",  # demand: request urgently and forcefully
    "00755465": "request",  # appeal: request earnestly
    "00759519": "request",  # plead: appeal or request earnestly
    "00759287": "request",  # beg, implore: entreat
    "00759675": "request",  # beseech, entreat: ask for earnestly
    "00754749": "request",  # petition: request formally
    "00875159": "request",  # recommend, urge, advocate: push for something
    # warning: the object of "against", "of", "about" is what is warned of ("cautioned against optimism")
    "00870231": "warn",  # warn: notify of danger
    "00870960": "warn",  # forewarn
    "00871213": "warn",  # caution: warn strongly
    "00870595": "warn",  # warn, admonish: counsel in terms of someone's behaviour
    # citing: the object is what is put forward as evidence ("citing the move as a grave abuse")
    "01023592": "cite",  # quote, cite: refer to for illustration or proof
}
NOT_ACT = dict.fromkeys(
    "knock pick_apart criminate herald exalt glorify proclaim charge impeach incriminate fault bespeak quest "
    "bid press conjure adjure discourage monish invoke quote pray salute".split(),
    "another sense in news prose (a blow, an explosion, a legal act, a bid, a rite) or a verb with rules of its own",
)
ACT_FRAMES = frozenset({8, 9, 20, 21, 22})
"""Somebody ----s something / somebody / somebody PP / something PP / PP: the act takes an object or a phrase."""
THING_FRAMES = frozenset({8, 11})
"""Somebody / something ----s something: the object can be what is judged ("condemn the attack"); without these
frames it is the one addressed ("thank the mayor", "congratulate her"), and the content is the phrase after it."""


@dataclass(frozen=True, slots=True)
class Synset:
    """One line of a WordNet data file (wndb(5)): what the lexicons are derived from."""

    offset: str
    lexfile: int
    words: list[tuple[str, int]]  # (word as written, word number)
    pointers: list[tuple[str, str, str]]  # (symbol, target offset, target part of speech)
    frames: list[tuple[int, int]]  # verbs only: (frame, word number; 0 for every word of the synset)


def synsets(path: Path) -> Iterator[Synset]:
    """Every synset of a data file (``data.verb``, ``data.noun``), the licence header skipped."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("  "):
            continue  # licence header
        fields = line.split(" | ")[0].split()
        count = int(fields[3], 16)
        words = [(fields[4 + 2 * k], k + 1) for k in range(count)]
        at = 4 + 2 * count
        ends = at + 1 + 4 * int(fields[at])
        pointers = list(
            zip(fields[at + 1 : ends : 4], fields[at + 2 : ends : 4], fields[at + 3 : ends : 4], strict=True)
        )
        at = ends
        frames = []
        if at < len(fields):
            for k in range(int(fields[at])):
                _, frame, word = fields[at + 1 + 3 * k : at + 4 + 3 * k]
                frames.append((int(frame), int(word, 16)))
        yield Synset(fields[0], int(fields[1]), words, pointers, frames)


def tagged_nouns(index: Path) -> set[str]:
    """Nouns with at least one sense tagged in WordNet's semantic concordance (tagsense_cnt > 0): words in use."""
    out = set()
    for line in index.read_text(encoding="utf-8").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        pointers = int(fields[3])
        if int(fields[5 + pointers]) > 0:
            out.add(fields[0])
    return out


def derive_nouns(path: Path, in_use: set[str]) -> list[dict]:
    """One entry per lower-case one-word noun of noun.person and noun.group that is in use, with the words of the
    noun.Tops synsets that head those files ("person", "group")."""
    heads = {w for w in top_heads(path) if w.isalpha() and w.islower() and w in in_use}
    found = _nouns(path, in_use, NOUN_FILES, "SOURCE_NOUN")
    known = {e["id"] for e in found}
    found += [{"label": "SOURCE_NOUN", "pattern": w, "id": w, "wordnet": "noun.Tops"} for w in sorted(heads - known)]
    return sorted(found, key=lambda e: e["id"])


TOPS = 3
"""``noun.Tops``: the unique beginners, where WordNet files "person" and "group" themselves."""


def top_heads(path: Path, least: int = 10, share: float = 0.8) -> set[str]:
    """Words of the noun.Tops synsets whose direct hyponyms are mostly (``share``, at least ``least`` of them) in
    noun.person or noun.group: the head words of those files (person, individual, someone; group, grouping)."""
    every = {synset.offset: synset for synset in synsets(path)}
    out: set[str] = set()
    for synset in every.values():
        hyponyms = [offset for symbol, offset, pos in synset.pointers if symbol in ("~", "~i") and pos == "n"]
        below = [every[h].lexfile for h in hyponyms if h in every]
        if synset.lexfile == TOPS and len(below) >= least and sum(f in NOUN_FILES for f in below) >= share * len(below):
            out.update(word.lower() for word, _ in synset.words)
    return out


def derive_content_nouns(path: Path, in_use: set[str]) -> list[dict]:
    """One entry per lower-case one-word noun of noun.cognition and noun.communication in use, less NOT_CONTENT."""
    return _nouns(path, in_use, CONTENT_NOUN_FILES, "CONTENT_NOUN", leave_out=NOT_CONTENT)


def _nouns(path: Path, in_use: set[str], files: dict, label: str, leave_out: Collection[str] = ()) -> list[dict]:
    """The one-word lower-case nouns in use of the lexicographer ``files``, each with the files it is in."""
    found: dict[str, set[str]] = {}
    for synset in synsets(path):
        for word, _ in synset.words:
            if synset.lexfile in files and word.isalpha() and word.islower() and word in in_use:
                found.setdefault(word, set()).add(files[synset.lexfile])
    return [
        {"label": label, "pattern": w, "id": w, "wordnet": "+".join(sorted(found[w]))}
        for w in sorted(found)
        if w not in leave_out
    ]


def derive(path: Path) -> list[dict]:
    found: dict[str, dict] = {}
    for synset in synsets(path):
        if synset.lexfile not in FILES:
            continue
        for word, number in synset.words:
            lemma = word.lower().split("(")[0]
            if not any(f == THAT_CLAUSE and w in (0, number) for f, w in synset.frames):
                continue
            if lemma in NOT_REPORTING or not lemma.replace("_", "").isalpha():
                continue
            entry = found.setdefault(lemma, {"files": set()})
            entry["files"].add(FILES[synset.lexfile])
    out = []
    for lemma in sorted(found):
        parts = lemma.split("_")
        if len(parts) > 2:
            continue  # longer idioms ("let the cat out of the bag") are no cue the rules can find
        stance = "communication" if "communication" in found[lemma]["files"] else "cognition"
        out.append(_verb_entry(lemma, stance, f"WordNet 3.0 verb.{stance}, frame 'Somebody ----s that CLAUSE'"))
    return out


def derive_communication(path: Path, taken: set[str]) -> list[dict]:
    """The verb.communication lemmas (one or two words) not in ``taken`` and not excluded, as quote-or-clause cues."""
    found: set[str] = set()
    for synset in synsets(path):
        if synset.lexfile != 32:
            continue
        for word, _ in synset.words:
            lemma = word.lower().split("(")[0]
            if lemma.count("_") <= 1 and lemma.replace("_", "").isalpha():
                found.add(lemma)
    source = "WordNet 3.0 verb.communication (no that-clause frame)"
    return [
        _verb_entry(lemma, "communication", source)
        for lemma in sorted(found - taken - set(NOT_REPORTING) - set(NOT_SPEECH))
    ]


def derive_speech_acts(path: Path) -> list[dict]:
    """The words of ``SPEECH_ACT_SYNSETS`` with an object or prepositional frame, less ``NOT_ACT``, with their act
    and what their object is: a ``thing`` judged (frame 8 or 11) or the one ``addressee``d ("thank the mayor")."""
    found: dict[str, str] = {}
    things: set[str] = set()
    for synset in synsets(path):
        frames = [f for f, _ in synset.frames]
        if synset.offset not in SPEECH_ACT_SYNSETS or synset.lexfile != 32 or not ACT_FRAMES.intersection(frames):
            continue
        for word, _ in synset.words:
            lemma = word.lower().split("(")[0]
            if lemma not in NOT_ACT and lemma.count("_") <= 1 and lemma.replace("_", "").isalpha():
                found.setdefault(lemma, SPEECH_ACT_SYNSETS[synset.offset])
                if THING_FRAMES.intersection(frames):
                    things.add(lemma)
    source = "WordNet 3.0 verb.communication, synsets of judging, requesting, warning and citing"
    return [
        {
            **_verb_entry(lemma, "communication", source),
            "content": "object",
            "act": found[lemma],
            "object": "thing" if lemma in things else "addressee",
        }
        for lemma in sorted(found)
    ]


def _verb_entry(lemma: str, stance: str, source: str) -> dict:
    """A speech-verb pattern: the verb's lemma, and its particle for a two-word verb ("point_out")."""
    parts = lemma.split("_")
    pattern = [{"LEMMA": parts[0], "POS": {"IN": ["VERB", "AUX"]}}]
    if len(parts) == 2:
        pattern.append({"LOWER": parts[1], "DEP": "prt"})
    return {
        "label": "SPEECH_VERB",
        "pattern": pattern,
        "id": lemma,
        "stance": stance,
        "content": "clause",
        "source": source,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=WORDNET, help="WordNet dict folder (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=LEXICONS)
    args = parser.parse_args()
    if not (args.wordnet / "data.verb").exists():
        raise SystemExit(f"{args.wordnet}: no data.verb; install Debian's wordnet-base or pass --wordnet")
    reporting = derive(args.wordnet / "data.verb")
    write(args.out / "reporting_verbs_wordnet.jsonl", reporting, "reporting verbs (frame 26)")
    taken = {e["id"] for e in reporting} | {e["id"] for e in _hand_list(args.out / "speech_verbs.jsonl")}
    write(
        args.out / "communication_verbs_wordnet.jsonl",
        derive_communication(args.wordnet / "data.verb", taken),
        "verb.communication verbs without the that-clause frame",
    )
    write(
        args.out / "speech_acts_wordnet.jsonl",
        derive_speech_acts(args.wordnet / "data.verb"),
        "verb.communication speech acts with nominal content",
    )
    in_use = tagged_nouns(args.wordnet / "index.noun")
    nouns = derive_nouns(args.wordnet / "data.noun", in_use)
    write(args.out / "source_nouns_wordnet.jsonl", nouns, "noun.person, noun.group")
    write(
        args.out / "content_nouns_wordnet.jsonl",
        derive_content_nouns(args.wordnet / "data.noun", in_use),
        "noun.cognition, noun.communication",
    )


def _hand_list(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.lstrip().startswith("//")]


def write(path: Path, entries: list[dict], what: str) -> None:
    header = (
        f"// WordNet 3.0 {what}, derived by tools/derive_wordnet_lexicons.py;\n"
        "// licence and provenance in SOURCES.md. Do not edit by hand: change the script and run it again.\n"
    )
    lines = [json.dumps(e, ensure_ascii=False) for e in entries]
    path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path}: {len(entries)} entries")


if __name__ == "__main__":
    main()

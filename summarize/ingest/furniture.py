"""Page furniture: the lines of a page that are not the story's sentences. Chrome (skip links,
subscription and cookie appeals, share buttons, credits, site notices, the notes a desk adds to a
story), a "Related stories" section (a box inside the story, or a section after it), headings and
labels, bylines, photo captions (introduced by a label in any case: tabloids write "Pictured:",
"Above:", "Left:") and the writer's biography after the story. Works on any outlet's copy. A line
that reports what someone said is the story's, whatever words it uses ("If you can donate to
your local food bank, please do," said ...)."""

from __future__ import annotations

import re

from summarize.text.sentences import CLOSER

MAX_HEADING_WORDS = 30  # longer lines without final punctuation are body text
MAX_CHROME_CHARS = 600  # longer lines are body paragraphs, never page furniture
# A standfirst (the deck under a headline) is a sentence or two: a dateline after more text than
# this opens a later part of the story ("LONDON — Meanwhile ..."), not the story.
MAX_STANDFIRST_SENTENCES = 2
MAX_STANDFIRST_WORDS = 60
# ... read in this many lines, with the byline, the date, captions and buttons after it.
MAX_STANDFIRST_LINES = 12
# A label introducing a box or a list ("What to know:", "Suggested Topics:") is this short; a
# sentence ending in a colon before a quotation ("In a statement, the ministry said:") says who
# speaks, and is the story's.
MAX_LABEL_WORDS = 6
# A question standing alone as a paragraph this short is a subheading ("What happens next?"); a
# question someone asked is in quotation marks.
MAX_QUESTION_HEADING_WORDS = 8
# A writer's biography and contact line after the story are this short.
MAX_TAIL_NOTE_WORDS = 60
# A "Related stories" box followed by this many paragraphs of prose sat inside the story, or by
# one of this many words (a story's paragraph, where a related headline ending in a stop is short:
# "Why mortgages cost more this spring.").
MIN_STORY_AFTER = 2
MIN_STORY_PARAGRAPH_WORDS = 15

PROSE_END = re.compile(rf"[.!?…:;]{CLOSER}*$")
_CHROME_PHRASE = re.compile(
    r"(?i)\b(?:skip to (?:the )?(?:main )?content|skip navigation|story continues below"
    r"|send this page to|we use cookies|accept (?:all )?cookies|all rights reserved"
    r"|by becoming a (?:subscriber|member|supporter)|already a (?:subscriber|member)"
    r"|sign up for (?:our|the) \w*\s*newsletter|(?:download|get) the [\w ]{0,30}\bapp\b"
    # the notes a desk adds to a story: credits, corrections, the print edition, a republication
    r"|contributed (?:to )?(?:this|the) (?:report|story|article)|contributed reporting"
    r"|(?:this|the) (?:story|article|report|post) (?:has been|was) (?:updated|corrected|amended)"
    r"|an earlier version of this (?:story|article|report)|a version of this \w+ appears? in print"
    r"|^this (?:article|story|piece) (?:was|is) (?:originally )?(?:re)?published (?:on|by|in)"
    r"|^read the original (?:article|story)|follow [\w’'. ]{1,40}['’]s coverage"
    r"|purchase licensing rights"
    # site notices: scripts and video players, alerts, paywalls, blocks, disclaimers
    r"|enable javascript|breaking news alerts|delivered (?:straight )?to your inbox"
    r"|(?:story|news) tips? (?:can be sent|to)|have a (?:news )?tip\b|subscribers? only"
    r"|subscribe now|to continue reading|not available in your (?:location|region|country)"
    r"|unusual activity from your|reflect the (?:views|opinions) of the (?:author|writer)"
    r"|you can now listen to)"
)
# A line that is a page's note, whole: a copyright ("©2024 Bloomberg L.P."), a wire's helpers
# ("--With assistance from Priya Raman."), an update's time ("Updated at 3:10 p.m.").
_NOTE_LINE = re.compile(
    r"(?i)(?:(?:©\s*|(?:\(c\)|copyright)\s*(?:©\s*)?(?=\d{4})).{1,100}"
    r"|-*\s*\(?with (?:additional )?(?:assistance|inputs?) from\b.{0,120}"
    r"|updated(?: at)? \d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\.?)$"
)
# A page still loading its widgets ("Loading...").
_LOADING = re.compile(r"(?i)^loading\W*$")
_CHROME_START = re.compile(
    r"(?i)^(?:advertisement|advert|sponsored content|continue reading|click here|read more(?! than)"
    r"|share this|share on|follow us|subscribe\b|sign up|sign in|log in|support us"
    r"|(?:additional )?(?:reporting|writing|editing) by)\b"
)
_CHROME_WORD = re.compile(
    r"(?i)\b(?:subscri(?:be|bers?|bing|ptions?)|newsletters?|advertisement|cookies"
    r"|donat(?:e|ions?)|support(?:ing)? (?:us|our journalism|the)|sign up|log in|free articles?)\b"
)
_ADDRESSES_READER = re.compile(r"(?i)\b(?:you|your|please)\b")
# Someone's words: a quotation, or a verb of saying ("..., state officials said"). Only verbs
# that report words: `text.report_verbs`' reporting verbs hold "support" and "shows" too, and
# "Support our journalism" is chrome.
_REPORTS_SPEECH = re.compile(r"[“”\"]|\b(?:said|says|told|tells|asked|asks|added|wrote)\b")
# After the story: the writer's biography ("Mary Clarke is a congressional correspondent for The
# Associated Press.", "Jane covers U.S. trade policy from Washington.") and how to reach them (an
# e-mail address).
_BIOGRAPHY = re.compile(
    r"^(?:[A-Z][\w.’'-]*\s){1,4}(?:is an? [\w ,’'-]{0,60}?\b(?:reporter|correspondent|writer|"
    r"editor|columnist|contributor|producer|journalist|analyst|fellow|intern)\b[\w ,’'-]{0,40}?"
    r"\b(?:for|at|with|based in|of)\b|covers\b)"
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_RELATED_HEADING = re.compile(
    r"(?i)^(?:similar|related|recommended|more|further|latest|popular|trending|top|other"
    r"|most (?:read|popular|viewed|shared)|you (?:may|might) also (?:like|enjoy)|also read"
    r"|see also|read (?:more|next)|what to read next|editor'?s picks)"
    r"(?: (?:stories|articles|news|content|coverage|reads|posts|links|topics|videos|for you"
    r"|(?:from|on|in|about) [\w .,'’&-]{1,40}))?:?$"
)
_STORY_END = re.compile(
    r"(?:#\s*#\s*#|-\s*30\s*-|(?i:forward[- ]looking statements?|safe harbou?r statement|"
    r"media (?:contacts?|inquiries)|press contacts?|investor contacts?|contacts?)\s*:?"
    r"|(?i:to contact the (?:reporters?|editors?|writers?)\b.*)|SOURCE [A-Z][\w.,&' -]{1,80})$"
)
_ABOUT_HEADING = re.compile(r"About (?:[A-Z][\w.&'’-]*)(?: [A-Z][\w.&'’-]*){0,5}:?")
MAX_ABOUT_LINES = 6
_PHOTO_CREDIT = re.compile(r"(?i)\bphoto|\bimage|\bpicture|/")
# A caption opens on its label, in any case ("Pictured:", "Photo:", "Above:", "Left:", "Main
# picture:"), or on "FILE -" in capitals; a gallery's caption on "Item 1 of 3".
_CAPTION_START = re.compile(
    r"^(?:FILE(?: PHOTO)?|PHOTO|IMAGE|PICTURED)\s*[-–—:]"
    r"|^(?i:(?:main\s+)?(?:photos?|images?|pictures?|pictured|above|below|left|right|top|bottom|"
    r"inset|centre|center)(?:\s*\([^()]{1,30}\))?\s*:)"
    r"|^Item \d+ of \d+ "
)
BYLINE = re.compile(r"(?i)^(?:by|words by|written by|reporting by)\s+\S")
# A byline names its writers ("By MARY CLARKE", "By Jane Doe and John Roe, CNN"): names and
# the words that join them; "By the numbers:" is a label.
_JOINING = frozenset({"and", "&", "|", "of", "in"})
MAX_BYLINE_WORDS = 12
_BRACKETED = re.compile(r"\([^()]*\)")


def is_chrome(line: str) -> bool:
    if len(line) > MAX_CHROME_CHARS:
        return False
    if _CHROME_PHRASE.search(line) or _LOADING.match(line) or _NOTE_LINE.match(line):
        return True
    if _REPORTS_SPEECH.search(line):
        return False  # someone's words, whatever they ask of the reader
    return bool(_CHROME_START.match(line)) or (
        bool(_CHROME_WORD.search(line))
        and (is_heading(line) or bool(_ADDRESSES_READER.search(line)))
    )


def is_tail_note(paragraph: str) -> bool:
    """A line after the story about its writer: a biography, or how to reach them."""
    if len(paragraph) > MAX_CHROME_CHARS or len(paragraph.split()) > MAX_TAIL_NOTE_WORDS:
        return False
    return bool(_BIOGRAPHY.match(paragraph) or _EMAIL.search(paragraph))


def cut_related_section(lines: list[str]) -> list[str]:
    """The lines without a "Related stories"-style box after the body's start: its heading and
    its links (headlines: lines without a final stop). A box inside the story is followed by more
    of it, so only the box goes; at the end, the rest goes (more links, the page's footer)."""
    kept: list[str] = []
    body_seen = False
    index = 0
    while index < len(lines):
        line = lines[index]
        if body_seen and _ends_the_story(lines, index):
            return kept
        if body_seen and _RELATED_HEADING.match(line) and is_heading(line):
            end = index + 1
            while end < len(lines) and is_heading(lines[end]):
                end += 1
            prose = [
                rest for rest in lines[end : end + MIN_STORY_AFTER] if not is_non_sentence(rest)
            ]
            long_enough = bool(prose) and len(prose[0].split()) >= MIN_STORY_PARAGRAPH_WORDS
            if len(prose) < MIN_STORY_AFTER and not long_enough:
                return kept
            index = end
            continue
        kept.append(line)
        body_seen = body_seen or not is_non_sentence(line)
        index += 1
    return kept


def _ends_the_story(lines: list[str], index: int) -> bool:
    """The line is a mark or a heading after which a page holds no more of the story: a press
    release's or wire story's end ("###", "-30-"), its boilerplate ("Forward-Looking
    Statements", "Media contact:", "SOURCE Norvik Energy Inc."), a wire's contact lines ("To
    contact the reporters on this story:"), or an "About Norvik Energy" section closing the page
    (a few lines at most before the page or the story's boilerplate ends: a story's own "About"
    heading has the story after it)."""
    line = lines[index]
    if _STORY_END.match(line):
        return True
    if not _ABOUT_HEADING.fullmatch(line):
        return False
    section = lines[index + 1 : index + 2 + MAX_ABOUT_LINES]
    return len(section) <= MAX_ABOUT_LINES or any(_STORY_END.match(rest) for rest in section)


def is_non_sentence(paragraph: str) -> bool:
    return is_heading(paragraph) or is_caption(paragraph)


def is_heading(paragraph: str) -> bool:
    """A heading, a label or a subheading: no final stop, one word (a section's name above the
    headline: "U.S."), a short label before a box or a list ("What to know:"), or a short
    question standing alone ("What happens next?")."""
    words = len(paragraph.split())
    if not PROSE_END.search(paragraph):
        return words <= MAX_HEADING_WORDS
    if words == 1:
        return True
    if _REPORTS_SPEECH.search(paragraph):
        return False
    ends = paragraph.rstrip()[-1]
    return (ends == ":" and words <= MAX_LABEL_WORDS) or (
        ends == "?" and words <= MAX_QUESTION_HEADING_WORDS
    )


def is_caption(paragraph: str) -> bool:
    """A photo caption: "FILE - ...", "Pictured: ...", "Left: ..." or a line ending in a credit
    like "(AP Photo/Jane Roe)"."""
    if paragraph.endswith(")"):
        last_parenthesis = paragraph[paragraph.rfind("(") + 1 : -1]
        if _PHOTO_CREDIT.search(last_parenthesis):
            return True
    return bool(_CAPTION_START.match(paragraph))


def is_byline(line: str) -> bool:
    """The writers' names after "By": a line of its own, before the story."""
    found = BYLINE.match(line)
    if found is None or len(line.split()) > MAX_BYLINE_WORDS:
        return False
    # "By Mikhail Sorokin, Svobodnaya Volga (English edition)": a note on the outlet in brackets
    words = _BRACKETED.sub(" ", line[found.end() - 1 :]).replace(",", " ").split()
    names = [word for word in words if word[0].isupper()]
    return len(names) >= 2 and all(word in _JOINING for word in words if word not in names)


# The outlet a byline names after the writers: "By Jamie Cole | Fox News", "By Jane Doe, CNN"
# (after a comma only an initialism: "By Jane Doe, John Roe" names two writers).
_BYLINE_OUTLET = re.compile(
    r"(?:\|\s*(?P<named>[A-Z][\w.&’'-]*(?: [A-Z][\w.&’'-]*){0,3})|"
    r",\s*(?P<initials>[A-Z]{2,5}))\s*$"
)


def byline_outlet(line: str) -> str | None:
    """The outlet a byline names, if it names one (see `_BYLINE_OUTLET`)."""
    found = _BYLINE_OUTLET.search(line) if is_byline(line) else None
    return (found["named"] or found["initials"]) if found else None

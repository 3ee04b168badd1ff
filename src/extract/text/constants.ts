/**
 * Knobs of the text extractor. Unless a note says otherwise, the scoring weights were calibrated as a set
 * against the seed article (../shared/seed) and the dev set test/cases/text-extract (14 invented reports,
 * written before tuning); don't tune one value in isolation — rerun `npm run bench:text` and the cases.
 * The constants from KIND_LABEL_MAX_WORDS on were added with dev cases 025–037 (live blogs, captions, pull
 * quotes, standfirsts, section heads, kind labels), written from the held-out set's failure list only.
 */

/** A unit with fewer words than this is "short": it pays SHORT_PENALTY and cannot open the body. */
export const PROSE_MIN_WORDS = 8;
/** Words beyond this many add nothing more to a unit's score (one long paragraph must not carry a page). */
export const WORD_SCORE_CAP = 50;
/** Words per score point: a 30-word paragraph scores 3 for its length. */
export const WORDS_PER_POINT = 10;
/** Added when a unit ends like a sentence (. ! ? … optionally followed by closing quotes/brackets). */
export const TERMINAL_BONUS = 1;
/** Subtracted when it does not (titles, labels, buttons, menu items). */
export const NON_TERMINAL_PENALTY = 1;
/** Multiplied by link density (share of visible characters inside link markup) and subtracted. */
export const LINK_DENSITY_PENALTY = 3;
/** Subtracted from units under PROSE_MIN_WORDS words. */
export const SHORT_PENALTY = 1.5;
/** Subtracted from every plain unit: a unit is body-like when its score exceeds this. */
export const CORE_THRESHOLD = 1;
/** Floor of a plain unit's weight: one unmarked short line (a sub-heading, a time stamp) between two
 *  paragraphs must not outweigh a medium paragraph and split the body. */
export const PLAIN_MIN_WEIGHT = -2;
/** Weight of a unit a boilerplate pattern matched: negative, but small enough that one "Advertisement"
 *  or "Related:" line inside the body does not split it (it is removed from the core afterwards). */
export const BOILERPLATE_WEIGHT = -1;
/** Weight of media/URL lines and header-like lines (byline, date, tags) found between paragraphs. */
export const META_WEIGHT = -1;
/** Weight of the title unit: never part of the body. */
export const TITLE_WEIGHT = -100;

/** An end marker ("Comments", "Related articles", "Note to readers") cuts the page only once at least this
 *  many words of body-like text precede it (so a "©" line in a masthead does not end an article). */
export const END_MARKER_MIN_BODY_WORDS = 30;
/** A "Related stories" marker does not end the article when this many body-like units in a row follow
 *  the box it heads (a mid-article related box). Written for the mid-article case in
 *  test/extract/text/extract.test.ts; the dev set has only end-of-page related lists. */
export const END_MARKER_RESUME_UNITS = 2;
/** Fewer body words than this in the scored core → try the relaxed path. */
export const MIN_ARTICLE_WORDS = 20;
/** Relaxed path: a unit needs at least this many words and sentence punctuation to count as body. */
export const RELAXED_MIN_WORDS = 3;
/** Body shorter than this (words) gets an "extract/short-article" info diagnostic. */
export const SHORT_ARTICLE_WORDS = 50;

/** Title candidates have between TITLE_MIN_WORDS and TITLE_MAX_WORDS words… */
export const TITLE_MIN_WORDS = 2;
export const TITLE_MAX_WORDS = 25;
/** …and those with at least this many words are preferred (site names are usually shorter). */
export const TITLE_PREFERRED_WORDS = 4;
/** A site name split off a title ("… | Example News") has at most this many words. */
export const SITE_NAME_MAX_WORDS = 4;
/** A title candidate's link density must stay under this. */
export const TITLE_MAX_LINK_DENSITY = 0.5;

/** A byline ("By A and B") has at most this many words after the opening word. */
export const BYLINE_MAX_WORDS = 12;
/** One author name has at most this many words. */
export const AUTHOR_MAX_WORDS = 5;
/** A date line has at most this many words in all… */
export const DATELINE_MAX_WORDS = 14;
/** …and what is left once the date, time and labels are removed (the publisher) at most this many. */
export const PUBLISHER_MAX_WORDS = 6;
/** A leftover that is boilerplate, not a publisher ("5 min read"), still allows a date line up to this many words. */
export const DATELINE_LEFTOVER_MAX_WORDS = 4;

/** Hard-wrapped prose: every line but the last is between these lengths (characters)… */
export const WRAP_MIN_LINE_CHARS = 40;
export const WRAP_MAX_LINE_CHARS = 100;
/** …and at most this share of those lines end a sentence (one-paragraph-per-line text ends nearly all). */
export const WRAP_MAX_TERMINAL_SHARE = 0.5;

/** A header line with no other role and at most this many words is taken for a menu/section label (also the
 *  longest item of a menu line). */
export const NAV_LABEL_MAX_WORDS = 3;
/** A line split by menu separators into at least this many short items is a menu, never a title. */
export const MENU_MIN_ITEMS = 3;

/** A line that only names the article kind ("PRESS RELEASE", "For immediate release") has at most this many words. */
export const KIND_LABEL_MAX_WORDS = 4;
/** A name-only byline line (no "By") has at least this many words: a bare one-word line after the title is a
 *  section label ("World") more often than an author. */
export const NAME_LINE_MIN_WORDS = 2;
/** A title candidate (not a marked heading) whose words are at least this share in capitals, with at least
 *  TITLE_MIN_CAPS_WORDS of them, is a masthead or tagline ("THE VALLEY COURIER — Independent news"). */
export const TITLE_MAX_CAPS_WORD_SHARE = 0.4;
export const TITLE_MIN_CAPS_WORDS = 2;

/** A page with at least this many time-stamp-only lines is read as a live blog: its stamps, per-update
 *  author names and share buttons separate updates instead of splitting the body. */
export const LIVEBLOG_MIN_STAMPS = 2;
/** Weight of a live blog's separators (stamps, author-name lines, share buttons, update headlines): neutral,
 *  so a run of updates stays one core. */
export const LIVEBLOG_SEPARATOR_WEIGHT = 0;
/** A heading-like unit (update headline, section head) has at most this many words. */
export const HEADLINE_MAX_WORDS = 16;
/** A run of list items next to the body is body when it has at least this many items… */
export const LIST_MIN_ITEMS = 2;
/** …each of at least this many words (menus of one- or two-word items are not). */
export const LIST_ITEM_MIN_WORDS = 3;
/** A short closing paragraph after the scored core (before a teaser tail) is body when it has at least
 *  this many words and ends a sentence. */
export const TRAILING_MIN_WORDS = 3;
/** A pull quote repeats a body sentence: at most this many words. */
export const PULL_QUOTE_MAX_WORDS = 60;
/** A full-sentence caption right after an image shares at least this share of its words with the alt text
 *  (when no credit line follows it). */
export const CAPTION_ALT_OVERLAP = 0.5;
/** A body with at least this many "Q:" and this many "A:" paragraphs is an interview transcript. */
export const QA_MIN_PAIRS = 2;
/** A sub-headline without end punctuation counts as a standfirst when more than this share of its words
 *  (after the first) start in lower case (sentence case, unlike a Title Case headline or tagline). */
export const SENTENCE_CASE_MIN_SHARE = 0.5;
/** Weight of the second and later parts of one figure (image line, caption, credit line): the figure as a
 *  whole pays META_WEIGHT once, so a captioned photo between paragraphs does not split the body. */
export const FIGURE_CONTINUATION_WEIGHT = 0;

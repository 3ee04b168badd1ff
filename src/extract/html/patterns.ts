/**
 * Tag sets and named patterns of the HTML main-text extractor, compiled once.
 *
 * Class/id signals are matched against the lower-cased `class` + `id` string of one element. English words
 * are only hints: the core scoring is text length, punctuation and link density, which work in any script.
 */
import type { BoilerplateKind } from "../../core/article.js";

/** Elements whose content is never article text (and is not listed as boilerplate either). */
export const NON_CONTENT_TAGS: ReadonlySet<string> = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "canvas",
  "iframe",
  "object",
  "embed",
  "video",
  "audio",
  "picture",
  "img",
  "head",
  "title",
  "meta",
  "link",
  "button",
  "input",
  "select",
  "option",
  "textarea",
]);

/** Elements that are page furniture wherever they are; removed with the kind listed. */
export const FURNITURE_TAGS: ReadonlyMap<string, BoilerplateKind> = new Map([
  ["nav", "navigation"],
  ["aside", "related"],
  ["dialog", "other"],
  ["menu", "navigation"],
]);

/** Elements removed only inside the chosen body (outside it they may wrap the whole page). */
export const BODY_FURNITURE_TAGS: ReadonlyMap<string, BoilerplateKind> = new Map([
  ["header", "title"],
  ["footer", "metadata"],
  ["address", "byline"],
  ["figure", "caption"],
  ["form", "other"],
]);

/** Elements removed inside the body whatever their size: the headline and captions. */
export const BODY_TITLE_TAGS: ReadonlyMap<string, BoilerplateKind> = new Map([
  ["h1", "title"],
  ["figcaption", "caption"],
]);

/** ARIA roles that mark page furniture. */
export const FURNITURE_ROLES: ReadonlyMap<string, BoilerplateKind> = new Map([
  ["navigation", "navigation"],
  ["banner", "navigation"],
  ["contentinfo", "copyright"],
  ["complementary", "related"],
  ["dialog", "other"],
  ["alertdialog", "other"],
  ["menu", "navigation"],
  ["menubar", "navigation"],
  ["search", "navigation"],
]);

/** Block-level elements: they end the current paragraph. Everything else is inline. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "html",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);

/** Elements whose own text is scored as a paragraph. */
export const SCORABLE_TAGS: ReadonlySet<string> = new Set(["p", "pre", "td", "blockquote", "dd"]);

/** Tags that are a reasonable article container, with their initial score. */
export const CANDIDATE_TAG_SCORES: ReadonlyMap<string, number> = new Map([
  ["article", 10],
  ["main", 5],
  ["div", 5],
  ["section", 3],
  ["pre", 3],
  ["td", 3],
  ["blockquote", 3],
  ["form", -3],
  ["ol", -3],
  ["ul", -3],
  ["dl", -3],
  ["li", -3],
  ["address", -3],
  ["th", -5],
  ["h1", -5],
  ["h2", -5],
  ["h3", -5],
]);

/** Headings (kept as body blocks unless they are the headline). */
export const HEADING_TAGS: ReadonlySet<string> = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

/** Whitespace runs (all Unicode spaces, incl. no-break space). */
export const WHITESPACE_RUN = /\s+/g;
/** One run of text that needs no normalisation: non-spaces separated by single ASCII spaces. */
export const NORMALISED_RUN = /\S+(?: \S+)*/g;
/** Leading / trailing whitespace tests. */
export const LEADING_SPACE = /^\s/;
export const TRAILING_SPACE = /\s$/;
/** Sentence-ending punctuation in many scripts. */
export const SENTENCE_END = /[.!?。！？…»"”')]\s*$/;
/** Word tokens for title comparison (Unicode-aware). */
export const WORD = /[\p{L}\p{N}]+/gu;
/** Inline style that hides an element. */
export const HIDDEN_STYLE = /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** Class/id tokens that mark a likely article container (they veto weak negative signals). */
export const POSITIVE_CLASS =
  /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|paragraph|detail|inner|column|news/i;

/**
 * Class/id signals of boilerplate, in priority order, each with the kind it gives.
 * `strong` signals remove an element even when positive words are present too (e.g. "article-share").
 */
interface ClassSignal {
  kind: BoilerplateKind;
  pattern: RegExp;
  strong: boolean;
}

export const CLASS_SIGNALS: readonly ClassSignal[] = [
  {
    kind: "share",
    pattern: /(?:^|[^a-z])(?:share|sharing|shares|social|sociable|addthis|sharethis|follow-?us|print-?link)/,
    strong: true,
  },
  {
    kind: "comments",
    pattern:
      /(?:^|[^a-z])(?:comment|comments|disqus|discussion|respond|replies|reply)(?:$|[^a-z])|comment-?(?:list|form|section|count)/,
    strong: true,
  },
  {
    kind: "related",
    pattern:
      /related|recommend|read-?more|more-?(?:stories|news|articles|from|on)|outbrain|taboola|trending|most-?(?:read|popular|viewed)|popular|recirc|also-?read|you-?may|next-?(?:article|post|story)|prev-?(?:article|post)|further-?reading|in-?case/,
    strong: true,
  },
  {
    kind: "newsletter",
    pattern:
      /newsletter|subscri|signup|sign-up|opt-?in|mailing-?list|email-?(?:form|capture|signup)|inline-?form|registration/,
    strong: true,
  },
  {
    kind: "ads",
    pattern:
      /(?:^|[^a-z])(?:ad|ads|adv|advert|advertisement|advertising|ad-?slot|ad-?unit|ad-?container|ad-?wrapper|dfp|gpt|sponsor|sponsored|promo|promoted)(?:$|[^a-z])|adsbygoogle|advert/,
    strong: true,
  },
  {
    kind: "caption",
    pattern:
      /caption|credit|copyright|photo-?(?:info|desc)|image-?(?:info|desc)|media-?(?:info|desc)|enlarge/,
    strong: true,
  },
  {
    kind: "byline",
    pattern:
      /byline|by-?line|(?:^|[^a-z])(?:author|authors|writer|contributor|contributors|bio|posted-?by|vcard)(?:$|[^a-z])|author-?(?:info|box|bio|name|wrap)/,
    strong: true,
  },
  {
    kind: "tags",
    pattern:
      /(?:^|[^a-z])(?:tags|tag-?list|tagcloud|tag-?cloud|topics|keywords|categories|post-?tags|entry-?tags)(?:$|[^a-z])/,
    strong: true,
  },
  {
    kind: "metadata",
    pattern:
      /(?:^|[^a-z])(?:meta|metadata|dateline|date|datetime|timestamp|published|updated|post-?(?:info|meta|date)|entry-?meta|article-?(?:meta|info|date|header)|kicker|eyebrow|breadcrumbs?|headline|hed|dek|subhead|title|toolbar)(?:$|[^a-z])/,
    strong: false,
  },
  {
    kind: "navigation",
    pattern:
      /(?:^|[^a-z])(?:nav|navbar|navigation|menu|breadcrumb|pagination|pager|skip|masthead|banner|header|footer|sidebar|side-?bar|widget|rail|right-?rail|left-?rail|toc|jump|site-?(?:header|footer))(?:$|[^a-z])/,
    strong: false,
  },
  {
    kind: "other",
    pattern:
      /(?:^|[^a-z])(?:hidden|hide|sr-only|visually-?hidden|screen-?reader|offscreen|modal|popup|pop-up|overlay|cookie|gdpr|consent|print-?only|noprint|tooltip|popover|hovercard|rollover|alert)(?:$|[^a-z])/,
    strong: true,
  },
];

/** Embedded social posts (quoted tweets, Instagram posts): quoted content, not share buttons. */
export const EMBEDDED_POST_CLASS = /embed|tweet|instagram-media/;
export const SHARE_WORD = /share|sharing/;

/** Short blocks whose whole text is a prompt, label or byline rather than prose (English hints only). */
export const PROMPT_TEXT =
  /^(?:advert(?:isement)?s?|anzeige|publicidad|publicidade|pubblicità|реклама|광고|広告|sponsored(?: content)?|ad|continue reading|read more|read next|read also|see also|related(?: articles?| stories| posts?| content)?|more from|more:|click here|subscribe|sign up|follow us|share(?: this)?|tweet|email|print|comments?|photo|image|video|loading|(?:photo|image|credit|source)s?:|follow (?:\S+ ){1,4}on (?:twitter|facebook|instagram)|like this (?:story|article)|you (?:may|might) also like|don'?t miss|most (?:popular|read)|popular on|first published|this slideshow requires javascript)(?![\p{L}\p{N}])/iu;
/** Short credit lines of wire copy and contributors (English hints). */
export const CREDIT_TEXT =
  /^\(?(?:additional )?(?:reporting|writing|editing) by\b|\bcontributed (?:reporting|to this (?:report|story|article))\b/i;
/** "By Name" in a few languages: the prefix in any case, then a capitalised word. */
export const BYLINE_TEXT =
  /^(?:[Bb]y|BY|[Pp]or|POR|[Dd]i|[Vv]on|VON|[Pp]ar|PAR|[Dd]oor|[Aa]v|[Оо]т|ОТ|[Аа]втор:?)\s+\p{Lu}/u;
/** The attribution line of an embedded post ("— Name (@handle) May 1, 2024"): quoted content, not a date line. */
export const QUOTE_ATTRIBUTION = /^[—–-]|@[\p{L}\p{N}_]/u;
/**
 * A short line that is a date (any language with Latin/Cyrillic month words, or CJK): day-month-year,
 * month-day-year, or 2019年11月19日. Only tested on blocks up to DATE_ONLY_MAX_CHARS.
 */
export const DATE_ONLY_TEXT =
  /\b\d{1,2}\.?\s+(?:de\s+)?\p{L}{3,}\.?,?\s+(?:de\s+)?(?:19|20)\d{2}\b|\b\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2}|\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}\b/u;
export const DATE_LINE_TEXT =
  /^(?:(?:published|updated|posted|last updated|modified)\b|(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}))/i;

/**
 * Named regular expressions of the text extractor, compiled once. The ones built from the header lexicon
 * (data/extract/text-header.tsv) are compiled on first use by `headerPatterns()`.
 */
import { headerLexicon } from "./lexicon.js";

/**
 * Inline markup, one alternation so a line is scanned once:
 *   1 image `![alt](src)` → alt = group 1, src = group 2 (removed from the text, kept as media)
 *   2 link `[text](href)` → text = group 3, href = group 4 (reduced to its text)
 *   3 autolink `<https://…>` or `<name@host>` → group 5 (reduced to the address)
 *   4 strong emphasis markers `**` / `__` (dropped)
 *   5 emphasis `*text*` / `_text_` → group 6 / group 7 (reduced to the text)
 * Link text stops at the next `[` and autolinks at the next `<` (as in CommonMark), and the host of an e-mail
 * autolink is read dot by dot: otherwise a line of many `[`, `<` or dots is scanned to its end once per such
 * character, which is quadratic (a 80,000-character line of `<` took 6 s).
 */
export const INLINE_MARKUP =
  /!\[([^\][]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)|\[([^\][]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)|<((?:https?|ftp):\/\/[^<>\s]+|[^<>\s@]+@[^<>\s@.]+(?:\.[^<>\s@.]+)+)>|\*\*|__|(?<![\p{L}\p{N}*])\*(?=[^\s*])([^*\n]*[^\s*])\*(?![\p{L}\p{N}*])|(?<![\p{L}\p{N}_])_(?=[^\s_])([^_\n]*[^\s_])_(?![\p{L}\p{N}_])/gu;

/** A markdown heading marker at the start of a line ("# Title"). */
export const HEADING_MARKER = /^#{1,6}\s+/;
/** A markdown blockquote marker at the start of a line ("> quoted"). */
export const BLOCKQUOTE_MARKER = /^(?:>\s*)+(?=\S)/;
/** A line that is only a URL (optionally in angle brackets). */
export const BARE_URL_LINE = /^<?((?:https?:\/\/|www\.)\S+?)>?$/i;
export const VIDEO_EXTENSION = /\.(?:mp4|webm|m4v|mov|ogv|m3u8)(?:[?#]|$)/i;
export const IMAGE_EXTENSION = /\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#]|$)/i;
export const AUDIO_EXTENSION = /\.(?:mp3|m4a|ogg|oga|opus|wav|aac|flac)(?:[?#]|$)/i;
/** Host part of a URL. */
export const URL_HOST = /^(?:[a-z][a-z0-9+.-]*:)?\/\/(?:www\.)?([^/?#:]+)/i;
/** A real (absolute) link target, as opposed to "#" or a relative path. */
export const ABSOLUTE_URL = /^https?:\/\//i;

/** "Title | Site", "Title - Site", "Title — Site": the last separator splits a site name off a title. */
export const TITLE_SITE_SUFFIX = /^(.+)\s(?:\||-|–|—)\s([^|–—]+)$/u;
/** A menu separator inside a line ("World | Business", "World / Business"). */
export const MENU_SEPARATOR = /\s[|•·/]\s/u;
/** A word in capitals of two letters or more ("THE", "HERALD", "UN"). */
export const CAPS_WORD = /^[\p{Lu}\p{N}][\p{Lu}\p{N}'’.&-]+$/u;
/** Sentence end: . ! ? … optionally followed by closing quotes or brackets. */
export const TERMINAL_PUNCTUATION = /[.!?…]["'”’»)\]]*$/u;
/** Statement end only (no "?"): how the header zone ends; question titles are common. */
export const STATEMENT_END = /[.!…]["'”’»)\]]*$/u;
/** Ends a clause such that the next block cannot be its continuation. */
export const CLAUSE_END = /[.!?…:;]["'”’»)\]]*$/u;
/** Starts with a lower-case letter (after opening quotes/brackets): a continuation of the previous block. */
export const LOWER_START = /^["'“‘«([]*\p{Ll}/u;
/** Words, for counting. */
export const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu;
/** Letters, to tell an all-capitals line (mastheads, banners). */
export const UPPER_LETTER = /\p{Lu}/gu;
export const LOWER_LETTER = /\p{Ll}/gu;
export const WHITESPACE_RUN = /\s+/g;
export const LINE_BREAK = /\r?\n/;

/** A clock time with optional am/pm and zone: "3:14 pm", "18:40", "10h15", "14.05 GMT". */
export const CLOCK_TIME =
  /\b\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.|h\b\.?))?(?:\s*(?:gmt|utc|cet|cest|est|edt|pst|pdt|bst|msk|ist)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?)?(?![\p{L}\p{N}])/giu;
/** ISO date, optionally with a time. */
export const ISO_DATE =
  /\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/;
/** Day-first numeric date "12.03.2024" (dots are day-first wherever they are used). */
export const DOTTED_DATE = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/;
/** Slashed numeric date "13/03/2024" or "3/13/2024": only read when the order is unambiguous. */
export const SLASHED_DATE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;
/** Separators left over in a date line once the date is removed. */
export const DATELINE_SEPARATORS = /[|,–—•·\-/:]+/g;
/** A publisher name starts with a capital letter (or a digit followed by a letter: "i24", "3AW"). */
export const PUBLISHER_START = /^(?:\p{Lu}|\d+\p{L})/u;
/** Author list separators in a byline. */
export const AUTHOR_SEPARATORS = /\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\|)\s*/iu;
/** A word of a name: capitalised (Ali, O'Neil, al-Hassan's capital part), an initial ("T."), or a short particle. */
export const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Ll}{1,3}(?:-\p{Lu}[\p{L}'’-]*)?)$/u;
/** After a republication phrase: the publisher follows the last linking word ("… is X", "… by X on DATE"). */
export const REPUBLICATION_PUBLISHER =
  /\b(?:is|by|at|in|from|on|par|von|por)\s+(.+?)\s*(?:\bon\s+.*)?[.:]?$/iu;

/** A list item: "- point", "• point", "* point", "1. point", "2) point". */
export const LIST_ITEM = /^(?:[-–•▪*]\s+|\d{1,2}[.)]\s+)\S/u;
/** A question or answer paragraph of a Q&A transcript ("Q: …", "A: …"); group 1 = the letter. */
export const QA_MARKER = /^(?:\*\*)?([QA])\s*[:.–—-]\s*\S/u;
/** A paragraph that is one quotation from end to end, optionally with a "— Name" attribution (a pull quote
 *  candidate); group 1 = what is quoted. */
export const WHOLLY_QUOTED = /^["“«‘']([^"“”«»]+)["”»’'](?:\s*[—–-]\s*[^"“”«»]{1,60})?$/u;
/** A relative update stamp on its own line ("2h ago", "15 min ago", "1 hour ago"). */
export const RELATIVE_STAMP = /^\d{1,2}\s*(?:s|m|h|d|secs?|mins?|minutes?|hrs?|hours?|days?)\s+ago$/iu;
/** Characters ignored when comparing a pull quote with the body. */
export const NON_WORD_CHARS = /[^\p{L}\p{N}]+/gu;

/** What follows an author's name at the start of an author bio ("Jane Doe is a journalist based in …"). */
export const AUTHOR_BIO_VERB = /^\s*(?:is|was|has been|covers|reports|writes)\b/iu;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function alternation(values: Iterable<string>): string {
  return [...values]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join("|");
}

export interface HeaderPatterns {
  /** "Video: …" → group 1 = prefix, group 2 = rest */
  titlePrefix: RegExp;
  /** "… – live updates" → group 1 = rest, group 2 = suffix */
  titleSuffix: RegExp;
  /** a whole line that only names the article kind ("PRESS RELEASE", "For immediate release:") → group 1 */
  kindLabel: RegExp;
  /** a line that opens with such a label, then a separator or its end → group 1 */
  kindLabelStart: RegExp;
  /** "By …" at the start of a line → group 1 = the rest */
  byline: RegExp;
  /** "… by NAME" at the end of a date line → group 1 = NAME */
  inlineByline: RegExp;
  /** "Tags: …" → group 1 = the rest */
  tagLine: RegExp;
  /** date labels ("Published", "Updated on") anywhere in a date line */
  dateLabel: RegExp;
  /** "at", "à" … between a date and a time */
  dateJoiner: RegExp;
  /** weekday names ("Tue", "mardi") in a date line */
  weekday: RegExp;
  /** "December 20, 2020", "Dec. 20 2020" → month, day, year */
  monthDayYear: RegExp;
  /** "20 December 2020", "12 mars 2024", "12. März 2024", "12 de marzo de 2024" → day, month, year */
  dayMonthYear: RegExp;
}

let compiled: HeaderPatterns | null = null;

export function headerPatterns(): HeaderPatterns {
  if (compiled) return compiled;
  const lex = headerLexicon();
  const months = alternation(lex.months.keys());
  const labelWords = alternation(lex.dateLabels);
  compiled = {
    titlePrefix: new RegExp(`^(${alternation(lex.titlePrefixes.keys())})\\s*[:|–—-]\\s+(.+)$`, "iu"),
    titleSuffix: new RegExp(`^(.+?)\\s+[:|–—-]\\s*(${alternation(lex.titleSuffixes.keys())})\\s*$`, "iu"),
    kindLabel: new RegExp(`^(${alternation(lex.kindLabels.keys())})\\s*[:.!]?$`, "iu"),
    kindLabelStart: new RegExp(`^(${alternation(lex.kindLabels.keys())})(?=\\s*(?:[:|–—-]|$))`, "iu"),
    byline: new RegExp(`^(?:${alternation(lex.bylineWords)})(?:\\s+|(?<=:)\\s*)(.+)$`, "iu"),
    inlineByline: new RegExp(`(?:^|\\s)(?:${alternation(lex.bylineWords)})\\s+(.+)$`, "iu"),
    tagLine: new RegExp(`^(?:${alternation(lex.tagLabels)})\\s*:\\s*(.*)$`, "iu"),
    dateLabel: new RegExp(`(?:^|(?<=[\\s|,–—•·]))(?:${labelWords})(?=\\s|:|$)\\s*:?`, "giu"),
    dateJoiner: new RegExp(`(?:^|(?<=\\s))(?:${alternation(lex.dateJoiners)})(?=\\s|$)`, "giu"),
    weekday: new RegExp(`(?:^|(?<=[\\s|,–—•·]))(?:${alternation(lex.weekdays)})\\.?(?=[\\s,|]|$)`, "giu"),
    monthDayYear: new RegExp(
      `(?<![\\p{L}])(${months})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`,
      "iu",
    ),
    dayMonthYear: new RegExp(
      `\\b(\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s+(?:de\\s+)?(${months})\\.?,?\\s+(?:de\\s+)?(\\d{4})\\b`,
      "iu",
    ),
  };
  return compiled;
}

/**
 * Header-line readers: what a unit says about the article (title, byline, date line, tag line, media), each
 * a small pure function over one unit's clean text. The extractor decides which units are header lines.
 */
import type { ArticleKind, Media } from "../../core/article.js";
import { classifyBoilerplate } from "../boilerplate/index.js";
import type { Link, Unit } from "./blocks.js";
import { countWords } from "./blocks.js";
import {
  AUTHOR_MAX_WORDS,
  BYLINE_MAX_WORDS,
  DATELINE_LEFTOVER_MAX_WORDS,
  DATELINE_MAX_WORDS,
  MENU_MIN_ITEMS,
  NAV_LABEL_MAX_WORDS,
  PUBLISHER_MAX_WORDS,
  SITE_NAME_MAX_WORDS,
  TITLE_MAX_CAPS_WORD_SHARE,
  TITLE_MAX_LINK_DENSITY,
  TITLE_MAX_WORDS,
  TITLE_MIN_CAPS_WORDS,
  TITLE_MIN_WORDS,
  TITLE_PREFERRED_WORDS,
} from "./constants.js";
import { headerLexicon } from "./lexicon.js";
import {
  ABSOLUTE_URL,
  AUDIO_EXTENSION,
  AUTHOR_SEPARATORS,
  BARE_URL_LINE,
  CAPS_WORD,
  CLOCK_TIME,
  DATELINE_SEPARATORS,
  DOTTED_DATE,
  headerPatterns,
  IMAGE_EXTENSION,
  ISO_DATE,
  LOWER_LETTER,
  MENU_SEPARATOR,
  NAME_WORD,
  PUBLISHER_START,
  REPUBLICATION_PUBLISHER,
  SLASHED_DATE,
  STATEMENT_END,
  TITLE_SITE_SUFFIX,
  UPPER_LETTER,
  URL_HOST,
  VIDEO_EXTENSION,
  WHITESPACE_RUN,
  WORD,
} from "./patterns.js";

/** Share of a unit's visible characters that sit inside link markup. */
export function linkDensity(unit: Unit): number {
  const visible = unit.text.replace(WHITESPACE_RUN, "").length;
  return visible === 0 ? 0 : Math.min(1, unit.linkChars / visible);
}

/** All visible text is link text (a menu, breadcrumb, tag or teaser line). */
export function isLinkOnly(unit: Unit): boolean {
  return unit.links.length > 0 && linkDensity(unit) >= 0.95;
}

/** Mostly capitals ("THE HARBOUR TIMES", "FOR IMMEDIATE RELEASE"). */
export function isAllCaps(text: string): boolean {
  const upper = text.match(UPPER_LETTER)?.length ?? 0;
  const lower = text.match(LOWER_LETTER)?.length ?? 0;
  return upper >= 3 && lower === 0;
}

// ---------------------------------------------------------------------------------------------- dates

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function validDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

/**
 * The first full date (day, month, year) in a text, as ISO YYYY-MM-DD. A slashed numeric date whose order is
 * ambiguous ("09/06/2025") is read day first only when `dayFirst` says the page's language writes it so.
 */
export function findDate(text: string, dayFirst = false): FoundDate | null {
  const p = headerPatterns();
  const months = headerLexicon().months;
  const candidates: FoundDate[] = [];
  const mdy = p.monthDayYear.exec(text);
  if (mdy) {
    const iso = validDate(Number(mdy[3]), months.get((mdy[1] ?? "").toLowerCase()) ?? 0, Number(mdy[2]));
    if (iso) candidates.push({ iso, index: mdy.index, length: mdy[0].length });
  }
  const dmy = p.dayMonthYear.exec(text);
  if (dmy) {
    const iso = validDate(Number(dmy[3]), months.get((dmy[2] ?? "").toLowerCase()) ?? 0, Number(dmy[1]));
    if (iso) candidates.push({ iso, index: dmy.index, length: dmy[0].length });
  }
  const dotted = DOTTED_DATE.exec(text);
  if (dotted) {
    const iso = validDate(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
    if (iso) candidates.push({ iso, index: dotted.index, length: dotted[0].length });
  }
  const slashed = SLASHED_DATE.exec(text);
  if (slashed) {
    const a = Number(slashed[1]);
    const b = Number(slashed[2]);
    // day-first when the first part cannot be a month, month-first when the second cannot; else ambiguous
    const year = Number(slashed[3]);
    const iso =
      a > 12 || (dayFirst && b <= 12) ? validDate(year, b, a) : b > 12 ? validDate(year, a, b) : null;
    if (iso) candidates.push({ iso, index: slashed.index, length: slashed[0].length });
  }
  const isoMatch = ISO_DATE.exec(text);
  if (isoMatch) {
    const iso = validDate(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
    if (iso) candidates.push({ iso, index: isoMatch.index, length: isoMatch[0].length });
  }
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0] ?? null;
}

// -------------------------------------------------------------------------------------------- bylines

function cleanName(name: string): string {
  return name.replace(/^[\s|,:;–—-]+|[\s|,:;–—-]+$/gu, "").replace(WHITESPACE_RUN, " ");
}

/** Split "A, B and C" into names; null when any part does not look like a person's or outlet's name. */
export function parseNames(text: string): string[] | null {
  const names = text
    .split(AUTHOR_SEPARATORS)
    .map(cleanName)
    .filter((n) => n.length > 0);
  if (names.length === 0) return null;
  for (const name of names) {
    const words = name.split(" ");
    if (words.length > AUTHOR_MAX_WORDS) return null;
    if (!words.every((w) => NAME_WORD.test(w))) return null;
    if (!NAME_WORD.test(words[0] ?? "") || /^\p{Ll}/u.test(words[0] ?? "")) return null;
  }
  return names;
}

export interface Byline {
  authors: string[];
  /** ISO date when the byline also carries one ("By Ana García | 5 June 2024"). */
  published: string | null;
}

/** "By Jane Doe and Omar Haddad" → ["Jane Doe", "Omar Haddad"]; null when the unit is not a byline. */
export function parseByline(unit: Unit, dayFirst = false): Byline | null {
  if (unit.words > BYLINE_MAX_WORDS + 1 || STATEMENT_END.test(unit.text.replace(/\b\p{Lu}\.$/u, "")))
    return null;
  const m = headerPatterns().byline.exec(unit.text);
  if (!m) return null;
  let rest = m[1] ?? "";
  const date = findDate(rest, dayFirst);
  if (date)
    rest = rest
      .slice(0, date.index)
      .replace(headerPatterns().dateLabel, " ")
      .replace(DATELINE_SEPARATORS, " ");
  const authors = parseNames(rest);
  return authors ? { authors, published: date?.iso ?? null } : null;
}

export interface Dateline {
  published: string;
  publisher: string | null;
  authors: string[];
}

/**
 * A date line: "Global Research, December 20, 2020", "Published 14 January 2024", "Posted on August 22, 2023
 * by Lena Markovic", "Valley Herald | Updated: Apr 2, 2025, 18:40". What is left once the date, the time,
 * date labels and separators are removed must be empty, a byline, or a short publisher name.
 */
export function parseDateline(unit: Unit, dayFirst = false): Dateline | null {
  if (unit.words > DATELINE_MAX_WORDS) return null;
  const date = findDate(unit.text, dayFirst);
  if (!date) return null;
  const p = headerPatterns();
  let rest = `${unit.text.slice(0, date.index)} | ${unit.text.slice(date.index + date.length)}`;
  // a second date ("…, modifié le 12 mars 2025 à 16h05") is the update time: removed like the first
  for (let more = findDate(rest, dayFirst); more; more = findDate(rest, dayFirst))
    rest = `${rest.slice(0, more.index)} | ${rest.slice(more.index + more.length)}`;
  rest = rest
    .replace(CLOCK_TIME, " ")
    .replace(p.dateLabel, " ")
    .replace(p.dateJoiner, " ")
    .replace(p.weekday, " ");
  let authors: string[] = [];
  const by = p.inlineByline.exec(rest);
  if (by) {
    const names = parseNames((by[1] ?? "").replace(DATELINE_SEPARATORS, " "));
    if (names) {
      authors = names;
      rest = rest.slice(0, by.index);
    }
  }
  const leftover = rest.replace(DATELINE_SEPARATORS, " ").replace(WHITESPACE_RUN, " ").trim();
  // nothing left, or only a kind label ("FOR IMMEDIATE RELEASE – 12 March 2025"): a date line without a publisher
  if (leftover.length === 0 || kindLabelOf(leftover, true))
    return { published: date.iso, publisher: null, authors };
  const words = countWords(leftover);
  const leftoverKind = classifyBoilerplate(leftover);
  if (words <= PUBLISHER_MAX_WORDS && PUBLISHER_START.test(leftover) && leftoverKind === null) {
    return { published: date.iso, publisher: leftover, authors };
  }
  // a short leftover that is itself boilerplate ("5 min read") still leaves a date line, without a publisher
  return leftoverKind && words <= DATELINE_LEFTOVER_MAX_WORDS
    ? { published: date.iso, publisher: null, authors }
    : null;
}

// ----------------------------------------------------------------------------------------------- tags

/** "Theme: [Intelligence](#), [Terrorism](#)" → ["Intelligence", "Terrorism"]; null when not a tag line. */
export function parseTagLine(unit: Unit): string[] | null {
  const m = headerPatterns().tagLine.exec(unit.text);
  if (!m) return null;
  if (unit.links.length > 0) return unit.links.map((l) => l.text).filter((t) => t.length > 0);
  return (m[1] ?? "")
    .split(/\s*[,;|•·]\s*/u)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

// ---------------------------------------------------------------------------------------------- media

/** Classify a URL as media, or null for an ordinary page link. */
export function mediaOf(url: string): Media | null {
  if (VIDEO_EXTENSION.test(url)) return { type: "video", url };
  if (AUDIO_EXTENSION.test(url)) return { type: "audio", url };
  if (IMAGE_EXTENSION.test(url)) return { type: "image", url };
  const host = URL_HOST.exec(url)?.[1]?.toLowerCase();
  if (host && headerLexicon().embedHosts.has(host)) return { type: "embed", url };
  return null;
}

export interface UrlLine {
  url: string;
  media: Media | null;
}

/** A unit that is only a URL, or only images: its media (null media for an ordinary bare link). */
export function parseUrlLine(unit: Unit): UrlLine[] | null {
  if (unit.lineCount !== 1) return null;
  if (unit.text.length === 0 && unit.images.length > 0) {
    return unit.images.map((i) => ({ url: i.url, media: mediaOf(i.url) ?? { type: "image", url: i.url } }));
  }
  const m = BARE_URL_LINE.exec(unit.text);
  if (!m) return null;
  const url = m[1] ?? "";
  return [{ url, media: mediaOf(url) }];
}

// ---------------------------------------------------------------------------------------------- title

export interface TitleParts {
  title: string;
  kind: ArticleKind | null;
}

export interface SiteSuffix {
  title: string;
  site: string;
}

/**
 * "Fighting Flares in the Capital | Example News" → title + site name. Only when the last part is a short
 * capitalised name and what precedes it is a title of TITLE_PREFERRED_WORDS words or more.
 */
export function splitSiteSuffix(text: string): SiteSuffix | null {
  const m = TITLE_SITE_SUFFIX.exec(text.trim());
  if (!m) return null;
  const title = (m[1] ?? "").trim();
  const site = (m[2] ?? "").trim();
  if (countWords(title) < TITLE_PREFERRED_WORDS || countWords(site) > SITE_NAME_MAX_WORDS) return null;
  const names = parseNames(site);
  return names && names.length === 1 ? { title, site } : null;
}

/**
 * Strip a site suffix ("… | Example News"), a kind suffix ("… – live updates") and a kind prefix ("Video: …",
 * "Opinion | …"); report the kind (the prefix's when both say one).
 */
export function splitTitlePrefix(text: string): TitleParts {
  let bare = splitSiteSuffix(text)?.title ?? text.trim();
  const lex = headerLexicon();
  let kind: ArticleKind | null = null;
  const suffix = headerPatterns().titleSuffix.exec(bare);
  if (suffix && countWords(suffix[1] ?? "") >= TITLE_MIN_WORDS) {
    bare = (suffix[1] ?? "").trim();
    kind = lex.titleSuffixes.get((suffix[2] ?? "").toLowerCase()) ?? null;
  }
  const m = headerPatterns().titlePrefix.exec(bare);
  if (!m) return { title: bare, kind };
  return { title: (m[2] ?? "").trim(), kind: lex.titlePrefixes.get((m[1] ?? "").toLowerCase()) ?? kind };
}

/**
 * A header line that only names the article kind ("PRESS RELEASE", "For immediate release") → the kind; with
 * `whole` false, also a line that opens with the label ("FOR IMMEDIATE RELEASE – 12 March 2025").
 */
export function kindLabelOf(text: string, whole = false): ArticleKind | null {
  const p = headerPatterns();
  const m = (whole ? p.kindLabel : p.kindLabelStart).exec(text.trim());
  return m ? (headerLexicon().kindLabels.get((m[1] ?? "").toLowerCase()) ?? null) : null;
}

/** A bare site-section name ("World", "Middle East"), from the header lexicon. */
export function isSectionLabel(text: string): boolean {
  return headerLexicon().sectionLabels.has(text.trim().toLowerCase().replace(WHITESPACE_RUN, " "));
}

/**
 * Whether the page's language writes numeric dates day first: the language whose function words
 * (language-word rows of the header lexicon) occur most often in the text, when that language is day-first.
 */
export function isDayFirstText(text: string): boolean {
  const words = headerLexicon().languageWords;
  const counts = new Map<string, number>();
  let best: { lang: string; n: number } | null = null;
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = words.get(m[0]);
    if (!w) continue;
    const n = (counts.get(w.lang) ?? 0) + 1;
    counts.set(w.lang, n);
    if (!best || n > best.n) best = { lang: w.lang, n };
  }
  if (!best) return false;
  const lang = best.lang;
  return [...words.values()].some((w) => w.lang === lang && w.dayFirst);
}

/** Capital-letter words make up much of the line: a masthead with a tagline, not a headline. */
export function isMastheadLike(text: string): boolean {
  const words = text.split(WHITESPACE_RUN).filter((w) => /[\p{L}]/u.test(w));
  const caps = words.filter((w) => CAPS_WORD.test(w) && /\p{L}{2}/u.test(w)).length;
  return caps >= TITLE_MIN_CAPS_WORDS && caps / Math.max(1, words.length) >= TITLE_MAX_CAPS_WORD_SHARE;
}

/** A unit that could be the title: a handful of words, not a statement, not a link list, not a banner. */
/** A menu: MENU_MIN_ITEMS or more items between menu separators, none longer than NAV_LABEL_MAX_WORDS words
 *  ("World | Business | Tech", "Site / World / Sport"). A title with a site suffix has a long first part. */
export function isMenuLine(text: string): boolean {
  const items = text.split(MENU_SEPARATOR);
  return items.length >= MENU_MIN_ITEMS && items.every((item) => countWords(item) <= NAV_LABEL_MAX_WORDS);
}

export function isTitleLike(unit: Unit): boolean {
  if (unit.words < TITLE_MIN_WORDS || unit.words > TITLE_MAX_WORDS || isMenuLine(unit.text)) return false;
  if (linkDensity(unit) >= TITLE_MAX_LINK_DENSITY) return false;
  if ((isAllCaps(unit.text) || isMastheadLike(unit.text)) && !unit.heading) return false;
  return !STATEMENT_END.test(unit.text) || unit.heading;
}

function normaliseTitle(text: string): string {
  return splitTitlePrefix(text)
    .title.toLowerCase()
    .replace(WHITESPACE_RUN, " ")
    .replace(/[^\p{L}\p{N} ]/gu, "");
}

/** The unit whose text is the given title (container hint), allowing for a kind prefix and punctuation. */
export function matchesTitle(unit: Unit, title: string): boolean {
  if (unit.words > TITLE_MAX_WORDS * 2) return false;
  const a = normaliseTitle(unit.text);
  const b = normaliseTitle(title);
  return a.length > 0 && (a === b || (b.length > 10 && a.includes(b)));
}

// --------------------------------------------------------------------------------------- republication

export interface OriginalRef {
  publisher: string | null;
  published: string | null;
  url: string | null;
}

function firstRealLink(links: readonly Link[]): Link | null {
  return links.find((l) => l.text.length > 0) ?? null;
}

/** "The original source of this article is [X](url)", "This article was originally published by X on DATE." */
export function parseRepublication(unit: Unit): OriginalRef {
  const link = firstRealLink(unit.links);
  const date = findDate(unit.text);
  let publisher: string | null = link?.text ?? null;
  if (!publisher) {
    const m = REPUBLICATION_PUBLISHER.exec(unit.text);
    publisher = m?.[1] ? cleanName(m[1]) : null;
  }
  const url = link && ABSOLUTE_URL.test(link.url) ? link.url : null;
  return { publisher: publisher || null, published: date?.iso ?? null, url };
}

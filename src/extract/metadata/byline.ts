/**
 * Bylines to person names: "By Jane Doe and John Roe, Staff Writers | December 20, 2020" → ["Jane Doe", "John Roe"].
 */
import { MAX_AUTHORS } from "./constants.js";
import { locateDate } from "./dates.js";
import { squish } from "./dom.js";
import {
  AFFILIATION_WORDS,
  BYLINE_KIND_WORDS,
  BYLINE_LABEL_WORDS,
  CREDENTIALS,
  DESK_WORDS,
  HONORIFICS,
  JOB_TITLE_WORDS,
  NAME_PARTICLES,
  NON_NAMES,
  WEEKDAYS,
  WIRE_AGENCIES,
} from "./lexicon.js";

/** "By", "Written by", "Por", "Von", "Par", "Di", "Door", "Av", "Oleh", "Author:" at the start. */
const BYLINE_LABEL = new RegExp(
  `^(?:(?:written|reported|words|text|story|photos?|${BYLINE_KIND_WORDS.join("|")})\\s+)?(?:by|por|par|von|di|door|av|oleh|autor(?:es)?|authors?|${BYLINE_LABEL_WORDS.join("|")})(?![\\p{L}])\\s*:?\\s*`,
  "iu",
);
/** "Dr. " / "Prof " before a capitalised word. */
const HONORIFIC = new RegExp(`(?<![\\p{L}])(?:${HONORIFICS.join("|")})\\.?\\s+(?=\\p{Lu})`, "giu");
/** A day name ends the names ("Malcolm Owen Monday, November 18, 2019"). */
const WEEKDAY_TAIL = new RegExp(`\\s+(?:${WEEKDAYS.join("|")})(?![\\p{L}-]).*$`, "isu");
/** A sentence end after a word of two letters or more ("Jane Doe. Sputnik" — not the initial in "Jane E. Doe"). */
const SENTENCE_END = /(?<=\p{L}{2})\.\s.*$/su;
const TRAILING_PREPOSITION = /\s+(?:on|em|el|le|am|il)\s*$/i;
const WORD_START = /(^|[\s'’-])(\p{Ll})/gu;
/** Where the names end: a separator, a dateline word, a time, a relative age. */
const BYLINE_TAIL =
  /\s*(?:[|•·»]|\s[-–—]\s|\b(?:updated|published|posted|last updated|atualizado|publicado|actualizado|follow|read more|email)\b|\b\d{1,2}:\d{2}|\b\d+\s*(?:hours?|minutes?|mins?|days?|weeks?)\s+ago\b).*$/is;
const NAME_SEPARATOR = /\s*[,;&/]\s*|\s+(?:and|AND|And|e|y|und|et|with)\s+/;
/** Trailing "in Kyiv", "for The Guardian", "reporting from Lagos". */
const NAME_LOCATION_TAIL = /\s+(?:in|from|at|for|em|en|reporting from|para|pour)\s+.*$/i;
const PARENTHETICAL = /\s*\([^)]*\)\s*/g;
const EMAIL = /\S+@\S+\.\S+/g;
const HANDLE = /(?:^|\s)@\w+/g;
const URL_LIKE = /^(?:https?:)?\/\/|^www\.|\.(?:com|org|net|html?)(?:\/|$)/i;
const HAS_DIGIT = /\d/;
const HAS_LETTER = /\p{L}/u;
const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER_START = /^\p{Lu}/u;
const HAS_CASED_START = /^[\p{Lu}\p{Ll}]/u;
const LATIN_WORD = /^[A-Za-z\u00C0-\u024F'’.-]+$/;
const EDGE_PUNCTUATION = /^[\s,:;.\-–—|]+|[\s,:;\-–—|]+$/g;
const WORD_SPLIT = /\s+/;
/** A person name is one to this many words. */
const MAX_NAME_WORDS = 6;
const MAX_NAME_CHARS = 60;
const MIN_NAME_CHARS = 2;
/** A desk word ("News reporter") is dropped only when a full name remains ("Detroit News wire" keeps "News"). */
const MIN_WORDS_AFTER_DESK = 2;
/** Longest agency name stripped from the end of a name ("Agence France-Presse"). */
const MAX_AGENCY_WORDS = 3;

/** Split a byline or author field into clean person names (may be empty). */
export function parseByline(raw: string | undefined, limit = MAX_AUTHORS): string[] {
  if (!raw) return [];
  let text = squish(raw);
  if (!text.includes(" ") && URL_LIKE.test(text)) return [];
  text = text.replace(EMAIL, " ").replace(HANDLE, " ").replace(PARENTHETICAL, " ");
  text = stripLabel(squish(text.replace(HONORIFIC, "")));
  text = cutTail(text);
  const names: string[] = [];
  for (const part of text.split(NAME_SEPARATOR)) {
    const name = cleanName(part);
    if (name) names.push(name);
  }
  return dropAgencies(dedupeNames(names)).slice(0, limit);
}

/** "Jane Doe, Associated Press": an agency next to named people is a credit, not an author. */
function dropAgencies(names: string[]): string[] {
  const people = names.filter((name) => !isAgencyCredit(name));
  return people.length > 0 ? people : names;
}

/** "Associated Press", "CNN Business": an agency, alone or with a desk name. */
function isAgencyCredit(name: string): boolean {
  const lower = name.toLowerCase();
  if (WIRE_AGENCIES.has(lower)) return true;
  const [first, ...rest] = lower.split(WORD_SPLIT);
  return rest.length > 0 && WIRE_AGENCIES.has(first ?? "") && rest.every((w) => DESK_WORDS.has(w));
}

/** Names from several author fields, de-duplicated, in order. */
export function mergeNames(groups: readonly (readonly string[])[], limit = MAX_AUTHORS): string[] {
  return dedupeNames(groups.flat()).slice(0, limit);
}

function stripLabel(text: string): string {
  let previous: string;
  let current = text;
  do {
    previous = current;
    current = current.replace(BYLINE_LABEL, "");
  } while (current !== previous && current.length > 0);
  return current;
}

function cutTail(text: string): string {
  let result = text.replace(BYLINE_TAIL, "").replace(SENTENCE_END, "").replace(WEEKDAY_TAIL, "");
  const dateAt = locateDate(result);
  if (dateAt >= 0) result = result.slice(0, dateAt);
  return result.replace(TRAILING_PREPOSITION, "").replace(EDGE_PUNCTUATION, "");
}

function cleanName(part: string): string | undefined {
  let name = part.replace(NAME_LOCATION_TAIL, "").replace(EDGE_PUNCTUATION, "");
  name = stripLabel(name);
  name = stripAgencySuffix(stripJobTitle(name));
  if (!isPlausibleName(name)) return undefined;
  return isShouting(name) ? toTitleCase(name) : name;
}

/**
 * Drop trailing job-title words ("Jane Doe Staff Writer" → "Jane Doe"); a fragment of job words only, or an
 * agency plus a job title ("AP Auto Writer"), → "".
 */
function stripJobTitle(name: string): string {
  const words = name.split(WORD_SPLIT).filter((w) => w.length > 0);
  const before = words.length;
  const lastIn = (set: ReadonlySet<string>) => words.length > 0 && set.has(headOf(words.at(-1) as string));
  while (lastIn(JOB_TITLE_WORDS)) words.pop();
  if (words.length < before) {
    while (words.length > MIN_WORDS_AFTER_DESK && lastIn(DESK_WORDS)) words.pop();
    if (WIRE_AGENCIES.has((words[0] ?? "").toLowerCase())) return "";
  }
  if (
    words.length > 0 &&
    words.every((w) => JOB_TITLE_WORDS.has(w.toLowerCase()) || w.toLowerCase() === "the")
  )
    return "";
  return words.join(" ");
}

/** "JILL LAWLESS Associated Press" → "JILL LAWLESS" (a full name must remain). */
function stripAgencySuffix(name: string): string {
  const words = name.split(WORD_SPLIT);
  for (let take = Math.min(MAX_AGENCY_WORDS, words.length - MIN_WORDS_AFTER_DESK); take >= 1; take--) {
    if (WIRE_AGENCIES.has(words.slice(-take).join(" ").toLowerCase())) return words.slice(0, -take).join(" ");
  }
  return name;
}

/** "Editor-at-large" → "editor". */
function headOf(word: string): string {
  return word.toLowerCase().split("-")[0] ?? "";
}

function isPlausibleName(name: string): boolean {
  if (CREDENTIALS.has(name.toLowerCase())) return false;
  if (name.split(WORD_SPLIT).some((w) => AFFILIATION_WORDS.has(w.toLowerCase()))) return false;
  if (name.length < MIN_NAME_CHARS || name.length > MAX_NAME_CHARS) return false;
  if (HAS_DIGIT.test(name) || !HAS_LETTER.test(name) || URL_LIKE.test(name)) return false;
  if (NON_NAMES.has(name.toLowerCase())) return false;
  const words = name.split(WORD_SPLIT);
  if (words.length > MAX_NAME_WORDS) return false;
  if (words[0]?.toLowerCase() === "the") return WIRE_AGENCIES.has(name.toLowerCase());
  // Cased scripts: each word but a particle starts with a capital ("Syrian defense ministries" is not a
  // name, "Maria da Silva" is); words in uncased scripts pass.
  const capitalised = words.filter((w) => HAS_UPPER_START.test(w)).length;
  const uncased = words.filter((w) => !HAS_CASED_START.test(w)).length;
  const particles = words.filter((w) => NAME_PARTICLES.has(w.toLowerCase())).length;
  return capitalised + uncased > 0 && capitalised + uncased + particles >= words.length;
}

function isShouting(name: string): boolean {
  return name.length > 3 && !HAS_LOWER.test(name) && name.split(WORD_SPLIT).every((w) => LATIN_WORD.test(w));
}

function toTitleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(WORD_START, (_, edge: string, letter: string) => edge + letter.toUpperCase());
}

function dedupeNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/**
 * Title choice: gather candidates from every source, strip the site name ("Title | Site", "Site: Title"),
 * and prefer the headline most sources agree on.
 */
import { MAX_SITE_SUFFIX_WORDS, MAX_TITLE_CHARS } from "./constants.js";
import { squish } from "./dom.js";

export interface TitleCandidate {
  text: string;
  /** Where it came from, for ties (lower is better) and for stripping rules. */
  source: "json-ld" | "og" | "twitter" | "meta" | "h1" | "title";
}

/** " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » " between headline and site name. */
const SITE_SEPARATOR = /\s+(?:\||-|–|—|::|·|•|»|\/)\s+/;
/** Separators strong enough to strip an unknown suffix ("Headline | Something Short"). */
const STRONG_SEPARATOR = /^\s+(?:\||::|·|•|»)\s+$/;
/** "Site: Headline" prefix. */
const COLON_PREFIX = /^([^:]{2,40}):\s+(.+)$/;
const NON_ALNUM = /[^\p{L}\p{N}]+/gu;
const WORD_SPLIT = /\s+/;
const MIN_SITE_KEY_CHARS = 4;
/** "Vortex Cannon" in "Vortex Cannon Entertainment" is the site; "The Guardian" in a headline is not. */
const MIN_SITE_NAME_SHARE = 0.4;
/** A headline keeps at least this many words after stripping an unknown suffix. */
const MIN_HEADLINE_WORDS = 3;

/** Pick the best title from candidates, given the site names known for the page. */
export function chooseTitle(
  candidates: readonly TitleCandidate[],
  siteNames: readonly string[],
): string | undefined {
  const sites = siteNames.map(normalise).filter((s) => s.length > 0);
  const cleaned = candidates
    .map((c) => ({ ...c, text: squish(c.text) }))
    .filter((c) => c.text.length > 0 && c.text.length <= MAX_TITLE_CHARS)
    .map((c) => ({ ...c, text: stripSiteName(c.text, sites) }))
    .filter((c) => c.text.length > 0 && !sites.includes(normalise(c.text)));
  if (cleaned.length === 0) return undefined;
  let best = cleaned[0] as TitleCandidate;
  let bestSupport = -1;
  for (const candidate of cleaned) {
    const support = supportFor(candidate.text, cleaned);
    if (support > bestSupport) {
      best = candidate;
      bestSupport = support;
    }
  }
  return stripAgainstOthers(best.text, cleaned);
}

/** How many candidates agree with this text (equal, or it is their headline part). */
function supportFor(text: string, candidates: readonly TitleCandidate[]): number {
  const key = normalise(text);
  let support = 0;
  for (const other of candidates) {
    const otherKey = normalise(other.text);
    if (otherKey === key) support += 2;
    else if (key.length > 0 && otherKey.startsWith(key)) support += 1;
  }
  return support;
}

/** When another candidate is this text minus a separator-led suffix or prefix, use that shorter form. */
function stripAgainstOthers(text: string, candidates: readonly TitleCandidate[]): string {
  const parts = text.split(SITE_SEPARATOR);
  if (parts.length < 2) return text;
  const keys = new Set(candidates.map((c) => normalise(c.text)));
  const head = parts.slice(0, -1).join(" - ");
  const first = parts[0] as string;
  if (keys.has(normalise(first)) && normalise(first) !== normalise(text)) return first;
  return keys.has(normalise(head)) ? head : text;
}

/** Remove a site name suffix or prefix; strip an unknown short suffix only after a strong separator. */
export function stripSiteName(title: string, sites: readonly string[]): string {
  const bySeparator = stripSeparatedSite(title, sites);
  if (bySeparator !== title) return bySeparator;
  const colon = COLON_PREFIX.exec(title);
  if (colon && matchesSite(colon[1] as string, sites)) return (colon[2] as string).trim();
  return title;
}

function stripSeparatedSite(title: string, sites: readonly string[]): string {
  const separators = [...title.matchAll(new RegExp(SITE_SEPARATOR.source, "g"))];
  if (separators.length === 0) return title;
  const last = separators[separators.length - 1] as RegExpMatchArray;
  const lastIndex = last.index ?? 0;
  const suffix = title.slice(lastIndex + last[0].length);
  const head = title.slice(0, lastIndex);
  if (matchesSite(suffix, sites)) return stripSeparatedSite(head, sites);
  const first = separators[0] as RegExpMatchArray;
  const prefix = title.slice(0, first.index ?? 0);
  if (matchesSite(prefix, sites)) return title.slice((first.index ?? 0) + first[0].length);
  if (STRONG_SEPARATOR.test(last[0]) && isShortSuffix(suffix, head)) return head;
  return title;
}

function isShortSuffix(suffix: string, head: string): boolean {
  const suffixWords = suffix.split(WORD_SPLIT).length;
  return suffixWords <= MAX_SITE_SUFFIX_WORDS && head.split(WORD_SPLIT).length >= MIN_HEADLINE_WORDS;
}

function matchesSite(part: string, sites: readonly string[]): boolean {
  const key = normalise(part);
  if (key.length === 0) return false;
  return sites.some(
    (site) => site === key || (isMostly(key, site) && (site.includes(key) || key.includes(site))),
  );
}

/** The shorter of two keys is a good share of the longer ("guardian" vs "theguardian", not a whole headline). */
function isMostly(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= MIN_SITE_KEY_CHARS && short.length >= long.length * MIN_SITE_NAME_SHARE;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(NON_ALNUM, "");
}

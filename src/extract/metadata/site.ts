/**
 * The names a site goes by (publisher, host, host label) and comparisons against them: which title parts,
 * author names and original publishers are the site itself.
 */
import { WWW_PREFIX } from "./constants.js";

/** Shorter site keys ("rt", "ft") only match exactly or inside a name of at least this length. */
const MIN_SITE_KEY_CHARS = 3;
/** …and make up this share of the longer name ("sky" in "skynews", not "example" in "examplewire"). */
const MIN_SITE_KEY_SHARE = 0.4;
const NON_ALNUM = /[^\p{L}\p{N}]+/gu;
const WORD_SPLIT = /\s+/;
/** Second-level labels of country domains ("example.co.uk", "example.com.br"). */
const SECOND_LEVEL_SUFFIXES = new Set([
  "co",
  "com",
  "org",
  "net",
  "gov",
  "ac",
  "edu",
  "ne",
  "or",
  "go",
  "gob",
  "nic",
]);

/** Lower-case letters and digits only, for comparing organisation names. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(NON_ALNUM, "");
}

/** Site names to strip: the publisher and the host's main label ("www.example.co.uk" → "example"). */
export function siteNamesFor(publisher: string | undefined, host: string | undefined): string[] {
  const names: string[] = [];
  if (publisher) names.push(publisher);
  if (host) {
    names.push(host);
    const labels = host.replace(WWW_PREFIX, "").split(".");
    const main =
      labels.length > 2 && SECOND_LEVEL_SUFFIXES.has(labels.at(-2) ?? "") ? labels.at(-3) : labels.at(-2);
    if (main) names.push(main);
  }
  return names;
}

/** Whether a name is one of the site's names ("RT" for rt.com, "Live Science" for livescience.com). */
export function isSameSite(name: string, siteNames: readonly string[]): boolean {
  const key = normaliseName(name);
  if (key.length === 0) return false;
  return siteNames.some((site) => {
    const siteKey = normaliseName(site);
    if (siteKey === key) return true;
    const [short, long] = siteKey.length < key.length ? [siteKey, key] : [key, siteKey];
    return (
      short.length >= MIN_SITE_KEY_CHARS &&
      short.length >= long.length * MIN_SITE_KEY_SHARE &&
      long.includes(short)
    );
  });
}

/** Exact match against the site's names (unlike isSameSite, "Kevin McCoy USA TODAY" is not the site). */
export function isSiteName(name: string, siteNames: readonly string[]): boolean {
  const key = normaliseName(name);
  return siteNames.some((site) => normaliseName(site) === key);
}

/** "Kevin McCoy USA TODAY" → "Kevin McCoy" when the trailing words (at most `maxWords`) are the site's name. */
export function stripSiteSuffix(name: string, siteNames: readonly string[], maxWords: number): string {
  const words = name.split(WORD_SPLIT);
  for (let take = Math.min(maxWords, words.length - 1); take >= 1; take--) {
    if (isSiteName(words.slice(-take).join(" "), siteNames)) return words.slice(0, -take).join(" ");
  }
  return name;
}

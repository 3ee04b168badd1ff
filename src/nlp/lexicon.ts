/** Loads the nlp stage's data files (data/nlp/). */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findDataDir as findCoreDataDir } from "../core/data.js";

/** data/ is found by walking up from this module, so it works from src/ (tsx, tests) and dist/ (built). */
/** The data/ folder (re-exported from the core for the stages that already import it from here). */
export function findDataDir(): string {
  return findCoreDataDir();
}

/** Read a one-entry-per-line list; rejects an empty list so a broken data file fails loudly. */
export function readWordList(relative: string): string[] {
  const path = join(findDataDir(), relative);
  const entries = readFileSync(path, "utf8")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith("#"));
  if (entries.length === 0) throw new Error(`${path}: no entries`);
  return entries;
}

let abbreviations: ReadonlySet<string> | undefined;
export function loadAbbreviations(): ReadonlySet<string> {
  abbreviations ??= new Set(readWordList("nlp/abbreviations.en.txt"));
  return abbreviations;
}

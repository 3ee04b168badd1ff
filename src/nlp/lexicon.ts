/** Loads the nlp stage's data files (data/nlp/). */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** data/ is found by walking up from this module, so it works from src/ (tsx, tests) and dist/ (built). */
export function findDataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "data");
    if (existsSync(join(candidate, "nlp"))) return candidate;
    dir = dirname(dir);
  }
  throw new Error("sitrep data directory not found (expected data/nlp beside src/ or dist/)");
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

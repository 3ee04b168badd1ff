/** Word lists shared by several stages (data/nlp/): a library under the stages, not a stage. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findDataDir } from "../core/data.js";

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
/** Abbreviations after which a full stop does not end a sentence ("Gen.", "U.S."). */
export function loadAbbreviations(): ReadonlySet<string> {
  abbreviations ??= new Set(readWordList("nlp/abbreviations.en.txt"));
  return abbreviations;
}

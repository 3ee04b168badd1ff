/**
 * Where sitrep's shipped data files are: the `data/` folder of the repository or installed package, found by
 * walking up from this module (works from src/ under tsx and tests, and from dist/ when built).
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SitrepError } from "./diagnostics.js";

/** A file that marks the right `data/` folder (not some other project's). */
const MARKER = join("nlp", "abbreviations.en.txt");

let cached: string | null = null;

/** The `data/` folder, or `data/<sub>` when a sub-folder is given. Throws a SitrepError when missing. */
export function findDataDir(sub?: string): string {
  if (!cached) {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (;;) {
      const candidate = join(dir, "data");
      if (existsSync(join(candidate, MARKER))) {
        cached = candidate;
        break;
      }
      const parent = dirname(dir);
      if (parent === dir)
        throw new SitrepError("internal", `sitrep's data/ folder not found above ${import.meta.url}`);
      dir = parent;
    }
  }
  return sub ? join(cached, sub) : cached;
}

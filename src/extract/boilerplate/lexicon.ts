/**
 * Loader for the boilerplate pattern files `data/extract/boilerplate.<lang>.tsv`.
 *
 * The files are data, not code: one row per pattern, `kind  match  pattern  reason  [flags]`. The loader
 * validates every row (known kind, known match type, a regex that compiles, a reason) and rejects a file
 * that yields no rows, so an empty or truncated file fails loudly at first use instead of silently
 * classifying nothing.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BOILERPLATE_KINDS, type BoilerplateKind } from "../../core/article.js";
import { findDataDir as findCoreDataDir } from "../../core/data.js";
import { SitrepError } from "../../core/diagnostics.js";

export const MATCH_TYPES = ["line", "start", "end", "any", "tag", "token"] as const;
export type MatchType = (typeof MATCH_TYPES)[number];

export interface BoilerplateRule {
  /** Position in the merged rule list: lower wins when several rules match. */
  index: number;
  kind: BoilerplateKind;
  match: MatchType;
  pattern: string;
  reason: string;
  /** True when the block ends the article if it follows body text (text extractor). */
  endsArticle: boolean;
  /** "file:line", for error messages and reports. */
  origin: string;
}

const _DATA_SUBDIR = "data/extract";
const FILE_PATTERN = /^boilerplate\.([a-z]{2})\.tsv$/;
/** English first: its rows take priority over other languages' rows. */
const PRIMARY_LANGUAGE = "en";

const _dataDirCache: string | null = null;

/** The repository's (or installed package's) `data/extract` directory, found by walking up from this file. */
/** The repository's (or installed package's) `data/extract` directory. */
export function findDataDir(): string {
  return findCoreDataDir("extract");
}

/** Read a data file, dropping comment (`#`) and blank lines; returns [lineNumber, columns] rows. */
export function readTsv(path: string): Array<[number, string[]]> {
  const rows: Array<[number, string[]]> = [];
  const lines = readFileSync(path, "utf8").split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    rows.push([i + 1, line.split("\t")]);
  });
  return rows;
}

const NEEDS_UNICODE = /\\[pP]\{|\\u\{/;

/**
 * Flags a pattern is compiled with: case-insensitive, plus `u` only when the pattern needs it (`\p{…}`,
 * `\u{…}`). Unicode-mode case-insensitive matching is an order of magnitude slower in V8, and BMP letters
 * such as "é" fold case without it.
 */
export function patternFlags(pattern: string): string {
  return NEEDS_UNICODE.test(pattern) ? "iu" : "i";
}

function isKind(value: string): value is BoilerplateKind {
  return (BOILERPLATE_KINDS as readonly string[]).includes(value);
}

function isMatchType(value: string): value is MatchType {
  return (MATCH_TYPES as readonly string[]).includes(value);
}

/** Parse and validate one file's rows. Throws a SitrepError naming the file and line of a bad row. */
export function parseBoilerplateRows(
  rows: Array<[number, string[]]>,
  file: string,
  startIndex = 0,
): BoilerplateRule[] {
  const rules: BoilerplateRule[] = [];
  for (const [lineNo, cols] of rows) {
    const origin = `${file}:${lineNo}`;
    const [kind = "", match = "", pattern = "", reason = "", flags = ""] = cols.map((c) => c.trim());
    if (!isKind(kind)) throw new SitrepError("internal", `${origin}: unknown boilerplate kind "${kind}"`);
    if (!isMatchType(match)) throw new SitrepError("internal", `${origin}: unknown match type "${match}"`);
    if (pattern === "") throw new SitrepError("internal", `${origin}: empty pattern`);
    if (reason === "") throw new SitrepError("internal", `${origin}: empty reason`);
    if (flags !== "" && flags !== "end")
      throw new SitrepError("internal", `${origin}: unknown flag "${flags}"`);
    try {
      new RegExp(pattern, patternFlags(pattern));
    } catch (cause) {
      throw new SitrepError("internal", `${origin}: pattern does not compile`, { cause });
    }
    rules.push({
      index: startIndex + rules.length,
      kind,
      match,
      pattern,
      reason,
      endsArticle: flags === "end",
      origin,
    });
  }
  if (rules.length === 0) throw new SitrepError("internal", `${file}: no boilerplate rules (empty group)`);
  return rules;
}

/** Load every `boilerplate.<lang>.tsv`, English first, into one ordered rule list. */
export function loadBoilerplateRules(dataDir: string = findDataDir()): BoilerplateRule[] {
  const files = readdirSync(dataDir)
    .filter((f) => FILE_PATTERN.test(f))
    .sort((a, b) => {
      const pa = a === `boilerplate.${PRIMARY_LANGUAGE}.tsv` ? 0 : 1;
      const pb = b === `boilerplate.${PRIMARY_LANGUAGE}.tsv` ? 0 : 1;
      return pa - pb || a.localeCompare(b);
    });
  if (files.length === 0) throw new SitrepError("internal", `no boilerplate.<lang>.tsv files in ${dataDir}`);
  const rules: BoilerplateRule[] = [];
  for (const file of files)
    rules.push(...parseBoilerplateRows(readTsv(join(dataDir, file)), file, rules.length));
  return rules;
}

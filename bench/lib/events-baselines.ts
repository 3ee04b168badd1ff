/**
 * Reference systems for `npm run bench:events`, run in the same process as sitrep:
 * - majority class: every item gets the most frequent gold label of the set being scored (a reference
 *   row computed from the gold counts only, the usual floor; ties go to the alphabetically first label);
 * - keyword: the first pattern of bench/lib/keyword-baseline.tsv found in the text (hand-written from
 *   ACLED's codebook definitions, not from any test row); no pattern = no event.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const KEYWORD_BASELINE_FILE = join(dirname(fileURLToPath(import.meta.url)), "keyword-baseline.tsv");

export interface TypedPrediction {
  eventType: string;
  subEventType: string;
}

/** The most frequent value; ties go to the one that sorts first. Throws on an empty list. */
export function majorityLabel(gold: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const g of gold) counts.set(g, (counts.get(g) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const top = ranked[0];
  if (!top) throw new Error("majorityLabel: no labels");
  return top[0];
}

export interface KeywordRule {
  pattern: string;
  subEventType: string;
  eventType: string;
  /** Line number in the TSV (for messages). */
  line: number;
  regex: RegExp;
}

const ESCAPE = /[.*+?^${}()|[\]\\]/g;

/** A pattern (lower-case words, optional trailing `*`) → a case-insensitive word-boundary regex. */
export function compileKeyword(pattern: string): RegExp {
  const wildcard = pattern.endsWith("*");
  const body = (wildcard ? pattern.slice(0, -1) : pattern)
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(ESCAPE, "\\$&"))
    .join("\\s+");
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${body}${wildcard ? "[\\p{L}\\p{N}-]*" : "(?![\\p{L}\\p{N}])"}`,
    "iu",
  );
}

/**
 * Parse the keyword TSV. Every sub-event type must be one of `subEventToType`'s keys (ACLED's names);
 * a line without a tab, an empty pattern, an unknown type or a duplicate pattern throws.
 */
export function parseKeywordRules(
  tsv: string,
  subEventToType: ReadonlyMap<string, string>,
  source = "keyword-baseline.tsv",
): KeywordRule[] {
  const rules: KeywordRule[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of tsv.split(/\r?\n/).entries()) {
    const line = raw.trimEnd();
    if (line.trim() === "" || line.startsWith("#")) continue;
    const fields = line.split("\t");
    if (fields.length !== 2) throw new Error(`${source}:${i + 1}: expected "pattern<TAB>sub_event_type"`);
    const pattern = (fields[0] as string).trim().toLowerCase();
    const subEventType = (fields[1] as string).trim();
    if (pattern === "" || pattern === "*") throw new Error(`${source}:${i + 1}: empty pattern`);
    const eventType = subEventToType.get(subEventType);
    if (!eventType) throw new Error(`${source}:${i + 1}: "${subEventType}" is not an ACLED sub-event type`);
    if (seen.has(pattern)) throw new Error(`${source}:${i + 1}: duplicate pattern "${pattern}"`);
    seen.add(pattern);
    rules.push({ pattern, subEventType, eventType, line: i + 1, regex: compileKeyword(pattern) });
  }
  if (rules.length === 0) throw new Error(`${source}: no rules`);
  return rules;
}

export function loadKeywordRules(
  subEventToType: ReadonlyMap<string, string>,
  path: string = KEYWORD_BASELINE_FILE,
): KeywordRule[] {
  return parseKeywordRules(readFileSync(path, "utf8"), subEventToType, path);
}

/** The keyword baseline: the first rule whose pattern occurs in the text, or null (no event). */
export function classifyByKeywords(text: string, rules: readonly KeywordRule[]): TypedPrediction | null {
  for (const rule of rules)
    if (rule.regex.test(text)) return { eventType: rule.eventType, subEventType: rule.subEventType };
  return null;
}

/**
 * The quantity lexicon (data/quantities/): number words, vague quantities, qualifiers, counted nouns and
 * units. A shared library under the stages: the quantities stage counts with it, the temporal stage reads
 * number words ("three days ago") with it — stages never import each other.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findDataDir } from "../core/data.js";
import { SitrepError } from "../core/diagnostics.js";
import type { QuantityQualifier } from "../core/events.js";
import { QUANTITY_QUALIFIERS } from "../core/events.js";

export const VAGUE_FILE = "quantities/vague.en.tsv";
export const NUMBERS_FILE = "quantities/numbers.en.tsv";
export const QUALIFIERS_FILE = "quantities/qualifiers.en.tsv";
export const NOUNS_FILE = "quantities/nouns.en.tsv";
export const UNITS_FILE = "quantities/units.en.txt";
/** Longer digit runs are not counts (phone numbers, ids, "999999999999999999"). */
export const MAX_DIGITS = 15;
export const PLAIN_INTEGER = /^\d+$/;

// ---------------------------------------------------------------------------------------------------------
// Lexicon (data/quantities/)

export type NounKind = "people" | "materiel";

export interface QuantityLexicon {
  /** Vague phrases as word arrays, longest first, with their value. */
  vague: { words: string[]; value: number }[];
  numbers: ReadonlyMap<string, { value: number; multiplier: boolean }>;
  qualifiers: { words: string[]; qualifier: QuantityQualifier }[];
  nouns: ReadonlyMap<string, NounKind>;
  units: ReadonlySet<string>;
}

function dataRows(relative: string, columns: number): string[][] {
  const path = join(findDataDir(), relative);
  const rows = readFileSync(path, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim().length > 0 && !l.startsWith("#"))
    .map((l) => l.split("\t").map((c) => c.trim()));
  if (rows.length === 0) throw new SitrepError("internal", `${relative}: no entries`);
  for (const row of rows) {
    if (row.length < columns || row.slice(0, columns).some((c) => c.length === 0)) {
      throw new SitrepError("internal", `${relative}: malformed row "${row.join("\\t")}"`);
    }
  }
  return rows;
}

function nonNegativeInteger(text: string, file: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new SitrepError("internal", `${file}: bad value "${text}"`);
  return n;
}

function byLengthDesc<T extends { words: string[] }>(a: T, b: T): number {
  return b.words.length - a.words.length;
}

/** Read and validate the data files; every file must have entries and every row must parse. */
export function loadQuantityLexicon(): QuantityLexicon {
  const vague = dataRows(VAGUE_FILE, 2)
    .map(([phrase, value]) => ({
      words: (phrase as string).toLowerCase().split(/\s+/),
      value: nonNegativeInteger(value as string, VAGUE_FILE),
    }))
    .sort(byLengthDesc);
  const numbers = new Map<string, { value: number; multiplier: boolean }>();
  for (const [word, value, kind] of dataRows(NUMBERS_FILE, 3)) {
    if (kind !== "unit" && kind !== "multiplier") {
      throw new SitrepError("internal", `${NUMBERS_FILE}: bad kind "${kind}"`);
    }
    numbers.set((word as string).toLowerCase(), {
      value: nonNegativeInteger(value as string, NUMBERS_FILE),
      multiplier: kind === "multiplier",
    });
  }
  const qualifiers = dataRows(QUALIFIERS_FILE, 2)
    .map(([phrase, qualifier]) => {
      if (!(QUANTITY_QUALIFIERS as readonly string[]).includes(qualifier as string)) {
        throw new SitrepError("internal", `${QUALIFIERS_FILE}: bad qualifier "${qualifier}"`);
      }
      return {
        words: (phrase as string).toLowerCase().split(/\s+/),
        qualifier: qualifier as QuantityQualifier,
      };
    })
    .sort(byLengthDesc);
  const nouns = new Map<string, NounKind>();
  for (const [noun, kind] of dataRows(NOUNS_FILE, 2)) {
    if (kind !== "people" && kind !== "materiel") {
      throw new SitrepError("internal", `${NOUNS_FILE}: bad kind "${kind}"`);
    }
    nouns.set((noun as string).toLowerCase(), kind);
  }
  const units = new Set(dataRows(UNITS_FILE, 1).map(([u]) => (u as string).toLowerCase()));
  return { vague, numbers, qualifiers, nouns, units };
}

let cachedLexicon: QuantityLexicon | undefined;
export function quantityLexicon(): QuantityLexicon {
  cachedLexicon ??= loadQuantityLexicon();
  return cachedLexicon;
}

/** The kind of a counted noun ("soldiers" → people, "vehicle" → materiel), or null. */
export function nounKind(noun: string): NounKind | null {
  return quantityLexicon().nouns.get(noun.toLowerCase()) ?? null;
}

/** The value of one cardinal word or digit run ("a" → 1, "two" → 2, "12" → 12), or null. */
export function numberWordValue(word: string): number | null {
  const w = word.toLowerCase();
  if (w === "a" || w === "an") return 1;
  if (PLAIN_INTEGER.test(w)) return w.length > MAX_DIGITS ? null : Number(w);
  const entry = quantityLexicon().numbers.get(w);
  return entry && !entry.multiplier ? entry.value : null;
}

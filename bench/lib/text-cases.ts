/**
 * Scoring for the HELD-OUT text-extract set test/cases/text-extract-heldout (written blind, never used for
 * tuning). Shared by `npm run bench:text-heldout` (bench/text-heldout.ts) and the floor test
 * (test/cases/text-extract-heldout.test.ts).
 *
 * The line-level metric is the same as bench/text-boilerplate.ts (which exports no helpers, so it is
 * reimplemented here line for line): a line is a non-blank input line, positive = body. Gold: the line's
 * visible text (markdown links reduced by a deliberately independent, simple reducer) occurs in one of the
 * case's expected body paragraphs. Predicted: some body paragraph segment maps into the line.
 * Precision is 1 by convention when a system predicts no body line at all.
 *
 * Case-level: exact body (the extracted paragraph texts equal expected.body, in order) and title
 * (meta.title equals expected.title, null included), each over the cases whose expected.json gives it.
 */
import { fileURLToPath } from "node:url";
import { extractText } from "../../src/extract/text/index.js";
import { loadTextCases, type TextCase } from "../../test/cases/text-extract.cases.js";

export const HELDOUT_DIR = fileURLToPath(new URL("../../test/cases/text-extract-heldout/", import.meta.url));

const MD_LINK = /!?\[([^\]]*)\]\([^)]*\)/g;
const SIMPLE_MARKUP = /\*\*|__|^#{1,6}\s+|^>\s*|^[<*_]|[>*_]$/g;
const SPACES = /\s+/g;
const BASELINE_MIN_WORDS = 8;

export interface Line {
  start: number;
  end: number;
  text: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function visible(line: string): string {
  return line
    .replace(MD_LINK, (_m, t: string) => t)
    .replace(SIMPLE_MARKUP, "")
    .replace(SPACES, " ")
    .trim();
}

export function linesOf(input: string): Line[] {
  const out: Line[] = [];
  let offset = 0;
  for (const raw of input.split("\n")) {
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text.length > 0) out.push({ start: offset + lead, end: offset + lead + text.length, text });
    offset += raw.length + 1;
  }
  return out;
}

export function goldFromBody(input: string, paragraphs: readonly string[]): boolean[] {
  const body = paragraphs.map((p) => p.replace(SPACES, " "));
  return linesOf(input).map((l) => {
    const v = visible(l.text);
    return v.length > 0 && body.some((p) => p.includes(v));
  });
}

export function prf({ tp, fp, fn }: Counts): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function countLines(gold: readonly boolean[], pred: readonly boolean[]): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  gold.forEach((g, i) => {
    const p = pred[i] ?? false;
    if (g && p) c.tp++;
    else if (!g && p) c.fp++;
    else if (g && !p) c.fn++;
  });
  return c;
}

export type Predictor = (input: string) => boolean[];

export const LINE_SYSTEMS: Record<string, Predictor> = {
  everything: (input) => linesOf(input).map(() => true),
  nothing: (input) => linesOf(input).map(() => false),
  baseline: (input) =>
    linesOf(input).map((l) => {
      const v = visible(l.text);
      return v.split(" ").length >= BASELINE_MIN_WORDS && /[.!?]["'”’)]*$/.test(v);
    }),
  "sitrep-text": (input) => {
    const r = extractText(input);
    const segs = r.paragraphs.flatMap((p) => p.segments);
    return linesOf(input).map((l) => segs.some((s) => s.srcStart < l.end && s.srcEnd > l.start));
  },
};

export interface CaseResult {
  slug: string;
  lines: number;
  counts: Counts;
  f1: number;
  exactBody: boolean;
  /** null when expected.json gives no title. */
  titleOk: boolean | null;
  gotTitle: string | null;
  /** null when expected.json gives no published date. */
  publishedOk: boolean | null;
  gotParagraphs: number;
  wantParagraphs: number;
  error?: string;
}

export interface HeldoutScore {
  cases: number;
  lines: number;
  line: Counts & Prf;
  exactBody: { right: number; of: number; accuracy: number };
  title: { right: number; of: number; accuracy: number };
  published: { right: number; of: number; accuracy: number };
  perCase: CaseResult[];
}

export function loadHeldoutCases(): TextCase[] {
  return loadTextCases(HELDOUT_DIR);
}

function equalArrays(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function rate(right: number, of: number) {
  return { right, of, accuracy: of === 0 ? 1 : right / of };
}

/** Scores sitrep's text extractor on the held-out cases. An extractor error scores the case as all-missed. */
export function scoreHeldout(cases: readonly TextCase[] = loadHeldoutCases()): HeldoutScore {
  const perCase: CaseResult[] = [];
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const c of cases) {
    const gold = goldFromBody(c.input, c.expected.body);
    let pred: boolean[] = gold.map(() => false);
    let paragraphs: string[] = [];
    let title: string | null = null;
    let published: string | null = null;
    let error: string | undefined;
    try {
      pred = LINE_SYSTEMS["sitrep-text"]?.(c.input) ?? pred;
      const r = extractText(c.input);
      paragraphs = r.paragraphs.map((p) => p.text);
      title = r.meta.title ?? null;
      published = r.meta.published ?? null;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const counts = countLines(gold, pred);
    total.tp += counts.tp;
    total.fp += counts.fp;
    total.fn += counts.fn;
    const e = c.expected;
    perCase.push({
      slug: c.slug,
      lines: gold.length,
      counts,
      f1: prf(counts).f1,
      exactBody: error === undefined && equalArrays(paragraphs, e.body),
      titleOk: "title" in e ? error === undefined && title === (e.title ?? null) : null,
      gotTitle: title,
      publishedOk: "published" in e ? error === undefined && published === (e.published ?? null) : null,
      gotParagraphs: paragraphs.length,
      wantParagraphs: e.body.length,
      ...(error === undefined ? {} : { error }),
    });
  }
  const titled = perCase.filter((r) => r.titleOk !== null);
  const dated = perCase.filter((r) => r.publishedOk !== null);
  return {
    cases: cases.length,
    lines: perCase.reduce((n, r) => n + r.lines, 0),
    line: { ...total, ...prf(total) },
    exactBody: rate(perCase.filter((r) => r.exactBody).length, perCase.length),
    title: rate(titled.filter((r) => r.titleOk).length, titled.length),
    published: rate(dated.filter((r) => r.publishedOk).length, dated.length),
    perCase,
  };
}

/** Line-level P/R/F1 of one line system over the cases (for the everything/nothing/baseline rows). */
export function scoreLineSystem(predict: Predictor, cases: readonly TextCase[]): Counts & Prf {
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const c of cases) {
    const gold = goldFromBody(c.input, c.expected.body);
    let pred: boolean[];
    try {
      pred = predict(c.input);
    } catch {
      pred = gold.map(() => false);
    }
    const k = countLines(gold, pred);
    total.tp += k.tp;
    total.fp += k.fp;
    total.fn += k.fn;
  }
  return { ...total, ...prf(total) };
}

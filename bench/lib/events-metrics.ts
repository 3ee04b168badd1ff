/**
 * Classification and regression metrics for `npm run bench:events`, computed as scikit-learn computes
 * them (`precision_recall_fscore_support`, `f1_score`, `pearsonr`), so numbers compare with the CASE 2021
 * Task 2 papers, which report scikit-learn's weighted F1.
 *
 * Per label l over the scored label set: TP, FP (predicted l, gold not l), FN (gold l, predicted not l),
 * support = TP + FN; P = TP/(TP+FP), R = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN), each 0 when its denominator is 0
 * (scikit-learn's zero_division=0).
 * - micro: P, R and F1 from the summed TP/FP/FN over the label set;
 * - macro: unweighted mean of the per-label values;
 * - weighted: mean of the per-label values weighted by support (scikit-learn `average="weighted"`).
 *
 * The label set is the caller's `labels` (scikit-learn's `labels=`), by default the sorted union of gold
 * and predicted labels. A prediction of null ("no event") or of a label outside the set is a miss for the
 * gold label (an FN) and no label's FP: with `labels` restricted to the gold label set, micro P ≠ micro R,
 * and `accuracy` (share of rows predicted exactly) is reported separately.
 *
 * Also: accuracy, mean absolute error, Pearson's r, binary P/R/F1, median, and the name matching used on
 * ACLED's actor and place fields.
 */

export interface LabelScore {
  label: string;
  tp: number;
  fp: number;
  fn: number;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Averaged {
  precision: number;
  recall: number;
  f1: number;
}

export interface ClassificationReport {
  n: number;
  /** Share of rows whose prediction equals the gold label. */
  accuracy: number;
  micro: Averaged;
  macro: Averaged;
  weighted: Averaged;
  perLabel: LabelScore[];
  /** Rows predicted null (no event). */
  none: number;
  /** Rows predicted a label outside the label set. */
  outside: number;
}

const ratio = (num: number, den: number): number => (den > 0 ? num / den : 0);

/** Per-label and averaged P/R/F1 of single-label predictions (see the module comment). */
export function classificationReport(
  gold: readonly string[],
  predicted: readonly (string | null)[],
  labels?: readonly string[],
): ClassificationReport {
  if (gold.length !== predicted.length)
    throw new Error(`classificationReport: ${gold.length} gold labels but ${predicted.length} predictions`);
  const set =
    labels ??
    [...new Set([...gold, ...predicted.filter((p): p is string => p !== null)])].sort((a, b) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
  if (new Set(set).size !== set.length) throw new Error("classificationReport: duplicate labels");
  const counts = new Map(set.map((l) => [l, { tp: 0, fp: 0, fn: 0 }]));
  let correct = 0;
  let none = 0;
  let outside = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i] as string;
    const p = predicted[i] ?? null;
    if (p === g) {
      correct++;
      const c = counts.get(g);
      if (c) c.tp++;
      continue;
    }
    if (p === null) none++;
    else if (!counts.has(p)) outside++;
    const cg = counts.get(g);
    if (cg) cg.fn++;
    const cp = p === null ? undefined : counts.get(p);
    if (cp) cp.fp++;
  }
  const perLabel: LabelScore[] = set.map((label) => {
    const { tp, fp, fn } = counts.get(label) as { tp: number; fp: number; fn: number };
    return {
      label,
      tp,
      fp,
      fn,
      support: tp + fn,
      precision: ratio(tp, tp + fp),
      recall: ratio(tp, tp + fn),
      f1: ratio(2 * tp, 2 * tp + fp + fn),
    };
  });
  const sum = (f: (s: LabelScore) => number): number => perLabel.reduce((acc, s) => acc + f(s), 0);
  const tp = sum((s) => s.tp);
  const fp = sum((s) => s.fp);
  const fn = sum((s) => s.fn);
  const totalSupport = sum((s) => s.support);
  const microP = ratio(tp, tp + fp);
  const microR = ratio(tp, tp + fn);
  return {
    n: gold.length,
    accuracy: ratio(correct, gold.length),
    micro: { precision: microP, recall: microR, f1: ratio(2 * tp, 2 * tp + fp + fn) },
    macro: {
      precision: ratio(
        sum((s) => s.precision),
        perLabel.length,
      ),
      recall: ratio(
        sum((s) => s.recall),
        perLabel.length,
      ),
      f1: ratio(
        sum((s) => s.f1),
        perLabel.length,
      ),
    },
    weighted: {
      precision: ratio(
        sum((s) => s.precision * s.support),
        totalSupport,
      ),
      recall: ratio(
        sum((s) => s.recall * s.support),
        totalSupport,
      ),
      f1: ratio(
        sum((s) => s.f1 * s.support),
        totalSupport,
      ),
    },
    perLabel,
    none,
    outside,
  };
}

/** Share of true values; null for an empty list. */
export function accuracy(hits: readonly boolean[]): number | null {
  return hits.length === 0 ? null : hits.filter(Boolean).length / hits.length;
}

/** Mean absolute error; null for empty input. */
export function meanAbsoluteError(gold: readonly number[], predicted: readonly number[]): number | null {
  if (gold.length !== predicted.length) throw new Error("meanAbsoluteError: lengths differ");
  if (gold.length === 0) return null;
  let total = 0;
  for (let i = 0; i < gold.length; i++) total += Math.abs((gold[i] as number) - (predicted[i] as number));
  return total / gold.length;
}

/** Pearson's r; null when there are fewer than 2 pairs or either side is constant (r undefined). */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) throw new Error("pearson: lengths differ");
  const n = x.length;
  if (n < 2) return null;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

export interface BinaryScore {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Accuracy and P/R/F1 of the positive class of a binary task (zero_division = 0). */
export function binaryScore(gold: readonly boolean[], predicted: readonly boolean[]): BinaryScore {
  if (gold.length !== predicted.length) throw new Error("binaryScore: lengths differ");
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i] as boolean;
    const p = predicted[i] as boolean;
    if (g && p) tp++;
    else if (!g && p) fp++;
    else if (g && !p) fn++;
    else tn++;
  }
  return {
    n: gold.length,
    tp,
    fp,
    fn,
    tn,
    accuracy: ratio(tp + tn, gold.length),
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
  };
}

/** The median of a list (mean of the two middle values for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 0
    ? ((sorted[half - 1] as number) + (sorted[half] as number)) / 2
    : (sorted[half] as number);
}

// ---------------------------------------------------------------------------------------------------------
// Name matching (ACLED actors and places)
// ---------------------------------------------------------------------------------------------------------

/** Lower case, accents and punctuation dropped, spaces collapsed. */
export function normaliseName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** ACLED's period tag on state actors: "Military Forces of Mexico (2018-)", "Police Forces of X (2000-2019)". */
const PERIOD_TAG = /\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)/g;

/**
 * Actor alias match: names equal after dropping ACLED's period tag and normalising, so "Military Forces of
 * Mexico (2018-)" matches "military forces of Mexico"; the country tag of "Protesters (Uganda)" stays.
 * Two empty actors match (ACLED leaves actor2 empty when there is none).
 */
export function actorsMatch(gold: string | null, predicted: string | null | undefined): boolean {
  if (gold === null || predicted === null || predicted === undefined) return gold === (predicted ?? null);
  return normaliseName(gold.replace(PERIOD_TAG, "")) === normaliseName(predicted.replace(PERIOD_TAG, ""));
}

/** Looser: every parenthesised tag dropped ("Protesters (Uganda)" = "Protesters"). In the JSON only. */
export function actorsMatchLoose(gold: string | null, predicted: string | null | undefined): boolean {
  const strip = (s: string): string => normaliseName(s.replace(/\([^)]*\)/g, ""));
  if (gold === null || predicted === null || predicted === undefined) return gold === (predicted ?? null);
  return strip(gold) === strip(predicted);
}

/** Place names equal after normalising; two empty names match. */
export const namesMatch = (gold: string | null, predicted: string | null | undefined): boolean =>
  gold === null || predicted === null || predicted === undefined
    ? gold === (predicted ?? null)
    : normaliseName(gold) === normaliseName(predicted);

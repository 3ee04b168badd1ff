/**
 * The Zyte / ScrapingHub article-extraction benchmark metric, reproduced exactly as
 * `../shared/data/extraction-benchmark/SOURCE.md` ("Metric used by the benchmark") defines it:
 *
 * 1. tokens = Python `re.findall(r'\w+', text)` (Unicode-aware, case-sensitive);
 * 2. shingles = overlapping 4-grams counted as a multiset (fewer than 4 tokens → one shorter shingle; empty → none);
 * 3. per page TP/FP/FN over the union of shingles, normalised by TP+FP+FN;
 * 4. per-page precision/recall with the benchmark's edge cases (empty prediction excluded from precision);
 * 5. corpus P and R are means of per-page values, F1 = 2PR/(P+R) of those means;
 * 6. accuracy = share of pages whose token sequence equals the ground truth's.
 */

/** Python's Unicode `\w`: letters, numbers (all `\p{N}`), underscore. Compiled once. */
const WORD_TOKEN = /[\p{L}\p{N}_]+/gu;

/** Shingle size used by the benchmark. */
export const SHINGLE_SIZE = 4;

export function tokenize(text: string): string[] {
  return text.match(WORD_TOKEN) ?? [];
}

/** Multiset of token shingles. The key joins tokens with a space (tokens never contain one). */
export function shingles(tokens: readonly string[], size = SHINGLE_SIZE): Map<string, number> {
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  const n = Math.max(1, tokens.length - size + 1);
  for (let i = 0; i < n; i++) {
    const key = tokens.slice(i, i + size).join(" ");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface PageCounts {
  /** Normalised true positives, false positives and false negatives (sum to 1, or all 0). */
  tp: number;
  fp: number;
  fn: number;
}

export function pageCounts(truth: string, prediction: string): PageCounts {
  const t = shingles(tokenize(truth));
  const p = shingles(tokenize(prediction));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, tc] of t) {
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fn += Math.max(0, tc - pc);
  }
  for (const [key, pc] of p) fp += Math.max(0, pc - (t.get(key) ?? 0));
  const total = tp + fp + fn;
  if (total === 0) return { tp: 0, fp: 0, fn: 0 };
  return { tp: tp / total, fp: fp / total, fn: fn / total };
}

/** Per-page precision, or null when the page does not enter the precision mean (TP+FP = 0). */
export function pagePrecision(c: PageCounts): number | null {
  if (c.tp + c.fp === 0) return null;
  if (c.fp === 0 && c.fn === 0) return 1;
  return c.tp / (c.tp + c.fp);
}

/** Per-page recall, or null when the page does not enter the recall mean (TP+FN = 0). */
export function pageRecall(c: PageCounts): number | null {
  if (c.tp + c.fn === 0) return null;
  if (c.fp === 0 && c.fn === 0) return 1;
  return c.tp / (c.tp + c.fn);
}

export interface PageScore {
  id: string;
  precision: number | null;
  recall: number | null;
  /** Per-page F1 (for debugging listings only; the corpus F1 is not a mean of these). */
  f1: number;
  exact: boolean;
}

export function scorePage(id: string, truth: string, prediction: string): PageScore {
  const c = pageCounts(truth, prediction);
  const precision = pagePrecision(c);
  const recall = pageRecall(c);
  const p = precision ?? 0;
  const r = recall ?? 0;
  const f1 = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  const exact = sameTokens(tokenize(truth), tokenize(prediction));
  return { id, precision, recall, f1, exact };
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface CorpusScore {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  pages: number;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

export function aggregate(pages: readonly PageScore[]): CorpusScore {
  const precisions = pages.flatMap((p) => (p.precision === null ? [] : [p.precision]));
  const recalls = pages.flatMap((p) => (p.recall === null ? [] : [p.recall]));
  const precision = mean(precisions);
  const recall = mean(recalls);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const accuracy = pages.length === 0 ? 0 : pages.filter((p) => p.exact).length / pages.length;
  return { precision, recall, f1, accuracy, pages: pages.length };
}

/** Score a whole system: `predictions[id]` missing counts as an empty prediction. */
export function scoreCorpus(
  truth: Readonly<Record<string, string>>,
  predictions: Readonly<Record<string, string | undefined>>,
): { corpus: CorpusScore; pages: PageScore[] } {
  const pages = Object.keys(truth).map((id) => scorePage(id, truth[id] ?? "", predictions[id] ?? ""));
  return { corpus: aggregate(pages), pages };
}

/**
 * Geoparsing metrics, as EUPEG computes them (geoai-lab/EUPEG `Utils.java` and `HaversineAlgorithm.java`;
 * definitions in ../shared/data/geoparsing/SOURCE.md "Standard metrics").
 *
 * - Recognition: a prediction matches a gold toponym when the mid-points of their character spans are
 *   less than MATCH_WINDOW_CHARS apart and the surface strings are equal ignoring case. Gold toponyms are
 *   taken in file order; each takes the first unused prediction that matches, and each prediction is used
 *   once. Unmatched gold = false negatives, leftover predictions = false positives.
 * - Records without coordinates (empty or "null" lat/lon) are dropped before matching, on both sides, as
 *   EUPEG does: a gold toponym without coordinates is not scored, and a prediction that was not resolved
 *   is not a geoparse (it is neither a true nor a false positive).
 * - Resolution: errors are haversine distances (R = 6371 km) over the matched pairs (end-to-end) or over
 *   every gold toponym (gold-toponym mode, where an unresolved toponym counts as MAX_ERROR_KM).
 *
 * Note: the EUPEG snapshot in the code index (1eb6da8) has the surface-equality test commented out, so
 * its web service matches by position only; SOURCE.md and Gritta's original rule require equal surfaces.
 * `requireSurfaceMatch` (default true) selects the rule; the bench uses the default.
 */

/** Mid-points closer than this many characters match (EUPEG: `Math.abs(mean_g - mean_p) < 10`). */
export const MATCH_WINDOW_CHARS = 10;
/** Half the Earth's circumference in km: the largest possible error and the AUC log base. */
export const MAX_ERROR_KM = 20039;
/** acc@161: errors strictly below 161 km (100 miles) count as correct. */
export const ACC_THRESHOLD_KM = 161;
/** EUPEG's HaversineAlgorithm.EARTH_RADIUS. */
export const EARTH_RADIUS_KM = 6371;

/** One toponym in EUPEG's line format (`name,,surface,,lat,,lon,,start,,end`), or a system's prediction. */
export interface LineToponym {
  name: string;
  surface: string;
  lat: number | null;
  lon: number | null;
  start: number;
  end: number;
}

export interface MatchedPair {
  gold: LineToponym;
  pred: LineToponym;
  errorKm: number;
}

export interface DocumentMatch {
  tp: number;
  fp: number;
  fn: number;
  pairs: MatchedPair[];
  /** Gold toponyms (with coordinates) that no prediction matched. */
  missed: LineToponym[];
  /** Predictions (with coordinates) left over. */
  spurious: LineToponym[];
}

export interface MatchOptions {
  /** Require equal surfaces ignoring case (SOURCE.md, Gritta). Default true. */
  requireSurfaceMatch?: boolean;
}

export interface ErrorStats {
  n: number;
  /** Share of errors < ACC_THRESHOLD_KM; null when n = 0. */
  acc161: number | null;
  meanKm: number | null;
  medianKm: number | null;
  /** Area under the sorted log-error curve (SOURCE.md); null when n < 2 (the formula divides by n − 1). */
  auc: number | null;
}

export interface RecognitionStats {
  tp: number;
  fp: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface GeoScore extends RecognitionStats, ErrorStats {}

const toRadians = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance in km, EUPEG's haversine with R = 6371 km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = toRadians(lat2 - lat1);
  const dLon = toRadians(lon2 - lon1);
  const a =
    Math.sin(dLat / 2) ** 2 + Math.sin(dLon / 2) ** 2 * Math.cos(toRadians(lat1)) * Math.cos(toRadians(lat2));
  return EARTH_RADIUS_KM * 2 * Math.asin(Math.min(1, Math.sqrt(a)));
}

export function hasCoordinates(t: LineToponym): t is LineToponym & { lat: number; lon: number } {
  return t.lat !== null && t.lon !== null && Number.isFinite(t.lat) && Number.isFinite(t.lon);
}

const midPoint = (t: LineToponym): number => (t.start + t.end) / 2;

/** EUPEG's matching for one document (see the module comment). */
export function matchDocument(
  gold: readonly LineToponym[],
  predicted: readonly LineToponym[],
  options: MatchOptions = {},
): DocumentMatch {
  const requireSurface = options.requireSurfaceMatch ?? true;
  const goldTops = gold.filter(hasCoordinates);
  const remaining = predicted.filter(hasCoordinates);
  const pairs: MatchedPair[] = [];
  const missed: LineToponym[] = [];
  for (const g of goldTops) {
    const index = remaining.findIndex(
      (p) =>
        Math.abs(midPoint(g) - midPoint(p)) < MATCH_WINDOW_CHARS &&
        (!requireSurface || p.surface.toLowerCase() === g.surface.toLowerCase()),
    );
    if (index < 0) {
      missed.push(g);
      continue;
    }
    const [p] = remaining.splice(index, 1) as [LineToponym & { lat: number; lon: number }];
    pairs.push({ gold: g, pred: p, errorKm: haversineKm(p.lat, p.lon, g.lat, g.lon) });
  }
  return { tp: pairs.length, fp: remaining.length, fn: missed.length, pairs, missed, spurious: remaining };
}

export function recognitionStats(tp: number, fp: number, fn: number): RecognitionStats {
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  const f1 =
    precision !== null && recall !== null && tp > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1: tp + fp + fn > 0 ? f1 : null };
}

/** acc@161, mean, median and AUC of a list of error distances in km. */
export function errorStats(errorsKm: readonly number[]): ErrorStats {
  const n = errorsKm.length;
  if (n === 0) return { n, acc161: null, meanKm: null, medianKm: null, auc: null };
  const sorted = [...errorsKm].sort((a, b) => a - b);
  const half = Math.floor(n / 2);
  const medianKm =
    n % 2 === 0 ? ((sorted[half - 1] as number) + (sorted[half] as number)) / 2 : (sorted[half] as number);
  const meanKm = sorted.reduce((sum, e) => sum + e, 0) / n;
  const acc161 = sorted.filter((e) => e < ACC_THRESHOLD_KM).length / n;
  return { n, acc161, meanKm, medianKm, auc: aucOfErrors(sorted) };
}

/**
 * AUC of error (Jurgens et al. 2015; Gritta et al. 2018): y_i = ln(e_i + 1) / ln(MAX_ERROR_KM) over the
 * sorted errors, trapezoid rule with unit steps, divided by n − 1. Null when n < 2 (EUPEG prints 0).
 */
export function aucOfErrors(errorsKm: readonly number[]): number | null {
  const n = errorsKm.length;
  if (n < 2) return null;
  const y = [...errorsKm].sort((a, b) => a - b).map((e) => Math.log(e + 1) / Math.log(MAX_ERROR_KM));
  let area = 0;
  for (let i = 1; i < n; i++) area += ((y[i - 1] as number) + (y[i] as number)) / 2;
  return area / (n - 1);
}

/** End-to-end score of a system over a corpus: documents aligned by index. */
export function scoreEndToEnd(
  gold: readonly (readonly LineToponym[])[],
  predicted: readonly (readonly LineToponym[])[],
  options: MatchOptions = {},
): GeoScore & { matches: DocumentMatch[] } {
  if (gold.length !== predicted.length)
    throw new Error(`gold has ${gold.length} documents, predictions ${predicted.length}`);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: number[] = [];
  const matches: DocumentMatch[] = [];
  gold.forEach((goldDoc, i) => {
    const m = matchDocument(goldDoc, predicted[i] ?? [], options);
    tp += m.tp;
    fp += m.fp;
    fn += m.fn;
    for (const pair of m.pairs) errors.push(pair.errorKm);
    matches.push(m);
  });
  return { ...recognitionStats(tp, fp, fn), ...errorStats(errors), matches };
}

/** A resolution of one gold toponym in gold-toponym mode: null coordinates = unresolved. */
export interface GoldResolution {
  gold: LineToponym;
  lat: number | null;
  lon: number | null;
}

/** Gold-toponym (oracle recognition) scoring: every gold toponym with coordinates; unresolved = MAX_ERROR_KM. */
export function scoreGoldResolution(
  resolutions: readonly GoldResolution[],
): ErrorStats & { unresolved: number } {
  let unresolved = 0;
  const errors: number[] = [];
  for (const r of resolutions) {
    if (!hasCoordinates(r.gold)) continue;
    if (r.lat === null || r.lon === null || !Number.isFinite(r.lat) || !Number.isFinite(r.lon)) {
      unresolved++;
      errors.push(MAX_ERROR_KM);
    } else {
      errors.push(haversineKm(r.lat, r.lon, r.gold.lat, r.gold.lon));
    }
  }
  return { ...errorStats(errors), unresolved };
}

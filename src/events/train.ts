/** Build-time trainer for the event-type model: multinomial logistic regression over the sparse features of
 * features.ts, trained with AdaGrad and L2, deterministic for a given seed and data. Used by
 * scripts/train-event-model.ts and by the determinism test; nothing here runs at classification time. */
import {
  MODEL_WEIGHT_DECIMALS,
  MODEL_WEIGHT_EPSILON,
  TRAIN_EPOCHS,
  TRAIN_L2,
  TRAIN_LEARNING_RATE,
  TRAIN_MIN_CHAR_NGRAM_DF,
  TRAIN_SEED,
} from "./constants.js";
import { type EventLexicons, extractEventFeatures, type FeatureVector } from "./features.js";

export interface TrainingExample {
  text: string;
  /** CASE 2021 code ("ARMED_CLASH"). */
  label: string;
}

export interface TrainOptions {
  seed?: number;
  epochs?: number;
  learningRate?: number;
  l2?: number;
}

/** The shipped model file (data/events/model.json). */
export interface EventModelFile {
  format: "sitrep-event-model/1";
  /** CASE codes, in score order. */
  labels: string[];
  bias: number[];
  /** feature → [labelIndex, weight, labelIndex, weight, ...] (only |weight| ≥ MODEL_WEIGHT_EPSILON). */
  weights: Record<string, number[]>;
  meta: {
    examples: number;
    features: number;
    seed: number;
    epochs: number;
    learningRate: number;
    l2: number;
  };
}

/** mulberry32: a small seeded PRNG, so shuffles are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

function medianOf(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const round = (x: number): number => {
  const r = Number(x.toFixed(MODEL_WEIGHT_DECIMALS));
  return Object.is(r, -0) ? 0 : r;
};

export function trainEventModel(
  examples: readonly TrainingExample[],
  labels: readonly string[],
  lexicons: EventLexicons,
  options: TrainOptions = {},
): EventModelFile {
  const seed = options.seed ?? TRAIN_SEED;
  const epochs = options.epochs ?? TRAIN_EPOCHS;
  const lr = options.learningRate ?? TRAIN_LEARNING_RATE;
  const l2 = options.l2 ?? TRAIN_L2;
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const K = labels.length;

  // 1. Features and vocabulary (char n-grams need a minimum document frequency).
  const vectors: FeatureVector[] = examples.map((e) => extractEventFeatures(e.text, lexicons));
  const df = new Map<string, number>();
  for (const v of vectors) for (const k of v.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const vocab = [...df.keys()]
    .filter((k) => !(k.startsWith("c:") || k.startsWith("b:")) || (df.get(k) ?? 0) >= TRAIN_MIN_CHAR_NGRAM_DF)
    .sort();
  const featIndex = new Map(vocab.map((k, i) => [k, i]));
  const data = vectors.map((v, n) => {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [k, x] of v) {
      const i = featIndex.get(k);
      if (i !== undefined) {
        idx.push(i);
        val.push(x);
      }
    }
    const y = labelIndex.get((examples[n] as TrainingExample).label);
    if (y === undefined) throw new Error(`training example ${n}: unknown label "${examples[n]?.label}"`);
    return { idx, val, y };
  });

  // 2. AdaGrad on the softmax cross-entropy, L2 applied lazily to the touched rows.
  const F = vocab.length;
  const W = new Float64Array(F * K);
  const G = new Float64Array(F * K);
  const b = new Float64Array(K);
  const gb = new Float64Array(K);
  const p = new Float64Array(K);
  const random = seededRandom(seed);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const n of order) {
      const { idx, val, y } = data[n] as (typeof data)[number];
      for (let k = 0; k < K; k++) p[k] = b[k] as number;
      for (let j = 0; j < idx.length; j++) {
        const row = (idx[j] as number) * K;
        const x = val[j] as number;
        for (let k = 0; k < K; k++) p[k] = (p[k] as number) + (W[row + k] as number) * x;
      }
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < K; k++) max = Math.max(max, p[k] as number);
      let sum = 0;
      for (let k = 0; k < K; k++) {
        p[k] = Math.exp((p[k] as number) - max);
        sum += p[k] as number;
      }
      for (let k = 0; k < K; k++) {
        const g = (p[k] as number) / sum - (k === y ? 1 : 0);
        gb[k] = (gb[k] as number) + g * g;
        b[k] = (b[k] as number) - (lr * g) / Math.sqrt((gb[k] as number) + 1e-8);
      }
      for (let j = 0; j < idx.length; j++) {
        const row = (idx[j] as number) * K;
        const x = val[j] as number;
        for (let k = 0; k < K; k++) {
          const w = W[row + k] as number;
          const g = ((p[k] as number) / sum - (k === y ? 1 : 0)) * x + l2 * w;
          G[row + k] = (G[row + k] as number) + g * g;
          W[row + k] = w - (lr * g) / Math.sqrt((G[row + k] as number) + 1e-8);
        }
      }
    }
  }

  // 3. Sparse, rounded export. Softmax ignores a constant added to one feature's weights for every label, so
  // each row is first centred on its median: most of a row then sits near 0 and can be dropped.
  const weights: Record<string, number[]> = {};
  const row = new Float64Array(K);
  for (let f = 0; f < F; f++) {
    for (let k = 0; k < K; k++) row[k] = W[f * K + k] as number;
    const median = medianOf(row);
    const pairs: number[] = [];
    for (let k = 0; k < K; k++) {
      const w = round((row[k] as number) - median);
      if (Math.abs(w) >= MODEL_WEIGHT_EPSILON) pairs.push(k, w);
    }
    if (pairs.length > 0) weights[vocab[f] as string] = pairs;
  }
  const biasMedian = medianOf(b);
  return {
    format: "sitrep-event-model/1",
    labels: [...labels],
    bias: [...b].map((x) => round(x - biasMedian)),
    weights,
    meta: {
      examples: examples.length,
      features: Object.keys(weights).length,
      seed,
      epochs,
      learningRate: lr,
      l2,
    },
  };
}

/** Serialises a model the same way every time (one feature per line keeps diffs readable). */
export function serializeEventModel(model: EventModelFile): string {
  const lines = Object.keys(model.weights).map(
    (k) => `${JSON.stringify(k)}:${JSON.stringify(model.weights[k])}`,
  );
  return (
    `{"format":${JSON.stringify(model.format)},"labels":${JSON.stringify(model.labels)},` +
    `"bias":${JSON.stringify(model.bias)},"meta":${JSON.stringify(model.meta)},"weights":{\n${lines.join(",\n")}\n}}\n`
  );
}

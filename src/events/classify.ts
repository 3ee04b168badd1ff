/** Event typing: a snippet → ACLED event type and sub-event type (or one of sitrep's extra kinds), with a
 * probability. The model (data/events/model.json) is a multinomial logistic regression trained at build time
 * by scripts/train-event-model.ts on data/events/training.en.jsonl; trigger-lexicon hits are features in it. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findDataDir } from "../core/data.js";
import { ACTOR_CUE_KINDS, ACTOR_CUES_FILE, CHAR_NGRAM_CACHE_SIZE, MODEL_FILE } from "./constants.js";
import { analyzeEventText, charNgramFeatures, type EventLexicons } from "./features.js";
import { type EventOntology, loadOntology } from "./ontology.js";
import type { EventModelFile } from "./train.js";
import { readTriggersFile, TriggerMatcher } from "./triggers.js";

export interface EventClassification {
  eventType: string;
  subEventType: string;
  /** Softmax probability of the chosen label (0–1). */
  confidence: number;
  /** Probability of every label, keyed by sub-event type name. */
  scores?: Record<string, number>;
}

export interface EventClassifyOptions {
  /** Restrict the answer to these sub-event types (e.g. only ACLED's 25); scores are renormalised over them. */
  only?: ReadonlySet<string>;
}

export class EventClassifier {
  private readonly weights: Map<string, readonly number[]>;
  private readonly subTypes: string[];
  private readonly eventTypes: string[];
  private readonly bias: Float64Array;
  private readonly charCache = new Map<string, Float64Array | undefined>();

  constructor(
    model: EventModelFile,
    ontology: EventOntology,
    private readonly lexicons: EventLexicons,
  ) {
    if (model.format !== "sitrep-event-model/1")
      throw new Error(`unknown event model format "${model.format}"`);
    this.subTypes = model.labels.map((code) => {
      const e = ontology.byCaseCode.get(code);
      if (!e) throw new Error(`event model label "${code}" is not in the ontology`);
      return e.subEventType;
    });
    this.eventTypes = model.labels.map((code) => ontology.byCaseCode.get(code)?.eventType ?? "");
    this.bias = Float64Array.from(model.bias);
    this.weights = new Map(Object.entries(model.weights));
  }

  /** Raw class scores (logits) for a snippet and how many of its features the model knows. */
  scoreText(text: string): { z: Float64Array; known: number } {
    const parts = analyzeEventText(text, this.lexicons);
    const z = Float64Array.from(this.bias);
    let known = 0;
    const addPairs = (pairs: readonly number[] | Float64Array | undefined, x: number): void => {
      if (!pairs) return;
      known++;
      for (let j = 0; j < pairs.length; j += 2) {
        const c = pairs[j] as number;
        z[c] = (z[c] as number) + (pairs[j + 1] as number) * x;
      }
    };
    for (const tok of parts.distinct) {
      addPairs(this.weights.get(`w:${tok}`), parts.wordScale);
      addPairs(this.charPairs(tok), parts.charScale);
    }
    for (const b of parts.bigrams) addPairs(this.weights.get(b), parts.bigramScale);
    for (const [k, x] of parts.triggerFeatures) addPairs(this.weights.get(k), x);
    return { z, known };
  }

  /** A token's char n-gram weights summed once and cached as sparse (label, weight) pairs. */
  private charPairs(tok: string): Float64Array | undefined {
    if (this.charCache.has(tok)) return this.charCache.get(tok);
    const K = this.subTypes.length;
    const sum = new Float64Array(K);
    let any = false;
    for (const g of charNgramFeatures(tok)) {
      const pairs = this.weights.get(g);
      if (!pairs) continue;
      any = true;
      for (let j = 0; j < pairs.length; j += 2) {
        const c = pairs[j] as number;
        sum[c] = (sum[c] as number) + (pairs[j + 1] as number);
      }
    }
    let out: Float64Array | undefined;
    if (any) {
      const packed: number[] = [];
      for (let k = 0; k < K; k++) if (sum[k] !== 0) packed.push(k, sum[k] as number);
      out = Float64Array.from(packed);
    }
    if (this.charCache.size >= CHAR_NGRAM_CACHE_SIZE) this.charCache.clear();
    this.charCache.set(tok, out);
    return out;
  }

  classify(text: string, options: EventClassifyOptions = {}): EventClassification | null {
    const K = this.subTypes.length;
    const { z, known } = this.scoreText(text);
    // "No event" is a result: nothing in the snippet is a feature the model knows.
    if (known === 0) return null;
    let best = -1;
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < K; k++) {
      if (options.only && !options.only.has(this.subTypes[k] as string)) continue;
      if ((z[k] as number) > max) {
        max = z[k] as number;
        best = k;
      }
    }
    if (best < 0) return null;
    let sum = 0;
    const p = new Float64Array(K);
    for (let k = 0; k < K; k++) {
      if (options.only && !options.only.has(this.subTypes[k] as string)) continue;
      p[k] = Math.exp((z[k] as number) - max);
      sum += p[k] as number;
    }
    const scores: Record<string, number> = {};
    for (let k = 0; k < K; k++)
      if ((p[k] as number) > 0) scores[this.subTypes[k] as string] = (p[k] as number) / sum;
    return {
      eventType: this.eventTypes[best] as string,
      subEventType: this.subTypes[best] as string,
      confidence: (p[best] as number) / sum,
      scores,
    };
  }
}

/** The shipped trigger lexicon (validated against the ontology's CASE codes) and actor cues, compiled. */
export function loadEventLexicons(ontology: EventOntology = loadOntology()): EventLexicons {
  return {
    triggers: new TriggerMatcher(readTriggersFile(new Set(ontology.byCaseCode.keys()))),
    actors: new TriggerMatcher(readTriggersFile(new Set<string>(ACTOR_CUE_KINDS), ACTOR_CUES_FILE)),
  };
}

let shipped: EventClassifier | undefined;
/** The classifier built from the shipped data files, loaded on first use. */
export function loadEventClassifier(): EventClassifier {
  if (!shipped) {
    const ontology = loadOntology();
    const model = JSON.parse(readFileSync(join(findDataDir(), MODEL_FILE), "utf8")) as EventModelFile;
    shipped = new EventClassifier(model, ontology, loadEventLexicons(ontology));
  }
  return shipped;
}

/** Types one news snippet (1–3 sentences). Returns null when the snippet holds nothing the model knows. */
export function classifyEventText(text: string, options?: EventClassifyOptions): EventClassification | null {
  return loadEventClassifier().classify(text, options);
}

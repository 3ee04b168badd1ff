/** Feature extraction shared by training (scripts/train-event-model.ts) and classification: word unigrams and
 * bigrams, char n-grams inside words, and trigger-lexicon hits. Features are sparse name → value maps.
 *
 * Groups and their scaling (each group is divided by the square root of its number of occurrences, so the many
 * char n-grams do not drown the few trigger hits and long snippets do not swamp short ones):
 *   w:<token>        1 per distinct token                       / sqrt(distinct tokens)
 *   c:<char n-gram>  occurrences over the distinct tokens        / sqrt(n-gram occurrences)
 *   b:<tok tok>      occurrences (with "<s>" before the first)   / sqrt(token count)
 *   t:<label>, p:<pattern>  trigger weight per label, 1 per pattern  / L2 norm of the trigger group
 *   a:<kind>, x:<kind>|<label>  kind of the first actor cue (≈ the lead's subject), alone and paired with each
 *                    trigger label that fired                     / L2 norm of the actor group
 * The classifier scores the same definition without building the map (see classify.ts); a test keeps the two
 * paths equal. */
import { CHAR_NGRAM_CACHE_SIZE, CHAR_NGRAM_MAX, CHAR_NGRAM_MIN, MAX_TEXT_CHARS } from "./constants.js";
import type { Trigger, TriggerMatcher } from "./triggers.js";

/** Lower-case word tokens; digits fold to "0" so numbers share features; apostrophes and hyphens inside words
 * are kept ("al-shabaab", "sit-in"). */
const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const DIGIT = /\p{N}/gu;
const CURLY_APOSTROPHE = /’/g;

export function tokenizeEventText(text: string): string[] {
  const clipped = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
  const out: string[] = [];
  for (const m of clipped.toLowerCase().matchAll(TOKEN)) {
    out.push(m[0].replace(DIGIT, "0").replace(CURLY_APOSTROPHE, "'"));
  }
  return out;
}

/** Token → its "c:" feature names; a bounded cache (cleared when full) since news reuses its words. */
const charCache = new Map<string, readonly string[]>();

export function charNgramFeatures(tok: string): readonly string[] {
  const hit = charCache.get(tok);
  if (hit) return hit;
  const padded = `<${tok}>`;
  const out: string[] = [];
  for (let n = CHAR_NGRAM_MIN; n <= CHAR_NGRAM_MAX; n++) {
    for (let i = 0; i + n <= padded.length; i++) out.push(`c:${padded.slice(i, i + n)}`);
  }
  if (charCache.size >= CHAR_NGRAM_CACHE_SIZE) charCache.clear();
  charCache.set(tok, out);
  return out;
}

/** What a snippet offers the model before any lookup: its tokens, distinct tokens, bigram feature names and
 * trigger hits, plus the group scales defined above. */
export interface EventTextParts {
  tokens: readonly string[];
  distinct: readonly string[];
  /** "b:" names, one per occurrence. */
  bigrams: readonly string[];
  /** "t:", "p:", "a:" and "x:" features, already scaled. */
  triggerFeatures: ReadonlyMap<string, number>;
  wordScale: number;
  charScale: number;
  bigramScale: number;
}

/** The trigger lexicon and the actor-cue lexicon, compiled. */
export interface EventLexicons {
  triggers: TriggerMatcher;
  actors: TriggerMatcher;
}

export function analyzeEventText(text: string, lexicons: EventLexicons): EventTextParts {
  const tokens = tokenizeEventText(text);
  const distinct = [...new Set(tokens)];
  const bigrams: string[] = [];
  let prev = "<s>";
  for (const tok of tokens) {
    bigrams.push(`b:${prev} ${tok}`);
    prev = tok;
  }
  let charCount = 0;
  for (const tok of distinct) charCount += charNgramFeatures(tok).length;
  const hits = tokens.length > 0 ? lexicons.triggers.match(tokens) : [];
  const triggerFeatures = scaleTriggers(hits);
  const actor = tokens.length > 0 ? lexicons.actors.first(tokens) : undefined;
  if (actor) {
    const a = new Map<string, number>([[`a:${actor.label}`, 1]]);
    for (const h of hits) a.set(`x:${actor.label}|${h.label}`, 1);
    const scale = 1 / Math.sqrt(a.size);
    for (const k of a.keys()) triggerFeatures.set(k, scale);
  }
  return {
    tokens,
    distinct,
    bigrams,
    triggerFeatures,
    wordScale: distinct.length > 0 ? 1 / Math.sqrt(distinct.length) : 0,
    charScale: charCount > 0 ? 1 / Math.sqrt(charCount) : 0,
    bigramScale: tokens.length > 0 ? 1 / Math.sqrt(tokens.length) : 0,
  };
}

function scaleTriggers(hits: readonly Trigger[]): Map<string, number> {
  const f = new Map<string, number>();
  for (const t of hits) {
    f.set(`t:${t.label}`, (f.get(`t:${t.label}`) ?? 0) + t.weight);
    f.set(`p:${t.pattern}`, 1);
  }
  let norm = 0;
  for (const v of f.values()) norm += v * v;
  norm = Math.sqrt(norm);
  for (const [k, v] of f) f.set(k, v / norm);
  return f;
}

/** Feature prefixes: w: word, b: bigram, c: char n-gram, t: trigger label, p: trigger pattern. */
export type FeatureVector = Map<string, number>;

/** The full sparse vector (training, tests); classification uses the same definition without the map. */
export function extractEventFeatures(text: string, lexicons: EventLexicons): FeatureVector {
  const parts = analyzeEventText(text, lexicons);
  const f: FeatureVector = new Map();
  for (const tok of parts.distinct) f.set(`w:${tok}`, parts.wordScale);
  for (const tok of parts.distinct) {
    for (const g of charNgramFeatures(tok)) f.set(g, (f.get(g) ?? 0) + parts.charScale);
  }
  for (const b of parts.bigrams) f.set(b, (f.get(b) ?? 0) + parts.bigramScale);
  for (const [k, v] of parts.triggerFeatures) f.set(k, v);
  return f;
}

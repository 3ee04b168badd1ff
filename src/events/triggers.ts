/** The trigger lexicon (data/events/triggers.en.tsv): loaded once, validated against the ontology, compiled
 * into a first-token index so matching a snippet costs one map lookup per token. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findDataDir } from "../core/data.js";
import { TRIGGERS_FILE } from "./constants.js";

/** One word of a pattern: an exact token, or a prefix when written "w*". */
export interface TriggerWord {
  text: string;
  prefix: boolean;
}

export interface Trigger {
  /** CASE 2021 code of the label ("ARMED_CLASH"). */
  label: string;
  /** The pattern as written in the file ("gun battle*"); also the feature name. */
  pattern: string;
  words: readonly TriggerWord[];
  weight: number;
  /** At least one must occur in the snippet; empty = no requirement. */
  context: readonly TriggerWord[];
}

export interface TriggerLexicon {
  triggers: readonly Trigger[];
  /** Labels that have at least one trigger. */
  labels: ReadonlySet<string>;
}

const MAX_WEIGHT = 3;
const WORD = /^[a-z0-9][a-z0-9'-]*\*?$/;

function parseWord(raw: string, where: string): TriggerWord {
  if (!WORD.test(raw))
    throw new Error(`${where}: bad trigger word "${raw}" (lower-case letters, digits, - ' and a final *)`);
  return raw.endsWith("*") ? { text: raw.slice(0, -1), prefix: true } : { text: raw, prefix: false };
}

/** Parses the lexicon; `knownLabels` (CASE codes from the ontology) rejects unknown labels, and every known label
 * must have at least one trigger (no empty groups). */
export function parseTriggers(
  text: string,
  knownLabels: ReadonlySet<string>,
  file = TRIGGERS_FILE,
): TriggerLexicon {
  const triggers: Trigger[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const where = `${file}:${i + 1}`;
    const [label, pattern, weightText, context, ...rest] = line.split("\t");
    if (!label || !pattern || !weightText || rest.length > 0) {
      throw new Error(`${where}: expected "<label>\\t<pattern>\\t<weight>[\\t<context>]", got "${line}"`);
    }
    if (!knownLabels.has(label)) throw new Error(`${where}: unknown label "${label}"`);
    const weight = Number(weightText);
    if (!Number.isFinite(weight) || weight <= 0 || weight > MAX_WEIGHT) {
      throw new Error(`${where}: weight must be in (0, ${MAX_WEIGHT}], got "${weightText}"`);
    }
    const key = `${label}\t${pattern}`;
    if (seen.has(key)) throw new Error(`${where}: duplicate trigger "${pattern}" for ${label}`);
    seen.add(key);
    const words = pattern.split(" ").map((w) => parseWord(w, where));
    const ctx = context ? context.split("|").map((w) => parseWord(w, where)) : [];
    if (context !== undefined && ctx.length === 0) throw new Error(`${where}: empty context`);
    triggers.push({ label, pattern, words, weight, context: ctx });
  });
  const labels = new Set(triggers.map((t) => t.label));
  for (const l of knownLabels) if (!labels.has(l)) throw new Error(`${file}: label "${l}" has no triggers`);
  return { triggers, labels };
}

export function readTriggersFile(knownLabels: ReadonlySet<string>, file = TRIGGERS_FILE): TriggerLexicon {
  return parseTriggers(readFileSync(join(findDataDir(), file), "utf8"), knownLabels, file);
}

const wordMatches = (w: TriggerWord, token: string): boolean =>
  w.prefix ? token.startsWith(w.text) : token === w.text;

/** A compiled matcher: triggers indexed by their first word (exact words by token, prefixes by 3-char stem). */
export class TriggerMatcher {
  private readonly exact = new Map<string, Trigger[]>();
  private readonly byStem = new Map<string, Trigger[]>();
  private static readonly STEM = 3;

  constructor(readonly lexicon: TriggerLexicon) {
    for (const t of lexicon.triggers) {
      const first = t.words[0] as TriggerWord;
      if (first.prefix && first.text.length >= TriggerMatcher.STEM) {
        const k = first.text.slice(0, TriggerMatcher.STEM);
        (this.byStem.get(k) ?? this.byStem.set(k, []).get(k))?.push(t);
      } else if (first.prefix) {
        throw new Error(`trigger "${t.pattern}": a prefix needs at least ${TriggerMatcher.STEM} letters`);
      } else {
        (this.exact.get(first.text) ?? this.exact.set(first.text, []).get(first.text))?.push(t);
      }
    }
  }

  /** The pattern that starts earliest in `tokens` (context ignored), or undefined. */
  first(tokens: readonly string[]): Trigger | undefined {
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i] as string;
      for (const list of [this.exact.get(tok), this.byStem.get(tok.slice(0, TriggerMatcher.STEM))]) {
        if (!list) continue;
        for (const t of list) {
          if (i + t.words.length > tokens.length) continue;
          let ok = true;
          for (let j = 0; j < t.words.length && ok; j++)
            ok = wordMatches(t.words[j] as TriggerWord, tokens[i + j] as string);
          if (ok) return t;
        }
      }
    }
    return undefined;
  }

  /** Triggers whose pattern occurs in `tokens` and whose context (if any) is met; each trigger at most once. */
  match(tokens: readonly string[]): Trigger[] {
    const hits = new Set<Trigger>();
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i] as string;
      for (const list of [this.exact.get(tok), this.byStem.get(tok.slice(0, TriggerMatcher.STEM))]) {
        if (!list) continue;
        for (const t of list) {
          if (hits.has(t) || i + t.words.length > tokens.length) continue;
          let ok = true;
          for (let j = 0; j < t.words.length && ok; j++)
            ok = wordMatches(t.words[j] as TriggerWord, tokens[i + j] as string);
          if (ok) hits.add(t);
        }
      }
    }
    const out: Trigger[] = [];
    for (const t of hits) {
      if (t.context.length === 0 || t.context.some((c) => tokens.some((tok) => wordMatches(c, tok))))
        out.push(t);
    }
    return out;
  }
}

/** Hand-built inputs for the claims tests: spans found by phrase, actors with mentions (no earlier stage runs). */
import type { Span } from "../../src/core/doc.js";
import type { Actor, ActorRecordKind, Mention } from "../../src/core/entities.js";

/** The span of the first occurrence of `phrase` in `text` (at or after `from`); throws when absent. */
export function spanOf(text: string, phrase: string, from = 0): Span {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`"${phrase}" not in text`);
  return { start, end: start + phrase.length };
}

/** An actor whose mentions are every occurrence of each phrase. */
export function makeActor(id: string, kind: ActorRecordKind, text: string, ...phrases: string[]): Actor {
  const mentions: Mention[] = [];
  for (const phrase of phrases) {
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1))
      mentions.push({ start: at, end: at + phrase.length });
  }
  return {
    id,
    name: phrases[0] ?? id,
    canonical: phrases[0] ?? id,
    kind,
    inter: null,
    country: null,
    affiliations: [],
    dictionaryId: null,
    mentions,
  };
}

/** Sentence spans of a text whose sentences are separated by "\n" (each line one sentence). */
export function lineSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const line of text.split("\n")) {
    if (line.length > 0) out.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return out;
}

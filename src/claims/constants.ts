/**
 * Knobs of the claims stage (issue #4): attribution, certainty and claims. Cue words live in
 * `data/claims/cues.en.tsv`; what is here are the grammar words the source finder is built around, display
 * names and limits. Each note says what it was checked against. None was fitted to the UDS-IH2 test set
 * (../shared/data/attribution), which is only measured (bench/lib/factuality-eval.ts).
 */
import type { Certainty } from "../core/events.js";

/** The data file of cues, under `data/`. */
export const CUES_FILE = "claims/cues.en.tsv";

/** The source of a statement the article makes in its own voice. */
export const OUTLET_SOURCE = "the outlet";

/**
 * The longest source noun phrase kept as written ("the ISIS propaganda wing", "a senior military source in
 * Damascus"); a longer stretch before a reporting verb is a clause, not a name, and is cut to its last words.
 * Checked on invented examples (test/claims) and the seed.
 */
export const MAX_SOURCE_WORDS = 8;

/** Words allowed between a source and its verb: "Pro-militant sources also confirmed", "officials have said". */
export const SUBJECT_GAP_WORDS: ReadonlySet<string> = new Set([
  "also",
  "later",
  "again",
  "earlier",
  "previously",
  "further",
  "repeatedly",
  "officially",
  "publicly",
  "separately",
  "subsequently",
  "recently",
  "reportedly",
  "have",
  "has",
  "had",
  "would",
  "did",
  "does",
  "do",
  "then",
  "first",
  "already",
  "however",
  "meanwhile",
  "moreover",
  "nevertheless",
  "too",
]);

/** A determiner right before a reporting word makes it an adjective: "the reported attack", "its claimed". */
export const DETERMINERS: ReadonlySet<string> = new Set([
  "a",
  "an",
  "the",
  "this",
  "these",
  "those",
  "its",
  "their",
  "his",
  "her",
  "our",
  "my",
  "your",
]);

/** A form of "be" right before a reporting word makes it passive: "3 people were reported killed". */
export const BE_AUXILIARIES: ReadonlySet<string> = new Set([
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "being",
]);

/** A negator right before a passive reporting verb means nobody reported it: "could not be verified". */
export const PASSIVE_NEGATORS: ReadonlySet<string> = new Set(["not", "n't", "never"]);

/** Words that end a source noun phrase when scanning back from its verb ("… the move that officials said"). */
export const CLAUSE_BOUNDARY_WORDS: ReadonlySet<string> = new Set([
  "that",
  "which",
  "who",
  "whom",
  "while",
  "but",
  "as",
  "when",
  "after",
  "before",
  "because",
  "since",
  "if",
  "although",
  "though",
  "where",
  "whereas",
  "so",
  "yet",
]);

/** Subject pronouns: a source that refers back ("he said", "the group said" is kept as written). */
export const PRONOUN_SOURCES: ReadonlySet<string> = new Set(["he", "she", "they", "it", "we", "i", "you"]);

/** Characters that end a source phrase: punctuation and quotes (straight and curly). */
export const SOURCE_STOP_CHARS = new Set([",", ";", ":", "(", ")", '"', "“", "”", "—", "–", "[", "]", "."]);

/**
 * The factuality score of a predicate by certainty, before negation flips its sign: a UDS-like scale where
 * > 0 is "happened" and the magnitude is how surely (UDS normalised scores run about −2.1…+2.3). Set from
 * the certainty ladder's order (asserted > reported > claimed > alleged > speculative), not fitted.
 */
export const FACTUALITY_SCORES: Readonly<Record<Certainty, number>> = {
  asserted: 2.5,
  reported: 2,
  claimed: 1.5,
  alleged: 1,
  speculative: -0.5,
  predicted: -1,
  denied: -2,
};

/** Score of a predicate under a question or a condition ("Did they go?", "if they attack"). */
export const HYPOTHETICAL_SCORE = -1;

/** Score of an unrealised infinitive or an imperative ("to undermine", "Call me"). */
export const IRREALIS_SCORE = -1;

/**
 * How many words before a predicate a negator or a modal still governs it: "did not go" (1), "has never
 * really been" (3), "no one was killed" (3). Beyond that it is usually another clause's.
 */
export const SCOPE_WINDOW_WORDS = 4;

/**
 * A comma within this many words of a sentence's start closes a leading adverbial ("Recently,", "In fact,",
 * "At the same time,"), not a clause; a modal after it is still the main clause's.
 */
export const LEADING_ADVERBIAL_WORDS = 4;

/** How many words after a predicate a negative object still negates it ("killed no one", "said nothing"). */
export const NEGATIVE_OBJECT_WINDOW_WORDS = 2;

/** Negative objects counted after a predicate (see NEGATIVE_OBJECT_WINDOW_WORDS). */
export const NEGATIVE_OBJECTS: ReadonlySet<string> = new Set(["nothing", "nobody", "none", "no one"]);

/** Words before a sentence-initial predicate that keep it imperative: "Please call", "Just go". */
export const IMPERATIVE_LEAD_WORDS: ReadonlySet<string> = new Set([
  "please",
  "just",
  "now",
  "so",
  "then",
  "and",
]);

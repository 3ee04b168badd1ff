/** Knobs of the nlp stage. */

/** Longest sentence kept as one span, in characters; longer runs are cut at the last space before it so
 * later stages never see unbounded sentences (issue #4's "sentences of 5,000 words"). */
export const MAX_SENTENCE_CHARS = 2000;

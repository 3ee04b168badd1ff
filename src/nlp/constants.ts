/** Knobs of the nlp stage. */

/** Longest sentence kept as one span, in characters; longer runs are cut at the last space before it so
 * later stages never see unbounded sentences (issue #4's "sentences of 5,000 words"). */
export const MAX_SENTENCE_CHARS = 2000;

/** Characters at the end of a sentence looked at to tell an abbreviation or initial before a break ("Gen.",
 * "U.S.", "J."): far more than the longest abbreviation in data/nlp/abbreviations.en.txt (9). */
export const FALSE_BREAK_WINDOW_CHARS = 64;

/** Characters handed to ICU's sentence segmenter at a time (see `icuSentences`). Only a segment longer than
 * this is cut at a window's end, and at five times MAX_SENTENCE_CHARS such a run is cut into sentences anyway. */
export const SEGMENT_WINDOW_CHARS = 10_000;

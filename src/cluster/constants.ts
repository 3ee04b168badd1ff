/**
 * Knobs of near-duplicate detection (src/cluster/near-duplicates.ts).
 *
 * SHINGLE_SIZE, DUPLICATE_MEASURE and DUPLICATE_THRESHOLD were chosen as a set on the tuning split (bodies
 * with an even index) of the generated near-duplicate set that `npm run bench:dedup` builds from the
 * extraction benchmark's ground-truth bodies; its odd-index split is the reported one. The sweep there
 * (shingles of 3–6 words × both measures × thresholds 0.20–0.90) put 3 words, overlap ≥ 0.65 on top (tuning
 * F1 0.990; 4 words with Jaccard ≥ 0.25 gave 0.989, 5 words with overlap ≥ 0.55 gave 0.986). Don't tune one
 * value in isolation: the threshold only means something for a given shingle size and measure.
 */

/** Words per shingle. Shorter shingles survive light edits better but make unrelated texts share more
 * (on the generated set no unrelated pair came near the threshold at any size from 3 to 6). */
export const SHINGLE_SIZE = 3;

/** MinHash slots per signature (the estimate's standard error is about sqrt(J(1−J)/128) ≤ 0.044). */
export const NUM_PERMUTATIONS = 128;

/** Seed of the generator that draws the permutation hash functions; changing it changes every signature. */
export const MINHASH_SEED = 0x5eed_d0c5;

/** Seed of the token and shingle hashes (MurmurHash3 x86_32); the second shingle hash uses the other seed. */
export const TOKEN_HASH_SEED = 0x9747b28c;
export const SHINGLE_HASH_SEEDS = [0x2545f491, 0x6c8e9cf5] as const;

/**
 * LSH banding: NUM_PERMUTATIONS = LSH_BANDS × rows. With 64 bands of 2 rows, a pair with Jaccard 0.3 becomes a
 * candidate with probability 1 − (1 − 0.3²)^64 ≈ 0.998 and one with Jaccard 0.05 with ≈ 0.15; candidates are then
 * checked on the whole signature, so loose banding costs time, not precision. Two rows (rather than four) keep
 * short texts inside long ones (high containment, low Jaccard) as candidates.
 */
export const LSH_BANDS = 64;

/**
 * The score compared with the threshold: "jaccard" (|A∩B|/|A∪B|) or "overlap" (|A∩B|/min(|A|,|B|), estimated
 * from the Jaccard estimate and the two shingle counts). Overlap keeps trimmed copies and republications
 * with added boilerplate (one text nearly inside the other) while Jaccard penalises every added word.
 */
export type DuplicateMeasure = "jaccard" | "overlap";
export const DUPLICATE_MEASURE: DuplicateMeasure = "overlap";

/** Pairs scoring at least this on DUPLICATE_MEASURE are near-duplicates (tuned as described above). */
export const DUPLICATE_THRESHOLD = 0.65;

/**
 * Overlap is only trusted when the shorter text has at least this share of the longer one's shingles: a single
 * quoted paragraph inside a long article is not a copy of the article it came from. Below it, Jaccard is used.
 * Set by hand, not swept: it trades a short original quoted whole inside a long text (counted a false positive
 * on the generated set) against a heavily trimmed copy (a false negative).
 */
export const MIN_OVERLAP_SIZE_RATIO = 0.25;

/** Only the first this-many tokens are shingled, so that a huge input costs bounded time (≈ 1.2 MB of prose). */
export const MAX_SIGNATURE_TOKENS = 200_000;

/** Knobs and reference names for the events stage. Thresholds say what they were tuned against. */

/** ACLED's six event types, exactly as in ACLED's codebook (acled_event_categories.csv). */
export const ACLED_EVENT_TYPES = [
  "Battles",
  "Explosions/Remote violence",
  "Protests",
  "Riots",
  "Strategic developments",
  "Violence against civilians",
] as const;

/** ACLED's 25 sub-event types, exactly as in ACLED's codebook; the ontology loader checks it has each once. */
export const ACLED_SUB_EVENT_TYPES = [
  "Armed clash",
  "Government regains territory",
  "Non-state actor overtakes territory",
  "Chemical weapon",
  "Air/drone strike",
  "Suicide bomb",
  "Shelling/artillery/missile attack",
  "Remote explosive/landmine/IED",
  "Grenade",
  "Peaceful protest",
  "Protest with intervention",
  "Excessive force against protesters",
  "Violent demonstration",
  "Mob violence",
  "Agreement",
  "Arrests",
  "Change to group/activity",
  "Disrupted weapons use",
  "Headquarters or base established",
  "Looting/property destruction",
  "Non-violent transfer of territory",
  "Other",
  "Sexual violence",
  "Attack",
  "Abduction/forced disappearance",
] as const;

/** The event type sitrep gives its extra, non-ACLED kinds (claims, diplomacy, crime, disasters). */
export const EXTRA_EVENT_TYPE = "Other events";

/** The extra kinds news carries that ACLED does not code (CASE 2021 Task 2's "unseen" types). */
export const EXTRA_SUB_EVENT_TYPES = [
  "Claim of responsibility",
  "Diplomatic act",
  "Crime",
  "Man-made disaster",
  "Natural disaster",
] as const;

/** PLOVER v2 event types (PLOVER manual draft 0.8). NONE marks a kind PLOVER does not code. */
export const PLOVER_TYPES = [
  "AGREE",
  "CONSULT",
  "SUPPORT",
  "CONCEDE",
  "COOPERATE",
  "AID",
  "RETREAT",
  "REQUEST",
  "ACCUSE",
  "REJECT",
  "THREATEN",
  "PROTEST",
  "SANCTION",
  "MOBILIZE",
  "COERCE",
  "ASSAULT",
] as const;
export const PLOVER_NONE = "NONE";

/** Data files, relative to data/. */
export const ONTOLOGY_FILE = "events/ontology.tsv";
export const TRIGGERS_FILE = "events/triggers.en.tsv";
export const ACTOR_CUES_FILE = "events/actor-cues.en.tsv";
/** The actor kinds of actor-cues.en.tsv. */
export const ACTOR_CUE_KINDS = ["state", "nonstate", "protesters", "civilians", "criminal"] as const;
export const TRAINING_FILE = "events/training.en.jsonl";
export const MODEL_FILE = "events/model.json";

/**
 * Training settings for the event-type model (multinomial logistic regression, AdaGrad, L2).
 * Calibrated as a set by 5-fold cross-validation on data/events/training.en.jsonl (never on a benchmark);
 * don't tune one value in isolation.
 */
export const TRAIN_SEED = 20261125;
export const TRAIN_EPOCHS = 30;
export const TRAIN_LEARNING_RATE = 0.2;
export const TRAIN_L2 = 1e-4;
/** Char n-gram features must occur in at least this many training snippets to enter the vocabulary. */
export const TRAIN_MIN_CHAR_NGRAM_DF = 2;
/** Weights with a smaller magnitude are dropped from the shipped model (keeps data/events/model.json small). */
export const MODEL_WEIGHT_EPSILON = 0.2;
/** Decimal places kept for each weight in model.json; rounding makes the file byte-stable. */
export const MODEL_WEIGHT_DECIMALS = 3;
/** Cross-validation folds printed by scripts/train-event-model.ts. */
export const CV_FOLDS = 5;

/** Char n-gram lengths taken inside each word padded with "<" and ">". */
export const CHAR_NGRAM_MIN = 3;
export const CHAR_NGRAM_MAX = 5;
/** Snippets are cut to this many characters before features are taken (keeps classification O(1)). */
export const MAX_TEXT_CHARS = 2_000;
/** Tokens whose char n-gram lists are cached between calls (memory bound; speed only, results unchanged). */
export const CHAR_NGRAM_CACHE_SIZE = 50_000;

/**
 * Knobs of the actor recogniser (`entities` stage, actor part). Word lists live in `data/entities/`; what is
 * here are grammar words the patterns are built around, display names, and limits. Each note says what it
 * was checked against.
 */
import type { ActorKind } from "./actors.js";

/** Files of the recogniser beside the loader's (`data/entities/`). */
export const DEMONYMS_FILE = "demonyms.en.tsv";
export const PLACE_CONTEXTS_FILE = "place-contexts.en.tsv";

/**
 * Determiners dropped from the front of a mention ("the Syrian Army" → "Syrian Army"), as the loader's
 * normalisation drops a leading "the" from aliases. Normalised (lower-case) word keys.
 */
export const DETERMINERS: ReadonlySet<string> = new Set(["the"]);

/** Words that let a bare singular noun stand as an actor ("a soldier was killed"); without one a singular
 * is mostly a modifier ("terrorist targets", seed). */
export const SINGULAR_DETERMINERS: ReadonlySet<string> = new Set([
  "a",
  "an",
  "one",
  "the",
  "another",
  "each",
]);

/** The determiner that turns a plural demonym into an armed actor: "the Russians" (seed). */
export const DEFINITE_ARTICLE = "the";

/** Possessive pronouns that hand a branch to the nearest state actor: "Israel and its special services". */
export const POSSESSIVE_PRONOUNS: ReadonlySet<string> = new Set(["its", "their"]);

/** Coordinators that carry a place reading across a list: "in Syria, Iraq and Lebanon". */
export const COORDINATORS: ReadonlySet<string> = new Set(["and", "or"]);

/** Joins an ordinal unit to its owner: "the 5th Corps of the Syrian Army". */
export const OWNER_PREPOSITION = "of";

/**
 * The head noun tried when "<demonym> <soldiers|troops|...>" is not itself an alias: "Iraqi soldiers" →
 * the dictionary's "Iraqi forces" (Iraqi Security Forces). Only for state-forces nouns that are not branches.
 */
export const GENERIC_FORCES_NOUN = "forces";

/** The branch used for "the <plural demonym>" ("the Russians" → "Russian forces"). */
export const PEOPLE_AS_FORCES_NOUN = "forces";

/** A pattern actor with a foreign backer and no country of its own ("Iranian-backed forces") is a militia. */
export const BACKED_FORCES_KIND: ActorKind = "political-militia";

/**
 * Kinds a bare noun ("soldiers") may take as its antecedent besides its own ("militants" → rebel-group only;
 * widening that to militias made "… militias clashed with rebels" corefer rebels to the militias).
 */
export const COREFERENCE_KIND_GROUPS: readonly (readonly ActorKind[])[] = [
  ["state-forces", "external-forces"],
];

/**
 * Kinds of unit noun that never join a named actor's mention ("Hezbollah fighters" joins; "Hamas
 * civilians" does not): people who are not members.
 */
export const NON_MEMBER_NOUN_KINDS: ReadonlySet<ActorKind> = new Set(["civilians", "protesters", "rioters"]);

/**
 * Most earlier mentions a bare noun or an "its <branch>" looks through for its antecedent. Keeps the work
 * per word bounded on degenerate input (one huge sentence of mentions); news sentences hold far fewer.
 */
export const MAX_ANTECEDENT_CANDIDATES = 12;

/** How many sentences back (besides the current one) a bare noun looks for its antecedent. */
export const COREFERENCE_SENTENCE_WINDOW = 1;

/**
 * Display names of bare nouns with no antecedent ("gunmen opened fire"), by kind (ACLED's generic actor
 * names). Kinds not listed (state forces, governments) are dropped when bare: they need an owner.
 */
export const BARE_ACTOR_CANONICAL: Readonly<Partial<Record<ActorKind, string>>> = {
  "unidentified-armed-group": "Unidentified armed group",
  "rebel-group": "Unidentified militants",
  "political-militia": "Unidentified militia",
  "identity-militia": "Unidentified communal militia",
  "criminal-group": "Unidentified criminal group",
  "private-military": "Unidentified mercenaries",
  protesters: "Protesters",
  rioters: "Rioters",
  civilians: "Civilians",
};

/** Relation words for affiliation texts built from a pattern ("backed by Iran", "allied with Turkey"). */
export const RELATION_WORDS = {
  "backed-by": "backed by",
  "part-of": "part of",
  "allied-with": "allied with",
  "wing-of": "wing of",
  "successor-of": "successor of",
  supports: "supports",
} as const;

/**
 * Backing suffixes whose participle reads well as "<participle> by <backer>" ("led by Saudi Arabia",
 * "funded by Iran"): those whose relation is one of these. Others use RELATION_WORDS.
 */
export const PARTICIPLE_RELATIONS: ReadonlySet<string> = new Set(["backed-by", "part-of"]);

/** Source actors ("pro-Israeli sources") say who they support with this relation, not "allied-with". */
export const SOURCE_SUPPORT_RELATION = "supports";

/**
 * Longest backer before a backing suffix or after "pro-", in words ("Islamic State-linked"). Bounds the
 * work per position (linear time on degenerate input).
 */
export const MAX_BACKER_WORDS = 4;

/** Most modifiers read before a head noun ("unidentified armed ..."): bounds work per position. */
export const MAX_MODIFIERS = 3;

/** Most unit qualifiers between an ordinal and its unit type ("3rd Separate Assault Brigade"). */
export const MAX_UNIT_QUALIFIERS = 3;

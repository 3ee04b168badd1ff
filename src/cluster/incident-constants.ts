/**
 * Knobs of incident clustering (src/cluster/incidents.ts): events reported by several articles are grouped
 * into one incident. The distances, slack and evidence thresholds below were set as a set by hand against the
 * labelled set in test/cases/incidents (`npm run bench:incidents`), not fitted to it value by value; don't
 * tune one in isolation.
 */

/** Event-type families. Events of different families never merge; different types in one family need
 * strong evidence (see CROSS_TYPE_MIN_EVIDENCE). */
export type EventFamily = "violent" | "demonstration" | "strategic" | "disaster" | "crime" | "diplomatic";

/**
 * ACLED event types (and sitrep's extra sub-types, under "Other events") → family. Battles, Explosions/Remote
 * violence and Violence against civilians are one "violent" family: outlets call the same raid a clash, a
 * bombing or a massacre. A claim of responsibility is about an attack, so it is "violent" too (it only merges
 * across types with strong evidence). Protests and riots are one "demonstration" family.
 */
export const EVENT_TYPE_FAMILIES: Readonly<Record<string, EventFamily>> = {
  Battles: "violent",
  "Explosions/Remote violence": "violent",
  "Violence against civilians": "violent",
  Protests: "demonstration",
  Riots: "demonstration",
  "Strategic developments": "strategic",
};
export const EXTRA_SUB_EVENT_FAMILIES: Readonly<Record<string, EventFamily>> = {
  "Claim of responsibility": "violent",
  "Diplomatic act": "diplomatic",
  Crime: "crime",
  "Man-made disaster": "disaster",
  "Natural disaster": "disaster",
};
/** Family of an event type not listed above. */
export const DEFAULT_FAMILY: EventFamily = "strategic";

/**
 * Pairs of sub-event types that describe one occurrence from two angles (ACLED codebook neighbours: who was
 * hit decides clash vs attack; a missile is often reported as an air strike; a protest is "peaceful" until
 * the police intervene; a suicide car bomb is also an IED).
 */
export const CONFUSABLE_SUB_EVENT_TYPES: readonly (readonly [string, string])[] = [
  ["Armed clash", "Attack"],
  ["Armed clash", "Non-state actor overtakes territory"],
  ["Armed clash", "Government regains territory"],
  ["Air/drone strike", "Shelling/artillery/missile attack"],
  ["Remote explosive/landmine/IED", "Suicide bomb"],
  ["Peaceful protest", "Protest with intervention"],
  ["Protest with intervention", "Excessive force against protesters"],
  ["Protest with intervention", "Violent demonstration"],
  ["Violent demonstration", "Mob violence"],
  ["Attack", "Abduction/forced disappearance"],
];

/** Sub-event types that say little (chosen last when naming an incident's sub-event type). */
export const GENERIC_SUB_EVENT_TYPES: readonly string[] = [
  "Other",
  "Change to group/activity",
  "Armed clash",
  "Claim of responsibility",
];

/** Largest distance (km) between two events' places, by the coarser of the two precisions:
 * town (ACLED geo precision 1, and 2 "near a town") and region (3, admin1/admin2/region places). */
export const MAX_DISTANCE_KM_TOWN = 25;
export const MAX_DISTANCE_KM_REGION = 100;
/** Places within this share of the threshold (or the same gazetteer record) count as "the same place". */
export const SAME_PLACE_SHARE = 0.4;

/** Place precisions an event without a place may borrow from its article (its first-mentioned town). */
export const FALLBACK_PLACE_PRECISIONS: readonly string[] = ["city", "locality"];

/** Days of slack added to each end of a date range before testing overlap (time zones, "overnight"). */
export const DATE_SLACK_DAYS = 1;
/** An event with no date is dated from the article's publication: this many days before it up to it. */
export const UNDATED_LOOKBACK_DAYS = 2;
/** Date ranges longer than this (month or year precision) are too vague to place in one incident: such
 * an event stays alone. */
export const MAX_MERGEABLE_RANGE_DAYS = 35;

/**
 * Evidence points a pair can collect: same exact day, same place, a shared named actor, casualty figures
 * that agree (within COUNT_AGREEMENT_RATIO: sources differ, but 5 and 6 dead are likelier one event than 3
 * and 40; once the pipeline found figures in more sentences, "both give a figure" alone merged the
 * Mogadishu car bomb with that day's mortar attack). The same sub-event type needs none. Any other pair needs the same exact day *and* the same
 * place, and then: a CONFUSABLE_SUB_EVENT_TYPES pair (two codings outlets give one occurrence: a raid on a
 * post is a "clash" in one report and an "attack" in the next) needs CONFUSABLE_MIN_EVIDENCE (just those two);
 * other sub-types of the same event type need CROSS_SUBTYPE_MIN_EVIDENCE and other types of the same family
 * CROSS_TYPE_MIN_EVIDENCE (a shared actor or both casualty figures on top), because a big city sees several
 * different incidents a day (a car bomb and a mortar attack on the airport in Mogadishu). A place known only
 * to the country needs COUNTRY_MIN_EVIDENCE (and the same sub-event type and country).
 * On the labelled set, 2 points for every cross-sub-type pair merged the Mogadishu car bomb with that day's
 * mortar attack; 3 points for every pair lost a four-outlet raid coded "Attack" by one of them.
 */
export const CONFUSABLE_MIN_EVIDENCE = 2;
/** Smaller figure over larger at or above which two casualty figures count as agreeing evidence. */
export const COUNT_AGREEMENT_RATIO = 0.5;
export const CROSS_SUBTYPE_MIN_EVIDENCE = 3;
export const CROSS_TYPE_MIN_EVIDENCE = 3;
export const COUNTRY_MIN_EVIDENCE = 3;

/** Pair similarity: the base of a compatible pair plus this much per evidence point, capped at 1. */
export const BASE_SIMILARITY = 0.55;
export const EVIDENCE_SIMILARITY = 0.15;
/** Two clusters merge when the average similarity over all their cross pairs (non-candidate pairs count 0,
 * a vetoed pair forbids the merge) is at least this. */
export const AVERAGE_LINK_MIN = 0.5;
/** Passes over the candidate pairs (a pass with no merge ends early). */
export const AGGLOMERATION_PASSES = 3;

/** Spatial-temporal bucket index: cells of this many degrees of latitude (longitude cells are widened by
 * 1/cos(lat) when probing), weeks of 7 days counted from the Unix epoch. */
export const CELL_DEGREES = 1;
export const KM_PER_DEGREE = 111.32;
export const EARTH_RADIUS_KM = 6371;

/** Actor kinds whose names are not "named" actors (they never contradict anyone). */
export const UNNAMED_ACTOR_KINDS: readonly string[] = ["unidentified-armed-group", "civilians", "source"];
/** Canonical names starting so are generic ("Unidentified militants", "Civilians"). */
export const UNNAMED_ACTOR_PATTERN =
  /^(?:unidentified|unknown|civilians?\b|residents?\b|gunmen\b|militants\b)/i;

/** Certainties from most to least sure, for the incident's certainty summary. */
export const CERTAINTY_ORDER: readonly string[] = [
  "asserted",
  "reported",
  "claimed",
  "alleged",
  "speculative",
  "predicted",
  "denied",
];

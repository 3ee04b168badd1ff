/**
 * Event-layer types of the Doc (issue #4): time expressions, quantities, attributions, events and claims.
 * Every entry points back to the clean text by offsets; events and claims carry their evidence sentence(s).
 */
import type { Mention } from "./entities.js";

export const DATE_PRECISIONS = ["day", "week", "month", "year"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** A date or date range the article states, resolved against the publication date when relative. */
export interface TimeExpression extends Mention {
  id: string;
  /** As written: "less than a week ago", "on Monday", "in 2017". */
  text: string;
  /** ISO dates (YYYY-MM-DD), inclusive. */
  startDate: string;
  endDate: string;
  precision: DatePrecision;
  /** Resolved against a reference date (publication or original publication) rather than stated in full. */
  relative: boolean;
  /** The reference date used for a relative expression (ISO), or null. */
  reference: string | null;
}

export const QUANTITY_QUALIFIERS = [
  "exact",
  "at-least",
  "more-than",
  "about",
  "up-to",
  "fewer-than",
  "vague",
] as const;
export type QuantityQualifier = (typeof QUANTITY_QUALIFIERS)[number];

/** A count in the text ("3 soldiers", "at least a dozen civilians", "dozens of people"). */
export interface Quantity extends Mention {
  id: string;
  text: string;
  /** The most conservative figure the text supports (ACLED's rule), or null when none can be given. */
  value: number | null;
  qualifier: QuantityQualifier;
  /** The counted noun as written ("soldiers", "vehicle"), or null. */
  noun: string | null;
}

export const CERTAINTIES = [
  "asserted",
  "reported",
  "claimed",
  "alleged",
  "denied",
  "speculative",
  "predicted",
] as const;
export type Certainty = (typeof CERTAINTIES)[number];

/** Who says a statement, with which reporting word, how surely. */
export interface Attribution {
  /** "the outlet" when the article asserts it in its own voice; else the source as written. */
  source: string;
  /** Actor id of the source when it is a recognised actor. */
  sourceActor: string | null;
  /** The reporting word: said, claimed, confirmed, denied, according to, allegedly, apparently… (null: none). */
  cue: string | null;
  cueSpan: Mention | null;
  certainty: Certainty;
}

export interface Evidence extends Mention {
  text: string;
}

export interface EventRecord {
  id: string;
  eventType: string;
  subEventType: string;
  /** Actor ids (doc.layers.actors). */
  actor1: string | null;
  actor2: string | null;
  assocActors: string[];
  /** Place id (doc.layers.places) and ACLED geo precision 1 (town) / 2 (near a town) / 3 (region). */
  location: { place: string; lat: number | null; lon: number | null; geoPrecision: 1 | 2 | 3 } | null;
  date: { start: string; end: string; precision: DatePrecision; text: string | null } | null;
  /** Most conservative figure; null when none is given. Per source when sources disagree (see `sources`). */
  fatalities: number | null;
  injuries: number | null;
  materiel: { text: string; count: number | null; status: "destroyed" | "damaged" | "seized" | "other" }[];
  background: boolean;
  negated: boolean;
  future: boolean;
  hypothetical: boolean;
  attribution: Attribution;
  /** Every version of the same occurrence in this article (headline and body, two sides). */
  sources: {
    attribution: Attribution;
    fatalities: number | null;
    injuries: number | null;
    evidence: Evidence;
  }[];
  evidence: Evidence[];
  /** 0..1, used for ordering: the event the article is about leads. */
  salience: number;
}

export const CLAIM_KINDS = ["assessment", "prediction", "accusation", "denial", "statement"] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export interface ClaimRecord {
  id: string;
  kind: ClaimKind;
  text: string;
  attribution: Attribution;
  evidence: Evidence;
}

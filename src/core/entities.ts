/**
 * Entity layers of the Doc (issue #3): places, actors and checks. Every entry carries its mentions as
 * half-open offsets into the clean text (`doc.text.slice(m.start, m.end)` is what the article wrote).
 */

export interface Mention {
  start: number;
  end: number;
}

export const PLACE_PRECISIONS = ["country", "admin1", "admin2", "city", "locality", "region"] as const;
export type PlacePrecision = (typeof PLACE_PRECISIONS)[number];

export interface Place {
  /** Stable id within the Doc ("p1", "p2", ...). */
  id: string;
  /** As first written in the article. */
  name: string;
  /** The gazetteer's name of the resolved record, or null when unresolved. */
  resolvedName: string | null;
  /** GeoNames id (curated features have negative ids), or null. */
  geonameId: number | null;
  featureType: string | null;
  countryCode: string | null;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  precision: PlacePrecision | null;
  /** 0..1: how sure the resolution is. */
  confidence: number;
  mentions: Mention[];
  /** Why this record was chosen among the candidates (evidence used). */
  reason?: string;
}

export const ACTOR_RECORD_KINDS = [
  "state-forces",
  "government",
  "rebel-group",
  "political-militia",
  "identity-militia",
  "rioters",
  "protesters",
  "civilians",
  "external-forces",
  "media-wing",
  "political-party",
  "international-organisation",
  "private-military",
  "unidentified-armed-group",
  "criminal-group",
  "source",
] as const;
export type ActorRecordKind = (typeof ACTOR_RECORD_KINDS)[number];

export interface ActorAffiliation {
  relation: "backed-by" | "part-of" | "allied-with" | "wing-of" | "successor-of" | "supports";
  /** A dictionary actor id or an ISO country code. */
  actor: string;
  /** In words: "backed by Iran", "part of the Syrian Arab Army". */
  text: string;
}

export interface Actor {
  /** Stable id within the Doc ("a1", "a2", ...). */
  id: string;
  /** As first written in the article. */
  name: string;
  canonical: string;
  kind: ActorRecordKind;
  /** ACLED inter code 1–8, or null when not an ACLED actor category (e.g. a media source). */
  inter: number | null;
  country: string | null;
  affiliations: ActorAffiliation[];
  /** The dictionary entry it matched, or null when found by a pattern. */
  dictionaryId: string | null;
  mentions: Mention[];
}

export interface DistanceCheck {
  kind: "distance";
  /** The sentence or clause that states it. */
  text: string;
  start: number;
  end: number;
  /** Place ids. */
  places: string[];
  stated: { relation: "less-than" | "more-than" | "about" | "exactly"; km: number };
  computedKm: number | null;
  consistent: boolean | null;
}

export type Check = DistanceCheck;

/**
 * Place resolution: choose, for each mention, the gazetteer record the article means, from the evidence
 * the article gives — in order of strength: the feature-type word ("province", "town of"), an admin1 region
 * named elsewhere in the article, the article's country focus, nearness to the other places it names, and
 * finally population and feature importance. Mentions resolved to the same record become one Place.
 */
import type { Place, PlacePrecision } from "../core/entities.js";
import { PROXIMITY_KM, WEIGHT } from "./constants-parse.js";
import { distanceKm, type FeatureType, type Gazetteer, type GazetteerEntry } from "./gazetteer.js";
import type { ToponymMention } from "./recognize.js";

/** How important a kind of feature is, before any evidence (news names countries and capitals most). */
const FEATURE_PRIOR: Record<FeatureType, number> = {
  country: 1.5,
  admin1: 0.9,
  admin2: 0.3,
  city: 0.6,
  locality: 0,
  region: 0.8,
  desert: 0.5,
  river: 0.3,
  mountain: 0.2,
  water: 0.3,
  island: 0.3,
  other: 0,
};
const CAPITAL_BONUS = 0.6;
const ADMIN_SEAT_BONUS = 0.3;
/** Population on a log scale, 0 for none, 1 at ten million. */
const POPULATION_LOG_DIVISOR = 7;

export const PRECISION_OF: Record<FeatureType, PlacePrecision> = {
  country: "country",
  admin1: "admin1",
  admin2: "admin2",
  city: "city",
  locality: "locality",
  region: "region",
  desert: "region",
  river: "region",
  mountain: "region",
  water: "region",
  island: "region",
  other: "locality",
};

/** Which types a cue word accepts ("town" accepts a city or a locality). */
function cueMatches(cue: FeatureType, type: FeatureType): boolean {
  if (cue === type) return true;
  if (cue === "city") return type === "locality";
  if (cue === "locality") return type === "city";
  if (cue === "admin1") return type === "region";
  if (cue === "other") return true;
  return false;
}

export interface Resolution {
  mention: ToponymMention;
  entry: GazetteerEntry | null;
  confidence: number;
  reason: string;
}

interface Context {
  focus: ReadonlyMap<string, number>;
  /** "CC.ADMIN1" → the surfaces (lower case) that named it, so a mention is not its own evidence. */
  admin1Named: ReadonlyMap<string, ReadonlySet<string>>;
  anchors: readonly GazetteerEntry[];
}

function score(
  entry: GazetteerEntry,
  mention: ToponymMention,
  ctx: Context,
): { value: number; reasons: string[] } {
  const reasons: string[] = [];
  let value = WEIGHT.population * (Math.log10(entry.population + 1) / POPULATION_LOG_DIVISOR);
  value += WEIGHT.featurePrior * FEATURE_PRIOR[entry.featureType];
  if (entry.featureCode === "PPLC") value += CAPITAL_BONUS;
  else if (entry.featureCode === "PPLA") value += ADMIN_SEAT_BONUS;
  if (mention.typeCue) {
    if (cueMatches(mention.typeCue, entry.featureType)) {
      value += WEIGHT.typeCueMatch;
      reasons.push(`type word (${mention.typeCue})`);
    } else value += WEIGHT.typeCueMismatch;
  }
  if (mention.directional && (entry.featureType === "admin1" || entry.featureType === "region")) {
    value += WEIGHT.directionalRegion;
    reasons.push("directional modifier");
  }
  if (entry.countryCode) {
    const share = ctx.focus.get(entry.countryCode) ?? 0;
    if (share > 0) {
      value += WEIGHT.countryFocus * share;
      reasons.push(`country focus ${entry.countryCode}`);
    }
    if (
      entry.admin1Code &&
      entry.featureType !== "admin1" &&
      ctx.admin1Named.has(`${entry.countryCode}.${entry.admin1Code}`)
    ) {
      value += WEIGHT.admin1Named;
      reasons.push(`admin1 named (${entry.admin1})`);
    }
  }
  if (ctx.anchors.some((a) => a.id !== entry.id && distanceKm(a, entry) <= PROXIMITY_KM)) {
    value += WEIGHT.proximity;
    reasons.push("near other places");
  }
  const written = mention.text.toLowerCase();
  if (entry.name.toLowerCase() === written || entry.asciiName.toLowerCase() === written)
    value += WEIGHT.primaryName;
  return { value, reasons };
}

/** Country votes: each mention spreads one vote over its candidates' countries by population share. */
function countryFocus(mentions: readonly ToponymMention[]): Map<string, number> {
  const votes = new Map<string, number>();
  for (const m of mentions) {
    const total = m.candidates.reduce((s, c) => s + c.population + 1, 0);
    for (const c of m.candidates) {
      if (!c.countryCode) continue;
      const weight = c.featureType === "country" ? 1 : (c.population + 1) / total;
      votes.set(c.countryCode, (votes.get(c.countryCode) ?? 0) + weight);
    }
  }
  const max = Math.max(0, ...votes.values());
  const focus = new Map<string, number>();
  if (max > 0) for (const [cc, v] of votes) focus.set(cc, v / max);
  return focus;
}

function resolveWith(mention: ToponymMention, ctx: Context): Resolution {
  let best: GazetteerEntry | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  let bestReasons: string[] = [];
  let second = Number.NEGATIVE_INFINITY;
  for (const c of mention.candidates) {
    const { value, reasons } = score(c, mention, ctx);
    if (value > bestScore) {
      second = bestScore;
      best = c;
      bestScore = value;
      bestReasons = reasons;
    } else if (value > second) second = value;
  }
  const margin = Number.isFinite(second) ? bestScore - second : 3;
  const confidence = Math.round((1 / (1 + Math.exp(-2 * margin))) * 100) / 100;
  const reason =
    mention.candidates.length === 1 ? "only candidate" : [...bestReasons, "population"].join(", ");
  return { mention, entry: best, confidence, reason };
}

/** Resolve every mention in two passes: unambiguous and cue-backed mentions first, then the rest with them as anchors. */
export function resolveMentions(mentions: readonly ToponymMention[]): Resolution[] {
  const focus = countryFocus(mentions);
  const admin1Named = new Map<string, Set<string>>();
  const name = (e: GazetteerEntry, surface: string) => {
    const key = `${e.countryCode}.${e.admin1Code}`;
    const set = admin1Named.get(key) ?? new Set<string>();
    set.add(surface.toLowerCase());
    admin1Named.set(key, set);
  };
  for (const m of mentions) {
    const top = m.candidates[0];
    if (m.candidates.length === 1 && top?.featureType === "admin1" && top.countryCode && top.admin1Code)
      name(top, m.text);
  }
  const first = mentions.map((m) => resolveWith(m, { focus, admin1Named, anchors: [] }));
  const anchors = first
    .filter(
      (r) =>
        r.entry &&
        r.entry.featureType !== "country" &&
        (r.confidence >= 0.9 || r.mention.candidates.length === 1),
    )
    .map((r) => r.entry as GazetteerEntry);
  for (const r of first) {
    if (
      r.entry?.featureType === "admin1" &&
      r.confidence >= 0.8 &&
      r.entry.countryCode &&
      r.entry.admin1Code
    ) {
      name(r.entry, r.mention.text);
    }
  }
  return mentions.map((m) => resolveWith(m, { focus, admin1Named, anchors }));
}

/** Group resolved mentions into Places (one per record), in order of first mention. */
export function toPlaces(resolutions: readonly Resolution[], gazetteer: Gazetteer): Place[] {
  const byKey = new Map<string, Place>();
  for (const r of resolutions) {
    const key = r.entry ? `g${r.entry.id}` : `u:${r.mention.text.toLowerCase()}`;
    let place = byKey.get(key);
    if (!place) {
      const e = r.entry;
      const admin1 =
        e?.admin1 ??
        (e?.countryCode && e.admin1Code
          ? (gazetteer.admin1(e.countryCode, e.admin1Code)?.name ?? null)
          : null);
      place = {
        id: `p${byKey.size + 1}`,
        name: r.mention.text,
        resolvedName: e?.name ?? null,
        geonameId: e && e.id > 0 ? e.id : null,
        featureType: e?.featureType ?? null,
        countryCode: e?.countryCode ?? null,
        admin1: e?.featureType === "admin1" || e?.featureType === "country" ? null : admin1,
        lat: e ? round(e.lat) : null,
        lon: e ? round(e.lon) : null,
        precision: e ? PRECISION_OF[e.featureType] : null,
        confidence: r.confidence,
        mentions: [],
        reason: r.reason,
      };
      byKey.set(key, place);
    }
    place.mentions.push({ start: r.mention.start, end: r.mention.end });
    place.confidence = Math.max(place.confidence, r.confidence);
  }
  return [...byKey.values()];
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/**
 * Place resolution: choose, for each mention, the gazetteer record the article means, from the evidence
 * the article gives — in order of strength: the region written after a comma ("Springfield, Ill."), the
 * feature-type word ("province", "town of"), an admin1 region named elsewhere in the article, the
 * article's country focus, nearness to the other places it names, and finally population and feature
 * importance. One sense per discourse: a name written the same way in the same kind of context means the
 * same place throughout the article, the best-supported reading winning. Mentions resolved to the same
 * record become one Place.
 */
import type { Place, PlacePrecision } from "../core/entities.js";
import { CURATED_ID_LIMIT } from "./constants.js";
import { distanceKm, type FeatureType, type Gazetteer, type GazetteerEntry } from "./gazetteer.js";
import { MAX_ANCHORS, PROXIMITY_KM, WEIGHT } from "./geoparse-constants.js";
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
/** Continents carry no population; news names them far more often than their namesakes ("Asia", Philippines). */
const CONTINENT_BONUS = 2.0;
const CONTINENT_CODE = "CONT";
/** First-pass resolutions at least this sure (or with one candidate) anchor the proximity evidence. */
const ANCHOR_MIN_CONFIDENCE = 0.9;
/** A city this big that shares its name with its own admin1 is what a bare mention means ("New York"),
 * like an admin1 seat of the same name ("Kharkiv"). */
const MAJOR_CITY_POPULATION = 1_000_000;
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
  /** "CC.ADMIN1" → name (lower case) → places of the first pass in that admin1 written with that name. */
  admin1Focus: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Places resolved with confidence in the first pass, with the name that resolved them. */
  anchors: readonly Anchor[];
}

interface Anchor {
  entry: GazetteerEntry;
  /** Lower case: a name is never its own anchor. */
  name: string;
}

function score(
  entry: GazetteerEntry,
  mention: ToponymMention,
  ctx: Context,
): { value: number; reasons: string[] } {
  const reasons: string[] = [];
  const written = mention.text.toLowerCase();
  /** Admin1 named, admin1 focus and proximity: one kind of evidence (the article's area), counted once up to a cap. */
  let local = 0;
  let value = WEIGHT.population * (Math.log10(entry.population + 1) / POPULATION_LOG_DIVISOR);
  value += WEIGHT.featurePrior * FEATURE_PRIOR[entry.featureType];
  if (entry.featureCode === "PPLC") value += CAPITAL_BONUS;
  else if (entry.featureCode === CONTINENT_CODE) value += CONTINENT_BONUS;
  else if (entry.featureCode === "PPLA") value += ADMIN_SEAT_BONUS;
  if (mention.typeCue) {
    if (cueMatches(mention.typeCue, entry.featureType)) {
      value += WEIGHT.typeCueMatch;
      reasons.push(`type word (${mention.typeCue})`);
    } else value += WEIGHT.typeCueMismatch;
  }
  if (mention.within?.some((r) => inside(r, entry))) {
    value += WEIGHT.within;
    reasons.push(`inside ${mention.within.map((r) => r.name).join("/")}`);
  }
  if (
    !mention.typeCue &&
    !mention.directional &&
    entry.featureType === "admin1" &&
    mention.candidates.some(
      (c) =>
        c.featureType === "city" &&
        (c.featureCode === "PPLA" || c.featureCode === "PPLC" || c.population >= MAJOR_CITY_POPULATION) &&
        c.countryCode === entry.countryCode &&
        c.admin1Code === entry.admin1Code,
    )
  ) {
    value += WEIGHT.admin1SharesSeatName;
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
    const admin1Key = `${entry.countryCode}.${entry.admin1Code}`;
    const namers = ctx.admin1Named.get(admin1Key);
    if (
      entry.admin1Code &&
      entry.featureType !== "admin1" &&
      namers &&
      [...namers].some((n) => n !== written)
    ) {
      local += WEIGHT.admin1Named;
      reasons.push(`admin1 named (${entry.admin1})`);
    }
    if (entry.admin1Code && ctx.admin1Focus.size > 0) {
      const share = admin1Share(ctx.admin1Focus, admin1Key, written);
      if (share > 0) {
        local += WEIGHT.admin1Focus * share;
        reasons.push(`admin1 focus (${entry.admin1 ?? entry.name})`);
      }
    }
  }
  if (
    ctx.anchors.some(
      (a) => a.name !== written && a.entry.id !== entry.id && distanceKm(a.entry, entry) <= PROXIMITY_KM,
    )
  ) {
    local += WEIGHT.proximity;
    reasons.push("near other places");
  }
  // Curated features are matched on hand-written English names and aliases: all count as their own names.
  const curated = entry.id < 0 && entry.id > -CURATED_ID_LIMIT;
  if (curated) value += WEIGHT.curated;
  if (
    curated ||
    looseName(entry.name) === looseName(mention.text) ||
    looseName(entry.asciiName) === looseName(mention.text)
  )
    value += WEIGHT.primaryName;
  value += Math.min(local, WEIGHT.localCap);
  return { value, reasons };
}

const MARKS = /\p{M}/gu;
const NOT_LETTERS = /[^\p{L}\p{N}]+/gu;
/** A name compared as written, only case, diacritics and punctuation ignored ("Al-Bukamal" ≡ "Ālbū Kamāl"),
 * unlike the lookup key, which also merges vowels and alternate names. */
function looseName(name: string): string {
  return name.toLowerCase().normalize("NFKD").replace(MARKS, "").replace(NOT_LETTERS, "");
}

/** Whether region `r` (a country or admin1) contains entry `e`. */
function inside(r: GazetteerEntry, e: GazetteerEntry): boolean {
  if (r.countryCode === null || r.countryCode !== e.countryCode) return false;
  if (r.featureType === "country") return true;
  return r.admin1Code !== null && r.admin1Code === e.admin1Code && e.featureType !== "admin1";
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

/** The share of the article's other places (not written `written`) in admin1 `key`, relative to the admin1
 * with most: US local news names its state's towns, and a bare town name is most likely one of them. */
function admin1Share(
  focus: ReadonlyMap<string, ReadonlyMap<string, number>>,
  key: string,
  written: string,
): number {
  const count = (byName: ReadonlyMap<string, number> | undefined) => {
    let n = 0;
    for (const [name, c] of byName ?? []) if (name !== written) n += c;
    return n;
  };
  let max = 0;
  for (const byName of focus.values()) max = Math.max(max, count(byName));
  return max === 0 ? 0 : count(focus.get(key)) / max;
}

/** First-pass places per admin1 and name (countries and unresolved mentions do not vote). */
function admin1FocusOf(resolutions: readonly Resolution[]): Map<string, Map<string, number>> {
  const focus = new Map<string, Map<string, number>>();
  for (const r of resolutions) {
    const e = r.entry;
    if (!e || e.featureType === "country" || !e.countryCode || !e.admin1Code) continue;
    const key = `${e.countryCode}.${e.admin1Code}`;
    const byName = focus.get(key) ?? new Map<string, number>();
    const name = r.mention.text.toLowerCase();
    byName.set(name, (byName.get(name) ?? 0) + 1);
    focus.set(key, byName);
  }
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

/** Mentions written alike in alike contexts score alike: resolve each such signature once (a list of
 * 10,000 names is resolved in a few distinct lookups). */
function resolveCached(m: ToponymMention, ctx: Context, cache: Map<string, Resolution>): Resolution {
  const within = m.within?.map((r) => r.id).join(",") ?? "";
  const key = `${m.text.toLowerCase()}|${m.typeCue}|${m.directional}|${m.demonym}|${within}|${m.candidates.length}`;
  const hit = cache.get(key);
  if (hit) return { ...hit, mention: m };
  const r = resolveWith(m, ctx);
  cache.set(key, r);
  return r;
}

/** One anchor per (place, name), at most MAX_ANCHORS (bounded work on degenerate input). */
function uniqueAnchors(anchors: readonly Anchor[]): Anchor[] {
  const seen = new Set<string>();
  const out: Anchor[] = [];
  for (const a of anchors) {
    const key = `${a.entry.id}|${a.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
    if (out.length >= MAX_ANCHORS) break;
  }
  return out;
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
    for (const r of m.within ?? [])
      if (r.featureType === "admin1" && r.countryCode && r.admin1Code) name(r, "");
  }
  const firstCtx: Context = { focus, admin1Named, admin1Focus: new Map(), anchors: [] };
  const firstCache = new Map<string, Resolution>();
  const first = mentions.map((m) => resolveCached(m, firstCtx, firstCache));
  const admin1Focus = admin1FocusOf(first);
  const anchorList = first
    .filter(
      (r) =>
        r.entry &&
        r.entry.featureType !== "country" &&
        (r.confidence >= ANCHOR_MIN_CONFIDENCE || r.mention.candidates.length === 1),
    )
    .map((r) => ({ entry: r.entry as GazetteerEntry, name: r.mention.text.toLowerCase() }));
  const anchors = uniqueAnchors(anchorList);
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
  const ctx: Context = { focus, admin1Named, admin1Focus, anchors };
  const cache = new Map<string, Resolution>();
  return oneSensePerDiscourse(mentions.map((m) => resolveCached(m, ctx, cache)));
}

/** The same name in the same kind of context (same type word, same direction) means the same place
 * throughout: every mention takes the reading of the best-supported one (a "Town, State" comma first,
 * then the highest confidence). */
function oneSensePerDiscourse(resolutions: Resolution[]): Resolution[] {
  const key = (r: Resolution) =>
    `${r.mention.text.toLowerCase()}|${r.mention.typeCue ?? ""}|${r.mention.directional}|${r.mention.demonym}`;
  const support = (r: Resolution) => (r.mention.within ? 10 : 0) + r.confidence;
  const best = new Map<string, Resolution>();
  for (const r of resolutions) {
    if (!r.entry) continue;
    const k = key(r);
    const current = best.get(k);
    if (!current || support(r) > support(current)) best.set(k, r);
  }
  return resolutions.map((r) => {
    const b = best.get(key(r));
    if (!b?.entry || b === r || b.entry === r.entry) return r;
    if (!r.mention.candidates.some((c) => c.id === b.entry?.id)) return r;
    return { ...r, entry: b.entry, confidence: b.confidence, reason: `${b.reason}, same name earlier` };
  });
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

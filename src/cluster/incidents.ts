/**
 * Incident clustering (issue #5): events reported by several articles are grouped into one incident that keeps
 * every source's version (numbers, certainty, evidence) and says whether the sources agree.
 *
 * Workflow of `clusterIncidents`:
 * 1. normalise each input (family, day range, coordinates, named actors, status new/background/unreal);
 * 2. index them in a spatial-temporal bucket index (week × lat/lon cell; places known only to the country
 *    go in a week × country bucket) and collect candidate pairs from neighbouring buckets only (no O(n²));
 * 3. score each candidate pair: hard blocks (family, distance, dates, actors, status, same article) veto it,
 *    otherwise it gets a similarity from its evidence (same day, same place, shared actor, both counts);
 * 4. average-link agglomeration over the sparse candidate graph (pairs in descending similarity; a merge
 *    needs the average over all cross pairs ≥ AVERAGE_LINK_MIN, and any veto between members forbids it);
 * 5. build one Incident per cluster.
 */
import type { Actor, Place } from "../core/entities.js";
import type { Certainty, EventRecord, Evidence } from "../core/events.js";
import {
  AGGLOMERATION_PASSES,
  AVERAGE_LINK_MIN,
  BASE_SIMILARITY,
  CELL_DEGREES,
  CERTAINTY_ORDER,
  CONFUSABLE_MIN_EVIDENCE,
  CONFUSABLE_SUB_EVENT_TYPES,
  COUNT_AGREEMENT_RATIO,
  COUNTRY_MIN_EVIDENCE,
  CROSS_SUBTYPE_MIN_EVIDENCE,
  CROSS_TYPE_MIN_EVIDENCE,
  DATE_SLACK_DAYS,
  DEFAULT_FAMILY,
  EARTH_RADIUS_KM,
  EVENT_TYPE_FAMILIES,
  EVIDENCE_SIMILARITY,
  type EventFamily,
  EXTRA_SUB_EVENT_FAMILIES,
  FALLBACK_PLACE_PRECISIONS,
  GENERIC_SUB_EVENT_TYPES,
  KM_PER_DEGREE,
  MAX_DISTANCE_KM_REGION,
  MAX_DISTANCE_KM_TOWN,
  MAX_MERGEABLE_RANGE_DAYS,
  SAME_PLACE_SHARE,
  UNDATED_LOOKBACK_DAYS,
  UNNAMED_ACTOR_KINDS,
  UNNAMED_ACTOR_PATTERN,
} from "./incident-constants.js";

/** One event as one article reports it. Actors are resolved Actor objects or canonical names. */
export interface IncidentInput {
  articleId: string;
  publisher: string | null;
  /** ISO date or date-time of publication, or null. */
  published: string | null;
  url: string | null;
  event: EventRecord;
  place: Place | null;
  actors: { actor1: Actor | string | null; actor2: Actor | string | null };
  /** The place is the article's focus, not the event's own (see `incidentInputsOf`). */
  fallbackPlace?: boolean;
}

export type Agreement = "agree" | "conflict" | "single";

export interface IncidentCount {
  min: number | null;
  max: number | null;
  bySource: { articleId: string; publisher: string | null; value: number }[];
  /** "single": at most one source gives a figure; "agree": all figures equal; "conflict": they differ. */
  agreement: Agreement;
}

export interface IncidentSource {
  articleId: string;
  publisher: string | null;
  url: string | null;
  published: string | null;
  eventId: string;
  subEventType: string;
  certainty: Certainty;
  cue: string | null;
  /** Who says it ("the outlet", "the army"). */
  source: string;
  fatalities: number | null;
  injuries: number | null;
  evidence: Evidence[];
}

export interface Incident {
  id: string;
  eventType: string;
  subEventType: string;
  location: {
    /** The most precise member place (lowest geo precision, then highest confidence). */
    name: string | null;
    lat: number | null;
    lon: number | null;
    geoPrecision: 1 | 2 | 3 | null;
    countryCode: string | null;
    /** Mean of the members' coordinates at the best precision. */
    centroid: { lat: number; lon: number } | null;
    /** Every place name the sources use. */
    names: string[];
  } | null;
  /** Intersection of the members' ranges when non-empty, else their union. */
  date: { start: string; end: string; kind: "intersection" | "union" } | null;
  /** Every actor the sources name, with the roles they give it and how many sources name it. */
  actors: { name: string; roles: ("actor1" | "actor2")[]; sources: number }[];
  sources: IncidentSource[];
  fatalities: IncidentCount;
  injuries: IncidentCount;
  certainty: {
    /** The surest certainty among the sources. */
    best: Certainty;
    counts: Partial<Record<Certainty, number>>;
    /** Some source asserts or reports it while another denies it. */
    disputed: boolean;
  };
  background: boolean;
  /** Indexes into the input list. */
  members: number[];
}

export interface ClusterStats {
  inputs: number;
  candidatePairs: number;
  vetoedPairs: number;
  incidents: number;
}

type Status = "new" | "background" | "unreal";

interface Item {
  index: number;
  input: IncidentInput;
  family: EventFamily;
  eventType: string;
  subType: string;
  /** Day numbers (days since the Unix epoch), inclusive; null: too vague to merge. */
  start: number;
  end: number;
  mergeable: boolean;
  lat: number | null;
  lon: number | null;
  /** 1 town, 2 near a town, 3 region, 4 country or unknown. */
  level: 1 | 2 | 3 | 4;
  country: string | null;
  placeKey: string | null;
  actors: NamedActor[];
  status: Status;
  fatalities: number | null;
  injuries: number | null;
}

interface NamedActor {
  name: string;
  /** ACLED inter code, or null when unknown. */
  side: number | null;
  named: boolean;
  role: "actor1" | "actor2";
}

const DAY_MS = 86_400_000;

function dayOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isFinite(t) ? Math.floor(t / DAY_MS) : null;
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The family of an event type (and sub-event type, for sitrep's extra kinds). */
export function familyOf(eventType: string, subEventType: string): EventFamily {
  return EXTRA_SUB_EVENT_FAMILIES[subEventType] ?? EVENT_TYPE_FAMILIES[eventType] ?? DEFAULT_FAMILY;
}

/** Great-circle distance in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

function namedActor(a: Actor | string | null, role: "actor1" | "actor2"): NamedActor | null {
  if (a === null) return null;
  if (typeof a === "string") {
    const name = a.trim();
    return name === "" ? null : { name, side: null, named: !UNNAMED_ACTOR_PATTERN.test(name), role };
  }
  const named = !UNNAMED_ACTOR_KINDS.includes(a.kind) && !UNNAMED_ACTOR_PATTERN.test(a.canonical);
  return { name: a.canonical, side: a.inter, named, role };
}

function levelOf(input: IncidentInput): 1 | 2 | 3 | 4 {
  const loc = input.event.location;
  const p = input.place;
  if (p?.precision === "country") return 4;
  if (loc && loc.lat !== null && loc.lon !== null) return loc.geoPrecision;
  if (p && p.lat !== null && p.lon !== null) {
    return p.precision === "city" || p.precision === "locality" ? 1 : 3;
  }
  return 4;
}

function toItem(input: IncidentInput, index: number): Item {
  const e = input.event;
  let start = dayOf(e.date?.start);
  let end = dayOf(e.date?.end);
  if (start === null || end === null) {
    const pub = dayOf(input.published);
    start = pub === null ? null : pub - UNDATED_LOOKBACK_DAYS;
    end = pub;
  }
  const level = levelOf(input);
  const lat = level === 4 ? null : (e.location?.lat ?? input.place?.lat ?? null);
  const lon = level === 4 ? null : (e.location?.lon ?? input.place?.lon ?? null);
  const actors = [
    namedActor(input.actors.actor1, "actor1"),
    namedActor(input.actors.actor2, "actor2"),
  ].filter((a): a is NamedActor => a !== null);
  const status: Status =
    e.negated || e.future || e.hypothetical ? "unreal" : e.background ? "background" : "new";
  const s = start ?? 0;
  const en = end ?? 0;
  return {
    index,
    input,
    family: familyOf(e.eventType, e.subEventType),
    eventType: e.eventType,
    subType: e.subEventType,
    start: s,
    end: en,
    mergeable: start !== null && end !== null && en - s <= MAX_MERGEABLE_RANGE_DAYS,
    lat,
    lon,
    level,
    country: input.place?.countryCode ?? null,
    placeKey:
      input.place?.geonameId != null
        ? `g${input.place.geonameId}`
        : (input.place?.resolvedName ?? input.place?.name ?? null),
    actors,
    status,
    fatalities: e.fatalities,
    injuries: e.injuries,
  };
}

function thresholdKm(level: number): number {
  return level <= 2 ? MAX_DISTANCE_KM_TOWN : MAX_DISTANCE_KM_REGION;
}

/** A named actor of one event that contradicts the other's: different name, known and different side, and
 * not named at all by the other event. */
function actorsContradict(a: Item, b: Item): boolean {
  const a1 = a.actors.find((x) => x.role === "actor1" && x.named);
  const b1 = b.actors.find((x) => x.role === "actor1" && x.named);
  if (!a1 || !b1 || a1.name === b1.name) return false;
  if (a1.side === null || b1.side === null || a1.side === b1.side) return false;
  const bNames = new Set(b.actors.map((x) => x.name));
  const aNames = new Set(a.actors.map((x) => x.name));
  return !bNames.has(a1.name) && !aNames.has(b1.name);
}

const VETO = Number.NEGATIVE_INFINITY;

/** Two figures for the same victims: both given and within COUNT_AGREEMENT_RATIO of each other. */
function countsAgree(x: number | null, y: number | null): boolean {
  if (x === null || y === null) return false;
  const [low, high] = x <= y ? [x, y] : [y, x];
  return high === 0 ? low === 0 : low / high >= COUNT_AGREEMENT_RATIO;
}

const CONFUSABLE = new Set(
  CONFUSABLE_SUB_EVENT_TYPES.flatMap(([x, y]) => [`${x}\u0000${y}`, `${y}\u0000${x}`]),
);

function isConfusable(x: string, y: string): boolean {
  return CONFUSABLE.has(`${x}\u0000${y}`);
}

/** Similarity of a candidate pair: VETO (never together), 0 (not compatible) or (0, 1]. */
function pairSimilarity(a: Item, b: Item): number {
  if (a.input.articleId === b.input.articleId) return VETO;
  if (!a.mergeable || !b.mergeable) return 0;
  if (
    a.start - DATE_SLACK_DAYS > b.end + DATE_SLACK_DAYS ||
    b.start - DATE_SLACK_DAYS > a.end + DATE_SLACK_DAYS
  ) {
    return 0;
  }
  if (a.family !== b.family) return 0;
  if (a.status !== b.status) return VETO;
  if (actorsContradict(a, b)) return VETO;
  const coarse = Math.max(a.level, b.level);
  let km: number | null = null;
  if (a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null) {
    km = haversineKm(a.lat, a.lon, b.lat, b.lon);
    if (km > thresholdKm(coarse)) return 0;
  } else if (a.country === null || a.country !== b.country) {
    return 0;
  }
  let evidence = 0;
  const sameDay = a.start === a.end && b.start === b.end && a.start === b.start;
  if (sameDay) evidence++;
  const samePlace =
    (a.placeKey !== null && a.placeKey === b.placeKey) ||
    (km !== null && km <= thresholdKm(coarse) * SAME_PLACE_SHARE);
  if (samePlace) evidence++;
  if (a.actors.some((x) => x.named && b.actors.some((y) => y.named && y.name === x.name))) evidence++;
  if (countsAgree(a.fatalities, b.fatalities) || countsAgree(a.injuries, b.injuries)) evidence++;
  let needed = 0;
  if (a.subType !== b.subType) {
    if (!sameDay || !samePlace) return 0;
    if (isConfusable(a.subType, b.subType)) needed = CONFUSABLE_MIN_EVIDENCE;
    else needed = a.eventType === b.eventType ? CROSS_SUBTYPE_MIN_EVIDENCE : CROSS_TYPE_MIN_EVIDENCE;
  }
  if (coarse === 4) {
    if (a.subType !== b.subType) return 0;
    needed = Math.max(needed, COUNTRY_MIN_EVIDENCE);
  }
  if (evidence < needed) return 0;
  return Math.min(1, BASE_SIMILARITY + EVIDENCE_SIMILARITY * evidence);
}

/** Longitude cells wrap at the antimeridian (cell −180° neighbours cell 179°). */
const LON_CELLS = Math.round(360 / CELL_DEGREES);
function wrapLonCell(x: number): number {
  return ((x % LON_CELLS) + LON_CELLS) % LON_CELLS;
}

/** Candidate pairs from the week × cell (or week × country) bucket index. */
function candidatePairs(items: Item[]): [number, number][] {
  const buckets = new Map<string, number[]>();
  const put = (key: string, i: number) => {
    const list = buckets.get(key);
    if (list) list.push(i);
    else buckets.set(key, [i]);
  };
  const weeksOf = (it: Item): number[] => {
    const out: number[] = [];
    for (
      let w = Math.floor((it.start - DATE_SLACK_DAYS) / 7);
      w <= Math.floor((it.end + DATE_SLACK_DAYS) / 7);
      w++
    ) {
      out.push(w);
    }
    return out;
  };
  for (const it of items) {
    if (!it.mergeable) continue;
    for (const w of weeksOf(it)) {
      if (it.lat !== null && it.lon !== null) {
        put(
          `${w}:${Math.floor(it.lat / CELL_DEGREES)}:${wrapLonCell(Math.floor(it.lon / CELL_DEGREES))}`,
          it.index,
        );
      }
      if (it.country !== null) put(`${w}:${it.country}`, it.index);
    }
  }
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const n = items.length;
  const consider = (i: number, j: number) => {
    if (i === j) return;
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    const key = lo * n + hi;
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push([lo, hi]);
  };
  for (const it of items) {
    if (!it.mergeable) continue;
    for (const w of weeksOf(it)) {
      if (it.lat !== null && it.lon !== null) {
        const reach = thresholdKm(3) / KM_PER_DEGREE;
        const latCell = Math.floor(it.lat / CELL_DEGREES);
        const dLat = Math.ceil(reach / CELL_DEGREES);
        const cos = Math.max(0.05, Math.cos((it.lat * Math.PI) / 180));
        const dLon = Math.min(180, Math.ceil(reach / cos / CELL_DEGREES));
        const lonCell = Math.floor(it.lon / CELL_DEGREES);
        for (let y = latCell - dLat; y <= latCell + dLat; y++) {
          for (let x = lonCell - dLon; x <= lonCell + dLon; x++) {
            for (const j of buckets.get(`${w}:${y}:${wrapLonCell(x)}`) ?? [])
              if (j > it.index) consider(it.index, j);
          }
        }
      } else if (it.country !== null) {
        // Only a place known to the country probes the whole country's bucket.
        for (const j of buckets.get(`${w}:${it.country}`) ?? []) consider(it.index, j);
      }
    }
  }
  return pairs;
}

/** Average-link agglomeration over a sparse graph (see the module comment). Returns cluster of each item. */
function agglomerate(n: number, edges: { i: number; j: number; s: number }[]): number[] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const size = new Array<number>(n).fill(1);
  // For each cluster root: root of a neighbouring cluster → sum of similarities of the cross pairs.
  const links: (Map<number, number> | undefined)[] = new Array(n);
  const EMPTY: ReadonlyMap<number, number> = new Map();
  const linksOf = (x: number): Map<number, number> => {
    let m = links[x];
    if (!m) {
      m = new Map();
      links[x] = m;
    }
    return m;
  };
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    let c = x;
    while (parent[c] !== r) {
      const next = parent[c] as number;
      parent[c] = r;
      c = next;
    }
    return r;
  };
  for (const { i, j, s } of edges) {
    const li = linksOf(i);
    const lj = linksOf(j);
    li.set(j, (li.get(j) ?? 0) + s);
    lj.set(i, (lj.get(i) ?? 0) + s);
  }
  const positive = edges.filter((e) => e.s > 0).sort((a, b) => b.s - a.s || a.i - b.i || a.j - b.j);
  // Pairs in descending similarity; passes repeat (at most AGGLOMERATION_PASSES) because a merge refused
  // early can become acceptable once both sides have grown.
  for (let pass = 0, merged = true; merged && pass < AGGLOMERATION_PASSES; pass++) {
    merged = false;
    for (const { i, j } of positive) {
      let a = find(i);
      let b = find(j);
      if (a === b) continue;
      const la = links[a] ?? EMPTY;
      const sum = la.get(b) ?? 0;
      const avg = sum / ((size[a] as number) * (size[b] as number));
      if (!(avg >= AVERAGE_LINK_MIN)) continue;
      if ((links[a] ?? EMPTY).size < (links[b] ?? EMPTY).size) [a, b] = [b, a];
      // Merge b into a.
      parent[b] = a;
      size[a] = (size[a] as number) + (size[b] as number);
      const ma = linksOf(a);
      const mb = links[b] ?? EMPTY;
      ma.delete(b);
      for (const [c, s] of mb) {
        if (c === a) continue;
        ma.set(c, (ma.get(c) ?? 0) + s);
        const mc = linksOf(c);
        const viaB = mc.get(b) ?? 0;
        mc.delete(b);
        mc.set(a, (mc.get(a) ?? 0) + viaB);
      }
      links[b] = undefined;
      merged = true;
    }
  }
  return Array.from({ length: n }, (_, i) => find(i));
}

function mostFrequent(values: string[], rank: (v: string) => number): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return (
    [...counts].sort((x, y) => y[1] - x[1] || rank(x[0]) - rank(y[0]) || x[0].localeCompare(y[0]))[0]?.[0] ??
    ""
  );
}

function countOf(items: Item[], pick: (e: EventRecord) => number | null): IncidentCount {
  const bySource = items.flatMap((it) => {
    const v = pick(it.input.event);
    return v === null ? [] : [{ articleId: it.input.articleId, publisher: it.input.publisher, value: v }];
  });
  const values = bySource.map((s) => s.value);
  const min = values.length ? Math.min(...values) : null;
  const max = values.length ? Math.max(...values) : null;
  const agreement: Agreement = values.length <= 1 ? "single" : min === max ? "agree" : "conflict";
  return { min, max, bySource, agreement };
}

function buildIncident(items: Item[], id: string): Incident {
  const generic = (v: string) => (GENERIC_SUB_EVENT_TYPES.includes(v) ? 1 : 0);
  const subEventType = mostFrequent(
    items.map((it) => it.subType),
    generic,
  );
  const eventType =
    items.find((it) => it.subType === subEventType)?.eventType ??
    mostFrequent(
      items.map((it) => it.eventType),
      () => 0,
    );
  // Location: the most precise member place; the centroid of members at that precision.
  const located = items.filter((it) => it.lat !== null && it.lon !== null);
  const best = [...items].sort(
    (x, y) => x.level - y.level || (y.input.place?.confidence ?? 0) - (x.input.place?.confidence ?? 0),
  )[0];
  const atBest = located.filter((it) => it.level === best?.level);
  const names = [
    ...new Set(
      items.flatMap((it) => (it.input.place ? [it.input.place.resolvedName ?? it.input.place.name] : [])),
    ),
  ];
  const location: Incident["location"] =
    best && (best.input.place || best.lat !== null)
      ? {
          name: best.input.place ? (best.input.place.resolvedName ?? best.input.place.name) : null,
          lat: best.lat,
          lon: best.lon,
          geoPrecision: best.level === 4 ? null : best.level,
          countryCode: best.country,
          centroid: atBest.length
            ? {
                lat: atBest.reduce((s, it) => s + (it.lat as number), 0) / atBest.length,
                lon: atBest.reduce((s, it) => s + (it.lon as number), 0) / atBest.length,
              }
            : null,
          names,
        }
      : null;
  const dated = items.filter((it) => it.input.event.date !== null || it.input.published !== null);
  let date: Incident["date"] = null;
  if (dated.length) {
    const lo = Math.max(...dated.map((it) => it.start));
    const hi = Math.min(...dated.map((it) => it.end));
    date =
      lo <= hi
        ? { start: isoOf(lo), end: isoOf(hi), kind: "intersection" }
        : {
            start: isoOf(Math.min(...dated.map((it) => it.start))),
            end: isoOf(Math.max(...dated.map((it) => it.end))),
            kind: "union",
          };
  }
  const actorCounts = new Map<
    string,
    { name: string; roles: ("actor1" | "actor2")[]; articles: Set<string> }
  >();
  for (const it of items) {
    for (const a of it.actors) {
      const entry = actorCounts.get(a.name) ?? { name: a.name, roles: [], articles: new Set<string>() };
      if (!entry.roles.includes(a.role)) entry.roles.push(a.role);
      entry.articles.add(it.input.articleId);
      actorCounts.set(a.name, entry);
    }
  }
  const sources: IncidentSource[] = items.map((it) => {
    const e = it.input.event;
    return {
      articleId: it.input.articleId,
      publisher: it.input.publisher,
      url: it.input.url,
      published: it.input.published,
      eventId: e.id,
      subEventType: e.subEventType,
      certainty: e.attribution.certainty,
      cue: e.attribution.cue,
      source: e.attribution.source,
      fatalities: e.fatalities,
      injuries: e.injuries,
      evidence: e.evidence,
    };
  });
  const counts: Partial<Record<Certainty, number>> = {};
  for (const s of sources) counts[s.certainty] = (counts[s.certainty] ?? 0) + 1;
  const bestCertainty = [...sources].sort(
    (x, y) => CERTAINTY_ORDER.indexOf(x.certainty) - CERTAINTY_ORDER.indexOf(y.certainty),
  )[0]?.certainty as Certainty;
  return {
    id,
    eventType,
    subEventType,
    location,
    date,
    actors: [...actorCounts.values()]
      .map((a) => ({ name: a.name, roles: a.roles.sort(), sources: a.articles.size }))
      .sort((x, y) => y.sources - x.sources || x.name.localeCompare(y.name)),
    sources,
    fatalities: countOf(items, (e) => e.fatalities),
    injuries: countOf(items, (e) => e.injuries),
    certainty: {
      best: bestCertainty,
      counts,
      disputed: (counts.denied ?? 0) > 0 && sources.some((s) => s.certainty !== "denied"),
    },
    background: items.every((it) => it.status === "background"),
    members: items.map((it) => it.index),
  };
}

/** Cluster events reported by several articles into incidents (see the module comment). */
export function clusterIncidents(inputs: readonly IncidentInput[], stats?: ClusterStats): Incident[] {
  const items = inputs.map(toItem);
  const pairs = candidatePairs(items);
  const edges: { i: number; j: number; s: number }[] = [];
  let vetoed = 0;
  for (const [i, j] of pairs) {
    const s = pairSimilarity(items[i] as Item, items[j] as Item);
    if (s === VETO) vetoed++;
    if (s !== 0) edges.push({ i, j, s });
  }
  const roots = agglomerate(items.length, edges);
  const groups = new Map<number, Item[]>();
  for (const it of items) {
    const r = roots[it.index] as number;
    const g = groups.get(r);
    if (g) g.push(it);
    else groups.set(r, [it]);
  }
  const ordered = [...groups.values()].sort(
    (x, y) =>
      Math.min(...x.map((it) => it.start)) - Math.min(...y.map((it) => it.start)) ||
      (x[0]?.index ?? 0) - (y[0]?.index ?? 0),
  );
  const incidents = ordered.map((g, k) => buildIncident(g, `i${k + 1}`));
  if (stats) {
    stats.inputs = inputs.length;
    stats.candidatePairs = pairs.length;
    stats.vetoedPairs = vetoed;
    stats.incidents = incidents.length;
  }
  return incidents;
}

/**
 * The inputs of one analysed article: one per event, with its place and actors resolved from the Doc layers.
 * An event the events stage left without a place falls back to the article's first-mentioned town
 * (FALLBACK_PLACE_PRECISIONS), at region precision (ACLED geo precision 3), so that it can still meet the
 * other outlets' versions within MAX_DISTANCE_KM_REGION; `fallbackPlace` marks such inputs.
 */
export function incidentInputsOf(
  articleId: string,
  article: { publisher: string | null; published: string | null; url: string | null },
  events: readonly EventRecord[],
  places: readonly Place[],
  actors: readonly Actor[],
): IncidentInput[] {
  const placeById = new Map(places.map((p) => [p.id, p]));
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const focus =
    [...places]
      .filter(
        (p) => p.lat !== null && p.lon !== null && FALLBACK_PLACE_PRECISIONS.includes(p.precision ?? ""),
      )
      .sort((x, y) => (x.mentions[0]?.start ?? 0) - (y.mentions[0]?.start ?? 0))[0] ?? null;
  return events.map((event) => {
    let place = event.location ? (placeById.get(event.location.place) ?? null) : null;
    let located = event;
    const fallback = !event.location && focus !== null;
    if (fallback && focus) {
      place = focus;
      located = { ...event, location: { place: focus.id, lat: focus.lat, lon: focus.lon, geoPrecision: 3 } };
    }
    return {
      articleId,
      publisher: article.publisher,
      published: article.published,
      url: article.url,
      event: located,
      place,
      fallbackPlace: fallback,
      actors: {
        actor1: event.actor1 ? (actorById.get(event.actor1) ?? null) : null,
        actor2: event.actor2 ? (actorById.get(event.actor2) ?? null) : null,
      },
    };
  });
}

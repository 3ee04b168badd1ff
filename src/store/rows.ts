/**
 * What an analysis record becomes in the store, whatever the backend: the article's identity key and the
 * rows of its layers (places, actors, events with ACLED's column names, the actors of each event, claims, and
 * the documents of full-text search). Both stores insert exactly these rows, so they answer alike.
 */
import { resolve } from "node:path";
import type { AnalysisRecord } from "../analyze/index.js";
import type { Actor, Place } from "../core/entities.js";
import type { DatePrecision, EventRecord } from "../core/events.js";

/** Default wait for another writer's lock (ms). */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;
/** Default number of search hits. */
export const DEFAULT_SEARCH_LIMIT = 20;
/** Default and largest number of events one listEvents call returns. */
export const DEFAULT_EVENT_LIMIT = 1000;
/** Default and largest number of articles one listArticles call returns. */
export const DEFAULT_ARTICLE_LIMIT = 100;
/** bm25 / ts_rank weights of the search columns (title, body): a match in a title counts more. */
export const TITLE_WEIGHT = 5;
export const BODY_WEIGHT = 1;
/** Joins an event's evidence sentences in `notes`. */
const EVIDENCE_JOINER = " … ";

/** ACLED time_precision: 1 exact day, 2 within a week, 3 within a month or vaguer. */
const TIME_PRECISION: Record<DatePrecision, number> = { day: 1, week: 2, month: 3, year: 3 };

const URL_NAME = /^[a-z][a-z0-9+.-]*:\/\//i;
const JSONL_LINE_NAME = /#\d+$/;
const STDIN_NAME = "-";

/** Files are keyed by absolute path; URLs, stdin and JSON Lines records as named. */
export function inputKey(name: string): string {
  return name === STDIN_NAME || URL_NAME.test(name) || JSONL_LINE_NAME.test(name) ? name : resolve(name);
}

/** Whether the input name alone identifies an article without a URL: a file, not stdin or a JSON Lines line. */
export function isIdentifyingInput(name: string): boolean {
  return name !== STDIN_NAME && !URL_NAME.test(name) && !JSONL_LINE_NAME.test(name);
}

/** The article-level columns a put writes (besides identity and timestamps). */
export function articleFields(record: AnalysisRecord) {
  return {
    title: record.article.title,
    publisher: record.article.publisher,
    published: record.article.published,
    language: record.article.language,
  };
}

export interface PlaceRow {
  place_id: string;
  name: string;
  resolved_name: string | null;
  geoname_id: number | null;
  feature_type: string | null;
  country_code: string | null;
  admin1: string | null;
  latitude: number | null;
  longitude: number | null;
  precision: string | null;
  confidence: number;
}

export interface ActorRow {
  actor_id: string;
  name: string;
  canonical: string;
  kind: string;
  inter: number | null;
  country: string | null;
  dictionary_id: string | null;
}

export type EventRow = ReturnType<typeof eventRow>;

export interface EventActorRow {
  /** The event's id within the article ("e1"). */
  event_id: string;
  role: "actor1" | "actor2" | "assoc";
  actor_id: string;
  name: string;
  canonical: string;
}

export interface ClaimRow {
  claim_id: string;
  kind: string;
  text: string;
  source: string;
  certainty: string;
  cue: string | null;
  start: number;
  end: number;
}

export interface SearchDocRow {
  kind: "article" | "event" | "claim";
  ref: string | null;
  title: string;
  body: string;
}

export interface ArticleLayers {
  places: PlaceRow[];
  actors: ActorRow[];
  events: EventRow[];
  eventActors: EventActorRow[];
  claims: ClaimRow[];
  /** The article first, then each event, then each claim. */
  searchDocs: SearchDocRow[];
}

/** The rows of a record's layers. */
export function layersOf(record: AnalysisRecord): ArticleLayers {
  const places = new Map<string, Place>(record.places.map((p) => [p.id, p]));
  const actors = new Map<string, Actor>(record.actors.map((a) => [a.id, a]));
  const publisher = record.article.publisher ?? hostOf(record.article.url);
  const layers: ArticleLayers = {
    places: record.places.map((p) => ({
      place_id: p.id,
      name: p.name,
      resolved_name: p.resolvedName,
      geoname_id: p.geonameId,
      feature_type: p.featureType,
      country_code: p.countryCode,
      admin1: p.admin1,
      latitude: p.lat,
      longitude: p.lon,
      precision: p.precision,
      confidence: p.confidence,
    })),
    actors: record.actors.map((a) => ({
      actor_id: a.id,
      name: a.name,
      canonical: a.canonical,
      kind: a.kind,
      inter: a.inter,
      country: a.country,
      dictionary_id: a.dictionaryId,
    })),
    events: [],
    eventActors: [],
    claims: [],
    searchDocs: [
      { kind: "article", ref: null, title: record.article.title ?? "", body: record.article.text },
    ],
  };
  for (const e of record.events) {
    const row = eventRow(e, places, actors, publisher);
    layers.events.push(row);
    const roles: [EventActorRow["role"], string | null][] = [
      ["actor1", e.actor1],
      ["actor2", e.actor2],
      ...e.assocActors.map((id): [EventActorRow["role"], string] => ["assoc", id]),
    ];
    for (const [role, id] of roles) {
      const actor = id === null ? undefined : actors.get(id);
      if (actor)
        layers.eventActors.push({
          event_id: e.id,
          role,
          actor_id: actor.id,
          name: actor.name,
          canonical: actor.canonical,
        });
    }
    layers.searchDocs.push({
      kind: "event",
      ref: e.id,
      title: `${e.eventType}: ${e.subEventType}`,
      body: row.notes,
    });
  }
  for (const c of record.claims) {
    layers.claims.push({
      claim_id: c.id,
      kind: c.kind,
      text: c.text,
      source: c.attribution.source,
      certainty: c.attribution.certainty,
      cue: c.attribution.cue,
      start: c.evidence.start,
      end: c.evidence.end,
    });
    layers.searchDocs.push({ kind: "claim", ref: c.id, title: c.kind, body: c.evidence.text });
  }
  return layers;
}

function eventRow(
  e: EventRecord,
  places: Map<string, Place>,
  actors: Map<string, Actor>,
  publisher: string | null,
) {
  const place = e.location ? places.get(e.location.place) : undefined;
  const actor1 = e.actor1 === null ? undefined : actors.get(e.actor1);
  const actor2 = e.actor2 === null ? undefined : actors.get(e.actor2);
  const assoc = e.assocActors.map((id) => actors.get(id)?.canonical).filter((n): n is string => Boolean(n));
  return {
    event_id: e.id,
    event_date: e.date?.start ?? null,
    event_date_end: e.date?.end ?? null,
    time_precision: e.date ? TIME_PRECISION[e.date.precision] : null,
    date_text: e.date?.text ?? null,
    event_type: e.eventType,
    sub_event_type: e.subEventType,
    actor1: actor1?.canonical ?? null,
    assoc_actor_1: assoc.length > 0 ? assoc.join("; ") : null,
    inter1: actor1?.inter ?? null,
    actor2: actor2?.canonical ?? null,
    inter2: actor2?.inter ?? null,
    iso: place?.countryCode ?? null,
    admin1: place?.admin1 ?? null,
    location: place ? (place.resolvedName ?? place.name) : null,
    place_id: e.location?.place ?? null,
    latitude: e.location?.lat ?? null,
    longitude: e.location?.lon ?? null,
    geo_precision: e.location?.geoPrecision ?? null,
    source: publisher,
    attribution_source: e.attribution.source,
    certainty: e.attribution.certainty,
    fatalities: e.fatalities,
    injuries: e.injuries,
    background: e.background,
    negated: e.negated,
    future: e.future,
    hypothetical: e.hypothetical,
    salience: e.salience,
    notes: e.evidence.map((ev) => ev.text).join(EVIDENCE_JOINER),
  };
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

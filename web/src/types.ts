/**
 * What the web app reads from sitrep's JSON API (src/server), written out for the browser: the app is built
 * separately from the Node code and never imports it. Only the fields the app uses are listed.
 */

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

export interface Mention {
  start: number;
  end: number;
}

export interface Evidence extends Mention {
  text: string;
}

export interface Attribution {
  source: string;
  cue: string | null;
  certainty: Certainty;
}

export interface IncidentCount {
  min: number | null;
  max: number | null;
  bySource: { articleId: string; publisher: string | null; value: number }[];
  agreement: "agree" | "conflict" | "single";
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
    name: string | null;
    lat: number | null;
    lon: number | null;
    geoPrecision: 1 | 2 | 3 | null;
    countryCode: string | null;
    centroid: { lat: number; lon: number } | null;
    names: string[];
  } | null;
  date: { start: string; end: string; kind: "intersection" | "union" } | null;
  actors: { name: string; roles: ("actor1" | "actor2")[]; sources: number }[];
  sources: IncidentSource[];
  fatalities: IncidentCount;
  injuries: IncidentCount;
  certainty: { best: Certainty; counts: Partial<Record<Certainty, number>>; disputed: boolean };
  background: boolean;
}

export interface IncidentsReply {
  events: number;
  truncated: boolean;
  count: number;
  incidents: Incident[];
}

export interface Place {
  id: string;
  name: string;
  resolvedName: string | null;
  countryCode: string | null;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  precision: string | null;
  mentions: Mention[];
}

export interface Actor {
  id: string;
  name: string;
  canonical: string;
  kind: string;
  mentions: Mention[];
}

export interface EventRecord {
  id: string;
  eventType: string;
  subEventType: string;
  actor1: string | null;
  actor2: string | null;
  location: { place: string; lat: number | null; lon: number | null; geoPrecision: 1 | 2 | 3 } | null;
  date: { start: string; end: string; precision: string; text: string | null } | null;
  fatalities: number | null;
  injuries: number | null;
  background: boolean;
  negated: boolean;
  future: boolean;
  hypothetical: boolean;
  attribution: Attribution;
  evidence: Evidence[];
}

export interface ClaimRecord {
  id: string;
  kind: string;
  text: string;
  attribution: Attribution;
  evidence: Evidence;
}

export interface Paragraph extends Mention {
  source: Mention | null;
}

/** An analysis record (`POST /api/analyze`, or `record` of `GET /api/articles/:id`). */
export interface AnalysisRecord {
  input: string;
  article: {
    title: string | null;
    publisher: string | null;
    published: string | null;
    url: string | null;
    language: string | null;
    authors?: string[];
    original?: { publisher: string | null; url: string | null; published: string | null } | null;
    text: string;
    paragraphs: Paragraph[];
  };
  places: Place[];
  actors: Actor[];
  events: EventRecord[];
  claims: ClaimRecord[];
  diagnostics: { code: string; message: string }[];
}

export interface StoredArticle {
  id: number;
  canonicalUrl: string | null;
  revision: number;
  firstSeen: string;
  record: AnalysisRecord;
}

export interface ApiErrorBody {
  error: { code: string; message: string };
}

/**
 * The OpenAPI 3.1 description of `sitrep serve`'s JSON API, served at `/openapi.json`. Written by hand as a
 * typed object; test/server/api.test.ts checks that it lists every route of `ROUTES`.
 */
import { CERTAINTIES } from "../core/events.js";
import {
  DEFAULT_ARTICLE_LIMIT,
  DEFAULT_BULK_LIMIT,
  DEFAULT_EVENT_LIMIT,
  DEFAULT_SEARCH_LIMIT,
  MAX_ARTICLE_LIMIT,
  MAX_EVENT_LIMIT,
  MAX_OFFSET,
  MAX_QUERY_CHARS,
  MAX_SEARCH_LIMIT,
  MAX_TEXT_PARAM,
} from "./params.js";

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it), loosely typed. */
export interface JsonSchema {
  type?: string | string[];
  $ref?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: readonly (string | number | boolean | null)[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  example?: unknown;
}

export interface Parameter {
  name: string;
  in: "query" | "path" | "header";
  required?: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface Response {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, { schema: JsonSchema }>;
}

export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, Response | { $ref: string }>;
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: {
    title: string;
    version: string;
    description: string;
    license: { name: string; identifier: string };
  };
  servers: { url: string }[];
  paths: Record<string, Partial<Record<"get" | "post", Operation>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, Parameter>;
    responses: Record<string, Response>;
    securitySchemes: Record<string, { type: "http"; scheme: "bearer"; description: string }>;
  };
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const response = (name: string) => ({ $ref: `#/components/responses/${name}` });
const json = (schema: JsonSchema) => ({ "application/json": { schema } });
const nullable = (type: string): JsonSchema => ({ type: [type, "null"] });

const limit = (def: number, max: number, what: string): Parameter => ({
  name: "limit",
  in: "query",
  description: `Most ${what} returned`,
  schema: { type: "integer", minimum: 1, maximum: max, default: def },
});

const EVENT_FILTERS = [
  "from",
  "to",
  "country",
  "admin1",
  "bbox",
  "type",
  "actor",
  "certainty",
  "source",
  "occurred",
].map(param);

const ERRORS = {
  "400": response("BadRequest"),
  "500": response("Internal"),
  "503": response("StoreUnavailable"),
};

const POST_ERRORS = {
  ...ERRORS,
  "401": response("Unauthorized"),
  "413": response("TooLarge"),
  "415": response("UnsupportedMediaType"),
  "422": response("NoArticle"),
};

const DOCUMENT_BODY = {
  required: true,
  content: {
    "application/json": { schema: ref("DocumentInput") },
    "text/html": { schema: { type: "string", description: "An HTML page, in any charset" } },
    "text/plain": { schema: { type: "string", description: "Scraped or plain text" } },
  },
};

const POST_META = [
  {
    name: "url",
    in: "query" as const,
    description: "The page URL (text/html and text/plain bodies only; JSON bodies carry it themselves)",
    schema: { type: "string", format: "uri", maxLength: 2048 },
  },
  {
    name: "title",
    in: "query" as const,
    description: "Title, overriding the page's (text bodies only)",
    schema: { type: "string", maxLength: 1000 },
  },
  {
    name: "published",
    in: "query" as const,
    description: "Publication date or date-time, ISO 8601 (text bodies only)",
    schema: { type: "string", maxLength: 64 },
  },
];

const error = (description: string): Response => ({ description, content: json(ref("Error")) });

export const OPENAPI: OpenApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "sitrep API",
    version: "0.1.0",
    description:
      "Sourced, geolocated event records from news reports: stored articles, their events, incidents across " +
      "sources, full-text search, ACLED-style exports and analysis of a posted report. Every error is " +
      "`{error:{code,message}}`. When the server has an access token, every POST needs it as a bearer token.",
    license: { name: "MIT", identifier: "MIT" },
  },
  servers: [{ url: "/" }],
  paths: {
    "/api/health": {
      get: {
        operationId: "health",
        summary: "Liveness and store counts",
        responses: {
          "200": { description: "Up", content: json(ref("Health")) },
          ...ERRORS,
        },
      },
    },
    "/api/articles": {
      get: {
        operationId: "listArticles",
        summary: "Stored articles, newest first",
        parameters: [limit(DEFAULT_ARTICLE_LIMIT, MAX_ARTICLE_LIMIT, "articles"), param("offset")],
        responses: {
          "200": { description: "A page of articles", content: json(ref("ArticlePage")) },
          ...ERRORS,
        },
      },
      post: {
        operationId: "storeArticle",
        summary: "Analyse a report and store it",
        description:
          "201 when it becomes a new article or a new revision of one (same canonical URL), 200 when the same " +
          "content is already stored.",
        parameters: POST_META,
        requestBody: DOCUMENT_BODY,
        security: [{ bearer: [] }, {}],
        responses: {
          "200": { description: "Already stored", content: json(ref("PutResult")) },
          "201": {
            description: "Stored",
            headers: { Location: { description: "The stored article", schema: { type: "string" } } },
            content: json(ref("PutResult")),
          },
          ...POST_ERRORS,
        },
      },
    },
    "/api/articles/{id}": {
      get: {
        operationId: "getArticle",
        summary: "One stored article with its current analysis record and revision history",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
        responses: {
          "200": { description: "The article", content: json(ref("StoredArticle")) },
          "404": response("NotFound"),
          ...ERRORS,
        },
      },
    },
    "/api/events": {
      get: {
        operationId: "listEvents",
        summary: "Stored events matching the filters, latest first",
        parameters: [
          ...EVENT_FILTERS,
          limit(DEFAULT_EVENT_LIMIT, MAX_EVENT_LIMIT, "events"),
          param("offset"),
        ],
        responses: { "200": { description: "A page of events", content: json(ref("EventPage")) }, ...ERRORS },
      },
    },
    "/api/events.csv": {
      get: {
        operationId: "exportEventsCsv",
        summary: "The matching events as ACLED-style CSV (ACLED's 31 columns, then sitrep_* columns)",
        description:
          "Background, negated and unrealised events are left out, as in `sitrep analyze --format acled-csv`.",
        parameters: [...EVENT_FILTERS, param("bulkLimit"), param("offset")],
        responses: {
          "200": {
            description: "CSV with a header line",
            content: { "text/csv": { schema: { type: "string" } } },
          },
          ...ERRORS,
        },
      },
    },
    "/api/events.geojson": {
      get: {
        operationId: "exportEventsGeoJson",
        summary: "The matching events with coordinates as a GeoJSON FeatureCollection",
        parameters: [...EVENT_FILTERS, param("bulkLimit"), param("offset")],
        responses: {
          "200": {
            description: "RFC 7946 FeatureCollection of Point features; properties are the ACLED-style row",
            headers: {
              "X-Sitrep-Skipped": {
                description: "Rows left out for want of coordinates",
                schema: { type: "integer" },
              },
            },
            content: { "application/geo+json": { schema: ref("FeatureCollection") } },
          },
          ...ERRORS,
        },
      },
    },
    "/api/incidents": {
      get: {
        operationId: "listIncidents",
        summary: "The matching events clustered into incidents across sources",
        description:
          "At most `limit` events (one store call) are clustered; `truncated` says the call was full. Each " +
          "incident keeps every source's version: numbers, certainty and evidence, and whether they agree.",
        parameters: [...EVENT_FILTERS, param("bulkLimit"), param("offset")],
        responses: { "200": { description: "Incidents", content: json(ref("IncidentPage")) }, ...ERRORS },
      },
    },
    "/api/search": {
      get: {
        operationId: "search",
        summary: "Full-text search over articles and the evidence of their events and claims",
        parameters: [
          {
            name: "q",
            in: "query",
            required: true,
            description: "SQLite FTS5 query; anything that is not valid FTS5 is searched as plain words",
            schema: { type: "string", minLength: 1, maxLength: MAX_QUERY_CHARS },
          },
          limit(DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT, "hits"),
        ],
        responses: {
          "200": { description: "Hits, best first", content: json(ref("SearchResult")) },
          ...ERRORS,
        },
      },
    },
    "/api/analyze": {
      post: {
        operationId: "analyze",
        summary: "Analyse a posted report and return its record, without storing it",
        parameters: POST_META,
        requestBody: DOCUMENT_BODY,
        security: [{ bearer: [] }, {}],
        responses: {
          "200": {
            description: 'The analysis record (README "Output format")',
            content: json(ref("AnalysisRecord")),
          },
          ...POST_ERRORS,
        },
      },
    },
    "/openapi.json": {
      get: {
        operationId: "openapi",
        summary: "This document",
        responses: { "200": { description: "OpenAPI 3.1", content: json({ type: "object" }) } },
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: {
        type: "http",
        scheme: "bearer",
        description: "The server's access token (`--token` or $SITREP_TOKEN); required on POSTs when set",
      },
    },
    parameters: {
      offset: {
        name: "offset",
        in: "query",
        description: "Items skipped before the page",
        schema: { type: "integer", minimum: 0, maximum: MAX_OFFSET, default: 0 },
      },
      bulkLimit: limit(DEFAULT_BULK_LIMIT, MAX_EVENT_LIMIT, "events read"),
      from: {
        name: "from",
        in: "query",
        description: "Events whose date range ends on or after this date",
        schema: { type: "string", format: "date" },
      },
      to: {
        name: "to",
        in: "query",
        description: "Events whose date range starts on or before this date",
        schema: { type: "string", format: "date" },
      },
      country: {
        name: "country",
        in: "query",
        description: "ISO 3166-1 alpha-2 code of the event's place",
        schema: { type: "string", pattern: "^[A-Za-z]{2}$" },
      },
      admin1: {
        name: "admin1",
        in: "query",
        description: "First-level administrative division (case-insensitive)",
        schema: { type: "string", minLength: 1, maxLength: MAX_TEXT_PARAM },
      },
      bbox: {
        name: "bbox",
        in: "query",
        description: "minLon,minLat,maxLon,maxLat (minLon > maxLon crosses the antimeridian)",
        schema: { type: "string", pattern: "^[^,]+,[^,]+,[^,]+,[^,]+$", example: "-5,10,5,20" },
      },
      type: {
        name: "type",
        in: "query",
        description: "ACLED event type or sub-event type (case-insensitive)",
        schema: { type: "string", minLength: 1, maxLength: MAX_TEXT_PARAM },
      },
      actor: {
        name: "actor",
        in: "query",
        description: "An actor's canonical name or name as written (case-insensitive)",
        schema: { type: "string", minLength: 1, maxLength: MAX_TEXT_PARAM },
      },
      certainty: {
        name: "certainty",
        in: "query",
        description: "How surely the source states the event",
        schema: { type: "string", enum: CERTAINTIES },
      },
      source: {
        name: "source",
        in: "query",
        description: "Publisher or who says it (case-insensitive substring)",
        schema: { type: "string", minLength: 1, maxLength: MAX_TEXT_PARAM },
      },
      occurred: {
        name: "occurred",
        in: "query",
        description: "Only events that happened: not background, negated, future or hypothetical",
        schema: { type: "boolean", default: false },
      },
    },
    responses: {
      BadRequest: error("A bad, unknown or repeated parameter, or a bad body"),
      Unauthorized: error("The access token is missing or wrong"),
      NotFound: error("No such resource"),
      TooLarge: error("The body is over the server's size limit (default 5 MB)"),
      UnsupportedMediaType: error("The body is not application/json, text/html or text/plain"),
      NoArticle: error("No article could be extracted from the document"),
      Internal: error("An unexpected failure (logged by the server)"),
      StoreUnavailable: error("The store is locked, read-only or corrupt"),
    },
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: { code: { type: "string" }, message: { type: "string" } },
          },
        },
      },
      Health: {
        type: "object",
        required: ["status", "counts"],
        properties: {
          status: { type: "string", enum: ["ok"] },
          counts: {
            type: "object",
            properties: {
              articles: { type: "integer" },
              revisions: { type: "integer" },
              events: { type: "integer" },
            },
          },
        },
      },
      DocumentInput: {
        type: "object",
        description: 'A report: "html" wins when both "html" and "text" are given',
        additionalProperties: false,
        properties: {
          text: { type: "string" },
          html: { type: "string" },
          url: { type: "string", format: "uri", maxLength: 2048 },
          title: { type: "string", maxLength: 1000 },
          published: { type: "string", maxLength: 64, description: "ISO 8601 date or date-time" },
        },
        anyOf: [{ required: ["text"] }, { required: ["html"] }],
      },
      ArticleSummary: {
        type: "object",
        properties: {
          id: { type: "integer" },
          title: nullable("string"),
          publisher: nullable("string"),
          published: nullable("string"),
          url: nullable("string"),
          language: nullable("string"),
          revision: { type: "integer" },
          firstSeen: { type: "string", format: "date-time" },
          lastSeen: { type: "string", format: "date-time" },
          events: { type: "integer" },
          claims: { type: "integer" },
        },
      },
      ArticlePage: {
        type: "object",
        properties: {
          total: { type: "integer" },
          limit: { type: "integer" },
          offset: { type: "integer" },
          articles: { type: "array", items: ref("ArticleSummary") },
        },
      },
      StoredArticle: {
        type: "object",
        properties: {
          id: { type: "integer" },
          canonicalUrl: nullable("string"),
          contentHash: { type: "string" },
          revision: { type: "integer" },
          firstSeen: { type: "string", format: "date-time" },
          lastSeen: { type: "string", format: "date-time" },
          revisions: {
            type: "array",
            items: {
              type: "object",
              properties: {
                revision: { type: "integer" },
                contentHash: { type: "string" },
                input: { type: "string" },
                created: { type: "string", format: "date-time" },
              },
            },
          },
          record: ref("AnalysisRecord"),
        },
      },
      AnalysisRecord: {
        type: "object",
        description: 'The analysis of one report (README "Output format")',
        required: ["input", "article", "places", "actors", "checks", "events", "claims", "diagnostics"],
        properties: {
          input: { type: "string" },
          article: { type: "object" },
          places: { type: "array", items: { type: "object" } },
          actors: { type: "array", items: { type: "object" } },
          checks: { type: "array", items: { type: "object" } },
          events: { type: "array", items: { type: "object" } },
          claims: { type: "array", items: { type: "object" } },
          encoding: { type: ["object", "null"] },
          extractor: { type: "object" },
          diagnostics: { type: "array", items: { type: "object" } },
        },
      },
      PutResult: {
        type: "object",
        properties: {
          status: { type: "string", enum: ["ingested", "revised", "unchanged"] },
          articleId: { type: "integer" },
          revision: { type: "integer" },
          events: { type: "integer", description: "Events found (not given for unchanged content)" },
          location: { type: "string" },
        },
      },
      StoredEvent: {
        type: "object",
        description: "An event row under ACLED's column names where ACLED has one",
        properties: {
          id: { type: "integer" },
          article_id: { type: "integer" },
          event_id: { type: "string" },
          event_date: nullable("string"),
          event_date_end: nullable("string"),
          time_precision: nullable("integer"),
          event_type: { type: "string" },
          sub_event_type: { type: "string" },
          actor1: nullable("string"),
          assoc_actor_1: nullable("string"),
          inter1: nullable("integer"),
          actor2: nullable("string"),
          inter2: nullable("integer"),
          iso: nullable("string"),
          admin1: nullable("string"),
          location: nullable("string"),
          latitude: nullable("number"),
          longitude: nullable("number"),
          geo_precision: nullable("integer"),
          source: nullable("string"),
          attribution_source: { type: "string" },
          certainty: { type: "string", enum: CERTAINTIES },
          fatalities: nullable("integer"),
          injuries: nullable("integer"),
          background: { type: "boolean" },
          negated: { type: "boolean" },
          notes: { type: "string" },
          url: nullable("string"),
        },
      },
      EventPage: {
        type: "object",
        properties: {
          limit: { type: "integer" },
          offset: { type: "integer" },
          count: { type: "integer" },
          events: { type: "array", items: ref("StoredEvent") },
        },
      },
      Incident: {
        type: "object",
        description: "One occurrence reported by one or more articles, with every source's version",
        properties: {
          id: { type: "string" },
          eventType: { type: "string" },
          subEventType: { type: "string" },
          location: { type: ["object", "null"] },
          date: { type: ["object", "null"] },
          actors: { type: "array", items: { type: "object" } },
          sources: { type: "array", items: { type: "object" } },
          fatalities: { type: "object" },
          injuries: { type: "object" },
          certainty: { type: "object" },
          background: { type: "boolean" },
        },
      },
      IncidentPage: {
        type: "object",
        properties: {
          events: { type: "integer", description: "Events clustered" },
          truncated: { type: "boolean" },
          count: { type: "integer" },
          incidents: { type: "array", items: ref("Incident") },
        },
      },
      SearchResult: {
        type: "object",
        properties: {
          query: { type: "string" },
          count: { type: "integer" },
          hits: {
            type: "array",
            items: {
              type: "object",
              properties: {
                kind: { type: "string", enum: ["article", "event", "claim"] },
                articleId: { type: "integer" },
                ref: nullable("string"),
                title: { type: "string" },
                url: nullable("string"),
                snippet: { type: "string", description: "The matching passage, matches in [brackets]" },
                rank: { type: "number" },
              },
            },
          },
        },
      },
      FeatureCollection: {
        type: "object",
        properties: {
          type: { type: "string", enum: ["FeatureCollection"] },
          features: { type: "array", items: { type: "object" } },
        },
      },
    },
  },
};

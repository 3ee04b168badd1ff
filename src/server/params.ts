/**
 * Request parameters of the JSON API, as zod schemas (style guide: validate at server I/O). Query strings are
 * strict: an unknown or repeated parameter is a 400, like a bad value, so a typo never silently widens a query.
 */
import { z } from "zod";
import { CERTAINTIES } from "../core/events.js";

/** Default and largest page of articles. */
export const DEFAULT_ARTICLE_LIMIT = 20;
export const MAX_ARTICLE_LIMIT = 100;
/** Default page of events (the store caps one call at 1000). */
export const DEFAULT_EVENT_LIMIT = 100;
export const MAX_EVENT_LIMIT = 1000;
/** Default number of events exported or clustered (one store call). */
export const DEFAULT_BULK_LIMIT = 1000;
/** Largest offset accepted (a deeper page is a sign of a scraper, not a person). */
export const MAX_OFFSET = 1_000_000;
export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 100;
/** Longest free-text parameter (actor, source, admin1, type), in characters. */
export const MAX_TEXT_PARAM = 200;
/** Longest search query, in characters. */
export const MAX_QUERY_CHARS = 500;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const COUNTRY_CODE = /^[A-Za-z]{2}$/;
const INTEGER = /^-?\d+$/;
const ARTICLE_ID = /^[1-9]\d{0,14}$/;

const intParam = (min: number, max: number) =>
  z.string().regex(INTEGER, "must be an integer").transform(Number).pipe(z.number().int().min(min).max(max));

const textParam = z.string().trim().min(1, "must not be empty").max(MAX_TEXT_PARAM);

/** A real calendar date, YYYY-MM-DD. */
const isoDate = z
  .string()
  .regex(ISO_DATE, "must be a date YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "is not a calendar date");

/** "minLon,minLat,maxLon,maxLat" (a box across the antimeridian has minLon > maxLon). */
const bbox = z
  .string()
  .transform((s) => s.split(",").map((part) => (part.trim() === "" ? Number.NaN : Number(part))))
  .pipe(
    z
      .array(z.number().finite("must be numbers"))
      .length(4, "must be four numbers: minLon,minLat,maxLon,maxLat"),
  )
  .refine(
    ([minLon, minLat, maxLon, maxLat]) =>
      [minLon, maxLon].every((v) => Math.abs(v as number) <= 180) &&
      [minLat, maxLat].every((v) => Math.abs(v as number) <= 90),
    "longitudes must be within ±180 and latitudes within ±90",
  )
  .refine(([, minLat, , maxLat]) => (minLat as number) <= (maxLat as number), "minLat must be ≤ maxLat")
  .transform((v) => v as unknown as readonly [number, number, number, number]);

const booleanParam = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const eventFilterShape = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  country: z
    .string()
    .regex(COUNTRY_CODE, "must be an ISO 3166-1 alpha-2 code")
    .transform((s) => s.toUpperCase())
    .optional(),
  admin1: textParam.optional(),
  bbox: bbox.optional(),
  type: textParam.optional(),
  actor: textParam.optional(),
  certainty: z.enum(CERTAINTIES).optional(),
  source: textParam.optional(),
  /** Only events that happened (not background, negated, future or hypothetical). */
  occurred: booleanParam.optional(),
};

const fromBeforeTo = (q: { from?: string; to?: string }) =>
  q.from === undefined || q.to === undefined || q.from <= q.to;
const FROM_AFTER_TO = { message: "from must not be after to", path: ["from"] };

export const EventsQuery = z
  .strictObject({
    ...eventFilterShape,
    limit: intParam(1, MAX_EVENT_LIMIT).default(DEFAULT_EVENT_LIMIT),
    offset: intParam(0, MAX_OFFSET).default(0),
  })
  .refine(fromBeforeTo, FROM_AFTER_TO);
export type EventsQuery = z.output<typeof EventsQuery>;

/** Exports and incidents: the same filter, one bounded store call. */
export const BulkEventsQuery = z
  .strictObject({
    ...eventFilterShape,
    limit: intParam(1, MAX_EVENT_LIMIT).default(DEFAULT_BULK_LIMIT),
    offset: intParam(0, MAX_OFFSET).default(0),
  })
  .refine(fromBeforeTo, FROM_AFTER_TO);
export type BulkEventsQuery = z.output<typeof BulkEventsQuery>;

export const ArticlesQuery = z.strictObject({
  limit: intParam(1, MAX_ARTICLE_LIMIT).default(DEFAULT_ARTICLE_LIMIT),
  offset: intParam(0, MAX_OFFSET).default(0),
});

export const SearchQuery = z.strictObject({
  q: z.string().trim().min(1, "must not be empty").max(MAX_QUERY_CHARS),
  limit: intParam(1, MAX_SEARCH_LIMIT).default(DEFAULT_SEARCH_LIMIT),
});

export const NoQuery = z.strictObject({});

export const ArticleId = z.string().regex(ARTICLE_ID, "must be a positive integer").transform(Number);

/** The JSON body of POST /api/analyze and /api/articles. "html" wins when both are given. */
export const AnalyzeBody = z
  .strictObject({
    text: z.string().optional(),
    html: z.string().optional(),
    url: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
      .max(2048)
      .optional(),
    title: z.string().max(1000).optional(),
    published: z.string().max(64).optional(),
  })
  .refine((b) => b.text !== undefined || b.html !== undefined, {
    message: 'the body needs "text" or "html"',
  });
export type AnalyzeBody = z.output<typeof AnalyzeBody>;

/** Optional query parameters of a POST with a text/html or text/plain body. */
export const PostQuery = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .max(2048)
    .optional(),
  title: z.string().max(1000).optional(),
  published: z.string().max(64).optional(),
});

/** One line per issue, "param: message", for a 400's message. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
      if (issue.code === "unrecognized_keys") return `unknown parameter(s): ${issue.keys.join(", ")}`;
      return `${where}${issue.message}`;
    })
    .join("; ");
}

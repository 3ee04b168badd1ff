/**
 * `sitrep serve`'s JSON API (issue #5) over a Store, on Node's own `node:http`. Handling one request:
 * 1. match the route (unknown path → 404, known path with another method → 405 with `Allow`);
 * 2. POST only: check the bearer token when one is configured (401), then read the body up to
 *    `maxBodyBytes` (413) and its content type (415);
 * 3. validate the query with zod (bad, unknown or repeated parameter → 400 `{error:{code,message}}`);
 * 4. answer from the store API (never SQL built here) or the pipeline.
 * Every answer carries the security headers; an unexpected exception becomes a 500 `internal` without a
 * stack (logged to stderr), a StoreError a 503.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { z } from "zod";
import type { AnalysisRecord } from "../analyze/index.js";
import { clusterIncidents, type Incident, incidentInputsOf } from "../cluster/incidents.js";
import type { SourceDocument } from "../core/doc.js";
import { toAcledCsv, toAcledGeoJson } from "../export/index.js";
import { decodeBytes, sniffFormat } from "../ingest/index.js";
import {
  canonicalUrl,
  contentHash,
  type EventFilter,
  isStoreError,
  type Store,
  type StoredEvent,
} from "../store/index.js";
import { type AnalysisPool, createAnalysisPool, isAnalysisPoolError } from "../workers/index.js";
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimits } from "./limits.js";
import { OPENAPI } from "./openapi.js";
import {
  AnalyzeBody,
  ArticleId,
  ArticlesQuery,
  BulkEventsQuery,
  describeIssues,
  EventsQuery,
  NoQuery,
  PostQuery,
  SearchQuery,
} from "./params.js";
import { loadWebAssets, WEB_CSP, type WebAsset } from "./static.js";

/** Seconds a client is asked to wait when the analysis queue is full. */
export const BUSY_RETRY_AFTER_S = 5;
/** Default largest request body: 5 MB. */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
/** The input name of a posted document (not a file path, so the store never takes it as an identity). */
export const POSTED_INPUT = "api://request";

export interface ServerOptions {
  store: Store;
  /** Bearer token every POST must carry; none: POSTs are open (loopback use). */
  token?: string;
  /** Largest request body in bytes; default 5 MB. */
  maxBodyBytes?: number;
  /** Where unexpected errors are logged; default stderr. */
  log?: (line: string) => void;
  /** The web app's files (default: dist/web, read once); null serves the API only. */
  webAssets?: Map<string, WebAsset> | null;
  /** Requests and analyses per minute per client address (default DEFAULT_RATE_LIMITS); false: no limit. */
  rateLimits?: RateLimits | false;
  /**
   * Where posted documents are analysed: `sitrep serve` passes a worker-thread pool; default: this thread
   * (createAnalysisPool({ threads: 0 })). The caller closes a pool it passed.
   */
  pool?: AnalysisPool;
}

export interface ApiError {
  error: { code: string; message: string };
}

/** Headers on every response (issue #6). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cache-Control": "no-store",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** A failure with its HTTP status, answered as `{error:{code,message}}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

interface Reply {
  status: number;
  /** A JSON value, or a ready text body with its content type. */
  json?: unknown;
  text?: { body: string | Buffer; contentType: string; filename?: string };
  headers?: Record<string, string>;
}

interface Context {
  req: http.IncomingMessage;
  url: URL;
  params: Record<string, string>;
  options: Required<Pick<ServerOptions, "store" | "maxBodyBytes" | "pool">> &
    ServerOptions & { limiters: { requests: RateLimiter; analyses: RateLimiter } | null };
}

interface Route {
  method: "GET" | "POST";
  /** Path with `:name` segments. */
  path: string;
  handle(ctx: Context): Reply | Promise<Reply>;
}

const JSON_TYPE = "application/json; charset=utf-8";
const BEARER = /^Bearer\s+(\S+)\s*$/i;

// ── routes ──────────────────────────────────────────────────────────────────────────────────────────────

export const ROUTES: readonly Route[] = [
  { method: "GET", path: "/api/health", handle: health },
  { method: "GET", path: "/api/articles", handle: listArticles },
  { method: "POST", path: "/api/articles", handle: postArticle },
  { method: "GET", path: "/api/articles/:id", handle: getArticle },
  { method: "GET", path: "/api/events", handle: listEvents },
  { method: "GET", path: "/api/events.csv", handle: eventsCsv },
  { method: "GET", path: "/api/events.geojson", handle: eventsGeoJson },
  { method: "GET", path: "/api/incidents", handle: listIncidents },
  { method: "GET", path: "/api/search", handle: search },
  { method: "POST", path: "/api/analyze", handle: postAnalyze },
  { method: "GET", path: "/openapi.json", handle: openapi },
];

async function health({ url, options }: Context): Promise<Reply> {
  query(url, NoQuery);
  return { status: 200, json: { status: "ok", counts: await options.store.counts() } };
}

function openapi({ url }: Context): Reply {
  query(url, NoQuery);
  return { status: 200, json: OPENAPI };
}

/** Newest first (highest id first; ids need not be 1..n: a PostgreSQL store's can have gaps). */
async function listArticles({ url, options }: Context): Promise<Reply> {
  const { limit, offset } = query(url, ArticlesQuery);
  const total = (await options.store.counts()).articles;
  const articles = [];
  for (const a of await options.store.listArticles({ limit, offset })) {
    const r = a.record.article;
    articles.push({
      id: a.id,
      title: r.title,
      publisher: r.publisher,
      published: r.published,
      url: a.canonicalUrl ?? r.url,
      language: r.language,
      revision: a.revision,
      firstSeen: a.firstSeen,
      lastSeen: a.lastSeen,
      events: a.record.events.length,
      claims: a.record.claims.length,
    });
  }
  return { status: 200, json: { total, limit, offset, articles } };
}

async function getArticle({ url, params, options }: Context): Promise<Reply> {
  query(url, NoQuery);
  const parsed = ArticleId.safeParse(params.id);
  if (!parsed.success) throw new HttpError(400, "bad-request", `id: ${describeIssues(parsed.error)}`);
  const article = await options.store.getArticle(parsed.data);
  if (!article) throw new HttpError(404, "not-found", `no article ${parsed.data}`);
  return { status: 200, json: article };
}

async function listEvents({ url, options }: Context): Promise<Reply> {
  const q = query(url, EventsQuery);
  const events = await options.store.listEvents(toFilter(q));
  return { status: 200, json: { limit: q.limit, offset: q.offset, count: events.length, events } };
}

async function eventsCsv({ url, options }: Context): Promise<Reply> {
  const records = await bulkRecords(url, options.store);
  return {
    status: 200,
    text: {
      body: toAcledCsv(records),
      contentType: "text/csv; charset=utf-8",
      filename: "sitrep-events.csv",
    },
  };
}

async function eventsGeoJson({ url, options }: Context): Promise<Reply> {
  const records = await bulkRecords(url, options.store);
  const { collection, skipped } = toAcledGeoJson(records);
  return {
    status: 200,
    text: {
      body: JSON.stringify(collection),
      contentType: "application/geo+json; charset=utf-8",
      filename: "sitrep-events.geojson",
    },
    headers: { "X-Sitrep-Skipped": String(skipped) },
  };
}

/** Cluster the (bounded) filtered events into incidents across their articles. */
async function listIncidents({ url, options }: Context): Promise<Reply> {
  const q = query(url, BulkEventsQuery);
  const events = await options.store.listEvents(toFilter(q));
  const inputs = (await recordsOf(options.store, events)).flatMap(({ articleId, record }) => {
    const a = record.article;
    return incidentInputsOf(
      String(articleId),
      { publisher: a.publisher, published: a.published, url: a.url },
      record.events,
      record.places,
      record.actors,
    );
  });
  const incidents = clusterIncidents(inputs).map(
    ({ members: _members, ...incident }): Omit<Incident, "members"> => incident,
  );
  return {
    status: 200,
    json: {
      events: events.length,
      /** The store call was full: there may be more events than were clustered. */
      truncated: events.length === q.limit,
      count: incidents.length,
      incidents,
    },
  };
}

async function search({ url, options }: Context): Promise<Reply> {
  const { q, limit } = query(url, SearchQuery);
  const hits = await options.store.search(q, { limit });
  return { status: 200, json: { query: q, count: hits.length, hits } };
}

/** Analyse a posted document and return its record without storing it. */
async function postAnalyze(ctx: Context): Promise<Reply> {
  const doc = await postedDocument(ctx);
  return { status: 200, json: await analyseOrThrow(ctx, doc) };
}

/** Analyse a posted document and store it: 201 for a new article or revision, 200 when already stored. */
async function postArticle(ctx: Context): Promise<Reply> {
  const doc = await postedDocument(ctx);
  const { store } = ctx.options;
  const hash = contentHash(doc.content);
  const seen = await store.markSeen(hash);
  if (seen) return stored(200, { status: "unchanged", ...seen });
  const record = await analyseOrThrow(ctx, doc);
  const put = await store.putAnalysis(record, {
    contentHash: hash,
    canonicalUrl: canonicalUrl(record.article.url ?? doc.url),
  });
  return stored(put.status === "unchanged" ? 200 : 201, { ...put, events: record.events.length });
}

function stored(status: number, body: { articleId: number } & Record<string, unknown>): Reply {
  const location = `/api/articles/${body.articleId}`;
  return { status, json: { ...body, location }, headers: { Location: location } };
}

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────────────

/** Parse the query string against a schema; repeated parameters are refused. */
function query<S extends z.ZodType>(url: URL, schema: S): z.output<S> {
  const raw: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (key in raw) throw new HttpError(400, "bad-request", `parameter "${key}" given more than once`);
    raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new HttpError(400, "bad-request", describeIssues(parsed.error));
  return parsed.data;
}

async function bulkRecords(url: URL, store: Store): Promise<AnalysisRecord[]> {
  const events = await store.listEvents(toFilter(query(url, BulkEventsQuery)));
  return (await recordsOf(store, events)).map((r) => r.record);
}

function toFilter(q: EventsQuery): EventFilter {
  const { occurred, ...rest } = q;
  const filter: EventFilter = {};
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) (filter as Record<string, unknown>)[key] = value;
  }
  if (occurred) filter.occurredOnly = true;
  return filter;
}

/** The stored records of the events' articles (in the events' order), each cut down to the listed events. */
async function recordsOf(
  store: Store,
  events: readonly StoredEvent[],
): Promise<{ articleId: number; record: AnalysisRecord }[]> {
  const wanted = new Map<number, Set<string>>();
  for (const e of events) {
    const ids = wanted.get(e.article_id) ?? new Set<string>();
    ids.add(e.event_id);
    wanted.set(e.article_id, ids);
  }
  const out: { articleId: number; record: AnalysisRecord }[] = [];
  for (const [articleId, ids] of wanted) {
    const record = (await store.getArticle(articleId))?.record;
    if (record)
      out.push({ articleId, record: { ...record, events: record.events.filter((ev) => ids.has(ev.id)) } });
  }
  return out;
}

/**
 * Analyse on the pool (worker threads under `sitrep serve`, so one large article does not stall other
 * requests). A document the pipeline refuses is a 422; a full queue a 503 with Retry-After; a crash a 500.
 */
async function analyseOrThrow(ctx: Context, doc: SourceDocument): Promise<AnalysisRecord> {
  const aborted = new AbortController();
  // The listener is removed before the answer is sent: a close before then means the client went away.
  const onClose = () => aborted.abort();
  ctx.req.socket.once("close", onClose);
  try {
    const outcome = await ctx.options.pool.analyze(doc, { signal: aborted.signal });
    if (outcome.ok) return outcome.record;
    if (outcome.code === "internal" || outcome.code === "pipeline/worker-crashed")
      throw new Error(`analysis failed: ${outcome.message}`);
    throw new HttpError(422, outcome.code, outcome.message);
  } catch (error) {
    if (isAnalysisPoolError(error)) {
      if (error.code === "pool/aborted") throw new HttpError(499, "client-closed", "the client went away");
      throw new HttpError(503, error.code, "the analysis queue is busy; try again shortly", {
        "Retry-After": String(BUSY_RETRY_AFTER_S),
      });
    }
    throw error;
  } finally {
    ctx.req.socket.off("close", onClose);
  }
}

/** The posted document: JSON `{text|html, url?, title?, published?}`, or a text/html or text/plain body. */
async function postedDocument(ctx: Context): Promise<SourceDocument> {
  const { req, url, options } = ctx;
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "" && type !== "application/json" && type !== "text/html" && type !== "text/plain") {
    throw new HttpError(
      415,
      "unsupported-media-type",
      `Content-Type must be application/json, text/html or text/plain, got "${type}"`,
    );
  }
  const meta = type === "application/json" ? query(url, NoQuery) : query(url, PostQuery);
  const bytes = await readBody(req, options.maxBodyBytes);
  if (type === "application/json") return jsonDocument(bytes);
  const { text, encoding } = decodeBytes(bytes, {
    contentType: req.headers["content-type"],
    format: type === "text/html" ? "html" : type === "text/plain" ? "text" : undefined,
  });
  if (text.trim().length === 0) throw new HttpError(400, "empty", "the body is empty");
  const format = type === "text/html" ? "html" : type === "text/plain" ? "text" : sniffFormat(text);
  if (format === "jsonl") return jsonDocument(bytes);
  const doc: SourceDocument = { name: meta.url ?? POSTED_INPUT, format, content: text, encoding };
  return withMeta(doc, meta);
}

function jsonDocument(bytes: Buffer): SourceDocument {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw new HttpError(400, "bad-json", `invalid JSON: ${(error as Error).message.slice(0, 200)}`);
  }
  const parsed = AnalyzeBody.safeParse(value);
  if (!parsed.success) throw new HttpError(400, "bad-request", describeIssues(parsed.error));
  const body = parsed.data;
  const content = body.html ?? body.text ?? "";
  if (content.trim().length === 0) throw new HttpError(400, "empty", "the document is empty");
  const doc: SourceDocument = {
    name: body.url ?? POSTED_INPUT,
    format: body.html !== undefined ? "html" : "text",
    content,
  };
  return withMeta(doc, body);
}

function withMeta(
  doc: SourceDocument,
  meta: { url?: string; title?: string; published?: string },
): SourceDocument {
  if (meta.url !== undefined) doc.url = meta.url;
  const hints: NonNullable<SourceDocument["hints"]> = {};
  if (meta.title) hints.title = meta.title;
  if (meta.published) hints.published = meta.published;
  if (Object.keys(hints).length > 0) doc.hints = hints;
  return doc;
}

/** Read the whole body, refusing more than `max` bytes (by Content-Length up front, else while reading). */
async function readBody(req: http.IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > max) throw tooLarge(max);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, "bad-request", "the body was cut off");
  }
  return Buffer.concat(chunks);
}

function tooLarge(max: number): HttpError {
  return new HttpError(413, "too-large", `the body is larger than the limit of ${max} bytes`, {
    Connection: "close",
  });
}

function sha256(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

/** Whether the request carries the configured token (compared in constant time). */
function authorised(req: http.IncomingMessage, token: string): boolean {
  const given = BEARER.exec(req.headers.authorization ?? "")?.[1] ?? req.headers["x-sitrep-token"];
  if (typeof given !== "string") return false;
  return timingSafeEqual(sha256(given), sha256(token));
}

function matchRoute(path: string, route: Route): Record<string, string> | null {
  const want = route.path.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (w.startsWith(":")) params[w.slice(1)] = g;
    else if (w !== g) return null;
  }
  return params;
}

function send(res: http.ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...SECURITY_HEADERS, ...reply.headers };
  let body: string | Buffer;
  if (reply.text) {
    body = reply.text.body;
    headers["Content-Type"] = reply.text.contentType;
    if (reply.text.filename) headers["Content-Disposition"] = `attachment; filename="${reply.text.filename}"`;
  } else {
    body = JSON.stringify(reply.json ?? null);
    headers["Content-Type"] = JSON_TYPE;
  }
  headers["Content-Length"] = String(Buffer.byteLength(body));
  res.writeHead(reply.status, headers);
  res.end(res.req.method === "HEAD" ? undefined : body);
}

function errorReply(error: HttpError): Reply {
  const json: ApiError = { error: { code: error.code, message: error.message } };
  return { status: error.status, json, headers: error.headers };
}

/** A file of the web app, with the app's own CSP. */
function webReply(req: http.IncomingMessage, asset: WebAsset): Reply {
  if (req.method !== "GET" && req.method !== "HEAD")
    throw new HttpError(405, "method-not-allowed", `${req.method} is not allowed here; use GET`, {
      Allow: "GET",
    });
  return {
    status: 200,
    text: { body: asset.body, contentType: asset.type },
    headers: { "Content-Security-Policy": WEB_CSP },
  };
}

/** Refuse the request with 429 when its client is over a limit. */
function checkRate(limiter: RateLimiter, req: http.IncomingMessage, what: string): void {
  const wait = limiter.take(req.socket.remoteAddress ?? "unknown");
  if (wait > 0)
    throw new HttpError(429, "rate-limited", `too many ${what}: at most ${limiter.perMinute} a minute`, {
      "Retry-After": String(wait),
    });
}

/** Steps 1–4 of the module comment for one request. */
async function handle(req: http.IncomingMessage, options: Context["options"]): Promise<Reply> {
  if (options.limiters) checkRate(options.limiters.requests, req, "requests");
  let url: URL;
  try {
    url = new URL(req.url ?? "/", "http://localhost");
  } catch {
    throw new HttpError(400, "bad-request", "bad request URL");
  }
  const matches = ROUTES.flatMap((route) => {
    const params = matchRoute(url.pathname, route);
    return params ? [{ route, params }] : [];
  });
  if (matches.length === 0) {
    const asset = options.webAssets?.get(url.pathname);
    if (asset) return webReply(req, asset);
    if (url.pathname === "/" && !options.webAssets)
      throw new HttpError(503, "web-app-not-built", "the web app is not built: run `npm run build`");
    throw new HttpError(404, "not-found", `no route ${url.pathname}`);
  }
  const method = req.method === "HEAD" ? "GET" : req.method;
  const match = matches.find((m) => m.route.method === method);
  if (!match) {
    const allow = [...new Set(matches.map((m) => m.route.method))].join(", ");
    throw new HttpError(405, "method-not-allowed", `${req.method} is not allowed here; use ${allow}`, {
      Allow: allow,
    });
  }
  if (match.route.method === "POST" && options.limiters)
    checkRate(options.limiters.analyses, req, "analyses");
  if (match.route.method === "POST" && options.token !== undefined && !authorised(req, options.token)) {
    throw new HttpError(
      401,
      "unauthorized",
      "this endpoint needs the access token (Authorization: Bearer …)",
      {
        "WWW-Authenticate": 'Bearer realm="sitrep"',
      },
    );
  }
  return match.route.handle({ req, url, params: match.params, options });
}

function limitersOf(limits: RateLimits | false): Context["options"]["limiters"] {
  if (limits === false) return null;
  return {
    requests: new RateLimiter(limits.requestsPerMinute),
    analyses: new RateLimiter(limits.analysesPerMinute),
  };
}

/** The API server (not listening yet: call `.listen(port, host)`). */
export function createServer(options: ServerOptions): http.Server {
  const settings: Context["options"] = {
    ...options,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    webAssets: options.webAssets === undefined ? loadWebAssets() : options.webAssets,
    limiters: limitersOf(options.rateLimits ?? DEFAULT_RATE_LIMITS),
    pool: options.pool ?? createAnalysisPool({ threads: 0 }),
  };
  if (!(settings.maxBodyBytes > 0)) throw new RangeError("maxBodyBytes must be positive");
  if (options.token !== undefined && options.token.length === 0)
    throw new RangeError("token must not be empty");
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  return http.createServer({ requestTimeout: 60_000 }, (req, res) => {
    handle(req, settings)
      .catch((error: unknown): Reply => {
        if (error instanceof HttpError) return errorReply(error);
        if (isStoreError(error)) {
          log(`sitrep serve: ${req.method} ${req.url}: ${error.message} [${error.code}]`);
          return errorReply(new HttpError(503, error.code, "the store is unavailable"));
        }
        log(
          `sitrep serve: ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        return errorReply(new HttpError(500, "internal", "internal error"));
      })
      .then((reply) => {
        if (res.headersSent) return;
        send(res, reply);
        // A refused body still arriving is discarded (the connection closes after the answer).
        if (!req.complete) req.resume();
      })
      .catch((error: unknown) => {
        log(`sitrep serve: cannot answer ${req.method} ${req.url}: ${String(error)}`);
        res.destroy();
      });
  });
}

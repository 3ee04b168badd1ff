import type http from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/io.js";
import { runServe, startServe } from "../../src/cli/serve.js";
import { createServer, ROUTES } from "../../src/server/index.js";
import { ingestToStore, openStore, type Store } from "../../src/store/index.js";
import { captureIo } from "../helpers/io.js";
import { EXAMPLE_HTML, EXAMPLE_TXT, tmpDir } from "../store/helpers.js";

const TOKEN = "test-token-0123456789abcdef";
const REPORT = `Gunmen killed five villagers in an attack on the village of Konna in central Mali on Tuesday,
local officials said.

The attackers arrived on motorbikes and set fire to several houses, a local official told reporters.`;

interface Running {
  server: http.Server;
  base: string;
  store: Store;
}

async function start(options: { token?: string; maxBodyBytes?: number } = {}): Promise<Running> {
  const store = await openStore(join(tmpDir(), "sitrep.db"));
  await ingestToStore(store, [EXAMPLE_HTML, EXAMPLE_TXT]);
  const logged: string[] = [];
  const server = createServer({ store, ...options, log: (line) => logged.push(line) });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}`, store };
}

async function stop(r: Running): Promise<void> {
  await new Promise<void>((resolve) => {
    r.server.close(() => resolve());
    r.server.closeAllConnections();
  });
  await r.store.close();
}

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies of many shapes, checked field by field below.
type Json = any;

async function getJson(base: string, path: string): Promise<{ status: number; body: Json; res: Response }> {
  const res = await fetch(base + path);
  return { status: res.status, body: await res.json(), res };
}

let open: Running;
let guarded: Running;

beforeAll(async () => {
  open = await start();
  guarded = await start({ token: TOKEN, maxBodyBytes: 64 * 1024 });
});

afterAll(async () => {
  await stop(open);
  await stop(guarded);
});

describe("server: routes", () => {
  it("server: GET /api/health reports the store counts", async () => {
    const { status, body } = await getJson(open.base, "/api/health");
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "ok", counts: { articles: 2 } });
  });

  it("server: GET /api/articles lists stored articles newest first", async () => {
    const { status, body } = await getJson(open.base, "/api/articles?limit=1&offset=0");
    expect(status).toBe(200);
    expect(body.total).toBe(2);
    expect(body.articles).toHaveLength(1);
    expect(body.articles[0]).toMatchObject({ id: 2, revision: 1 });
    const all = await getJson(open.base, "/api/articles");
    expect(all.body.articles.map((a: { id: number }) => a.id)).toEqual([2, 1]);
  });

  it("server: GET /api/articles/:id returns the stored record, 404 for an unknown id", async () => {
    const { status, body } = await getJson(open.base, "/api/articles/1");
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 1, revision: 1 });
    expect(body.record.article.title).toBeTruthy();
    expect(Array.isArray(body.record.events)).toBe(true);
    const missing = await getJson(open.base, "/api/articles/999");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not-found");
  });

  it("server: GET /api/events returns event rows, filtered", async () => {
    const { status, body } = await getJson(open.base, "/api/events");
    expect(status).toBe(200);
    expect(body.count).toBeGreaterThan(0);
    expect(body.events[0]).toHaveProperty("event_type");
    const ml = await getJson(open.base, "/api/events?country=ml&limit=50");
    expect(ml.status).toBe(200);
    expect(ml.body.events.every((e: { iso: string }) => e.iso === "ML")).toBe(true);
    const none = await getJson(open.base, "/api/events?bbox=-1,-1,1,1&from=1990-01-01&to=1990-12-31");
    expect(none.body.count).toBe(0);
  });

  it("server: GET /api/events.csv is ACLED-style CSV", async () => {
    const res = await fetch(`${open.base}/api/events.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const text = await res.text();
    const [header, ...rows] = text.trimEnd().split("\n");
    expect(header?.startsWith("event_id_cnty,event_date,year,time_precision")).toBe(true);
    expect(rows.length).toBeGreaterThan(0);
  });

  it("server: GET /api/events.geojson is a FeatureCollection", async () => {
    const res = await fetch(`${open.base}/api/events.geojson`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/geo\+json/);
    const body = (await res.json()) as { type: string; features: { geometry: { type: string } }[] };
    expect(body.type).toBe("FeatureCollection");
    expect(body.features.length).toBeGreaterThan(0);
    expect(body.features[0]?.geometry.type).toBe("Point");
  });

  it("server: GET /api/incidents clusters the filtered events", async () => {
    const { status, body } = await getJson(open.base, "/api/incidents");
    expect(status).toBe(200);
    expect(body.count).toBeGreaterThan(0);
    expect(body.incidents[0]).toHaveProperty("sources");
    expect(body.incidents[0]).not.toHaveProperty("members");
    expect(body.truncated).toBe(false);
  });

  it("server: GET /api/search finds stored text", async () => {
    const { status, body } = await getJson(open.base, "/api/search?q=Menaka&limit=5");
    expect(status).toBe(200);
    expect(body.count).toBeGreaterThan(0);
    expect(body.hits[0]).toMatchObject({ articleId: expect.any(Number) });
  });

  it("server: POST /api/analyze returns events for posted text without storing it", async () => {
    const res = await fetch(`${open.base}/api/analyze`, {
      method: "POST",
      headers: { "Content-Type": "text/plain; charset=utf-8" },
      body: REPORT,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { events: { eventType: string }[]; input: string };
    expect(body.events.length).toBeGreaterThan(0);
    const health = await getJson(open.base, "/api/health");
    expect(health.body.counts.articles).toBe(2);
  });

  it("server: POST /api/analyze takes JSON {text, url, published}", async () => {
    const res = await fetch(`${open.base}/api/analyze`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: REPORT, url: "https://news.example/konna", published: "2024-03-06" }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { article: { url: string; published: string }; events: unknown[] };
    expect(body.article.url).toBe("https://news.example/konna");
    expect(body.events.length).toBeGreaterThan(0);
  });

  it("server: GET /openapi.json parses and lists every route path", async () => {
    const { status, body } = await getJson(open.base, "/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    for (const route of ROUTES) {
      const path = route.path.replace(/:(\w+)/g, "{$1}");
      expect(body.paths, path).toHaveProperty([path, route.method.toLowerCase()]);
    }
    expect(Object.keys(body.paths)).toHaveLength(new Set(ROUTES.map((r) => r.path)).size);
  });
});

describe("server: errors", () => {
  it.each([
    ["/api/events?from=2024-13-01", "from"],
    ["/api/events?from=yesterday", "from"],
    ["/api/events?bbox=1,2,3", "bbox"],
    ["/api/events?bbox=1,2,3,x", "bbox"],
    ["/api/events?limit=-1", "limit"],
    ["/api/events?limit=abc", "limit"],
    ["/api/events?limit=5000", "limit"],
    ["/api/events?country=Mali", "country"],
    ["/api/events?certainty=sure", "certainty"],
    ["/api/events?from=2024-05-02&to=2024-05-01", "from"],
    ["/api/events?colour=red", "colour"],
    ["/api/events?limit=1&limit=2", "limit"],
    ["/api/events.csv?to=2024-02-30", "to"],
    ["/api/incidents?offset=-3", "offset"],
    ["/api/articles?limit=0", "limit"],
    ["/api/articles/abc", "id"],
    ["/api/search", "q"],
    ["/api/search?q=%20%20", "q"],
  ])("server: GET %s is a 400 naming %s", async (path, param) => {
    const { status, body } = await getJson(open.base, path);
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad-request");
    expect(body.error.message).toContain(param);
  });

  it("server: an unknown route is a 404 JSON error", async () => {
    const { status, body, res } = await getJson(open.base, "/api/nothing");
    expect(status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(body.error.code).toBe("not-found");
  });

  it("server: a wrong method is a 405 with Allow", async () => {
    const res = await fetch(`${open.base}/api/events`, { method: "DELETE" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("method-not-allowed");
    const post = await fetch(`${open.base}/api/analyze`);
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("POST");
  });

  it("server: an oversized body is a 413", async () => {
    const res = await fetch(`${guarded.base}/api/analyze`, {
      method: "POST",
      headers: { "Content-Type": "text/plain", Authorization: `Bearer ${TOKEN}` },
      body: "x".repeat(65 * 1024),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("too-large");
  });

  it("server: an oversized chunked body (no Content-Length) is a 413", async () => {
    const chunk = new TextEncoder().encode("y".repeat(16 * 1024));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 8; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const res = await fetch(`${guarded.base}/api/analyze`, {
      method: "POST",
      headers: { "Content-Type": "text/plain", Authorization: `Bearer ${TOKEN}` },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it("server: bad JSON, a JSON body without text, an unsupported type and empty text are 4xx", async () => {
    const post = (body: string, type: string) =>
      fetch(`${open.base}/api/analyze`, { method: "POST", headers: { "Content-Type": type }, body });
    expect((await post("{nope", "application/json")).status).toBe(400);
    expect((await post(JSON.stringify({ url: "https://a.example/" }), "application/json")).status).toBe(400);
    expect(
      (await post(JSON.stringify({ text: "x", url: "javascript:alert(1)" }), "application/json")).status,
    ).toBe(400);
    expect((await post("<x/>", "application/xml")).status).toBe(415);
    expect((await post("   \n ", "text/plain")).status).toBe(400);
  });

  it("server: POST /api/articles needs the token when one is set (401, then 201, then 200 unchanged)", async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${guarded.base}/api/articles`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body: JSON.stringify({ text: REPORT, url: "https://news.example/konna-attack" }),
      });
    const none = await post({});
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    expect((await post({ Authorization: "Bearer wrong-token-wrong-token" })).status).toBe(401);
    const analyze = await fetch(`${guarded.base}/api/analyze`, { method: "POST", body: REPORT });
    expect(analyze.status).toBe(401);
    const ok = await post({ Authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(201);
    const body = (await ok.json()) as { status: string; articleId: number; location: string };
    expect(body).toMatchObject({ status: "ingested", articleId: 3 });
    expect(ok.headers.get("location")).toBe("/api/articles/3");
    const again = await post({ Authorization: `Bearer ${TOKEN}` });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { status: string }).status).toBe("unchanged");
    const stored = await getJson(guarded.base, "/api/articles/3");
    expect(stored.body.canonicalUrl).toBe("https://news.example/konna-attack");
  });

  it("server: POST /api/articles is open without a configured token", async () => {
    const res = await fetch(`${open.base}/api/articles?url=https://news.example/plain`, {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: `${REPORT}\n\nUpdated.`,
    });
    expect(res.status).toBe(201);
  });

  it("server: every answer carries the security headers", async () => {
    for (const path of ["/api/health", "/api/nothing", "/api/events?limit=-1", "/api/events.csv"]) {
      const res = await fetch(open.base + path);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("content-security-policy"), path).toContain("default-src 'none'");
      expect(res.headers.get("referrer-policy"), path).toBe("no-referrer");
      await res.arrayBuffer();
    }
  });

  it("server: an exception in a handler is a 500 without a stack, logged", async () => {
    const logged: string[] = [];
    const broken = {
      counts() {
        throw new Error("boom at /secret/path.ts:1");
      },
    } as unknown as Store;
    const server = createServer({ store: broken, log: (line) => logged.push(line) });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: { code: "internal", message: "internal error" } });
      expect(text).not.toContain("boom");
      expect(logged.join("\n")).toContain("boom");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("cli: serve", () => {
  it("cli: serve refuses 0.0.0.0 without a token (exit 2)", async () => {
    const io = captureIo();
    const code = await runServe({ host: "0.0.0.0", port: 0, db: join(tmpDir(), "s.db"), env: {} }, io);
    expect(code).toBe(EXIT.usage);
    expect(io.err()).toMatch(/refusing to listen on 0\.0\.0\.0 without an access token/);
  });

  it("cli: serve starts on loopback and prints nothing secret", async () => {
    const io = captureIo();
    const running = await startServe({ port: 0, db: join(tmpDir(), "s.db"), env: {} }, io);
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${running.url}/api/health`);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    } finally {
      await running.close();
    }
  });

  it("cli: serve takes the token from $SITREP_TOKEN off loopback", async () => {
    const running = await startServe(
      { host: "0.0.0.0", port: 0, db: join(tmpDir(), "s.db"), env: { SITREP_TOKEN: TOKEN } },
      captureIo(),
    );
    try {
      const url = running.url.replace("0.0.0.0", "127.0.0.1");
      const res = await fetch(`${url}/api/analyze`, { method: "POST", body: REPORT });
      expect(res.status).toBe(401);
      await res.arrayBuffer();
    } finally {
      await running.close();
    }
  });
});

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, ingestOne, NEWS_PARAGRAPH, summarize } from "./fixtures/helpers.js";

const RUSSIAN = "Военные сообщили, что в пятницу в столице произошли столкновения.";
const HTML = `<!doctype html><html><body><p>${NEWS_PARAGRAPH}</p></body></html>`;
const KIB = 1024;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const ROUTES: Record<string, Handler> = {
  "/ok": (_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(HTML),
  "/plain": (_req, res) =>
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(NEWS_PARAGRAPH),
  "/koi8": (_req, res) =>
    res
      .writeHead(200, { "content-type": "text/html; charset=KOI8-R" })
      .end(iconv.encode(`<p>${RUSSIAN}</p>`, "koi8-r")),
  "/missing": (_req, res) => res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>"),
  "/error": (_req, res) => res.writeHead(503).end(),
  "/redirect": (_req, res) => res.writeHead(302, { location: "/ok" }).end(),
  "/slow-headers": () => {}, // never answers
  "/slow-body": (_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.write("<html><body><p>Partial"); // …and never ends
  },
  "/slow-gzip": (_req, res) => {
    res.writeHead(200, { "content-type": "application/gzip" });
    res.write(gzipSync(HTML.repeat(50)).subarray(0, 40)); // …and never ends
  },
  "/huge-chunked": (_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    const chunk = Buffer.alloc(16 * KIB, "a");
    let sent = 0;
    const pump = (): void => {
      while (sent < 4096 && !res.destroyed) {
        sent++;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      res.end();
    };
    pump();
  },
  "/huge-declared": (_req, res) => {
    res.writeHead(200, { "content-type": "text/plain", "content-length": String(64 * KIB) });
    res.end(Buffer.alloc(64 * KIB, "a"));
  },
  "/gzip-file": (_req, res) => res.writeHead(200, { "content-type": "application/gzip" }).end(gzipSync(HTML)),
  "/content-encoding": (_req, res) =>
    res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" }).end(gzipSync(HTML)),
  "/articles": (_req, res) =>
    res
      .writeHead(200, { "content-type": "application/x-ndjson" })
      .end(`${JSON.stringify({ url: "https://a/1", text: NEWS_PARAGRAPH })}\n{bad\n`),
};

let server: Server;
let base: string;
let closedEarly = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.on("close", () => {
      if (!res.writableFinished) closedEarly++;
    });
    (ROUTES[req.url ?? ""] ?? ((_q, r) => r.writeHead(404).end()))(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("ingest: URLs", () => {
  it.each([
    ["/ok", "html", NEWS_PARAGRAPH, { name: "utf-8", by: "default" }],
    ["/plain", "text", NEWS_PARAGRAPH, { name: "utf-8", by: "header" }],
    ["/koi8", "html", RUSSIAN, { name: "koi8-r", by: "header" }],
    ["/gzip-file", "html", NEWS_PARAGRAPH, { name: "utf-8", by: "default" }],
    ["/content-encoding", "html", NEWS_PARAGRAPH, { name: "utf-8", by: "default" }],
  ])("ingest: fetches %s as %s, honouring the Content-Type charset", async (path, format, text, encoding) => {
    const url = `${base}${path}`;
    const item = await ingestOne(url);
    expect(item).toMatchObject({ ok: true, doc: { name: url, url, format, encoding } });
    if (item.ok) expect(item.doc.content).toContain(text);
  });

  it("ingest: follows redirects and records the final URL", async () => {
    const item = await ingestOne(`${base}/redirect`);
    expect(item).toMatchObject({
      ok: true,
      doc: { name: `${base}/redirect`, url: `${base}/ok`, format: "html" },
    });
  });

  it.each([
    ["/missing", "ingest/fetch-failed", /HTTP 404 Not Found/],
    ["/error", "ingest/fetch-failed", /HTTP 503/],
    ["/slow-headers", "ingest/fetch-timeout", /200 ms/],
    ["/slow-body", "ingest/fetch-timeout", /200 ms/],
    ["/slow-gzip", "ingest/fetch-timeout", /200 ms/],
    ["/huge-declared", "ingest/too-large", /65536 bytes/],
    ["/huge-chunked", "ingest/too-large", /limit of 32768/],
  ])("ingest: %s is reported as %s", async (path, code, message) => {
    const item = await ingestOne(`${base}${path}`, { timeoutMs: 200, maxBytes: 32 * KIB });
    expect(item).toMatchObject({ ok: false, input: `${base}${path}`, code });
    if (!item.ok) expect(item.message).toMatch(message);
  });

  it("ingest: an oversized body is aborted while streaming, not downloaded whole", async () => {
    const before = closedEarly;
    await ingestOne(`${base}/huge-chunked`, { maxBytes: 32 * KIB });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closedEarly).toBeGreaterThan(before);
  });

  it("ingest: JSON Lines served over HTTP are split into records", async () => {
    const url = `${base}/articles`;
    expect((await collect([url])).map(summarize)).toEqual([`ok ${url}#1 text`, `ingest/bad-jsonl ${url}#2`]);
  });

  it("ingest: a refused connection is ingest/fetch-failed with the reason", async () => {
    const refused = createServer();
    await new Promise<void>((resolve) => refused.listen(0, "127.0.0.1", resolve));
    const port = (refused.address() as AddressInfo).port;
    await new Promise((resolve) => refused.close(resolve));
    const item = await ingestOne(`http://127.0.0.1:${port}/`);
    expect(item).toMatchObject({ ok: false, code: "ingest/fetch-failed" });
    if (!item.ok) expect(item.message).toMatch(/ECONNREFUSED/);
  });

  it.each<[string, typeof globalThis.fetch, string]>([
    ["a fetch that ignores the abort signal", () => new Promise<Response>(() => {}), "ingest/fetch-timeout"],
    ["a fetch that rejects", () => Promise.reject(new TypeError("fetch failed")), "ingest/fetch-failed"],
    [
      "a fetch whose body never ends",
      async () =>
        new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode("<p>")) })),
      "ingest/fetch-timeout",
    ],
    [
      "an injected fetch returning a page",
      async () => new Response(HTML, { headers: { "content-type": "text/html" } }),
      "ok",
    ],
  ])("ingest: with %s the result is %s", async (_name, fetch, expected) => {
    const item = await ingestOne("https://news.example/story", { fetch, timeoutMs: 200 });
    expect(item.ok ? "ok" : item.code).toBe(expected);
  });
});

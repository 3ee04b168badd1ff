/**
 * The server's defences tried from outside, over real HTTP (issue #6): it refuses to listen off loopback
 * without a token; writes need the token; bodies over the limit, floods of requests and of analyses are
 * refused; query parameters built to break SQL change nothing; paths never reach the file system; every answer
 * carries the security headers (the web app its own CSP). Each refusal is a 4xx JSON error, never a 500.
 */
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/io.js";
import { type RunningServer, runServe, startServe } from "../../src/cli/serve.js";
import { RateLimiter } from "../../src/server/limits.js";
import { captureIo } from "../helpers/io.js";
import { EXAMPLE_HTML, EXAMPLE_TXT, tmpDir } from "../store/helpers.js";

const TOKEN = "outside-test-token-0123456789";
const REPORT = "Gunmen killed four villagers in Konna, in central Mali, on Tuesday, local officials said.";

/** An address of this machine other than loopback, when it has one (else the test uses 127.0.0.1). */
function externalAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === "IPv4" && !a.internal) return a.address;
  }
  return "127.0.0.1";
}

const post = (base: string, path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: "POST", headers: { "Content-Type": "text/plain", ...headers }, body });

describe("off loopback", () => {
  it("refuses to start on 0.0.0.0 without an access token (exit 2, says why)", async () => {
    const io = captureIo();
    const code = await runServe({ host: "0.0.0.0", port: 0, db: join(tmpDir(), "x.db"), env: {} }, io);
    expect(code).toBe(EXIT.usage);
    expect(io.err()).toMatch(/refusing to listen on 0\.0\.0\.0 without an access token/);
  });

  describe("with a token, reached through this machine's own address", () => {
    let running: RunningServer;
    let base: string;

    beforeAll(async () => {
      running = await startServe(
        {
          inputs: [EXAMPLE_HTML, EXAMPLE_TXT],
          host: "0.0.0.0",
          port: 0,
          token: TOKEN,
          maxBodyBytes: 32 * 1024,
          db: join(tmpDir(), "outside.db"),
          env: {},
        },
        captureIo(),
      );
      base = `http://${externalAddress()}:${new URL(running.url).port}`;
    });
    afterAll(() => running.close());

    it("refuses writes without the token, or with a wrong one (401), and takes them with it", async () => {
      for (const path of ["/api/articles", "/api/analyze"]) {
        const none = await post(base, path, REPORT);
        expect(none.status, path).toBe(401);
        expect(none.headers.get("www-authenticate")).toContain("Bearer");
        expect((await none.json()).error.code).toBe("unauthorized");
        const wrong = await post(base, path, REPORT, { Authorization: "Bearer not-the-token-at-all-123" });
        expect(wrong.status, path).toBe(401);
      }
      const ok = await post(base, "/api/analyze", REPORT, { Authorization: `Bearer ${TOKEN}` });
      expect(ok.status).toBe(200);
    });

    it("still answers reads, with the security headers", async () => {
      const res = await fetch(`${base}/api/health`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    });

    it("refuses a body over the limit with 413 before analysing it", async () => {
      const res = await post(base, "/api/analyze", "x".repeat(64 * 1024), {
        Authorization: `Bearer ${TOKEN}`,
      });
      expect(res.status).toBe(413);
      expect((await res.json()).error.code).toBe("too-large");
    });

    it("treats parameters built to break SQL as plain values: no error, no effect", async () => {
      const before = await (await fetch(`${base}/api/health`)).json();
      const attacks = [
        "x' OR '1'='1",
        "x'); DROP TABLE events; --",
        "%' UNION SELECT sql FROM sqlite_master --",
        "\\'; DELETE FROM articles; --",
      ];
      for (const attack of attacks) {
        for (const param of ["actor", "source", "type", "admin1"]) {
          const res = await fetch(`${base}/api/events?${param}=${encodeURIComponent(attack)}`);
          expect(res.status, `${param}=${attack}`).toBe(200);
          expect((await res.json()).count, `${param}=${attack}`).toBe(0);
        }
        const search = await fetch(`${base}/api/search?q=${encodeURIComponent(attack)}`);
        expect(search.status).toBeLessThan(500);
      }
      const bad = await fetch(`${base}/api/events?country=${encodeURIComponent("S' OR 1=1 --")}`);
      expect(bad.status).toBe(400);
      const after = await (await fetch(`${base}/api/health`)).json();
      expect(after.counts).toEqual(before.counts);
      expect(after.counts.events).toBeGreaterThan(0);
    });

    it("never maps a path onto the file system", async () => {
      for (const path of [
        "/../package.json",
        "/..%2f..%2fpackage.json",
        "/etc/passwd",
        "/dist/web/index.html",
      ]) {
        const res = await fetch(`${base}${path}`);
        expect(res.status, path).toBe(404);
      }
    });
  });
});

describe("rate limits", () => {
  let running: RunningServer;

  beforeAll(async () => {
    running = await startServe(
      {
        port: 0,
        db: join(tmpDir(), "rate.db"),
        env: {},
        rateLimits: { requestsPerMinute: 8, analysesPerMinute: 2 },
      },
      captureIo(),
    );
  });
  afterAll(() => running.close());

  it("answers 429 with Retry-After once a client is over its analyses, then over its requests", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await post(running.url, "/api/analyze", REPORT)).status);
    expect(statuses).toEqual([200, 200, 429]);
    let refused: Response | null = null;
    for (let i = 0; i < 10 && !refused; i++) {
      const res = await fetch(`${running.url}/api/health`);
      if (res.status === 429) refused = res;
    }
    if (!refused) throw new Error("no request was refused");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe("rate-limited");
  });
});

describe("RateLimiter", () => {
  it("refills continuously and keeps clients apart", () => {
    let now = 0;
    const limiter = new RateLimiter(60, () => now);
    for (let i = 0; i < 60; i++) expect(limiter.take("a")).toBe(0);
    expect(limiter.take("a")).toBe(1);
    expect(limiter.take("b")).toBe(0);
    now += 1000;
    expect(limiter.take("a")).toBe(0);
    expect(limiter.take("a")).toBeGreaterThan(0);
  });
});

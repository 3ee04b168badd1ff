/** `sitrep serve` serving the web app: only the built files, with the app's own CSP; the API keeps its own. */
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServe } from "../../src/cli/serve.js";
import { createServer, SECURITY_HEADERS } from "../../src/server/index.js";
import { loadWebAssets, WEB_CSP, type WebAsset } from "../../src/server/static.js";
import { openStore, type Store } from "../../src/store/index.js";
import { captureIo } from "../helpers/io.js";
import { EXAMPLE_HTML, EXAMPLE_TXT, tmpDir } from "../store/helpers.js";

/** A stand-in app (the real dist/web may not be built when this file runs alone). */
const ASSETS = new Map<string, WebAsset>([
  ["/", { body: Buffer.from("<!doctype html><title>sitrep</title>"), type: "text/html; charset=utf-8" }],
  ["/app.js", { body: Buffer.from("console.log(1)"), type: "text/javascript; charset=utf-8" }],
]);

interface Running {
  server: http.Server;
  base: string;
}

async function start(store: Store, webAssets: Map<string, WebAsset> | null): Promise<Running> {
  const server = createServer({ store, webAssets, log: () => {} });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let store: Store;
let app: Running;
let bare: Running;

beforeAll(async () => {
  store = await openStore(join(tmpDir(), "web.db"));
  app = await start(store, ASSETS);
  bare = await start(store, null);
});

afterAll(async () => {
  for (const r of [app, bare]) {
    await new Promise<void>((resolve) => {
      r.server.close(() => resolve());
      r.server.closeAllConnections();
    });
  }
  await store.close();
});

describe("web app files", () => {
  it("serves the page with a CSP that allows only this origin's scripts, styles and API", async () => {
    const res = await fetch(`${app.base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toBe(WEB_CSP);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await res.text()).toContain("<title>sitrep</title>");
  });

  it("serves only the listed files: no path reaches the file system", async () => {
    for (const path of [
      "/../package.json",
      "/%2e%2e/package.json",
      "/dist/web/app.js",
      "/app.js/",
      "/.env",
    ]) {
      const res = await fetch(`${app.base}${path}`);
      expect(res.status, path).toBe(404);
      expect((await res.json()).error.code).toBe("not-found");
    }
  });

  it("refuses writes to the app's files with 405", async () => {
    const res = await fetch(`${app.base}/app.js`, { method: "POST", body: "x" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET");
  });

  it("keeps the API's stricter CSP on JSON answers", async () => {
    const res = await fetch(`${app.base}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toBe(SECURITY_HEADERS["Content-Security-Policy"]);
  });

  it("says how to build the app when it is missing, and the API still answers", async () => {
    const res = await fetch(`${bare.base}/`);
    expect(res.status).toBe(503);
    expect((await res.json()).error).toMatchObject({ code: "web-app-not-built" });
    expect((await fetch(`${bare.base}/api/health`)).status).toBe(200);
  });

  it("loads nothing from a folder without the built app", () => {
    expect(loadWebAssets(tmpDir())).toBeNull();
  });
});

describe("sitrep serve <inputs>", () => {
  it("ingests the inputs before serving, and serving them again adds nothing", async () => {
    const db = join(tmpDir(), "serve.db");
    const io = captureIo();
    const first = await startServe({ inputs: [EXAMPLE_HTML, EXAMPLE_TXT], db, port: 0, env: {} }, io);
    try {
      expect((await first.store.counts()).articles).toBe(2);
      expect(io.err()).toMatch(/2 ingested, 0 revised, 0 unchanged, 0 failed/);
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    } finally {
      await first.close();
    }
    const again = captureIo();
    const second = await startServe({ inputs: [EXAMPLE_HTML, EXAMPLE_TXT], db, port: 0, env: {} }, again);
    try {
      expect((await second.store.counts()).articles).toBe(2);
      expect(again.err()).toMatch(/0 ingested, 0 revised, 2 unchanged, 0 failed/);
    } finally {
      await second.close();
    }
  });

  it("lists an input that cannot be read and still serves", async () => {
    const io = captureIo();
    const running = await startServe(
      { inputs: [join(tmpDir(), "missing.html")], db: join(tmpDir(), "s.db"), port: 0, env: {} },
      io,
    );
    try {
      expect(io.err()).toMatch(/1 failed/);
      expect(io.err()).toMatch(/failed: .*missing\.html/);
      expect((await fetch(`${running.url}/api/health`)).status).toBe(200);
    } finally {
      await running.close();
    }
  });
});

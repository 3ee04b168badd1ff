/**
 * The web app's files (built into dist/web by scripts/build-web.ts), served by `sitrep serve` from memory. Only
 * the files listed here are served: no path from a request ever reaches the file system. The app's pages get
 * their own Content-Security-Policy: scripts, styles, images and API calls from this origin only, no inline
 * script, no framing, no plugins.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where the built app is: the package's dist/web (from src/server under tsx, or dist/server when built). */
export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "dist", "web");

/** The Content-Security-Policy of the web app (the API keeps its stricter `default-src 'none'`). */
export const WEB_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join("; ");

/** URL path → file in WEB_DIR and its content type. */
export const WEB_FILES: Readonly<Record<string, { file: string; type: string }>> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/index.html": { file: "index.html", type: "text/html; charset=utf-8" },
  "/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/app.js.map": { file: "app.js.map", type: "application/json; charset=utf-8" },
  "/app.js.LEGAL.txt": { file: "app.js.LEGAL.txt", type: "text/plain; charset=utf-8" },
  "/app.css": { file: "app.css", type: "text/css; charset=utf-8" },
  "/leaflet.css": { file: "leaflet.css", type: "text/css; charset=utf-8" },
  "/countries-50m.json": { file: "countries-50m.json", type: "application/json; charset=utf-8" },
};

export interface WebAsset {
  body: Buffer;
  type: string;
}

/** The app's files read once; null when the app has not been built (the API still works). */
export function loadWebAssets(dir: string = WEB_DIR): Map<string, WebAsset> | null {
  const assets = new Map<string, WebAsset>();
  try {
    for (const [route, { file, type }] of Object.entries(WEB_FILES)) {
      assets.set(route, { body: readFileSync(path.join(dir, file)), type });
    }
  } catch {
    return null;
  }
  return assets;
}

/**
 * Build the web app into dist/web (run by `npm run build`): bundle web/src/main.ts with esbuild (Leaflet and
 * topojson-client included), copy index.html, app.css and Leaflet's stylesheet, and ship the offline basemap
 * (world-atlas: Natural Earth 1:50m countries, public domain). `sitrep serve` serves these files as they are.
 */
import { copyFile, mkdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT = path.join(ROOT, "dist", "web");
const require = createRequire(import.meta.url);
/** Browsers the bundle targets (those with ES modules, optional chaining and CSS.escape). */
const TARGETS = ["chrome100", "firefox100", "safari15"];

await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });
await build({
  entryPoints: [path.join(ROOT, "web", "src", "main.ts")],
  outfile: path.join(OUT, "app.js"),
  bundle: true,
  format: "esm",
  target: TARGETS,
  minify: true,
  sourcemap: "linked",
  legalComments: "linked",
  logLevel: "warning",
});
await copyFile(path.join(ROOT, "web", "index.html"), path.join(OUT, "index.html"));
await copyFile(path.join(ROOT, "web", "app.css"), path.join(OUT, "app.css"));
await copyFile(require.resolve("leaflet/dist/leaflet.css"), path.join(OUT, "leaflet.css"));
await copyFile(require.resolve("world-atlas/countries-50m.json"), path.join(OUT, "countries-50m.json"));
process.stdout.write(`web app built in ${path.relative(ROOT, OUT)}\n`);

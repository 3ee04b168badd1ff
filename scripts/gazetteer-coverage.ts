/**
 * Data coverage of a gazetteer index on the four geoparsing test corpora (bench/lib/geo-corpora.ts): for
 * the gold toponyms with coordinates, the share whose surface has
 *   - a name match  (`lookup(surface)` returns at least one candidate),
 *   - a candidate within 161 km of the gold point (any candidate: the ceiling a resolver can reach),
 *   - the most populous candidate within 161 km (`lookup(surface)[0]`: the population baseline).
 * Plus the share of gold GeoNames ids (where the corpus XML gives one) found among the candidates' ids.
 *
 *   npx tsx scripts/gazetteer-coverage.ts [index file]   (default: the shipped data/geo/gazetteer.bin.gz)
 *
 * This measures what the data can support; it must never be used to pick names, aliases or points (the
 * corpora are test sets). It prints aggregate shares only.
 */

import { join } from "node:path";
import { GEO_CORPORA, geoCorporaAvailable, loadGeoCorpus } from "../bench/lib/geo-corpora.js";
import { GAZETTEER_INDEX_FILE } from "../src/geo/constants.js";
import { distanceKm, findGeoDataDir, readGazetteerFile } from "../src/geo/gazetteer.js";

const WITHIN_KM = 161;

function main(): void {
  if (!geoCorporaAvailable()) {
    console.log("geoparsing corpora not found: nothing to measure");
    return;
  }
  const path = process.argv[2] ?? join(findGeoDataDir(), GAZETTEER_INDEX_FILE);
  const gazetteer = readGazetteerFile(path);
  console.log(`index: ${path}`);
  console.log("corpus      gold  name-match  any<161km  top<161km  gold-id-found (of with-id)");
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`.padStart(9);
  for (const name of GEO_CORPORA) {
    const corpus = loadGeoCorpus(name);
    let total = 0;
    let named = 0;
    let anyWithin = 0;
    let topWithin = 0;
    let withId = 0;
    let idFound = 0;
    for (const doc of corpus.documents) {
      for (const t of doc.gold) {
        if (t.lat === null || t.lon === null || !Number.isFinite(t.lat) || !Number.isFinite(t.lon)) continue;
        total++;
        const gold = { lat: t.lat, lon: t.lon };
        const candidates = gazetteer.lookup(t.surface);
        if (candidates.length > 0) named++;
        if (candidates.some((c) => distanceKm(c, gold) < WITHIN_KM)) anyWithin++;
        const top = candidates[0];
        if (top && distanceKm(top, gold) < WITHIN_KM) topWithin++;
        if (t.geonameId !== null) {
          withId++;
          if (candidates.some((c) => c.id === t.geonameId)) idFound++;
        }
      }
    }
    console.log(
      `${name.padEnd(10)} ${String(total).padStart(5)} ${pct(named, total)}  ${pct(anyWithin, total)}  ${pct(topWithin, total)}  ${pct(idFound, withId)} (${withId})`,
    );
  }
}

main();

/**
 * Loads the built gazetteer in this (fresh) process and prints its cold load time, memory and lookup speed.
 *
 *   npx tsx scripts/gazetteer-stats.ts [index file]      (default: the shipped data/geo/gazetteer.bin.gz)
 */

import { statSync } from "node:fs";
import { join } from "node:path";
import { GAZETTEER_INDEX_FILE } from "../src/geo/constants.js";
import { findGeoDataDir, loadGazetteer, readGazetteerFile } from "../src/geo/gazetteer.js";

/** Names timed in the lookup benchmark: hits, misses and transliterated forms. */
const SAMPLE_NAMES = [
  "al-Bukamal",
  "Deir ez-Zor",
  "Hama",
  "Daraa",
  "Syria",
  "Kharkiv",
  "Springfield",
  "London",
  "West Bank",
  "Nowhere-in-particular",
  "Maiduguri",
  "Culiacán",
  "Idlib countryside",
  "Paris",
  "xyzzy",
];
const LOOKUP_ROUNDS = 20_000;

function main(): void {
  const before = process.memoryUsage();
  const t0 = performance.now();
  const path = process.argv[2] ?? join(findGeoDataDir(), GAZETTEER_INDEX_FILE);
  const gazetteer = process.argv[2] ? readGazetteerFile(path) : loadGazetteer();
  const loadMs = performance.now() - t0;
  const after = process.memoryUsage();

  // First lookups (cold: entries decoded on the way), then a warm loop.
  const t1 = performance.now();
  for (const name of SAMPLE_NAMES) gazetteer.lookup(name);
  const firstMs = performance.now() - t1;
  const t2 = performance.now();
  let found = 0;
  for (let r = 0; r < LOOKUP_ROUNDS; r++) {
    for (const name of SAMPLE_NAMES) found += gazetteer.lookup(name).length;
  }
  const perLookupUs = ((performance.now() - t2) * 1000) / (LOOKUP_ROUNDS * SAMPLE_NAMES.length);
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  console.log(`file: ${path} (${mb(statSync(path).size)})`);
  console.log(`entries: ${gazetteer.size}`);
  console.log(
    `cold load: ${loadMs.toFixed(1)} ms (first ${SAMPLE_NAMES.length} lookups ${firstMs.toFixed(1)} ms)`,
  );
  console.log(
    `memory after load: rss ${mb(after.rss)} (+${mb(after.rss - before.rss)}), heap used ${mb(after.heapUsed)}, external+arrayBuffers ${mb(after.external + after.arrayBuffers)}`,
  );
  console.log(
    `lookup: ${perLookupUs.toFixed(2)} µs per name (warm, ${found > 0 ? "hits found" : "no hits"})`,
  );
}

main();

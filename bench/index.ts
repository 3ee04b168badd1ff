/**
 * `npm run bench`: every benchmark, one after another, each printing its own table.
 * Each is standalone (`npm run bench:<name>`); this only runs them in turn and fails if one fails.
 */
import { spawnSync } from "node:child_process";

const BENCHES = [
  "bench:extract",
  "bench:text",
  "bench:text-heldout",
  "bench:text-blind2",
  "bench:geo",
  "bench:events",
] as const;

let failed = 0;
for (const script of BENCHES) {
  process.stdout.write(`\n=== npm run ${script} ===\n`);
  const result = spawnSync("npm", ["run", "--silent", script], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;

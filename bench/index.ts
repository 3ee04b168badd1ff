/**
 * `npm run bench`: every benchmark, one after another, each printing its own table.
 * Each script is standalone (`npm run bench:<name>`); this only runs them in turn.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BENCHES = [
  "extract.ts",
  "text-boilerplate.ts",
  "text-heldout.ts",
  "text-blind2.ts",
  "geo.ts",
  "events.ts",
] as const;

let failed = 0;
for (const script of BENCHES) {
  const path = fileURLToPath(new URL(script, import.meta.url));
  process.stdout.write(`\n=== ${script} ===\n`);
  const result = spawnSync(process.execPath, ["--import", "tsx", path, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  if (result.status !== 0) failed++;
}
process.exitCode = failed > 0 ? 1 : 0;

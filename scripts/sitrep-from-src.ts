/**
 * The `sitrep` command run from the TypeScript sources, without a build: `node --import tsx
 * scripts/sitrep-from-src.ts <args…>`. For tests and benchmarks that need real processes (to kill one, or to
 * run several at once); bin/sitrep.js does the same over the built dist/.
 */
import { main } from "../src/cli/index.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      `sitrep: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);

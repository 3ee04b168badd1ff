#!/usr/bin/env node
// Entry point of the `sitrep` command: loads the compiled CLI (built by `npm install` via `prepare`).
import { main } from "../dist/cli/index.js";

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

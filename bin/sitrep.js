#!/usr/bin/env node
// Entry point of the `sitrep` command: loads the compiled CLI (built by `npm install` via `prepare`).
import { main } from "../dist/cli/index.js";

// `sitrep events -f jsonl | head`: when the reader closes the pipe, stop quietly, as Unix tools do.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

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

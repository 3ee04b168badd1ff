/** What a command needs from the outside world; tests pass their own. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  stdin?: NodeJS.ReadableStream;
  fetch?: typeof globalThis.fetch;
}

export const processIo = (): CliIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});

/** Exit codes (documented in README). */
export const EXIT = {
  ok: 0,
  /** At least one input failed. */
  someFailed: 1,
  /** Bad command line. */
  usage: 2,
  /** Almost every input failed (a sign the command itself is wrong, e.g. wrong --from). */
  mostFailed: 3,
  /** The store cannot be used (locked, read-only, corrupt, from a newer sitrep). */
  store: 4,
  /** Interrupted (Ctrl-C) after committing what was done. */
  interrupted: 130,
} as const;

/** Share of failed inputs from which a batch counts as "almost everything failed". */
export const MOST_FAILED_SHARE = 0.9;
/** A batch needs at least this many inputs for EXIT.mostFailed to apply. */
export const MOST_FAILED_MIN_INPUTS = 3;

export function exitCodeFor(total: number, failed: number): number {
  if (failed === 0) return EXIT.ok;
  if (total >= MOST_FAILED_MIN_INPUTS && failed / total >= MOST_FAILED_SHARE) return EXIT.mostFailed;
  return EXIT.someFailed;
}

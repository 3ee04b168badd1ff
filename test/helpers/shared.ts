/** Locating ../shared (real articles and benchmark data), which tests read in place and never copy. */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SHARED_DIR = fileURLToPath(new URL("../../../shared/", import.meta.url));
export const SEED_FILE = `${SHARED_DIR}seed/000_61231f31bf478e79.txt`;
export const HAS_SHARED = existsSync(SHARED_DIR);
export const HAS_SEED = existsSync(SEED_FILE);

/** The message a test prints when it skips for want of ../shared. */
export function skipMessage(what: string): string {
  return `skipped: ${what} needs ../shared beside the repository (not found at ${SHARED_DIR})`;
}

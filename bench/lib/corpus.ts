/** Loading the shared extraction-benchmark corpus (read-only, outside the repository). */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The corpus lives in the shared read-only data next to the repository; SITREP_BENCH_CORPUS overrides it. */
export const CORPUS_DIR =
  process.env.SITREP_BENCH_CORPUS ?? resolve(REPO_ROOT, "..", "shared", "data", "extraction-benchmark");
export const GROUND_TRUTH_FILE = join(CORPUS_DIR, "ground-truth.json");
export const FLOORS_FILE = join(REPO_ROOT, "bench", "floors.json");
export const OUT_DIR = join(REPO_ROOT, "bench", "out");

export interface BenchPage {
  id: string;
  url: string;
  html: string;
  truth: string;
}

export function corpusAvailable(): boolean {
  return existsSync(GROUND_TRUTH_FILE) && existsSync(join(CORPUS_DIR, "html"));
}

export function groundTruthSha256(): string {
  return createHash("sha256").update(readFileSync(GROUND_TRUTH_FILE)).digest("hex");
}

export function loadPages(): BenchPage[] {
  const truth = JSON.parse(readFileSync(GROUND_TRUTH_FILE, "utf8")) as Record<
    string,
    { articleBody: string; url: string }
  >;
  return Object.keys(truth)
    .sort()
    .map((id) => {
      const entry = truth[id] as { articleBody: string; url: string };
      const html = gunzipSync(readFileSync(join(CORPUS_DIR, "html", `${id}.html.gz`))).toString("utf8");
      return { id, url: entry.url, html, truth: entry.articleBody };
    });
}

/** Stored peer outputs: name → id → articleBody (both file formats SOURCE.md describes). */
export function loadPeerOutputs(): Map<string, Record<string, string>> {
  const dir = join(CORPUS_DIR, "peer-outputs");
  const peers = new Map<string, Record<string, string>>();
  if (!existsSync(dir)) return peers;
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith(".json")) continue;
    const raw = JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>;
    const entries = (typeof raw.output === "object" && raw.output !== null ? raw.output : raw) as Record<
      string,
      { articleBody?: string } | undefined
    >;
    const out: Record<string, string> = {};
    for (const [id, value] of Object.entries(entries)) {
      if (value && typeof value === "object" && typeof value.articleBody === "string")
        out[id] = value.articleBody;
    }
    peers.set(file.replace(/\.json$/, ""), out);
  }
  return peers;
}

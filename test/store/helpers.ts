/** Records for store tests: the bundled examples, analysed once. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AnalysisRecord, analyze, toRecord } from "../../src/analyze/index.js";
import type { InputFormat } from "../../src/core/doc.js";
import { canonicalUrl, contentHash, type PutMeta } from "../../src/store/index.js";
import { REPO_ROOT } from "../helpers/shared.js";

export const EXAMPLE_HTML = join(REPO_ROOT, "examples/reports/valley-courier-report.html");
export const EXAMPLE_TXT = join(REPO_ROOT, "examples/reports/frontline-post-report.txt");

export function tmpDir(): string {
  return mkdtempSync(join(tmpdir(), "sitrep-store-"));
}

export function analyseFile(path: string, format: InputFormat): { record: AnalysisRecord; meta: PutMeta } {
  const content = readFileSync(path, "utf8");
  const record = toRecord(analyze({ name: path, format, content }));
  return {
    record,
    meta: { contentHash: contentHash(content), canonicalUrl: canonicalUrl(record.article.url) },
  };
}

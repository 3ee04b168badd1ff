/**
 * Issue 6, "Hostile input": the hostile corpus (corpus.ts — binaries, an archive, gzip bombs, 100 MB lines,
 * 100,000-deep nesting, bad encodings, broken HTML, malformed feeds and WARC files, JSON Lines of wrong types)
 * goes through `sitrep ingest` with a real SQLite store, together with good reports. Every bad document must be
 * reported with its diagnostic code and skipped, every good one must land, nothing may crash, memory must stay
 * bounded, and the exit code must be the documented one for a partial failure.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../../src/cli/ingest.js";
import { EXIT, MOST_FAILED_SHARE } from "../../src/cli/io.js";
import { type IngestItem, readInputs } from "../../src/ingest/index.js";
import { openStore } from "../../src/store/index.js";
import { captureIo } from "../helpers/io.js";
import { type ExpectedDocument, HUGE_LINE_BYTES, KIB, LAUGHS, MIB, writeHostileCorpus } from "./corpus.js";

/** The document limit of the memory test: small, so that what is read stays far below the inputs' size. */
const MEMORY_TEST_MAX_BYTES = 4 * MIB;
/**
 * Most the process's peak resident memory may grow while the bombs and huge lines are read with that limit:
 * an allowance for the runtime plus several times the limit (a one-line input's head is buffered up to the
 * limit, then decoded for sniffing) — and far below the 100 MB of one huge line or the 1 GiB a bomb inflates to.
 */
const MEMORY_BOUND_BYTES = 32 * MIB + 8 * MEMORY_TEST_MAX_BYTES;
/** The inputs that are big on disk or once inflated. */
const BIG_INPUTS = [
  "bomb-zeros.gz",
  "bomb-markup.html.gz",
  "bomb-record.jsonl.gz",
  "huge-line.txt",
  "huge-line.jsonl",
  "archive.zip",
];
/** A failure line of the ingest summary: `  <input>: <message> [<code>]`. */
const SUMMARY_FAILURE = /^ {2}(.+?): (.*) \[([\w/-]+)\]$/;
/** What invalid UTF-8 bytes decode to. */
const REPLACEMENT_CHARACTER = "\uFFFD";
/** A stack trace line in the output means something crashed. */
const STACK_TRACE_LINE = /\n\s+at /;

const root = mkdtempSync(join(tmpdir(), "sitrep-hostile-"));
const corpusDir = join(root, "corpus");
let expected: ExpectedDocument[] = [];

beforeAll(() => {
  expected = writeHostileCorpus(corpusDir);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function refused(): Map<string, string> {
  return new Map(expected.flatMap((d) => ("refused" in d.outcome ? [[d.input, d.outcome.refused]] : [])));
}

function landed(): ExpectedDocument[] {
  return expected.filter((d) => "landed" in d.outcome);
}

/** input → code of every failure listed in the summary at the end of the run. */
function summaryFailures(stderr: string): Map<string, string> {
  const section = stderr.slice(stderr.lastIndexOf("\nfailed:\n") + "\nfailed:\n".length);
  const out = new Map<string, string>();
  for (const line of section.split("\n")) {
    const match = SUMMARY_FAILURE.exec(line);
    if (match) out.set(match[1] as string, match[3] as string);
  }
  return out;
}

describe("hostile: ingest of the hostile corpus", () => {
  it("hostile: the bombs, the zip and the 100 MB lines are refused with their codes, in bounded memory", async () => {
    const paths = BIG_INPUTS.map((file) => join(corpusDir, file));
    // Growth of the peak over the memory in use now: an upper bound on what reading these inputs took (the
    // peak may already be higher from writing the corpus, which only makes the check stricter).
    const rssBefore = process.memoryUsage().rss;
    const items: IngestItem[] = [];
    for await (const item of readInputs(paths, { maxBytes: MEMORY_TEST_MAX_BYTES })) items.push(item);
    const peakGrowth = process.resourceUsage().maxRSS * KIB - rssBefore; // maxRSS is in KiB

    const outcomes = new Map(
      items.map((item) => (item.ok ? [item.doc.name, "landed"] : [item.input, item.code])),
    );
    const wanted = new Map(
      expected
        .filter((d) => BIG_INPUTS.includes(d.entry.file))
        .map((d) => [d.input, "refused" in d.outcome ? d.outcome.refused : "landed"]),
    );
    expect(outcomes).toEqual(wanted);
    expect(peakGrowth, `peak RSS grew by ${Math.round(peakGrowth / MIB)} MiB`).toBeLessThan(
      MEMORY_BOUND_BYTES,
    );
    expect(MEMORY_BOUND_BYTES).toBeLessThan(HUGE_LINE_BYTES);
  });

  it("hostile: `sitrep ingest` reports every bad document with its code, stores every good one, and exits 1", async () => {
    const db = join(root, "store", "sitrep.db");
    const io = captureIo();
    const code = await runIngest({ inputs: [corpusDir], db }, io);
    const stderr = io.err();

    // Nothing crashed: a clean summary, no stack trace, no "internal" failure.
    expect(stderr).not.toMatch(STACK_TRACE_LINE);
    const failures = summaryFailures(stderr);
    expect([...failures.values()]).not.toContain("internal");
    // Every bad document is reported with the code that names its problem, and nothing else failed.
    expect(Object.fromEntries(failures)).toEqual(Object.fromEntries(refused()));
    const total = refused().size + landed().length;
    expect(stderr).toMatch(
      new RegExp(
        `${total} documents in .*: ${landed().length} ingested, 0 revised, 0 unchanged, ${refused().size} failed`,
      ),
    );
    // Some but not almost all inputs failed: the documented exit code of a partial failure.
    expect(refused().size / total).toBeLessThan(MOST_FAILED_SHARE);
    expect(code).toBe(EXIT.someFailed);

    // Every good report landed, once, from the input it came in.
    const store = await openStore(db, { readonly: true });
    try {
      expect((await store.counts()).articles).toBe(landed().length);
      for (const document of landed()) {
        if (!("landed" in document.outcome)) continue;
        const { landed: report, warning } = document.outcome;
        const hits = (await store.search(report.marker)).filter((hit) => hit.kind === "article");
        expect(hits, `article with "${report.marker}"`).toHaveLength(1);
        const article = await store.getArticle((hits[0] as (typeof hits)[number]).articleId);
        expect(article?.revisions.map((r) => r.input)).toEqual([document.input]);
        expect(article?.record.article.text).toContain(report.paragraphs[0]);
        if (warning === "ingest/invalid-utf8")
          expect(article?.record.article.text).toContain(REPLACEMENT_CHARACTER);
        const warnings =
          article?.record.diagnostics.filter((d) => d.stage === "ingest").map((d) => d.code) ?? [];
        expect(warnings).toEqual(warning ? [warning] : []);
      }
    } finally {
      await store.close();
    }
  });

  it("hostile: a feed's billion-laughs entity is kept as written, never expanded", async () => {
    const feed = expected.find((d) => d.entry.file === "feed-billion-laughs.xml");
    const items: IngestItem[] = [];
    for await (const item of readInputs([join(corpusDir, "feed-billion-laughs.xml")])) items.push(item);
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item?.ok && item.doc.name).toBe(feed?.input);
    if (item?.ok) {
      expect(item.doc.hints?.title).toBe(LAUGHS);
      expect(item.doc.content.length).toBeLessThan(2 * KIB);
    }
  });
});

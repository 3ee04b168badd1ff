import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { AnalysisRecord } from "../../src/analyze/index.js";
import { runAnalyze } from "../../src/cli/analyze.js";
import { EXIT } from "../../src/cli/io.js";
import { captureIo } from "../helpers/io.js";
import { HAS_SEED, REPO_ROOT, SEED_FILE, skipMessage } from "../helpers/shared.js";

const EXAMPLE_TXT = join(REPO_ROOT, "examples/reports/frontline-post-report.txt");
const EXAMPLE_HTML = join(REPO_ROOT, "examples/reports/valley-courier-report.html");

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "sitrep-cli-"));
}

function jsonLines(text: string): Array<AnalysisRecord & { error?: { code: string } }> {
  return text
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

describe("cli: analyze", () => {
  it("cli: --format json prints one record for one input, with the documented field names", async () => {
    const io = captureIo();
    const code = await runAnalyze({ inputs: [EXAMPLE_HTML], format: "json" }, io);
    expect(code).toBe(EXIT.ok);
    const record = JSON.parse(io.out()) as AnalysisRecord;
    expect(record.input).toBe(EXAMPLE_HTML);
    expect(Object.keys(record.article)).toEqual([
      "title",
      "kind",
      "authors",
      "publisher",
      "published",
      "url",
      "original",
      "language",
      "tags",
      "media",
      "text",
      "paragraphs",
      "boilerplate",
    ]);
    expect(record.article.title).toBe("Militants attack army post near Menaka, officials say");
    expect(record.article.language).toBe("en");
    expect(record.article.text).toContain("killing at least four soldiers");
    expect(record.article.text).not.toContain("Share on Facebook");
    expect(record.article.text).not.toContain("Terrible news");
  });

  it("cli: each removed block of an HTML page says what it is (headline, caption, copyright, not just 'footer')", async () => {
    const io = captureIo();
    await runAnalyze({ inputs: [EXAMPLE_HTML], format: "json" }, io);
    const byKind = new Map(
      (JSON.parse(io.out()) as AnalysisRecord).article.boilerplate.map((b) => [b.kind, b.text]),
    );
    expect(byKind.get("title")).toBe("Militants attack army post near Menaka, officials say");
    expect(byKind.get("caption")).toContain("Photo: Courier archive");
    expect(byKind.get("copyright")).toContain("© 2024 The Valley Courier");
    expect(byKind.get("comments")).toContain("Terrible news");
    for (const kind of ["navigation", "share", "related", "newsletter", "byline"] as const)
      expect(byKind.has(kind)).toBe(true);
  });

  it("cli: every paragraph maps back to the input bytes it came from", async () => {
    const io = captureIo();
    await runAnalyze({ inputs: [EXAMPLE_TXT], format: "json" }, io);
    const record = JSON.parse(io.out()) as AnalysisRecord;
    const { readFileSync } = await import("node:fs");
    const source = readFileSync(EXAMPLE_TXT, "utf8");
    expect(record.article.paragraphs.length).toBeGreaterThan(3);
    for (const p of record.article.paragraphs) {
      expect(p.source).not.toBeNull();
      const firstWord = record.article.text.slice(p.start, p.end).split(" ")[0] as string;
      expect(source.slice(p.source?.start, p.source?.end)).toContain(firstWord);
    }
  });

  it("cli: --format jsonl prints one line per input, each naming its input, in order", async () => {
    const dir = tmp();
    const gz = join(dir, "report.html.gz");
    writeFileSync(
      gz,
      gzipSync(Buffer.from(await import("node:fs").then((f) => f.readFileSync(EXAMPLE_HTML)))),
    );
    const io = captureIo();
    const code = await runAnalyze({ inputs: [EXAMPLE_TXT, gz], format: "jsonl" }, io);
    expect(code).toBe(EXIT.ok);
    const lines = jsonLines(io.out());
    expect(lines.map((l) => l.input)).toEqual([EXAMPLE_TXT, gz]);
    expect(lines[1]?.article.title).toBe("Militants attack army post near Menaka, officials say");
  });

  it("cli: reads stdin for -", async () => {
    const io = captureIo(
      "Soldiers and protesters clashed in the capital on Friday, witnesses said, and police fired tear gas at the crowd outside the parliament building.\n\nAt least three people were hurt, according to a hospital official who asked not to be named.\n",
    );
    const code = await runAnalyze({ inputs: ["-"], format: "jsonl" }, io);
    expect(code).toBe(EXIT.ok);
    const [line] = jsonLines(io.out());
    expect(line?.input).toBe("-");
    expect(line?.article.text).toContain("tear gas");
  });

  it.each([
    ["an empty file", "", "ingest/empty"],
    ["a binary file", "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000", "ingest/binary"],
  ])("cli: %s gives a clear message naming the input and a non-zero exit", async (_name, content, code) => {
    const file = join(tmp(), "bad.input");
    writeFileSync(file, Buffer.from(content, "latin1"));
    const io = captureIo();
    const exit = await runAnalyze({ inputs: [file], format: "json" }, io);
    expect(exit).toBe(EXIT.someFailed);
    expect(io.err()).toContain(file);
    expect(io.err()).toContain(code);
    expect(io.err()).not.toMatch(/\n\s+at /); // no stack trace
    expect(io.out()).toBe("");
  });

  it("cli: HTML with no article fails that input with a clear message", async () => {
    const file = join(tmp(), "nav-only.html");
    writeFileSync(
      file,
      '<!doctype html><html><body><nav><a href="/">Home</a> <a href="/about">About</a></nav></body></html>',
    );
    const io = captureIo();
    expect(await runAnalyze({ inputs: [file], format: "json" }, io)).toBe(EXIT.someFailed);
    expect(io.err()).toContain("extract/no-article");
  });

  it("cli: in a batch the good inputs are processed and the failures are listed at the end", async () => {
    const dir = tmp();
    const empty = join(dir, "empty.txt");
    const missing = join(dir, "missing.html");
    const truncated = join(dir, "truncated.gz");
    writeFileSync(empty, "");
    writeFileSync(truncated, gzipSync(Buffer.from("<html><body><p>hello</p></body></html>")).subarray(0, 20));
    const io = captureIo();
    const code = await runAnalyze(
      { inputs: [empty, EXAMPLE_TXT, missing, truncated, EXAMPLE_HTML], format: "jsonl" },
      io,
    );
    expect(code).toBe(EXIT.someFailed);
    const lines = jsonLines(io.out());
    expect(lines.filter((l) => l.article).map((l) => l.input)).toEqual([EXAMPLE_TXT, EXAMPLE_HTML]);
    expect(lines.filter((l) => l.error).map((l) => l.error?.code)).toEqual([
      "ingest/empty",
      "ingest/not-found",
      "ingest/gzip-truncated",
    ]);
    expect(io.err()).toMatch(/3 of 5 inputs failed/);
  });

  it("cli: a batch where everything fails exits with the 'almost everything failed' code", async () => {
    const dir = tmp();
    const io = captureIo();
    const code = await runAnalyze({ inputs: ["a", "b", "c"].map((n) => join(dir, n)), format: "jsonl" }, io);
    expect(code).toBe(EXIT.mostFailed);
  });
});

describe.skipIf(!HAS_SEED)("cli: the seed article", () => {
  it("cli: analyses the seed into the record the issue specifies", async () => {
    const io = captureIo();
    expect(await runAnalyze({ inputs: [SEED_FILE], format: "json" }, io)).toBe(EXIT.ok);
    const a = (JSON.parse(io.out()) as AnalysisRecord).article;
    expect(a.title).toBe("Is Israel Searching for A Pretext to Invade Southern Syria?");
    expect(a.kind).toBe("video");
    expect(a.authors).toEqual(["South Front"]);
    expect(a.publisher).toBe("Global Research");
    expect(a.published).toBe("2020-12-20");
    expect(a.original).toMatchObject({ publisher: "South Front", published: "2020-12-18" });
    expect(a.language).toBe("en");
    expect(a.tags).toEqual(
      expect.arrayContaining(["Middle East & North Africa", "Intelligence", "Terrorism", "US NATO", "SYRIA"]),
    );
    expect(a.media).toEqual([
      { type: "video", url: "https://southfront.org/wp-content/uploads/video/18.12.20_IMR_Syria.mp4" },
    ]);
    expect(a.paragraphs).toHaveLength(8);
    expect(a.text.startsWith("The Russian military and Russian-backed Syrian forces")).toBe(true);
    expect(a.text.endsWith("in this particular region.")).toBe(true);
    expect(a.text).toContain("resumption of active Israeli military and clandestine operations");
    expect(a.text).not.toContain("Note to readers");
    expect(a.text).not.toContain("mp4");
    const kinds = new Set(a.boilerplate.map((b) => b.kind));
    for (const k of ["share", "donation", "copyright", "disclaimer", "contact"]) expect(kinds).toContain(k);
  });
});

if (!HAS_SEED) console.warn(skipMessage("the seed article test"));

import { closeSync, ftruncateSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readInputs } from "../../src/ingest/index.js";
import { failureForFsError } from "../../src/ingest/read.js";
import { collect, ingestOne, NEWS_PARAGRAPH, useTmpDir, writeFiles } from "./fixtures/helpers.js";

const tmp = useTmpDir();
const MIB = 1024 * 1024;
const PNG_HEADER = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);
const HTML_PAGE = `<!doctype html><html><body><p>${NEWS_PARAGRAPH}</p></body></html>`;

function corruptGzip(): Buffer {
  const gz = gzipSync(Buffer.from(HTML_PAGE.repeat(20)));
  // Keep the header, scramble the deflate data.
  for (let i = 12; i < gz.length - 8; i++) gz[i] = (gz[i] as number) ^ 0x5a;
  return gz;
}

describe("ingest: bad inputs", () => {
  it.each<[string, string | Uint8Array, string, RegExp?]>([
    ["an empty file", "", "ingest/empty", /0 bytes/],
    ["a whitespace-only file", " \n\t\r\n  \n", "ingest/empty", /whitespace/],
    ["a whitespace-only file with a BOM", "\uFEFF \n", "ingest/empty"],
    ["PNG header bytes", PNG_HEADER, "ingest/binary", /PNG image/],
    ["a NUL-filled file", Buffer.alloc(4096), "ingest/binary", /NUL/],
    ["a PDF", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "ingest/binary", /PDF/],
    ["a ZIP archive", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), "ingest/binary", /ZIP/],
    [
      "control characters",
      Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))),
      "ingest/binary",
      /control/,
    ],
    ["an empty gzip", gzipSync(Buffer.alloc(0)), "ingest/empty", /decompresses to 0 bytes/],
    ["a gzip of a PNG", gzipSync(PNG_HEADER), "ingest/binary", /PNG/],
    [
      "a truncated gzip",
      gzipSync(Buffer.from(HTML_PAGE)).subarray(0, 20),
      "ingest/gzip-truncated",
      /truncated/,
    ],
    ["a corrupt gzip", corruptGzip(), "ingest/gzip-corrupt", /corrupt/],
  ])("ingest: %s is reported as %s", async (_name, content, code, message) => {
    const [file] = writeFiles(tmp(), { "input.bin": content }) as [string];
    const item = await ingestOne(file);
    expect(item).toMatchObject({ ok: false, input: file, code });
    if (message && !item.ok) expect(item.message).toMatch(message);
  });

  it.each([
    ["a missing file", "missing.html"],
    ["a missing folder", "missing/dir/report.txt"],
  ])("ingest: %s is reported as ingest/not-found", async (_name, relative) => {
    const path = join(tmp(), relative);
    expect(await ingestOne(path)).toMatchObject({ ok: false, input: path, code: "ingest/not-found" });
  });

  it("ingest: a gzip bomb over maxBytes is refused while inflating, with bounded memory", async () => {
    const [file] = writeFiles(tmp(), { "bomb.gz": gzipSync(Buffer.alloc(64 * MIB, " ")) }) as [string];
    const before = process.memoryUsage().rss;
    const item = await ingestOne(file, { maxBytes: MIB });
    expect(item).toMatchObject({ ok: false, code: "ingest/too-large" });
    if (!item.ok) expect(item.message).toMatch(/after gunzip/);
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * MIB);
  });

  it.each([
    ["a plain file over maxBytes", false],
    ["a gzip file inflating over maxBytes", true],
  ])("ingest: %s is ingest/too-large", async (_name, gzipped) => {
    const text = `${NEWS_PARAGRAPH}\n`.repeat(100);
    const content = gzipped ? gzipSync(text) : text;
    const [file] = writeFiles(tmp(), { "big.txt": content }) as [string];
    expect(await ingestOne(file, { maxBytes: 1000 })).toMatchObject({ ok: false, code: "ingest/too-large" });
    expect(await ingestOne(file, { maxBytes: text.length })).toMatchObject({ ok: true });
  });

  it("ingest: a 50 MB file is refused by its size under the default limit without reading it whole", async () => {
    const file = join(tmp(), "huge.txt");
    const fd = openSync(file, "w");
    writeSync(fd, `${NEWS_PARAGRAPH}\n`.repeat(400)); // ~90 KB of text: more than the sniffed head
    ftruncateSync(fd, 50 * MIB); // sparse: the rest reads as NULs, but only the head is ever read
    closeSync(fd);
    const item = await ingestOne(file);
    expect(item).toMatchObject({ ok: false, code: "ingest/too-large" });
    if (!item.ok) expect(item.message).toContain(String(50 * MIB));
  });

  it("ingest: invalid UTF-8 in a page declaring UTF-8 is decoded with replacement characters and a warning", async () => {
    const page = Buffer.concat([
      Buffer.from(`<html><head><meta charset="utf-8"></head><body><p>Caf`),
      Buffer.from([0xe9, 0x20, 0xff]),
      Buffer.from(` ${NEWS_PARAGRAPH}</p></body></html>`),
    ]);
    const [file] = writeFiles(tmp(), { "bad-utf8.html": page }) as [string];
    const item = await ingestOne(file);
    expect(item.ok).toBe(true);
    if (!item.ok) return;
    expect(item.doc.content).toContain("Caf\uFFFD \uFFFD Soldiers");
    expect(item.doc.encoding).toEqual({ name: "utf-8", by: "meta" });
    expect(item.warnings).toEqual([
      { code: "ingest/invalid-utf8", message: expect.stringMatching(/2 invalid/) },
    ]);
  });

  it("ingest: a batch goes on past every bad input and keeps input order", async () => {
    const dir = tmp();
    const [good, empty, png, truncated, good2] = writeFiles(dir, {
      "a.txt": NEWS_PARAGRAPH,
      "b.txt": "",
      "c.png": PNG_HEADER,
      "d.gz": gzipSync(HTML_PAGE).subarray(0, 25),
      "e.html": HTML_PAGE,
    }) as [string, string, string, string, string];
    const missing = join(dir, "missing.txt");
    const items = await collect([good, empty, missing, png, truncated, good2]);
    expect(items.map((i) => (i.ok ? `ok ${i.doc.name}` : `${i.code} ${i.input}`))).toEqual([
      `ok ${good}`,
      `ingest/empty ${empty}`,
      `ingest/not-found ${missing}`,
      `ingest/binary ${png}`,
      `ingest/gzip-truncated ${truncated}`,
      `ok ${good2}`,
    ]);
  });

  it("ingest: a consumer stopping early closes the input (no leaked handle keeps the test alive)", async () => {
    const [a, b] = writeFiles(tmp(), { "a.txt": NEWS_PARAGRAPH, "b.txt": NEWS_PARAGRAPH }) as [
      string,
      string,
    ];
    for await (const item of readInputs([a, b])) {
      expect(item.ok).toBe(true);
      break;
    }
  });
});

describe("ingest: file-system errors", () => {
  it.each([
    ["ENOENT", "ingest/not-found"],
    ["ENOTDIR", "ingest/not-found"],
    ["EACCES", "ingest/unreadable"],
    ["EISDIR", "ingest/unreadable"],
    ["EIO", "ingest/unreadable"],
  ])("ingest: %s maps to %s", (code, expected) => {
    const error = Object.assign(new Error(`${code}: failed`), { code });
    expect(failureForFsError("x", error)).toMatchObject({ ok: false, input: "x", code: expected });
  });
});

import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { collect, ingestOne, NEWS_PARAGRAPH, summarize, useTmpDir, writeFiles } from "./fixtures/helpers.js";

const tmp = useTmpDir();
const HTML = `<!doctype html><html><body><p>${NEWS_PARAGRAPH}</p></body></html>`;

describe("ingest: folders", () => {
  it("ingest: a folder is read recursively, sorted, hidden files and folders skipped, binaries reported", async () => {
    const dir = tmp();
    writeFiles(dir, {
      "b.txt": NEWS_PARAGRAPH,
      "a.html": HTML,
      "c/2.txt": NEWS_PARAGRAPH,
      "c/1.html.gz": gzipSync(HTML),
      "c/d/deep.md": NEWS_PARAGRAPH,
      "d.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
      ".hidden.txt": NEWS_PARAGRAPH,
      ".git/config": NEWS_PARAGRAPH,
      "c/.DS_Store": Buffer.alloc(16),
    });
    const items = await collect([dir]);
    expect(items.map(summarize)).toEqual([
      `ok ${join(dir, "a.html")} html`,
      `ok ${join(dir, "b.txt")} text`,
      `ok ${join(dir, "c/1.html.gz")} html`,
      `ok ${join(dir, "c/2.txt")} text`,
      `ok ${join(dir, "c/d/deep.md")} text`,
      `ingest/binary ${join(dir, "d.png")}`,
    ]);
  });

  it("ingest: a folder with nothing visible in it is reported, not silently skipped", async () => {
    const dir = tmp();
    writeFiles(dir, { ".only-hidden": "x" });
    expect(await ingestOne(dir)).toMatchObject({ ok: false, code: "ingest/empty", input: dir });
  });

  it("ingest: a symlink loop inside a folder does not recurse forever", async () => {
    const dir = tmp();
    writeFiles(dir, { "a.txt": NEWS_PARAGRAPH });
    symlinkSync(dir, join(dir, "loop"));
    expect((await collect([dir])).map(summarize)).toEqual([`ok ${join(dir, "a.txt")} text`]);
  });

  it("ingest: inputs keep their order, folders expanded in place", async () => {
    const dir = tmp();
    const [first, , , last] = writeFiles(dir, {
      "z.txt": NEWS_PARAGRAPH,
      "sub/b.txt": NEWS_PARAGRAPH,
      "sub/a.txt": NEWS_PARAGRAPH,
      "a.txt": NEWS_PARAGRAPH,
    }) as [string, string, string, string];
    const items = await collect([first, join(dir, "sub"), last]);
    expect(items.map(summarize)).toEqual([
      `ok ${first} text`,
      `ok ${join(dir, "sub", "a.txt")} text`,
      `ok ${join(dir, "sub", "b.txt")} text`,
      `ok ${last} text`,
    ]);
  });
});

describe("ingest: stdin", () => {
  it.each<[string, () => NodeJS.ReadableStream, string]>([
    ["one buffer", () => Readable.from([Buffer.from(NEWS_PARAGRAPH)]), "text"],
    [
      "many small chunks",
      () =>
        Readable.from(
          Buffer.from(HTML)
            .toString()
            .split("")
            .map((c) => Buffer.from(c)),
        ),
      "html",
    ],
    [
      "string chunks",
      () => Readable.from(["<html><body>", `<p>${NEWS_PARAGRAPH}</p>`, "</body></html>"]),
      "html",
    ],
    ["gzip data", () => Readable.from([gzipSync(HTML)]), "html"],
  ])("ingest: - reads the injected stdin stream (%s)", async (_name, stream, format) => {
    const item = await ingestOne("-", { stdin: stream() });
    expect(item).toMatchObject({ ok: true, doc: { name: "-", format } });
    if (item.ok) expect(item.doc.content).toContain(NEWS_PARAGRAPH);
  });

  it("ingest: empty stdin is ingest/empty", async () => {
    const stdin = new PassThrough();
    stdin.end();
    expect(await ingestOne("-", { stdin })).toMatchObject({ ok: false, input: "-", code: "ingest/empty" });
  });

  it("ingest: stdin over maxBytes is ingest/too-large", async () => {
    const stdin = Readable.from([Buffer.from(NEWS_PARAGRAPH.repeat(10))]);
    expect(await ingestOne("-", { stdin, maxBytes: 100 })).toMatchObject({
      ok: false,
      code: "ingest/too-large",
    });
  });
});

describe("ingest: the from override", () => {
  it.each<["html" | "text" | "jsonl", string, string[]]>([
    ["text", HTML, ["ok INPUT text"]],
    ["html", NEWS_PARAGRAPH, ["ok INPUT html"]],
    ["jsonl", '{"url":"https://a.example/1","text":"One."}', ["ok INPUT#1 text"]],
    ["jsonl", NEWS_PARAGRAPH, ["ingest/bad-jsonl INPUT#1"]],
  ])("ingest: from %s reads the input as that format", async (from, content, expected) => {
    const [file] = writeFiles(tmp(), { "input.dat": content }) as [string];
    const items = await collect([file], { from });
    expect(items.map((i) => summarize(i).replace(file, "INPUT"))).toEqual(expected);
  });

  it("ingest: from does not bypass the binary check", async () => {
    const [file] = writeFiles(tmp(), { "x.txt": Buffer.alloc(64) }) as [string];
    expect(await ingestOne(file, { from: "text" })).toMatchObject({ ok: false, code: "ingest/binary" });
  });
});

describe("ingest: options", () => {
  it.each([
    [{ maxBytes: 0 }, /maxBytes/],
    [{ maxBytes: -1 }, /maxBytes/],
    [{ timeoutMs: Number.NaN }, /timeoutMs/],
  ])("ingest: the misused option %j throws a usage error before reading", async (options, message) => {
    await expect(collect(["-"], options)).rejects.toMatchObject({
      code: "usage",
      message: expect.stringMatching(message),
    });
  });
});

describe("ingest: read errors", () => {
  it.each<[string, () => NodeJS.ReadableStream]>([
    [
      "an error with a system code",
      () => {
        const s = new PassThrough();
        s.write(NEWS_PARAGRAPH);
        setImmediate(() => s.destroy(Object.assign(new Error("EIO: i/o error, read"), { code: "EIO" })));
        return s;
      },
    ],
    [
      "a plain error",
      () => {
        const s = new PassThrough();
        setImmediate(() => s.destroy(new Error("boom")));
        return s;
      },
    ],
  ])("ingest: a stream failing with %s is ingest/unreadable and the batch goes on", async (_name, stream) => {
    const [file] = writeFiles(tmp(), { "ok.txt": NEWS_PARAGRAPH }) as [string];
    const items = await collect(["-", file], { stdin: stream() });
    expect(items.map(summarize)).toEqual(["ingest/unreadable -", `ok ${file} text`]);
  });
});

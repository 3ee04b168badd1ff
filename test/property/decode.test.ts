/**
 * Properties of charset decoding and sniffing (src/ingest/decode.ts, sniff.ts): whatever the bytes, the
 * declared labels and the format, decoding returns text with a named encoding and only known warning codes;
 * sniffing returns one of its formats; valid UTF-8 and BOM-marked UTF-16 come back exactly.
 */
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes, normalizeEncoding, sniffBinary, sniffFormat } from "../../src/ingest/index.js";
import { sniffFormatOfHead } from "../../src/ingest/sniff.js";
import { anyText, htmlInput, textInput } from "./arbitraries.js";
import { CHEAP_RUNS, runs, withinTime } from "./invariants.js";

const ENCODED_BY = ["bom", "meta", "header", "detected", "default", "declared"];
const DECODE_WARNINGS = ["ingest/invalid-utf8", "ingest/encoding-guessed"];
const LABELS = [
  "utf-8",
  "UTF8",
  "utf-16",
  "utf-16be",
  "iso-8859-1",
  "windows-1251",
  "shift_jis",
  "gb2312",
  "koi8-r",
  "x-user-defined",
  "utf-32",
  "utf-7",
  "bogus",
  "",
  ";;;",
];

const label = fc.oneof(fc.constantFrom(...LABELS), fc.string({ maxLength: 12 }));
const contentType = fc.option(
  label.map((l) => `text/html; charset=${l}`),
  { nil: undefined },
);
const format = fc.constantFrom("html", "text", "jsonl", "feed", "warc", undefined);

/** Bytes of any kind: random, text in a legacy or UTF-16 encoding, HTML with a declared charset. */
const anyBytes: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
  fc
    .tuple(htmlInput, fc.constantFrom("utf-8", "utf-16le", "utf-16be", "windows-1252", "koi8-r", "shift_jis"))
    .map(([text, encoding]) => iconv.encode(text, encoding)),
  fc
    .tuple(label, htmlInput)
    .map(([l, html]) =>
      Buffer.from(`<html><head><meta charset="${l}"></head><body>${html}</body></html>`, "latin1"),
    ),
  fc.tuple(label, textInput).map(([l, text]) => Buffer.from(`<?xml version="1.0" encoding="${l}"?>${text}`)),
);

/** Text without a leading BOM (which decoding strips, as it should) and without NUL (the UTF-16 sniffer's cue). */
const plainText = fc.oneof(textInput, htmlInput).filter((t) => !t.startsWith("\uFEFF") && !t.includes("\0"));

describe("property: decoding", () => {
  it("decode: never throws on any bytes, Content-Type and format; names its encoding; warns only with known codes", () => {
    fc.assert(
      fc.property(anyBytes, contentType, format, (bytes, type, fmt) => {
        const decoded = withinTime(() => decodeBytes(bytes, { contentType: type, format: fmt }));
        expect(typeof decoded.text).toBe("string");
        expect(decoded.encoding.name.length).toBeGreaterThan(0);
        expect(ENCODED_BY).toContain(decoded.encoding.by);
        for (const warning of decoded.warnings) expect(DECODE_WARNINGS).toContain(warning.code);
      }),
      runs(CHEAP_RUNS),
    );
  });

  it("decode: text that is valid UTF-8 comes back exactly (plain text, no declaration)", () => {
    fc.assert(
      fc.property(plainText, (text) => {
        const decoded = withinTime(() => decodeBytes(Buffer.from(text, "utf8"), { format: "text" }));
        expect(decoded.text).toBe(text);
        expect(decoded.encoding.name).toBe("utf-8");
        expect(decoded.warnings).toEqual([]);
      }),
      runs(CHEAP_RUNS),
    );
  });

  it.each([
    ["utf-8", Buffer.from([0xef, 0xbb, 0xbf])],
    ["utf-16le", Buffer.from([0xff, 0xfe])],
    ["utf-16be", Buffer.from([0xfe, 0xff])],
  ])("decode: a %s BOM wins over any Content-Type and the text comes back exactly", (encoding, bom) => {
    fc.assert(
      fc.property(plainText, contentType, format, (text, type, fmt) => {
        const bytes = Buffer.concat([bom, iconv.encode(text, encoding)]);
        const decoded = withinTime(() => decodeBytes(bytes, { contentType: type, format: fmt }));
        expect(decoded.text).toBe(text);
        expect(decoded.encoding).toEqual({ name: encoding, by: "bom" });
      }),
      runs(CHEAP_RUNS),
    );
  });

  it("decode: normalizeEncoding returns null or a name iconv-lite can decode with, for any label", () => {
    fc.assert(
      fc.property(fc.oneof(label, anyText), (l) => {
        const name = normalizeEncoding(l);
        if (name !== null) expect(iconv.encodingExists(name)).toBe(true);
      }),
      runs(CHEAP_RUNS),
    );
  });
});

describe("property: sniffing", () => {
  it("sniff: binary and format sniffing never throw and answer in their vocabulary", () => {
    fc.assert(
      fc.property(anyBytes, fc.constantFrom("html", "text", "jsonl", undefined), (bytes, hint) => {
        const why = withinTime(() => sniffBinary(bytes));
        expect(why === null || why.length > 0).toBe(true);
        const text = bytes.toString("latin1");
        expect(["html", "text", "jsonl"]).toContain(withinTime(() => sniffFormat(text, hint)));
        const head = withinTime(() => sniffFormatOfHead(text, { complete: false, hint }));
        expect(["html", "text", "jsonl", "feed", "warc"]).toContain(head);
      }),
      runs(CHEAP_RUNS),
    );
  });

  it("sniff: text made of printable characters is never called binary", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        expect(sniffBinary(Buffer.from(text, "utf8"))).toBeNull();
      }),
      runs(CHEAP_RUNS),
    );
  });
});

import { describe, expect, it } from "vitest";
import { sniffBinary, sniffFormat } from "../../src/ingest/index.js";
import { NEWS_PARAGRAPH } from "./fixtures/helpers.js";

describe("ingest: format sniffing", () => {
  it.each<[string, string, "html" | "text" | "jsonl"]>([
    ["a doctype", "<!DOCTYPE html><title>x</title>", "html"],
    ["a lowercase doctype after whitespace", "\n\n  <!doctype html>\n<p>x</p>", "html"],
    [
      "<html> after a comment and an XML declaration",
      '<?xml version="1.0"?>\n<!-- saved -->\n<html><p>x</p>',
      "html",
    ],
    ["a bare <body>", "<body>hello</body>", "html"],
    ["a fragment opening with <p>", `<p>${NEWS_PARAGRAPH}</p>`, "html"],
    [
      "text with many HTML tags early on",
      `Breaking: <b>news</b> <i>here</i>, <a href="x">link</a> <br> more`,
      "html",
    ],
    ["plain text", NEWS_PARAGRAPH, "text"],
    ["text quoting one tag", `${NEWS_PARAGRAPH} The post said "<b>urgent</b>".`, "text"],
    ["Markdown", `# Title\n\n${NEWS_PARAGRAPH}\n\n* [Home](/)`, "text"],
    ["JSON Lines", '{"url":"u","text":"a"}\n{"url":"v","text":"b"}\n', "jsonl"],
    [
      "JSON Lines with CRLF and blank lines",
      '\r\n{"url":"u","html":"<p>a</p>"}\r\n\r\n{"url":"v","text":"b"}\r\n',
      "jsonl",
    ],
    [
      "JSON Lines whose second line is bad",
      '{"url":"u","text":"a"}\nnot json\n{"url":"w","text":"c"}',
      "jsonl",
    ],
    ["a single JSON object line", '{"url":"u","text":"a"}', "jsonl"],
    ["pretty-printed JSON (not one object per line)", '{\n  "url": "u",\n  "text": "a"\n}\n', "text"],
    ["a JSON array", '[{"url":"u","text":"a"}]', "text"],
    [
      "text that starts with braces",
      "{braces} are used here.\nAnd here is prose that is not JSON.\nMore prose.",
      "text",
    ],
  ])("ingest: sniffs %s as %s", (_name, text, format) => {
    expect(sniffFormat(text)).toBe(format);
  });

  it.each<[string, string, "html" | "text" | "jsonl" | undefined, "html" | "text" | "jsonl"]>([
    ["one tag with an .html hint", `Story: <b>${NEWS_PARAGRAPH}</b>`, "html", "html"],
    ["one tag with a .txt hint", `Story: <b>${NEWS_PARAGRAPH}</b>`, "text", "text"],
    ["one tag without a hint", `Story: <b>${NEWS_PARAGRAPH}</b>`, undefined, "text"],
    ["plain text with an .html hint (no tags at all)", NEWS_PARAGRAPH, "html", "text"],
    ["a doctype with a .txt hint (the content wins)", "<!doctype html><p>x</p>", "text", "html"],
    [
      "a broken first record with a .jsonl hint",
      '{"url": "u", "text": \n{"url":"v","text":"b"}',
      "jsonl",
      "jsonl",
    ],
    [
      "a broken first record without a hint",
      '{"url": "u", "text": \n{"url":"v","text":"b"}',
      undefined,
      "text",
    ],
    ["prose with a .jsonl hint", NEWS_PARAGRAPH, "jsonl", "text"],
  ])("ingest: the extension breaks ties: %s → %s", (_name, text, hint, format) => {
    expect(sniffFormat(text, hint)).toBe(format);
  });
});

describe("ingest: binary sniffing", () => {
  it.each<[string, Buffer, RegExp | null]>([
    ["PNG", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), /PNG image/],
    ["JPEG", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), /JPEG image/],
    ["GIF", Buffer.from("GIF89a\x01\x00", "latin1"), /GIF image/],
    ["PDF", Buffer.from("%PDF-1.4\n1 0 obj\n"), /PDF document/],
    ["ZIP", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]), /ZIP archive/],
    ["WebP", Buffer.from("RIFF\x10\x00\x00\x00WEBPVP8 ", "latin1"), /WebP image/],
    ["NULs", Buffer.alloc(100), /NUL/],
    ["unknown bytes with NULs", Buffer.from([0x10, 0x00, 0x9b, 0x42, 0x00, 0x00, 0x7f]), /NUL/],
    ["plain ASCII", Buffer.from(NEWS_PARAGRAPH), null],
    ["tabs, CRLF, form feed and ANSI escapes", Buffer.from("a\tb\r\nc\fd\x1b[1mbold\x1b[0m\n"), null],
    ["UTF-16LE text with its NULs", Buffer.from(NEWS_PARAGRAPH, "utf16le"), null],
    [
      "UTF-16LE text with a BOM",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NEWS_PARAGRAPH, "utf16le")]),
      null,
    ],
    ["Windows-1252 bytes", Buffer.from("\x93quoted\x94 \x80 5", "latin1"), null],
  ])("ingest: %s → %s", (_name, bytes, expected) => {
    const result = sniffBinary(bytes);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toMatch(expected);
  });
});

import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes, normalizeEncoding } from "../../src/ingest/index.js";
import { ingestOne, NEWS_PARAGRAPH, useTmpDir, writeFiles } from "./fixtures/helpers.js";

const tmp = useTmpDir();

const SMART_QUOTES =
  "\u201cWe will not leave,\u201d the mayor said. Aid worth \u20ac2 million – and café food – arrived.";
const RUSSIAN =
  "Военные сообщили, что в пятницу в столице произошли столкновения между солдатами и протестующими. " +
  "По словам свидетелей, полиция применила слезоточивый газ против толпы у здания парламента.";
const JAPANESE =
  "金曜日、首都で兵士と抗議者が衝突したと目撃者が語った。警察は議会の建物の外で群衆に催涙ガスを発射した。";

function page(charsetMeta: string, body: string): string {
  return `<!DOCTYPE html><html><head>${charsetMeta}<title>Report</title></head><body><p>${body}</p></body></html>`;
}

describe("ingest: decoding", () => {
  it.each<[string, Buffer, string, { name: string; by: string }, ("html" | "text")?]>([
    [
      "Windows-1252 declared by <meta charset>",
      iconv.encode(page('<meta charset="windows-1252">', SMART_QUOTES), "windows-1252"),
      SMART_QUOTES,
      { name: "windows-1252", by: "meta" },
    ],
    [
      "ISO-8859-1 in <meta http-equiv> decodes as Windows-1252 (smart quotes, €)",
      iconv.encode(
        page('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', SMART_QUOTES),
        "windows-1252",
      ),
      SMART_QUOTES,
      { name: "windows-1252", by: "meta" },
    ],
    [
      "Windows-1252 without any declaration (detected)",
      iconv.encode(page("", `${SMART_QUOTES} ${NEWS_PARAGRAPH} ${SMART_QUOTES}`), "windows-1252"),
      SMART_QUOTES,
      { name: "windows-1252", by: "detected" },
    ],
    [
      "UTF-16LE with a BOM",
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page("", RUSSIAN), "utf-16le")]),
      RUSSIAN,
      { name: "utf-16le", by: "bom" },
    ],
    [
      "UTF-16BE with a BOM",
      Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(page("", SMART_QUOTES), "utf-16be")]),
      SMART_QUOTES,
      { name: "utf-16be", by: "bom" },
    ],
    [
      "UTF-16BE without a BOM, declared in <meta>",
      iconv.encode(page('<meta charset="utf-16">', SMART_QUOTES), "utf-16be"),
      SMART_QUOTES,
      { name: "utf-16be", by: "meta" },
    ],
    [
      "UTF-16LE without a BOM or declaration (NUL pattern)",
      iconv.encode(page("", RUSSIAN), "utf-16le"),
      RUSSIAN,
      { name: "utf-16le", by: "detected" },
    ],
    [
      "Shift_JIS declared in <meta>",
      iconv.encode(
        page('<meta http-equiv="content-type" content="text/html;charset=Shift_JIS">', JAPANESE),
        "shift_jis",
      ),
      JAPANESE,
      { name: "shift_jis", by: "meta" },
    ],
    [
      "KOI8-R declared in <meta>",
      iconv.encode(page("<meta charset=koi8-r>", RUSSIAN), "koi8-r"),
      RUSSIAN,
      { name: "koi8-r", by: "meta" },
    ],
    [
      "a UTF-8 BOM",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page("", SMART_QUOTES))]),
      SMART_QUOTES,
      { name: "utf-8", by: "bom" },
    ],
    ["undeclared valid UTF-8", Buffer.from(page("", RUSSIAN)), RUSSIAN, { name: "utf-8", by: "default" }],
    [
      "a stale legacy <meta> on bytes that are valid UTF-8 (re-saved page)",
      Buffer.from(page('<meta charset="windows-1251">', RUSSIAN)),
      RUSSIAN,
      { name: "utf-8", by: "detected" },
    ],
    [
      "a UTF-16 <meta> on ASCII-compatible bytes (HTML spec: UTF-8)",
      Buffer.from(page('<meta charset="utf-16">', SMART_QUOTES)),
      SMART_QUOTES,
      { name: "utf-8", by: "meta" },
    ],
    [
      "KOI8-R plain text without a declaration (detected)",
      iconv.encode(`${RUSSIAN}\n\n${RUSSIAN}`, "koi8-r"),
      RUSSIAN,
      { name: "koi8-r", by: "detected" },
      "text",
    ],
  ])("ingest: decodes %s", (_name, bytes, expected, encoding, format) => {
    const decoded = decodeBytes(bytes, { format });
    expect(decoded.text).toContain(expected);
    expect(decoded.text).not.toContain("\uFEFF");
    expect(decoded.encoding).toEqual(encoding);
  });

  it.each([
    ["text/html; charset=KOI8-R", { name: "koi8-r", by: "header" }],
    ['text/html; charset="koi8-r"', { name: "koi8-r", by: "header" }],
    ["text/html", { name: "koi8-r", by: "meta" }],
    ["text/html; charset=no-such-charset", { name: "koi8-r", by: "meta" }],
  ])("ingest: with Content-Type %j the encoding is %j", (contentType, encoding) => {
    const bytes = iconv.encode(page('<meta charset="koi8-r">', RUSSIAN), "koi8-r");
    const decoded = decodeBytes(bytes, { contentType });
    expect(decoded.encoding).toEqual(encoding);
    expect(decoded.text).toContain(RUSSIAN);
  });

  it("ingest: the header charset wins over <meta> (as in browsers)", () => {
    const bytes = iconv.encode(page('<meta charset="windows-1252">', RUSSIAN), "koi8-r");
    const decoded = decodeBytes(bytes, { contentType: "text/html; charset=koi8-r" });
    expect(decoded.encoding).toEqual({ name: "koi8-r", by: "header" });
    expect(decoded.text).toContain(RUSSIAN);
  });

  it("ingest: a guess is reported as a warning", () => {
    const decoded = decodeBytes(iconv.encode(`${RUSSIAN} ${RUSSIAN}`, "koi8-r"), { format: "text" });
    expect(decoded.warnings).toEqual([
      { code: "ingest/encoding-guessed", message: expect.stringMatching(/koi8-r/) },
    ]);
  });

  it("ingest: mostly valid UTF-8 with a stray byte stays UTF-8, with replacement characters and a warning", () => {
    const bytes = Buffer.concat([Buffer.from(RUSSIAN), Buffer.from([0xff]), Buffer.from(RUSSIAN)]);
    const decoded = decodeBytes(bytes, { format: "text" });
    expect(decoded.encoding).toEqual({ name: "utf-8", by: "detected" });
    expect(decoded.text).toBe(`${RUSSIAN}\uFFFD${RUSSIAN}`);
    expect(decoded.warnings.map((w) => w.code)).toEqual(["ingest/invalid-utf8"]);
  });

  it("ingest: <meta> is not looked for in plain text", () => {
    const bytes = iconv.encode(
      `A page may say <meta charset="koi8-r"> in its text. ${SMART_QUOTES}`,
      "windows-1252",
    );
    expect(decodeBytes(bytes, { format: "text" }).encoding.name).not.toBe("koi8-r");
  });

  it.each([
    ["latin1", "windows-1252"],
    ["US-ASCII", "windows-1252"],
    ["ISO-8859-1", "windows-1252"],
    ["utf8", "utf-8"],
    ["Shift_JIS", "shift_jis"],
    ["x-sjis", "shift_jis"],
    ["GB2312", "gbk"],
    ["utf-16", "utf-16le"],
    ["bogus-charset", null],
    ["", null],
  ])("ingest: the label %j normalises to %s", (label, name) => {
    expect(normalizeEncoding(label)).toBe(name);
  });

  it.each([
    [
      "a Windows-1252 page with <meta charset>",
      "meta.html",
      iconv.encode(page('<meta charset="windows-1252">', SMART_QUOTES), "windows-1252"),
      "meta",
    ],
    [
      "a Windows-1252 page without <meta>",
      "plain.html",
      iconv.encode(page("", `${SMART_QUOTES} ${NEWS_PARAGRAPH}`), "windows-1252"),
      "detected",
    ],
  ])("ingest: reading %s from a file records its encoding", async (_name, fileName, bytes, by) => {
    const [file] = writeFiles(tmp(), { [fileName]: bytes }) as [string];
    const item = await ingestOne(file);
    expect(item.ok).toBe(true);
    if (!item.ok) return;
    expect(item.doc.format).toBe("html");
    expect(item.doc.content).toContain(SMART_QUOTES);
    expect(item.doc.encoding).toEqual({ name: "windows-1252", by });
  });
});

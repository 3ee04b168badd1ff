import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { sniffFormatOfHead } from "../../src/ingest/sniff.js";
import { collect, useTmpDir, writeFiles } from "./fixtures/helpers.js";

const tmp = useTmpDir();

const CRLF = "\r\n";

/** One WARC record: version line, headers, blank line, block, two CRLFs. */
function warcRecord(headers: Record<string, string>, block: Buffer): Buffer {
  const lines = [
    "WARC/1.1",
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    `Content-Length: ${block.length}`,
  ];
  return Buffer.concat([
    Buffer.from(lines.join(CRLF) + CRLF + CRLF, "latin1"),
    block,
    Buffer.from(CRLF + CRLF),
  ]);
}

function httpResponse(status: string, headers: Record<string, string>, body: Buffer): Buffer {
  const head = [status, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join(CRLF);
  return Buffer.concat([Buffer.from(head + CRLF + CRLF, "latin1"), body]);
}

const PAGE =
  "<html><body><p>Café owners protested the “new” tax on Monday — police said 200 people came.</p></body></html>";
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

const RECORDS = [
  warcRecord(
    {
      "WARC-Type": "warcinfo",
      "WARC-Record-ID": "<urn:uuid:0000>",
      "Content-Type": "application/warc-fields",
    },
    Buffer.from("software: example-crawler/1.0\r\n"),
  ),
  warcRecord(
    {
      "WARC-Type": "request",
      "WARC-Record-ID": "<urn:uuid:1111>",
      "WARC-Target-URI": "https://cafe.example/tax",
    },
    Buffer.from("GET /tax HTTP/1.1\r\nHost: cafe.example\r\n\r\n"),
  ),
  warcRecord(
    {
      "WARC-Type": "response",
      "WARC-Record-ID": "<urn:uuid:2222>",
      "WARC-Target-URI": "https://cafe.example/tax",
      "Content-Type": "application/http; msgtype=response",
    },
    httpResponse(
      "HTTP/1.1 200 OK",
      { "Content-Type": "text/html; charset=windows-1252" },
      iconv.encode(PAGE, "windows-1252"),
    ),
  ),
  warcRecord(
    {
      "WARC-Type": "response",
      "WARC-Record-ID": "<urn:uuid:3333>",
      "WARC-Target-URI": "https://cafe.example/logo.png",
      "Content-Type": "application/http; msgtype=response",
    },
    httpResponse("HTTP/1.1 200 OK", { "Content-Type": "image/png" }, PNG),
  ),
  warcRecord(
    {
      "WARC-Type": "metadata",
      "WARC-Record-ID": "<urn:uuid:4444>",
      "Content-Type": "application/warc-fields",
    },
    Buffer.from("outlinks: https://cafe.example/logo.png\r\n"),
  ),
];

const EXPECTED_DOC = {
  format: "html",
  content: PAGE,
  url: "https://cafe.example/tax",
  encoding: { name: "windows-1252", by: "header" },
};

describe("ingest: WARC", () => {
  it("ingest: sniffs WARC/1.0 and WARC/1.1", () => {
    expect(sniffFormatOfHead("WARC/1.0\r\nWARC-Type: warcinfo\r\n", { complete: true })).toBe("warc");
    expect(sniffFormatOfHead("WARC/1.1\r\n", { complete: true })).toBe("warc");
    expect(sniffFormatOfHead("WARC/2.0 is not out\n", { complete: true })).toBe("text");
  });

  it.each([
    ["plain", Buffer.concat(RECORDS), "crawl.warc"],
    ["gzip'd per record", Buffer.concat(RECORDS.map((record) => gzipSync(record))), "crawl.warc.gz"],
    ["gzip'd whole", gzipSync(Buffer.concat(RECORDS)), "crawl.warc.gz"],
  ])("ingest: %s WARC → one HTML document, decoded by the HTTP charset", async (_label, bytes, file) => {
    const [path] = writeFiles(tmp(), { [file]: bytes });
    const items = await collect([path as string]);
    expect(items).toMatchObject([{ ok: true, doc: { ...EXPECTED_DOC, name: `${path}#urn:uuid:2222` } }]);
  });

  it("ingest: a resource record of HTML is a document; non-2xx responses are skipped", async () => {
    const body = Buffer.from("<p>Resource page.</p>");
    const records = [
      warcRecord(
        {
          "WARC-Type": "response",
          "WARC-Target-URI": "https://cafe.example/old",
          "Content-Type": "application/http; msgtype=response",
        },
        httpResponse(
          "HTTP/1.1 301 Moved Permanently",
          { "Content-Type": "text/html" },
          Buffer.from("<a>moved</a>"),
        ),
      ),
      warcRecord(
        { "WARC-Type": "resource", "WARC-Target-URI": "file:///page.html", "Content-Type": "text/html" },
        body,
      ),
    ];
    const [path] = writeFiles(tmp(), { "res.warc": Buffer.concat(records) });
    expect(await collect([path as string])).toMatchObject([
      { ok: true, doc: { name: `${path}#2`, content: "<p>Resource page.</p>", url: "file:///page.html" } },
    ]);
  });

  it("ingest: a truncated record fails and ends the file", async () => {
    const whole = Buffer.concat(RECORDS.slice(0, 3));
    const [path] = writeFiles(tmp(), { "cut.warc": whole.subarray(0, whole.length - 60) });
    expect(await collect([path as string])).toEqual([
      {
        ok: false,
        input: `${path}#urn:uuid:2222`,
        code: "ingest/bad-warc",
        message: expect.stringMatching(/truncated/),
      },
    ]);
  });

  it("ingest: an HTML record over maxBytes fails alone", async () => {
    const [path] = writeFiles(tmp(), { "big.warc": Buffer.concat(RECORDS) });
    expect(await collect([path as string], { maxBytes: 100 })).toMatchObject([
      { ok: false, input: `${path}#urn:uuid:2222`, code: "ingest/too-large" },
    ]);
  });

  it("ingest: a WARC with no HTML records is one failure that counts what was skipped", async () => {
    const [path] = writeFiles(tmp(), { "img.warc": Buffer.concat([RECORDS[0], RECORDS[3]] as Buffer[]) });
    expect(await collect([path as string])).toEqual([
      {
        ok: false,
        input: path,
        code: "ingest/bad-warc",
        message: expect.stringMatching(/2 records skipped/),
      },
    ]);
  });
});

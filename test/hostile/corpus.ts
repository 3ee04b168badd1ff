/**
 * The hostile corpus (issue 6): bad inputs of every kind the ingest path reads, plus a few good articles in the
 * same batch, written into a temporary folder at test time (nothing big is committed). Big inputs are written
 * in fixed-size chunks and bombs are built from repeated gzip members, so writing the whole corpus takes well
 * under a second and little memory.
 *
 * Every entry states the outcome of each document it yields: refused (with the diagnostic code it must be
 * reported with) or landed (with the report that must reach the store, and the warning it carries, if any).
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateRawSync, gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import {
  BRIDGE_STRIKE,
  CHECKPOINT_RAID,
  CONVOY_AMBUSH,
  DEPOT_STRIKE,
  DISSIDENT_CLASH,
  type ExampleReport,
  FUEL_PROTEST,
  HERDER_CLASH,
  HOSPITAL_SHELLING,
  MARKET_ATTACK,
  MILITIA_AMBUSH,
  PORT_BLOCKADE,
  reportHtml,
  reportText,
  STUDENT_PROTEST,
  TOWN_SEIZED,
} from "./reports.js";

export const KIB = 1024;
export const MIB = 1024 * KIB;
/** Size of the single-line inputs (a text line and a JSON Lines record). */
export const HUGE_LINE_BYTES = 100 * MIB;
/** What the gzip bombs inflate to. */
export const BOMB_INFLATED_BYTES = 1024 * MIB;
/** Nesting depth of the deeply nested HTML pages and JSON values. */
export const NESTING_DEPTH = 100_000;
/** Size of the random binary files. */
const RANDOM_BYTES = 64 * KIB;
/** Seed of the random bytes, so a failure can be reproduced. */
const RANDOM_SEED = 0x5eed_b17e;
/** Uncompressed size of the file inside the zip archive. */
const ZIP_ENTRY_BYTES = 16 * MIB;
/** Bytes per write when streaming big files to disk. */
const WRITE_CHUNK_BYTES = MIB;

/** What must happen to one document of the batch. */
export type Outcome =
  | { refused: string }
  | { landed: ExampleReport; warning?: "ingest/invalid-utf8" | "ingest/encoding-guessed" };

export interface CorpusEntry {
  /** File name inside the corpus folder (sorted order is the batch order). */
  file: string;
  /** What is hostile about it. */
  hostile: string;
  /** Documents it yields: "" is the file itself, "#n" / "#<record id>" a JSON Lines line, feed item or WARC record. */
  documents: Readonly<Record<string, Outcome>>;
  write(path: string): void;
}

// ---------------------------------------------------------------------------------------------------------
// Writers

/** A deterministic byte generator (xorshift32): random binary that is the same on every run. */
function randomBytes(length: number, seed = RANDOM_SEED): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** `head`, then `fill` repeated until `total` bytes are written in all, then `tail`; streamed in chunks. */
function writeRepeated(
  path: string,
  parts: { head?: string; fill: string; total: number; tail?: string },
): void {
  const fd = openSync(path, "w");
  try {
    const head = Buffer.from(parts.head ?? "");
    const tail = Buffer.from(parts.tail ?? "");
    writeSync(fd, head);
    const unit = Buffer.from(parts.fill);
    const chunk = Buffer.alloc(Math.floor(WRITE_CHUNK_BYTES / unit.length) * unit.length, unit);
    let left = parts.total - head.length - tail.length;
    while (left > 0) {
      const n = Math.min(left, chunk.length);
      writeSync(fd, chunk, 0, n);
      left -= n;
    }
    writeSync(fd, tail);
  } finally {
    closeSync(fd);
  }
}

/** A gzip bomb: one member inflating to 1 MiB of `fill`, repeated (concatenated members are valid gzip). */
function writeGzipBomb(path: string, fill: string, inflatedBytes: number): void {
  const unit = Buffer.from(fill);
  const member = gzipSync(Buffer.alloc(Math.floor(MIB / unit.length) * unit.length, unit), { level: 9 });
  const perMember = Math.floor(MIB / unit.length) * unit.length;
  const fd = openSync(path, "w");
  try {
    for (let written = 0; written < inflatedBytes; written += perMember) writeSync(fd, member);
  } finally {
    closeSync(fd);
  }
}

/** A real one-entry zip archive (local header, deflated data, central directory, end record). */
function zipArchive(name: string, content: Buffer): Buffer {
  const data = deflateRawSync(content, { level: 9 });
  const fileName = Buffer.from(name);
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

/** One WARC record (CRLF line ends); `length` overrides the true Content-Length. */
function warcRecord(
  headers: Record<string, string>,
  block: string | Buffer,
  options: { version?: string; length?: string } = {},
): Buffer {
  const body = Buffer.isBuffer(block) ? block : Buffer.from(block);
  const lines = [
    options.version ?? "WARC/1.1",
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    `Content-Length: ${options.length ?? body.length}`,
  ];
  return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`), body, Buffer.from("\r\n\r\n")]);
}

function httpResponse(status: string, contentType: string, body: string): string {
  return `HTTP/1.1 ${status}\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

function response(id: string, uri: string, block: string): Buffer {
  return warcRecord(
    {
      "WARC-Type": "response",
      "WARC-Record-ID": `<urn:uuid:${id}>`,
      "WARC-Target-URI": uri,
      "WARC-Date": "2024-05-06T10:00:00Z",
      "Content-Type": "application/http; msgtype=response",
    },
    block,
  );
}

function jsonLine(value: unknown): string {
  return JSON.stringify(value);
}

function rssItem(fields: Record<string, string>): string {
  return `<item>${Object.entries(fields)
    .map(([tag, value]) => `<${tag}>${value}</${tag}>`)
    .join("")}</item>`;
}

const CDATA = (html: string) => `<![CDATA[${html}]]>`;
const reportParagraphsHtml = (r: ExampleReport) => r.paragraphs.map((p) => `<p>${p}</p>`).join("");

// ---------------------------------------------------------------------------------------------------------
// The corpus

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ELF_SIGNATURE = [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00];
const BILLION_LAUGHS_LEVELS = 10;
const BILLION_LAUGHS_FANOUT = 10;

/** The outermost entity of the billion-laughs DTD: 10^10 "lol"s if anything expanded it. */
export const LAUGHS = `&lol${BILLION_LAUGHS_LEVELS - 1};`;

function billionLaughsDoctype(): string {
  const entities = [`<!ENTITY lol0 "lol">`];
  for (let i = 1; i < BILLION_LAUGHS_LEVELS; i++) {
    entities.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(BILLION_LAUGHS_FANOUT)}">`);
  }
  return `<!DOCTYPE rss [\n${entities.join("\n")}\n]>`;
}

export const HOSTILE_CORPUS: readonly CorpusEntry[] = [
  // --- good articles (examples written for these tests), in the same batch
  {
    file: "good-report.html",
    hostile: "nothing: a well-formed HTML page",
    documents: { "": { landed: PORT_BLOCKADE } },
    write: (p) => writeFileSync(p, reportHtml(PORT_BLOCKADE, '<meta charset="utf-8">')),
  },
  {
    file: "good-report.txt",
    hostile: "nothing: a plain-text report",
    documents: { "": { landed: CONVOY_AMBUSH } },
    write: (p) => writeFileSync(p, reportText(CONVOY_AMBUSH)),
  },
  // --- binary and archives
  {
    file: "binary-image.png",
    hostile: "a PNG signature followed by random bytes",
    documents: { "": { refused: "ingest/binary" } },
    write: (p) => writeFileSync(p, Buffer.concat([Buffer.from(PNG_SIGNATURE), randomBytes(RANDOM_BYTES)])),
  },
  {
    file: "binary-program",
    hostile: "an ELF header followed by random bytes, no extension",
    documents: { "": { refused: "ingest/binary" } },
    write: (p) => writeFileSync(p, Buffer.concat([Buffer.from(ELF_SIGNATURE), randomBytes(RANDOM_BYTES, 7)])),
  },
  {
    file: "binary-noise.html",
    hostile: "random bytes under an .html name",
    documents: { "": { refused: "ingest/binary" } },
    write: (p) => writeFileSync(p, randomBytes(RANDOM_BYTES, 11)),
  },
  {
    file: "archive.zip",
    hostile: "a real zip archive holding 16 MiB of zeros (a small zip bomb)",
    documents: { "": { refused: "ingest/binary" } },
    write: (p) => writeFileSync(p, zipArchive("report.html", Buffer.alloc(ZIP_ENTRY_BYTES))),
  },
  {
    file: "bomb-zeros.gz",
    hostile: "a gzip bomb: ~1 MB inflating to 1 GiB of NUL bytes",
    documents: { "": { refused: "ingest/binary" } },
    write: (p) => writeGzipBomb(p, "\0", BOMB_INFLATED_BYTES),
  },
  {
    file: "bomb-markup.html.gz",
    hostile: "a gzip bomb: ~1 MB inflating to 1 GiB of HTML paragraphs",
    documents: { "": { refused: "ingest/too-large" } },
    write: (p) => writeGzipBomb(p, "<p>lol lol lol lol lol lol lol.</p>\n", BOMB_INFLATED_BYTES),
  },
  {
    file: "bomb-record.jsonl.gz",
    hostile: "a gzip bomb of JSON Lines: one record inflating to 1 GiB",
    documents: { "#1": { refused: "ingest/too-large" } },
    write: (p) => writeGzipBomb(p, `{"text":"${"lol ".repeat(8)}`, BOMB_INFLATED_BYTES),
  },
  {
    file: "bomb-truncated.gz",
    hostile: "the first half of a gzip bomb: the stream stops mid-member",
    documents: { "": { refused: "ingest/gzip-truncated" } },
    write: (p) => {
      const member = gzipSync(Buffer.from(`${reportText(MARKET_ATTACK)}\n`.repeat(2000)));
      writeFileSync(p, member.subarray(0, Math.floor(member.length / 2)));
    },
  },
  // --- huge lines and deep nesting
  {
    file: "huge-line.txt",
    hostile: "a single 100 MB line of text",
    documents: { "": { refused: "ingest/too-large" } },
    write: (p) => writeRepeated(p, { fill: "lol ", total: HUGE_LINE_BYTES }),
  },
  {
    file: "huge-line.jsonl",
    hostile: "a 100 MB JSON Lines record, then a good one",
    documents: { "#1": { refused: "ingest/too-large" }, "#2": { landed: DEPOT_STRIKE } },
    write: (p) =>
      writeRepeated(p, {
        head: '{"url":"https://example.org/huge","text":"',
        fill: "lol ",
        total: HUGE_LINE_BYTES,
        tail: `"}\n${jsonLine({ url: "https://wire.example/depot-strike", text: reportText(DEPOT_STRIKE) })}\n`,
      }),
  },
  {
    file: "nested-divs.html",
    hostile: `${NESTING_DEPTH} nested <div>s and no text`,
    documents: { "": { refused: "extract/no-article" } },
    write: (p) =>
      writeFileSync(
        p,
        `<html><body>${"<div>".repeat(NESTING_DEPTH)}${"</div>".repeat(NESTING_DEPTH)}</body></html>`,
      ),
  },
  {
    file: "nested-article.html",
    hostile: `a report at the bottom of ${NESTING_DEPTH} unclosed <div>s`,
    documents: { "": { landed: TOWN_SEIZED } },
    write: (p) =>
      writeFileSync(
        p,
        `<html><head><title>${TOWN_SEIZED.title}</title></head><body>${"<div>".repeat(NESTING_DEPTH)}` +
          `<h1>${TOWN_SEIZED.title}</h1>${reportParagraphsHtml(TOWN_SEIZED)}</body></html>`,
      ),
  },
  // --- encodings
  {
    file: "empty.txt",
    hostile: "0 bytes",
    documents: { "": { refused: "ingest/empty" } },
    write: (p) => writeFileSync(p, ""),
  },
  {
    file: "whitespace.html",
    hostile: "only spaces, tabs and newlines",
    documents: { "": { refused: "ingest/empty" } },
    write: (p) => writeFileSync(p, " \t\r\n".repeat(1000)),
  },
  {
    file: "utf16-no-bom.txt",
    hostile: "UTF-16LE text without a byte-order mark",
    documents: { "": { landed: HOSPITAL_SHELLING } },
    write: (p) => writeFileSync(p, iconv.encode(reportText(HOSPITAL_SHELLING), "utf-16le")),
  },
  {
    file: "mislabelled-charset.html",
    hostile: "UTF-8 bytes under <meta charset=windows-1251>",
    documents: { "": { landed: DISSIDENT_CLASH, warning: "ingest/encoding-guessed" } },
    write: (p) => writeFileSync(p, reportHtml(DISSIDENT_CLASH, '<meta charset="windows-1251">')),
  },
  {
    file: "invalid-utf8.html",
    hostile: "Windows-1252 bytes under <meta charset=utf-8> (invalid UTF-8)",
    documents: { "": { landed: MILITIA_AMBUSH, warning: "ingest/invalid-utf8" } },
    write: (p) =>
      writeFileSync(p, iconv.encode(reportHtml(MILITIA_AMBUSH, '<meta charset="utf-8">'), "windows-1252")),
  },
  {
    file: "control-characters.txt",
    hostile: "text shot through with C0 control characters",
    documents: { "": { refused: "ingest/binary" } },
    write: (p) => writeFileSync(p, reportText(FUEL_PROTEST).replace(/ /g, "\x01\x02 ")),
  },
  // --- broken HTML
  {
    file: "broken-markup.html",
    hostile:
      "a stray </html> in the head, unclosed <p>, <span> and <b>, stray end tags, an unterminated comment",
    documents: { "": { landed: HERDER_CLASH } },
    write: (p) =>
      writeFileSync(
        p,
        `<html><head><title>${HERDER_CLASH.title}</title></html></html><body><div class="story"><h1>${HERDER_CLASH.title}</h1>` +
          `${HERDER_CLASH.paragraphs.map((t) => `<p><span><b>${t}`).join("\n")}</div></span></b></i></td></table>\n<!-- unterminated`,
      ),
  },
  {
    file: "markup-only.html",
    hostile: "a page of scripts, styles and empty elements: no text at all",
    documents: { "": { refused: "extract/no-article" } },
    write: (p) =>
      writeFileSync(
        p,
        `<!doctype html><html><head><style>p{color:red}</style><script>var a="<p>not text</p>";</script></head>` +
          `<body>${"<div><span></span><img src=x.png><br></div>".repeat(200)}</body></html>`,
      ),
  },
  // --- feeds
  {
    file: "feed-truncated.xml",
    hostile: "an RSS feed cut off in the middle of its second item",
    documents: {
      "#1": { landed: STUDENT_PROTEST },
      "#2": { refused: "ingest/bad-feed" },
    },
    write: (p) =>
      writeFileSync(
        p,
        `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Wire</title>` +
          rssItem({
            title: STUDENT_PROTEST.title,
            link: "https://wire.example/dhaka-protest",
            pubDate: "Thu, 09 May 2024 10:00:00 GMT",
            description: CDATA(reportParagraphsHtml(STUDENT_PROTEST)),
          }) +
          "<item><title>Second story</title><link>https://wire.example/sec",
      ),
  },
  {
    file: "feed-no-items.xml",
    hostile: "an RSS channel with no items",
    documents: { "": { refused: "ingest/bad-feed" } },
    write: (p) =>
      writeFileSync(
        p,
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title><link>https://wire.example/</link></channel></rss>`,
      ),
  },
  {
    file: "feed-items-without-links.xml",
    hostile: "an Atom feed whose entries have no links, and one has no content either",
    documents: {
      "#1": { refused: "ingest/bad-feed" },
      "#2": { landed: CHECKPOINT_RAID },
    },
    write: (p) =>
      writeFileSync(
        p,
        `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>` +
          `<entry><title>Only a title</title></entry>` +
          `<entry><title>${CHECKPOINT_RAID.title}</title><updated>2024-03-12T08:00:00Z</updated>` +
          `<content type="html">${reportParagraphsHtml(CHECKPOINT_RAID).replace(/</g, "&lt;").replace(/>/g, "&gt;")}</content></entry></feed>`,
      ),
  },
  {
    file: "feed-billion-laughs.xml",
    hostile:
      "an RSS feed declaring nested entities (billion laughs) and using the outermost one in its title",
    documents: { "#1": { landed: BRIDGE_STRIKE } },
    write: (p) =>
      writeFileSync(
        p,
        `<?xml version="1.0"?>\n${billionLaughsDoctype()}\n<rss version="2.0"><channel><title>${LAUGHS}</title>` +
          rssItem({
            title: LAUGHS,
            description: CDATA(`<p>${LAUGHS}</p>${reportParagraphsHtml(BRIDGE_STRIKE)}`),
          }) +
          "</channel></rss>",
      ),
  },
  // --- WARC
  {
    file: "archive-truncated.warc",
    hostile: "a WARC file: an info record, a good response, a 404, then a record cut off mid-block",
    documents: {
      "#urn:uuid:00000000-0000-4000-8000-000000000002": { landed: MARKET_ATTACK },
      "#urn:uuid:00000000-0000-4000-8000-000000000004": { refused: "ingest/bad-warc" },
    },
    write: (p) => {
      const good = httpResponse("200 OK", "text/html; charset=utf-8", reportHtml(MARKET_ATTACK));
      const cut = response(
        "00000000-0000-4000-8000-000000000004",
        "https://wire.example/cut",
        httpResponse("200 OK", "text/html", reportHtml(FUEL_PROTEST)),
      );
      writeFileSync(
        p,
        Buffer.concat([
          warcRecord(
            {
              "WARC-Type": "warcinfo",
              "WARC-Record-ID": "<urn:uuid:00000000-0000-4000-8000-000000000001>",
              "Content-Type": "application/warc-fields",
            },
            "software: hostile-corpus\r\n",
          ),
          response("00000000-0000-4000-8000-000000000002", "https://wire.example/ansongo-market", good),
          response(
            "00000000-0000-4000-8000-000000000003",
            "https://wire.example/gone",
            httpResponse("404 Not Found", "text/html", "<p>gone</p>"),
          ),
          cut.subarray(0, Math.floor(cut.length / 2)),
        ]),
      );
    },
  },
  {
    file: "archive-bad-length.warc",
    hostile: "a WARC record whose Content-Length is not a number",
    documents: { "#1": { refused: "ingest/bad-warc" } },
    write: (p) =>
      writeFileSync(
        p,
        warcRecord(
          { "WARC-Type": "response" },
          httpResponse("200 OK", "text/html", reportHtml(FUEL_PROTEST)),
          {
            length: "twelve",
          },
        ),
      ),
  },
  {
    file: "archive-bad-version.warc",
    hostile: "a WARC file with an unsupported version line (WARC/0.18)",
    documents: { "#1": { refused: "ingest/bad-warc" } },
    write: (p) =>
      writeFileSync(
        p,
        warcRecord(
          { "WARC-Type": "response" },
          httpResponse("200 OK", "text/html", reportHtml(FUEL_PROTEST)),
          {
            version: "WARC/0.18",
          },
        ),
      ),
  },
  {
    file: "archive-not-http.warc",
    hostile: "WARC response records whose blocks are not HTTP responses",
    documents: { "": { refused: "ingest/bad-warc" } },
    write: (p) =>
      writeFileSync(
        p,
        Buffer.concat([
          response(
            "00000000-0000-4000-8000-000000000011",
            "dns:wire.example",
            "20240506100000\r\nwire.example. 300 IN A 10.0.0.1",
          ),
          response("00000000-0000-4000-8000-000000000012", "https://wire.example/", reportHtml(FUEL_PROTEST)),
        ]),
      ),
  },
  // --- JSON Lines
  {
    file: "wrong-types.jsonl",
    hostile:
      "JSON Lines with wrong types, non-objects, invalid JSON and a deeply nested value, around a good record",
    documents: {
      "#1": { refused: "ingest/bad-jsonl" },
      "#2": { refused: "ingest/bad-jsonl" },
      "#3": { refused: "ingest/bad-jsonl" },
      "#4": { refused: "ingest/bad-jsonl" },
      "#5": { refused: "ingest/bad-jsonl" },
      "#6": { refused: "ingest/bad-jsonl" },
      "#7": { refused: "ingest/bad-jsonl" },
      "#8": { refused: "ingest/bad-jsonl" },
      "#9": { landed: FUEL_PROTEST },
      "#10": { refused: "ingest/empty" },
      "#11": { refused: "ingest/bad-jsonl" },
      "#12": { refused: "ingest/bad-jsonl" },
      "#13": { refused: "extract/no-article" },
    },
    write: (p) =>
      writeFileSync(
        p,
        `${[
          jsonLine({ url: "https://wire.example/a", text: 42 }),
          jsonLine({ html: ["<p>a</p>"] }),
          jsonLine({ text: "ok", title: { nested: true } }),
          jsonLine({ url: 7, text: "x" }),
          `{"text": ${"[".repeat(NESTING_DEPTH)}${"]".repeat(NESTING_DEPTH)}}`,
          `{"text": ${'{"a":'.repeat(NESTING_DEPTH)}1${"}".repeat(NESTING_DEPTH)}}`,
          '{"text": "unterminated',
          "[1, 2, 3]",
          jsonLine({
            url: "https://wire.example/fuel-protest",
            text: reportText(FUEL_PROTEST),
            published: "2024-05-07",
          }),
          jsonLine({ text: "   " }),
          "null",
          jsonLine({ title: "no body" }),
          jsonLine({ text: "\u0000\u0001\u0002".repeat(1000) }),
        ].join("\n")}\n`,
      ),
  },
];

/** The corpus entry of a document name (`<dir>/<file>` plus its suffix). */
export interface ExpectedDocument {
  input: string;
  entry: CorpusEntry;
  outcome: Outcome;
}

/** Write every corpus file into `dir` (created when missing); returns each document's expected outcome. */
export function writeHostileCorpus(dir: string): ExpectedDocument[] {
  mkdirSync(dir, { recursive: true });
  const expected: ExpectedDocument[] = [];
  for (const entry of HOSTILE_CORPUS) {
    const path = join(dir, entry.file);
    entry.write(path);
    for (const [suffix, outcome] of Object.entries(entry.documents)) {
      expected.push({ input: `${path}${suffix}`, entry, outcome });
    }
  }
  return expected;
}

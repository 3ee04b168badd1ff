/**
 * Bytes → text. The encoding is chosen in this order, and the choice is recorded with how it was made:
 * 1. a byte-order mark ("bom");
 * 2. the HTTP Content-Type charset ("header");
 * 3. UTF-16 without a BOM, from the NUL pattern ("meta" when the page also declares UTF-16, else "detected");
 * 4. for HTML, `<meta charset>` / `<meta http-equiv>` / `<?xml encoding>` in the first bytes ("meta");
 * 5. valid UTF-8 ("default"), or mostly valid UTF-8, decoded with replacement characters ("detected");
 * 6. a chardet guess decoded by iconv-lite ("detected"), else Windows-1252 ("default").
 * A declared legacy encoding loses to bytes that are valid UTF-8 with non-ASCII characters (pages re-saved
 * as UTF-8 keep their old `<meta charset>`), with an "ingest/encoding-guessed" warning.
 * Latin-1 and ASCII labels mean Windows-1252, as in browsers.
 */
import { isAscii, isUtf8 } from "node:buffer";
import { analyse } from "chardet";
import iconv from "iconv-lite";
import {
  CHARDET_LEAD_BYTES,
  CHARDET_SAMPLE_BYTES,
  ENCODING_ALIASES,
  FALLBACK_ENCODING,
  META_SCAN_BYTES,
  MOSTLY_UTF8_RATIO,
} from "./constants.js";
import { CHARSET_PARAM, MARKUP_FOR_CHARDET, META_CHARSET, XML_DECLARED_ENCODING } from "./patterns.js";
import { sniffBom, sniffUtf16 } from "./sniff.js";
import type { IngestFormat, IngestWarning, SourceEncoding } from "./types.js";

export interface DecodeOptions {
  /** HTTP Content-Type header value (its charset wins over the page's own declaration). */
  contentType?: string;
  /** "text" skips the HTML `<meta>` prescan; "html" or undefined scans. */
  format?: IngestFormat;
}

export interface Decoded {
  text: string;
  encoding: SourceEncoding;
  /** Problems that did not stop decoding ("ingest/invalid-utf8", "ingest/encoding-guessed"). */
  warnings: IngestWarning[];
}

interface EncodingChoice {
  name: string;
  by: SourceEncoding["by"];
  warnings: IngestWarning[];
}

const UTF8 = "utf-8";
const UTF16_PREFIX = "utf-16";
const ASCII_LIMIT = 0x80;

/** Decode a whole document. Never throws on bad bytes: they become replacement characters and a warning. */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const choice = chooseEncoding(buffer, options);
  const { text, warnings } = decodeWith(buffer, choice.name);
  return {
    text,
    encoding: { name: choice.name, by: choice.by },
    warnings: [...choice.warnings, ...warnings],
  };
}

/** Decode only for sniffing the format: UTF-16 properly, anything else as Latin-1 (markup and JSON are ASCII). */
export function decodeForSniffing(head: Buffer): string {
  const bom = sniffBom(head);
  const utf16 = bom === "utf-8" ? null : (bom ?? sniffUtf16(head));
  if (utf16) return iconv.decode(head, utf16);
  return head.toString("latin1", bom === "utf-8" ? 3 : 0);
}

/** The iconv-lite name for an encoding label, mapped as browsers map it; null when unknown. */
export function normalizeEncoding(label: string | undefined | null): string | null {
  if (!label) return null;
  const lower = label.trim().toLowerCase();
  const name = ENCODING_ALIASES[lower] ?? lower;
  return iconv.encodingExists(name) ? name : null;
}

/** The charset parameter of a Content-Type value, normalised; null when absent or unknown. */
export function charsetOfContentType(contentType: string | undefined): string | null {
  return normalizeEncoding(contentType?.match(CHARSET_PARAM)?.[1]);
}

function chooseEncoding(bytes: Buffer, options: DecodeOptions): EncodingChoice {
  const bom = sniffBom(bytes);
  if (bom) return choose(bom, "bom");
  const header = charsetOfContentType(options.contentType);
  if (header) return preferValidUtf8(bytes, resolveUtf16(bytes, header), "header");
  const scansMeta = options.format !== "text";
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    const declared = scansMeta
      ? declaredEncoding(iconv.decode(bytes.subarray(0, 2 * META_SCAN_BYTES), utf16))
      : null;
    return choose(utf16, declared?.startsWith(UTF16_PREFIX) ? "meta" : "detected");
  }
  const declared = scansMeta ? declaredEncoding(bytes.toString("latin1", 0, META_SCAN_BYTES)) : null;
  if (declared) {
    // A UTF-16 declaration readable as ASCII cannot be true: the HTML spec decodes such pages as UTF-8.
    return declared.startsWith(UTF16_PREFIX)
      ? choose(UTF8, "meta")
      : preferValidUtf8(bytes, declared, "meta");
  }
  if (isUtf8(bytes)) return choose(UTF8, "default");
  if (isMostlyUtf8(bytes)) return choose(UTF8, "detected");
  return guessEncoding(bytes, options.format);
}

function choose(name: string, by: SourceEncoding["by"], warnings: IngestWarning[] = []): EncodingChoice {
  return { name, by, warnings };
}

/** A header saying just "utf-16" (or the wrong byte order) yields to the NUL pattern of the bytes. */
function resolveUtf16(bytes: Buffer, name: string): string {
  return name.startsWith(UTF16_PREFIX) ? (sniffUtf16(bytes) ?? name) : name;
}

function preferValidUtf8(bytes: Buffer, declared: string, by: SourceEncoding["by"]): EncodingChoice {
  if (declared === UTF8 || declared.startsWith(UTF16_PREFIX) || !hasNonAscii(bytes) || !isUtf8(bytes)) {
    return choose(declared, by);
  }
  return choose(UTF8, "detected", [
    {
      code: "ingest/encoding-guessed",
      message: `declared ${declared} (by ${by}), but the bytes are valid UTF-8 with non-ASCII characters: decoded as UTF-8`,
    },
  ]);
}

/** The encoding an HTML head declares in `<?xml encoding>` or `<meta>`, normalised; null when none or unknown. */
function declaredEncoding(head: string): string | null {
  const window = head.slice(0, META_SCAN_BYTES);
  return normalizeEncoding(window.match(XML_DECLARED_ENCODING)?.[1] ?? window.match(META_CHARSET)?.[1]);
}

function guessEncoding(bytes: Buffer, format: IngestFormat | undefined): EncodingChoice {
  for (const match of analyse(chardetSample(bytes, format))) {
    const name = normalizeEncoding(match.name);
    if (!name || name === UTF8 || name.startsWith(UTF16_PREFIX) || name.startsWith("utf-32")) continue;
    return choose(name, "detected", [
      {
        code: "ingest/encoding-guessed",
        message: `no charset declared and not UTF-8: guessed ${name} (chardet confidence ${match.confidence}%)`,
      },
    ]);
  }
  return choose(FALLBACK_ENCODING, "default", [
    {
      code: "ingest/encoding-guessed",
      message: `no charset declared, not UTF-8, and no guess: assumed ${FALLBACK_ENCODING}`,
    },
  ]);
}

/** The bytes chardet sees: from just before the first non-ASCII byte, with HTML markup removed. */
function chardetSample(bytes: Buffer, format: IngestFormat | undefined): Buffer {
  const firstHigh = bytes.findIndex((byte) => byte >= ASCII_LIMIT);
  const start = Math.max(0, firstHigh - CHARDET_LEAD_BYTES);
  if (format === "text") return bytes.subarray(start, start + CHARDET_SAMPLE_BYTES);
  const window = bytes.toString("latin1", start, start + 4 * CHARDET_SAMPLE_BYTES);
  return Buffer.from(window.replace(MARKUP_FOR_CHARDET, " "), "latin1").subarray(0, CHARDET_SAMPLE_BYTES);
}

function decodeWith(bytes: Buffer, name: string): { text: string; warnings: IngestWarning[] } {
  if (name !== UTF8) return { text: iconv.decode(bytes, name), warnings: [] };
  const text = new TextDecoder(UTF8).decode(bytes);
  if (isUtf8(bytes)) return { text, warnings: [] };
  const { invalid } = scanUtf8(bytes);
  return {
    text,
    warnings: [
      {
        code: "ingest/invalid-utf8",
        message: `${invalid} invalid UTF-8 byte${invalid === 1 ? "" : "s"} replaced with U+FFFD`,
      },
    ],
  };
}

function hasNonAscii(bytes: Buffer): boolean {
  return !isAscii(bytes);
}

function isMostlyUtf8(bytes: Buffer): boolean {
  const { multibyte, invalid } = scanUtf8(bytes);
  return multibyte > 0 && multibyte >= invalid * MOSTLY_UTF8_RATIO;
}

/** Count well-formed multi-byte UTF-8 sequences and bytes that start no well-formed sequence. */
export function scanUtf8(bytes: Uint8Array): { multibyte: number; invalid: number } {
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < ASCII_LIMIT) {
      i++;
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      multibyte++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid };
}

/** Lead bytes of well-formed UTF-8 (Unicode Table 3-7): sequence length and the range of the second byte. */
const UTF8_LEADS: readonly { from: number; to: number; length: number; min: number; max: number }[] = [
  { from: 0xc2, to: 0xdf, length: 2, min: 0x80, max: 0xbf },
  { from: 0xe0, to: 0xe0, length: 3, min: 0xa0, max: 0xbf },
  { from: 0xe1, to: 0xec, length: 3, min: 0x80, max: 0xbf },
  { from: 0xed, to: 0xed, length: 3, min: 0x80, max: 0x9f },
  { from: 0xee, to: 0xef, length: 3, min: 0x80, max: 0xbf },
  { from: 0xf0, to: 0xf0, length: 4, min: 0x90, max: 0xbf },
  { from: 0xf1, to: 0xf3, length: 4, min: 0x80, max: 0xbf },
  { from: 0xf4, to: 0xf4, length: 4, min: 0x80, max: 0x8f },
];

/** Length of the well-formed UTF-8 sequence starting at `i` (2–4), or 0 when there is none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] as number;
  const rule = UTF8_LEADS.find(({ from, to }) => lead >= from && lead <= to);
  if (!rule || i + rule.length > bytes.length) return 0;
  const second = bytes[i + 1] as number;
  if (second < rule.min || second > rule.max) return 0;
  for (let k = 2; k < rule.length; k++) {
    const next = bytes[i + k] as number;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return rule.length;
}

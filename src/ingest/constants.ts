/**
 * Knobs of the ingest stage: limits, sniffing windows and the heuristics' thresholds.
 *
 * The sniffing thresholds were set by hand against the test tables in test/ingest and the 181 pages of
 * ../shared/data/extraction-benchmark (all of which must come through as UTF-8 HTML); they are not tuned
 * against a benchmark score.
 */

const KIB = 1024;
const MIB = 1024 * KIB;

/** Largest document accepted (bytes after gunzip), unless `maxBytes` says otherwise. */
export const DEFAULT_MAX_BYTES = 20 * MIB;
/** URL fetch timeout (whole download, headers and body), unless `timeoutMs` says otherwise. */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** Bytes buffered from the start of an input to decide gzip, binary, encoding of the head and format. */
export const HEAD_BYTES = 64 * KIB;
/** Chunk size for reading files. */
export const READ_CHUNK_BYTES = 64 * KIB;

/** Binary sniffing looks at this many leading bytes (or decoded chars for UTF-16). */
export const BINARY_SNIFF_BYTES = KIB;
/** Share of control characters (other than tab, newlines, form feed, escape) above which a head is binary. */
export const BINARY_CONTROL_SHARE = 0.1;

/** UTF-16 without a BOM: share of byte pairs with a NUL on one side (ASCII text in UTF-16)… */
export const UTF16_NUL_PAIR_SHARE = 0.3;
/** …while the other side has NULs in no more than this share of pairs (a NUL-filled file has both). */
export const UTF16_OTHER_SIDE_MAX_SHARE = 0.05;
/** Byte pairs inspected for the UTF-16 NUL pattern. */
export const UTF16_SNIFF_PAIRS = 512;

/** `<meta charset>` / `<?xml encoding>` prescan window (the HTML spec says 1024; pages often put it later). */
export const META_SCAN_BYTES = 4 * KIB;
/** Undeclared bytes that are not valid UTF-8 still decode as UTF-8 (with replacement characters) when they
 * hold at least this many valid multi-byte sequences per invalid byte. Below it, chardet guesses. */
export const MOSTLY_UTF8_RATIO = 10;
/** chardet sees at most this many bytes (starting near the first non-ASCII byte, markup stripped for HTML). */
export const CHARDET_SAMPLE_BYTES = 64 * KIB;
/** Bytes kept before the first non-ASCII byte in the chardet sample. */
export const CHARDET_LEAD_BYTES = KIB;
/** The encoding assumed when nothing is declared, the bytes are not UTF-8 and chardet has no answer. */
export const FALLBACK_ENCODING = "windows-1252";

/** Format sniffing looks at this many leading chars for HTML tags. */
export const HTML_SNIFF_CHARS = 4 * KIB;
/** This many known HTML tags in the sniff window make a document HTML without a doctype. */
export const HTML_MIN_KNOWN_TAGS = 4;
/** JSON Lines sniffing checks up to this many complete non-blank lines of the head… */
export const JSONL_SNIFF_LINES = 10;
/** …and needs this share of them to be JSON objects (the first one always must be). */
export const JSONL_MIN_OBJECT_SHARE = 0.5;

/** Longest reason quoted from a zod issue or JSON.parse error. */
export const MAX_REASON_CHARS = 200;

/**
 * Encoding labels mapped as browsers map them (WHATWG Encoding Standard), so that a page declared or detected
 * as Latin-1/ASCII decodes 0x80–0x9F as Windows-1252 (€, smart quotes) rather than C1 controls.
 */
export const ENCODING_ALIASES: Readonly<Record<string, string>> = {
  "us-ascii": "windows-1252",
  ascii: "windows-1252",
  "ansi_x3.4-1968": "windows-1252",
  "iso-8859-1": "windows-1252",
  iso8859_1: "windows-1252",
  "iso8859-1": "windows-1252",
  "iso_8859-1": "windows-1252",
  latin1: "windows-1252",
  l1: "windows-1252",
  cp1252: "windows-1252",
  "x-cp1252": "windows-1252",
  cp819: "windows-1252",
  "x-user-defined": "windows-1252",
  "iso-8859-9": "windows-1254",
  latin5: "windows-1254",
  "iso-8859-11": "windows-874",
  "tis-620": "windows-874",
  gb2312: "gbk",
  "gb_2312-80": "gbk",
  "x-gbk": "gbk",
  "x-sjis": "shift_jis",
  sjis: "shift_jis",
  ms_kanji: "shift_jis",
  "windows-31j": "shift_jis",
  "ks_c_5601-1987": "euc-kr",
  utf8: "utf-8",
  "unicode-1-1-utf-8": "utf-8",
  "utf-16": "utf-16le",
  unicode: "utf-16le",
  ucs2: "utf-16le",
  "ucs-2": "utf-16le",
};

/** File extensions that hint a format when sniffing is undecided. */
export const EXTENSION_FORMATS: Readonly<Record<string, "html" | "text" | "jsonl">> = {
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".txt": "text",
  ".text": "text",
};

/** Media types that hint a format when sniffing is undecided (URLs). */
export const MEDIA_TYPE_FORMATS: Readonly<Record<string, "html" | "text" | "jsonl">> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/plain": "text",
  "application/jsonl": "jsonl",
  "application/x-ndjson": "jsonl",
  "application/jsonlines": "jsonl",
};

/** Leading bytes of common binary formats, for the "looks like …" hint of ingest/binary. */
export const BINARY_SIGNATURES: readonly { bytes: readonly (number | null)[]; looksLike: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], looksLike: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], looksLike: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], looksLike: "a GIF image" },
  {
    bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50],
    looksLike: "a WebP image",
  },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], looksLike: "a PDF document" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], looksLike: "a ZIP archive (or an Office/EPUB document)" },
  { bytes: [0x50, 0x4b, 0x05, 0x06], looksLike: "an empty ZIP archive" },
  { bytes: [0x42, 0x5a, 0x68], looksLike: "a bzip2 archive" },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], looksLike: "an xz archive" },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], looksLike: "a zstd archive" },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], looksLike: "a 7-Zip archive" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], looksLike: "an ELF executable" },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], looksLike: "an SQLite database" },
  { bytes: [null, null, null, null, 0x66, 0x74, 0x79, 0x70], looksLike: "an MP4/QuickTime video" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], looksLike: "a legacy Office document" },
  { bytes: [0x77, 0x4f, 0x46, 0x46], looksLike: "a WOFF font" },
  { bytes: [0x77, 0x4f, 0x46, 0x32], looksLike: "a WOFF2 font" },
];

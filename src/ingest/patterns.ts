/** Named regexes of the ingest stage, compiled once. */

/** `http://` or `https://` inputs are fetched. */
export const URL_INPUT = /^https?:\/\//i;

/** `charset=` parameter of a Content-Type value (HTTP header or `<meta http-equiv content>`). */
export const CHARSET_PARAM = /;\s*charset\s*=\s*["']?\s*([^\s;"',]+)/i;

/**
 * A `<meta>` declaring a charset in the prescan window, read as Latin-1: covers `<meta charset=x>` and
 * `<meta http-equiv="Content-Type" content="text/html; charset=x">` (the `charset=` inside `content`).
 */
export const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:+-]+)/i;

/** XHTML/XML declaration `<?xml version="1.0" encoding="x"?>` at the very start. */
export const XML_DECLARED_ENCODING = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:+-]+)["']/i;

/** What may precede the first element of an HTML document: whitespace, comments, an XML declaration. */
export const HTML_PROLOGUE = /^(?:\s+|<!--[\s\S]*?-->|<\?xml\b[^>]*>)*/;

/**
 * What may precede a feed's root element: whitespace, comments, the XML declaration and other processing
 * instructions (`<?xml-stylesheet …?>`), and a DOCTYPE naming the root — RSS 0.91's, or one with an internal
 * subset (whose entities are never expanded: see feeds.ts).
 */
export const FEED_PROLOGUE =
  /^(?:\s+|<!--[\s\S]*?-->|<\?[^>]*>|<!DOCTYPE\s+(?:rss|rdf:RDF|feed)\b(?:[^>[]|\[[^\]]*\])*>)*/i;

/** A document that opens (after the prologue) like HTML. */
export const HTML_START = /^<(?:!doctype\s+html|html|head|body)\b/i;

/** A tag of an element that only HTML has (counted to recognise doctype-less fragments). */
export const KNOWN_HTML_TAG =
  /<\/?(?:a|article|b|blockquote|body|br|dd|div|dl|dt|em|figure|footer|h[1-6]|head|header|hr|html|i|img|li|link|main|meta|nav|ol|p|pre|script|section|span|strong|style|table|td|th|title|tr|ul)\b[^<>]*>/gi;

/** A known HTML tag at the start of the text (after the prologue): an HTML fragment. */
export const KNOWN_HTML_TAG_START =
  /^<(?:article|blockquote|div|h[1-6]|main|meta|p|section|table|title|ul|ol)\b[^<>]*>/i;

/** Markup and script/style bodies, removed from the chardet sample of an HTML page (read as Latin-1). */
export const MARKUP_FOR_CHARDET = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>|<[^>]*>/gi;

/** One line break (LF, optional CR before it). */
export const LINE_BREAK = /\r?\n/;

/** A decoded byte-order mark at the start of a text. */
export const LEADING_BOM = /^\uFEFF/;

/** What Node's zlib says when a compressed stream stops early. */
export const GZIP_TRUNCATED_MESSAGE = /unexpected end of file/i;

/** Error codes of Node's zlib (`Z_DATA_ERROR`, `Z_BUF_ERROR`, …). */
export const ZLIB_ERROR_CODE = /^Z_/;

/** A trailing `.gz`, ignored when the extension hints the format. */
export const GZIP_EXTENSION = /\.gz$/i;

/** The media type of a Content-Type value (before any parameters). */
export const MEDIA_TYPE = /^\s*([\w.+-]+\/[\w.+-]+)/;

/** A feed's root element (after the prologue): RSS 2.0 `<rss>`, RSS 1.0 `<rdf:RDF>`, or an Atom `<feed>`. */
export const FEED_START =
  /^<(?:rss\b|rdf:RDF\b|feed\b[^>]*\bxmlns\s*=\s*["']http:\/\/www\.w3\.org\/2005\/Atom["'])/;

/** Any HTML-looking tag: a feed summary holding one is HTML, else plain text. */
export const HTML_MARKUP = /<\/?[a-z][a-z0-9]*\b[^<>]*>/i;

/** The version line that starts a WARC record sitrep reads (`WARC/1.0`, `WARC/1.1`). */
export const WARC_VERSION_LINE = /^WARC\/1\.[01]\r?$/;

/** The version line of a WARC record of any version (`WARC/0.18` drafts too), to name an unsupported one. */
export const WARC_ANY_VERSION_LINE = /^WARC\/\d+\.\d+\r?$/;

/**
 * The start of a WARC file: the version line of its first record, of any version, so that a WARC file sitrep
 * cannot read is reported as one (ingest/bad-warc) instead of being analysed as a text document.
 */
export const WARC_START = /^WARC\/\d+\.\d+\r?\n/;

/** A `Name: value` header line (WARC or HTTP). */
export const HEADER_LINE = /^([^:\s][^:]*):\s*(.*?)\s*$/;

/** An HTML media type in a Content-Type value. */
export const HTML_MEDIA_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)\b/i;

/** The status line of an HTTP response (its code captured). */
export const HTTP_STATUS_LINE = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/;

/** A value wrapped in angle brackets, as WARC record ids (and some target URIs) are. */
export const ANGLE_BRACKETED = /^<(.*)>$/;

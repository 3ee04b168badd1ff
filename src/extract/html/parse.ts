/**
 * Parse HTML once for the whole extract stage. Every node keeps `startIndex`/`endIndex` (offsets into the
 * input string), so main text and metadata can both point back into the source. Entities are decoded.
 * htmlparser2 never throws on malformed markup: it recovers as browsers roughly do.
 */
import type { Document } from "domhandler";
import { parseDocument } from "htmlparser2";

export function parseHtml(html: string): Document {
  return parseDocument(html, { withStartIndices: true, withEndIndices: true });
}

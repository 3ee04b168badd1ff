/**
 * Parse HTML once for the whole extract stage. Every node keeps `startIndex`/`endIndex` (offsets into the
 * input string), so main text and metadata can both point back into the source. Entities are decoded.
 * htmlparser2 never throws on malformed markup: it recovers as browsers roughly do, and nesting is capped as
 * browsers cap it (core/markup.ts), so a page of deeply nested tags parses in linear time.
 */
import type { Document } from "domhandler";
import { parseMarkup } from "../../core/markup.js";

export function parseHtml(html: string): Document {
  return parseMarkup(html, { withStartIndices: true, withEndIndices: true });
}

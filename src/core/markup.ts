/**
 * Parsing outside markup (HTML pages, feeds) into a DOM, with two guarantees htmlparser2 alone does not give:
 *
 * 1. Nesting is capped. htmlparser2 keeps its open elements in an array it `unshift`s and `shift`s, so every
 *    tag costs O(depth) and a page of N nested tags costs O(N²): 100,000 nested `<div>`s (1 MB) took ~6 s to
 *    parse, and a 20 MiB page of them would run for hours. Browsers bound this the same way: past
 *    MAX_MARKUP_DEPTH open elements, a start tag closes the deepest open element first, so it lands beside it
 *    instead of inside (Blink's and WebKit's `kMaximumHTMLParserDOMTreeDepth`). No real page nests that deep;
 *    the text of a deeper one is all kept.
 * 2. Every node's `endIndex` is inside the input. htmlparser2 closes the elements still open at the end of the
 *    input at one past its last character, so `endIndex + 1` (the usual exclusive end) pointed outside it.
 */
import { type Document, DomHandler, type DomHandlerOptions } from "domhandler";
import { Parser, type ParserOptions } from "htmlparser2";

/** Deepest element nesting the parser builds (Blink and WebKit use 512). */
export const MAX_MARKUP_DEPTH = 512;

/**
 * htmlparser2's private open-element stack and pop, which the cap needs. They are looked up at run time: if a
 * release renames them, parsing still works (uncapped) and test/hostile fails on the nesting depth.
 */
interface ParserInternals {
  stack?: unknown;
  popElement?: unknown;
}

class BoundedParser extends Parser {
  constructor(
    handler: DomHandler,
    options: ParserOptions,
    private readonly inputLength: number,
  ) {
    super(handler, options);
  }

  override onopentagname(start: number, endIndex: number): void {
    const internals = this as unknown as ParserInternals;
    const stack = internals.stack;
    const pop = internals.popElement;
    if (Array.isArray(stack) && typeof pop === "function") {
      while (stack.length >= MAX_MARKUP_DEPTH) pop.call(this, true);
    }
    super.onopentagname(start, endIndex);
  }

  override onend(): void {
    // The elements still open are closed at `startIndex`, which may be one past the last character.
    this.startIndex = Math.min(this.startIndex, Math.max(0, this.inputLength - 1));
    super.onend();
  }
}

/** `parseDocument` of htmlparser2 with nesting capped and end indexes inside the input. Never throws. */
export function parseMarkup(text: string, options: ParserOptions & DomHandlerOptions = {}): Document {
  const handler = new DomHandler(undefined, options);
  new BoundedParser(handler, options, text.length).end(text);
  return handler.root;
}

/** Readability.js + jsdom, run live as SOURCE.md describes: `new Readability(doc).parse().textContent`. */
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import type { BenchPage } from "./corpus.js";

const quiet = new VirtualConsole();
/** <style> blocks, removed only on the retry below. */
const STYLE_BLOCK = /<style\b[\s\S]*?<\/style\s*>/gi;

function parseWithReadability(html: string, url: string): string {
  const dom = new JSDOM(html, { url, virtualConsole: quiet });
  try {
    return new Readability(dom.window.document).parse()?.textContent ?? "";
  } finally {
    dom.window.close();
  }
}

/**
 * jsdom 27.4's stylesheet parser (cssstyle) throws on a few pages' <style> blocks ("Cannot create property
 * 'border-width' on string 'inherit'"), which the jsdom 27.0 run in SOURCE.md did not. Readability ignores
 * styles, so on such an exception the page is parsed again without its <style> blocks; only a second
 * failure counts as an error.
 */
export function readabilityText(page: BenchPage): string {
  try {
    return parseWithReadability(page.html, page.url);
  } catch {
    return parseWithReadability(page.html.replace(STYLE_BLOCK, ""), page.url);
  }
}

/** sitrep as a benchmark system, and the whole-page-text baseline. */
import type { AnyNode, Element, Text } from "domhandler";
import { extractMainText } from "../../src/extract/html/index.js";
import { parseHtml } from "../../src/extract/html/parse.js";
import type { BenchPage } from "./corpus.js";

/** Body paragraphs joined by a blank line (as the pipeline's Doc text), without the title. */
export function sitrepText(page: BenchPage, options: { debug?: boolean } = {}): string {
  const document = parseHtml(page.html);
  const main = extractMainText(document, page.html, { url: page.url });
  const text = main.paragraphs.map((b) => b.text).join("\n\n");
  if (!options.debug) return text;
  const removed = main.boilerplate
    .map((b) => `  [${b.kind}] ${b.reason ?? ""}: ${b.text.slice(0, 100)}`)
    .join("\n");
  const norm = (t: string) => (t.match(/[\p{L}\p{N}_]+/gu) ?? []).join(" ");
  const got = norm(text);
  const want = norm(page.truth);
  const missing = page.truth
    .split(/\n+/)
    .filter((p) => !got.includes(norm(p)))
    .map((p) => `  - ${p.slice(0, 150)}`);
  const extra = main.paragraphs
    .filter((b) => !want.includes(norm(b.text)))
    .map((b) => `  + ${b.text.slice(0, 150)}`);
  return `path: ${main.path}\n\n--- extra (not in truth) ---\n${extra.join("\n")}\n\n--- missing ---\n${missing.join("\n")}\n\n--- removed ---\n${removed}`;
}

/** Elements whose text is never page text (the whole-page baseline skips them, as html-text does). */
const NON_TEXT_TAGS: ReadonlySet<string> = new Set(["script", "style", "noscript", "template", "head"]);

/** Everything: all text nodes of the page (entities decoded), outside scripts, styles and <head>. */
export function wholePageText(html: string): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [parseHtml(html)];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.type === "text") parts.push((node as Text).data);
    else if ("children" in node && !("name" in node && NON_TEXT_TAGS.has((node as Element).name))) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
    }
  }
  return parts.join(" ");
}

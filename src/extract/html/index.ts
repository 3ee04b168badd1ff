/**
 * HTML main-text extraction: the article body of a parsed page, what was removed, and which path of the
 * cascade produced it. See main-text.ts for the workflow and constants.ts for the calibrated knobs.
 */
import type { Boilerplate } from "../../core/article.js";
import type { Diagnostic } from "../../core/diagnostics.js";
import type { Block } from "../../core/doc.js";

export interface MainText {
  paragraphs: Block[];
  boilerplate: Boilerplate[];
  diagnostics: Diagnostic[];
  path: string;
}

export { extractMainText } from "./main-text.js";
export { parseHtml } from "./parse.js";

/**
 * Turning the chosen container into body paragraphs: one iterative walk that skips boilerplate subtrees,
 * splits text at block-level elements, normalises whitespace and keeps a source segment per text run.
 */
import type { AnyNode, Element, Text } from "domhandler";
import type { Boilerplate, BoilerplateKind } from "../../core/article.js";
import type { Block } from "../../core/doc.js";
import type { SourceSegment } from "../../core/offsets.js";
import { classifyBoilerplate } from "../boilerplate/index.js";
import {
  BOILERPLATE_TEXT_CAP,
  DATE_LINE_MAX_OTHER_WORDS,
  DATE_ONLY_MAX_CHARS,
  LINK_BLOCK_MAX_CHARS,
  MAX_BLOCK_LINK_DENSITY,
  MIN_ARTICLE_CHARS,
  MIN_BOILERPLATE_CHARS,
  MIN_SENTENCE_WORDS,
  SHORT_BLOCK_CHARS,
  TITLE_OVERLAP_RATIO,
} from "./constants.js";
import { cappedText, classTokens, isBlock, isElement, isTextNode } from "./dom.js";
import {
  BYLINE_TEXT,
  CREDIT_TEXT,
  DATE_LINE_TEXT,
  DATE_ONLY_TEXT,
  HEADING_TAGS,
  LEADING_SPACE,
  NON_CONTENT_TAGS,
  NORMALISED_RUN,
  PROMPT_TEXT,
  QUOTE_ATTRIBUTION,
  SENTENCE_END,
  TRAILING_SPACE,
  WHITESPACE_RUN,
  WORD,
} from "./patterns.js";
import type { Removal } from "./signals.js";

/** Decides whether a subtree inside the body is removed (and why). */
export type InsideRemoval = (el: Element) => Removal | null;

export interface BodyOutput {
  paragraphs: Block[];
  boilerplate: Boilerplate[];
}

/** Accumulates one paragraph's text and its source segments. */
class BlockBuilder {
  private parts: string[] = [];
  private length = 0;
  private pendingSpace = false;
  segments: SourceSegment[] = [];
  linkChars = 0;
  owner: Element | null = null;

  get empty(): boolean {
    return this.length === 0;
  }

  addText(node: Text, html: string, inLink: boolean): void {
    const data = node.data;
    if (data.length === 0) return;
    if (LEADING_SPACE.test(data)) this.pendingSpace = true;
    const start = node.startIndex;
    const end = node.endIndex;
    const exact =
      start !== null && end !== null && end + 1 - start === data.length && html.startsWith(data, start);
    const before = this.length;
    if (exact) {
      NORMALISED_RUN.lastIndex = 0;
      for (let m = NORMALISED_RUN.exec(data); m !== null; m = NORMALISED_RUN.exec(data)) {
        this.space();
        const srcStart = (start as number) + m.index;
        this.push(m[0], srcStart, srcStart + m[0].length);
        this.pendingSpace = true;
      }
      this.pendingSpace = TRAILING_SPACE.test(data);
    } else {
      const text = data.replace(WHITESPACE_RUN, " ").trim();
      if (text.length > 0) {
        this.space();
        this.push(text, start ?? 0, end === null ? (start ?? 0) : end + 1);
      }
      if (TRAILING_SPACE.test(data)) this.pendingSpace = true;
    }
    if (inLink) this.linkChars += this.length - before;
  }

  /** A forced word break (e.g. <br>, inline boundaries that imply a space). */
  breakWord(): void {
    this.pendingSpace = true;
  }

  private space(): void {
    if (this.pendingSpace && this.length > 0) {
      this.parts.push(" ");
      this.length += 1;
    }
    this.pendingSpace = false;
  }

  private push(text: string, srcStart: number, srcEnd: number): void {
    this.segments.push({ start: this.length, end: this.length + text.length, srcStart, srcEnd });
    this.parts.push(text);
    this.length += text.length;
  }

  text(): string {
    return this.parts.join("");
  }
}

/** The decisions made on a finished paragraph. */
interface FlushContext {
  titleWords: Set<string> | null;
  out: BodyOutput;
  /** Body characters emitted so far. */
  bodyChars: number;
  /** Set once a block that ends the article (comments heading, author box) follows body text. */
  endedBy: { kind: BoilerplateKind; reason: string } | null;
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

export function titleWordSet(title: string | undefined): Set<string> | null {
  if (!title) return null;
  const words = wordsOf(title);
  return words.length === 0 ? null : new Set(words);
}

function isTitleLike(text: string, titleWords: Set<string> | null): boolean {
  if (!titleWords) return false;
  const words = wordsOf(text);
  if (words.length === 0) return false;
  const shared = words.filter((w) => titleWords.has(w)).length;
  return shared / words.length >= TITLE_OVERLAP_RATIO && shared / titleWords.size >= TITLE_OVERLAP_RATIO / 2;
}

/** A short block that is mostly a date: at most a few words (weekday, "updated", time) around it. */
function isDateLine(text: string): boolean {
  if (text.length > DATE_ONLY_MAX_CHARS || QUOTE_ATTRIBUTION.test(text)) return false;
  const match = DATE_ONLY_TEXT.exec(text);
  if (!match) return false;
  const rest = text.slice(0, match.index) + text.slice(match.index + match[0].length);
  return wordsOf(rest).length <= DATE_LINE_MAX_OTHER_WORDS;
}

/** Why a block is not body; `endsArticle` when everything after it (in the body) is not body either. */
interface BlockVerdict {
  kind: BoilerplateKind;
  reason: string;
  endsArticle?: boolean;
}

/**
 * Kinds of the shared text classifier that take a short block out of the body. The others (republication
 * notes, copyright and disclaimer lines, "other") are part of what the article says about itself and stay
 * in the body, as human annotators of article bodies mostly keep them (checked on the Zyte benchmark).
 */
const REMOVED_TEXT_KINDS: ReadonlySet<BoilerplateKind> = new Set([
  "navigation",
  "share",
  "donation",
  "related",
  "comments",
  "ads",
  "newsletter",
  "byline",
  "metadata",
  "title",
  "media",
  "caption",
  "tags",
  "contact",
]);

/** Prose rather than a link label: ends like a sentence and has several words. */
function isSentenceLike(text: string): boolean {
  return SENTENCE_END.test(text) && wordsOf(text).length >= MIN_SENTENCE_WORDS;
}

/** Why a finished paragraph is not body text, or null to keep it. */
function blockVerdict(
  text: string,
  linkChars: number,
  owner: Element | null,
  titleWords: Set<string> | null,
): BlockVerdict | null {
  const chars = text.length;
  if (linkChars / chars > MAX_BLOCK_LINK_DENSITY && chars < LINK_BLOCK_MAX_CHARS && !isSentenceLike(text))
    return { kind: "related", reason: "link-dense block" };
  if (owner && HEADING_TAGS.has(owner.name) && isTitleLike(text, titleWords))
    return { kind: "title", reason: "heading repeats the title" };
  if (chars < SHORT_BLOCK_CHARS) {
    if (BYLINE_TEXT.test(text)) return { kind: "byline", reason: "byline text" };
    if (DATE_LINE_TEXT.test(text)) return { kind: "metadata", reason: "date line" };
    if (isDateLine(text)) return { kind: "metadata", reason: "date line" };
    if (CREDIT_TEXT.test(text)) return { kind: "byline", reason: "reporting credit" };
    if (PROMPT_TEXT.test(text))
      return classifyBoilerplate(text) ?? { kind: "other", reason: "prompt or label" };
    const verdict = classifyBoilerplate(text, { tag: owner?.name });
    if (verdict && REMOVED_TEXT_KINDS.has(verdict.kind)) return verdict;
  }
  return null;
}

function flush(builder: BlockBuilder, ctx: FlushContext): BlockBuilder {
  if (builder.empty) {
    // Only whitespace so far: the next text starts a block of its own (and finds its own owner).
    builder.owner = null;
    return builder;
  }
  const text = builder.text();
  const verdict: BlockVerdict | null =
    ctx.endedBy ?? blockVerdict(text, builder.linkChars, builder.owner, ctx.titleWords);
  if (verdict?.endsArticle && ctx.bodyChars >= MIN_ARTICLE_CHARS) {
    ctx.endedBy = { kind: verdict.kind, reason: `follows "${text.slice(0, 40)}", which ends the article` };
  }
  if (verdict) {
    const first = builder.segments[0] as SourceSegment;
    const last = builder.segments[builder.segments.length - 1] as SourceSegment;
    const source = { start: first.srcStart, end: last.srcEnd };
    addBoilerplate(ctx.out, { kind: verdict.kind, reason: verdict.reason, text, source });
  } else {
    ctx.out.paragraphs.push({ text, segments: builder.segments });
    ctx.bodyChars += text.length;
  }
  return new BlockBuilder();
}

export function addBoilerplate(out: BodyOutput, entry: Boilerplate): void {
  if (entry.text.length < MIN_BOILERPLATE_CHARS) return;
  const text =
    entry.text.length > BOILERPLATE_TEXT_CAP
      ? `${entry.text.slice(0, BOILERPLATE_TEXT_CAP - 1)}…`
      : entry.text;
  out.boilerplate.push({ ...entry, text });
}

/** A boilerplate entry for a removed subtree: DOM kind, refined by the shared text classifier. */
export function removedSubtree(el: Element, removal: Removal): Boilerplate | null {
  if (removal.silent) return null;
  const text = cappedText(el, BOILERPLATE_TEXT_CAP, NON_CONTENT_TAGS);
  if (text.length < MIN_BOILERPLATE_CHARS) return null;
  const byText = classifyBoilerplate(text, { tag: el.name, tokens: classTokens(el) });
  const kind = removal.kind === "other" && byText ? byText.kind : removal.kind;
  const reason = removal.kind === "other" && byText ? byText.reason : removal.reason;
  return { kind, text, reason, source: { start: el.startIndex ?? 0, end: (el.endIndex ?? 0) + 1 } };
}

/** Walk the body roots in document order and emit paragraphs and what was removed. */
export function emitBody(
  roots: readonly Element[],
  html: string,
  removal: InsideRemoval,
  title: string | undefined,
): BodyOutput {
  const out: BodyOutput = { paragraphs: [], boilerplate: [] };
  const ctx: FlushContext = { titleWords: titleWordSet(title), out, bodyChars: 0, endedBy: null };
  let builder = new BlockBuilder();
  let linkDepth = 0;
  // A stack of nodes to enter, and exit markers (an element whose subtree is finished).
  const stack: (AnyNode | { exit: Element })[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i] as Element);
  const rootSet = new Set<AnyNode>(roots);
  let lastWasBr = false;
  while (stack.length > 0) {
    const item = stack.pop() as AnyNode | { exit: Element };
    if ("exit" in item) {
      if (item.exit.name === "a") linkDepth--;
      else if (isBlock(item.exit)) builder = flush(builder, ctx);
      continue;
    }
    const node = item;
    if (isTextNode(node)) {
      if (node.data.trim().length > 0) lastWasBr = false;
      if (builder.empty) builder.owner = nearestBlock(node);
      builder.addText(node, html, linkDepth > 0);
      continue;
    }
    if (!isElement(node)) continue;
    if (node.name === "br") {
      if (lastWasBr) builder = flush(builder, ctx);
      else builder.breakWord();
      lastWasBr = true;
      continue;
    }
    const isRoot = rootSet.has(node);
    const removed = isRoot ? null : removal(node);
    if (removed) {
      const entry = removedSubtree(node, removed);
      if (entry) addBoilerplate(out, entry);
      if (isBlock(node)) builder = flush(builder, ctx);
      continue;
    }
    if (isBlock(node)) {
      builder = flush(builder, ctx);
      lastWasBr = false;
    }
    if (node.name === "a") linkDepth++;
    stack.push({ exit: node });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
  flush(builder, ctx);
  return out;
}

function nearestBlock(node: AnyNode): Element | null {
  let cur = node.parent;
  while (isElement(cur)) {
    if (isBlock(cur)) return cur;
    cur = cur.parent;
  }
  return null;
}

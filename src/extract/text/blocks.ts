/**
 * From scraped text to units: split into lines, reduce light markup (markdown links, images, autolinks,
 * emphasis, heading marks) with an offset map back to the input, and group lines into units — one unit
 * per blank-line-separated block when its lines are hard-wrapped prose, otherwise one unit per line.
 */
import type { SourceSegment } from "../../core/offsets.js";
import { classifyBoilerplate } from "../boilerplate/index.js";
import { WRAP_MAX_LINE_CHARS, WRAP_MAX_TERMINAL_SHARE, WRAP_MIN_LINE_CHARS } from "./constants.js";
import {
  BLOCKQUOTE_MARKER,
  HEADING_MARKER,
  INLINE_MARKUP,
  LINE_BREAK,
  LIST_ITEM,
  TERMINAL_PUNCTUATION,
  WORD,
} from "./patterns.js";

export interface Link {
  text: string;
  url: string;
}

/** Clean text of one input line (or of several joined lines) and where it came from. */
export interface Reduced {
  text: string;
  /** Relative to `text`; exact where copied verbatim, non-exact where markup was rewritten. */
  segments: SourceSegment[];
  links: Link[];
  images: Link[];
  /** Visible characters that were inside link markup. */
  linkChars: number;
  /** The line began with a markdown heading marker ("# "). */
  heading: boolean;
}

/** A unit of scraped text: the thing the extractor scores, keeps as body or removes as boilerplate. */
export interface Unit extends Reduced {
  index: number;
  /** Input range of the unit (first line's first non-blank character to last line's last one). */
  start: number;
  end: number;
  lineCount: number;
  words: number;
}

interface Piece {
  text: string;
  srcStart: number;
  srcEnd: number;
  exact: boolean;
}

function trimPieces(pieces: Piece[]): Piece[] {
  const out = pieces.filter((p) => p.text.length > 0);
  while (out.length > 0) {
    const p = out[0] as Piece;
    const trimmed = p.text.replace(/^\s+/u, "");
    if (trimmed.length === p.text.length) break;
    if (trimmed.length === 0) {
      out.shift();
      continue;
    }
    const cut = p.text.length - trimmed.length;
    out[0] = {
      text: trimmed,
      srcStart: p.exact ? p.srcStart + cut : p.srcStart,
      srcEnd: p.srcEnd,
      exact: p.exact,
    };
    break;
  }
  while (out.length > 0) {
    const p = out[out.length - 1] as Piece;
    const trimmed = p.text.replace(/\s+$/u, "");
    if (trimmed.length === p.text.length) break;
    if (trimmed.length === 0) {
      out.pop();
      continue;
    }
    const cut = p.text.length - trimmed.length;
    out[out.length - 1] = {
      text: trimmed,
      srcStart: p.srcStart,
      srcEnd: p.exact ? p.srcEnd - cut : p.srcEnd,
      exact: p.exact,
    };
    break;
  }
  return out;
}

function piecesToSegments(pieces: Piece[]): { text: string; segments: SourceSegment[] } {
  const segments: SourceSegment[] = [];
  let text = "";
  for (const p of pieces) {
    const start = text.length;
    text += p.text;
    const last = segments[segments.length - 1];
    const lastExact = last !== undefined && last.end - last.start === last.srcEnd - last.srcStart;
    if (last && p.exact && lastExact && last.end === start && last.srcEnd === p.srcStart) {
      last.end = text.length;
      last.srcEnd = p.srcEnd;
    } else {
      segments.push({ start, end: text.length, srcStart: p.srcStart, srcEnd: p.srcEnd });
    }
  }
  return { text, segments };
}

/** Reduce the markup of one line found at `srcStart` in the input. */
export function reduceLine(line: string, srcStart: number): Reduced {
  const pieces: Piece[] = [];
  const links: Link[] = [];
  const images: Link[] = [];
  let linkChars = 0;
  let pos = 0;
  const heading = HEADING_MARKER.exec(line);
  if (heading) pos = heading[0].length;
  else pos = BLOCKQUOTE_MARKER.exec(line)?.[0].length ?? 0;
  // the shared global regex is driven synchronously from here only; lastIndex is reset on every call
  const re = INLINE_MARKUP;
  re.lastIndex = pos;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    if (m.index > pos) {
      pieces.push({
        text: line.slice(pos, m.index),
        srcStart: srcStart + pos,
        srcEnd: srcStart + m.index,
        exact: true,
      });
    }
    const whole = { srcStart: srcStart + m.index, srcEnd: srcStart + m.index + m[0].length };
    if (m[2] !== undefined) {
      images.push({ text: m[1] ?? "", url: m[2] });
    } else if (m[4] !== undefined) {
      const text = m[3] ?? "";
      links.push({ text: text.trim(), url: m[4] });
      linkChars += text.trim().length;
      if (text.length > 0) pieces.push({ text, ...whole, exact: false });
    } else if (m[5] !== undefined) {
      links.push({ text: m[5], url: m[5] });
      linkChars += m[5].length;
      pieces.push({ text: m[5], ...whole, exact: false });
    } else if (m[6] !== undefined || m[7] !== undefined) {
      pieces.push({ text: m[6] ?? m[7] ?? "", ...whole, exact: false });
    }
    pos = m.index + m[0].length;
  }
  if (pos < line.length)
    pieces.push({
      text: line.slice(pos),
      srcStart: srcStart + pos,
      srcEnd: srcStart + line.length,
      exact: true,
    });
  const { text, segments } = piecesToSegments(trimPieces(pieces));
  return { text, segments, links, images, linkChars, heading: heading !== null };
}

/** Join reduced lines with single spaces (the space maps to no input: segments leave a gap). */
export function joinReduced(parts: readonly Reduced[]): Reduced {
  const nonEmpty = parts.filter((p) => p.text.length > 0);
  const out: Reduced = { text: "", segments: [], links: [], images: [], linkChars: 0, heading: false };
  for (const p of parts) {
    // One by one: a line may hold more links than a call may take arguments (push(...) overflowed the stack).
    for (const link of p.links) out.links.push(link);
    for (const image of p.images) out.images.push(image);
    out.linkChars += p.linkChars;
    out.heading ||= p.heading;
  }
  for (const p of nonEmpty) {
    const offset = out.text.length === 0 ? 0 : out.text.length + 1;
    if (out.text.length > 0) out.text += " ";
    out.text += p.text;
    for (const s of p.segments) out.segments.push({ ...s, start: s.start + offset, end: s.end + offset });
  }
  return out;
}

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD)) n++;
  return n;
}

interface Line {
  start: number;
  end: number;
  reduced: Reduced;
}

/** Lines of a block are hard-wrapped prose (one paragraph) rather than one paragraph/label per line. */
function isWrappedProse(lines: readonly Line[]): boolean {
  if (lines.length < 2) return false;
  const body = lines.slice(0, -1);
  // list items one per line ("- point") are separate units even when no line ends a sentence
  if (lines.slice(1).some((l) => LIST_ITEM.test(l.reduced.text))) return false;
  let terminal = 0;
  for (const l of body) {
    const len = l.reduced.text.length;
    if (len < WRAP_MIN_LINE_CHARS || len > WRAP_MAX_LINE_CHARS) return false;
    if (TERMINAL_PUNCTUATION.test(l.reduced.text)) terminal++;
  }
  if (terminal / body.length > WRAP_MAX_TERMINAL_SHARE) return false;
  return lines.every((l) => classifyBoilerplate(l.reduced.text) === null);
}

function makeUnit(lines: readonly Line[], index: number): Unit {
  const first = lines[0] as Line;
  const last = lines[lines.length - 1] as Line;
  const reduced = lines.length === 1 ? first.reduced : joinReduced(lines.map((l) => l.reduced));
  return {
    ...reduced,
    index,
    start: first.start,
    end: last.end,
    lineCount: lines.length,
    words: countWords(reduced.text),
  };
}

/** Split scraped text into units. Every non-blank input line belongs to exactly one unit. */
export function splitUnits(input: string): Unit[] {
  const units: Unit[] = [];
  let block: Line[] = [];
  const flush = () => {
    if (block.length === 0) return;
    if (isWrappedProse(block)) units.push(makeUnit(block, units.length));
    else for (const line of block) units.push(makeUnit([line], units.length));
    block = [];
  };
  let offset = 0;
  for (const raw of input.split(LINE_BREAK)) {
    const lineStart = offset;
    offset += raw.length;
    // account for the line break we split on ("\n" or "\r\n")
    if (input[offset] === "\r") offset++;
    offset++;
    const leading = raw.length - raw.trimStart().length;
    const content = raw.trim();
    if (content.length === 0) {
      flush();
      continue;
    }
    const start = lineStart + leading;
    block.push({ start, end: start + content.length, reduced: reduceLine(content, start) });
  }
  flush();
  return units;
}

/**
 * Offset maps: every character range of the clean text can be traced back to the input.
 *
 * A `SourceSegment` says that clean-text range [start, end) came from input range [srcStart, srcEnd).
 * Segments are sorted by `start` and do not overlap. Where a segment's two lengths are equal (text copied
 * verbatim) offsets map one to one; otherwise (entities decoded, whitespace collapsed) an offset inside the
 * segment maps to the segment's bounds, never to a guess.
 */

export interface SourceSegment {
  start: number;
  end: number;
  srcStart: number;
  srcEnd: number;
}

export interface Range {
  start: number;
  end: number;
}

/** Shift segments that were made relative to one block so they become relative to the joined text. */
export function shiftSegments(segments: readonly SourceSegment[], by: number): SourceSegment[] {
  return segments.map((s) => ({ ...s, start: s.start + by, end: s.end + by }));
}

function findSegment(segments: readonly SourceSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = segments[mid] as SourceSegment;
    if (offset < seg.start) hi = mid - 1;
    else if (offset >= seg.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function mapOffset(seg: SourceSegment, offset: number, side: "start" | "end"): number {
  const exact = seg.end - seg.start === seg.srcEnd - seg.srcStart;
  if (exact) return seg.srcStart + (offset - seg.start);
  return side === "start" ? seg.srcStart : seg.srcEnd;
}

/**
 * Map a clean-text range back to the input. Returns null when no part of the range came from the input
 * (for example the blank line that joins two paragraphs).
 */
export function toSourceRange(segments: readonly SourceSegment[], range: Range): Range | null {
  if (range.end <= range.start) return null;
  let first = findSegment(segments, range.start);
  if (first < 0) first = segments.findIndex((s) => s.start >= range.start && s.start < range.end);
  let last = findSegment(segments, range.end - 1);
  if (last < 0) {
    for (let i = segments.length - 1; i >= 0; i--) {
      const s = segments[i] as SourceSegment;
      if (s.end <= range.end && s.end > range.start) {
        last = i;
        break;
      }
    }
  }
  if (first < 0 || last < 0 || last < first) return null;
  const a = segments[first] as SourceSegment;
  const b = segments[last] as SourceSegment;
  const start = mapOffset(a, Math.max(range.start, a.start), "start");
  const end = b.end <= range.end ? b.srcEnd : mapOffset(b, range.end, "end");
  return { start, end: Math.max(start, end) };
}

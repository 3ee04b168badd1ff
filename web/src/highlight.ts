/**
 * Highlighting by offsets, without HTML: the clean text of an article is cut into segments at every
 * annotation boundary, and each segment lists the annotations that cover it. The DOM code turns segments into
 * text nodes inside <mark> elements, so article text is only ever inserted as text.
 *
 * Pure functions (no DOM), unit-tested under Node (test/web/highlight.test.ts).
 */

export const HIGHLIGHT_KINDS = ["place", "actor", "event", "claim", "evidence"] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

export interface Annotation {
  start: number;
  end: number;
  kind: HighlightKind;
  /** Shown on hover: "Place: Abu Kamal, SY". */
  label: string;
  /** The record it belongs to ("p1", "e2", …), so a click can find it. */
  ref: string;
}

export interface Segment {
  start: number;
  end: number;
  annotations: Annotation[];
}

/**
 * Cut [from, to) into segments at every annotation boundary inside it. Annotations outside the range, empty or
 * inverted ones are ignored; overlapping ones are all listed on the segments they share.
 */
export function segmentText(from: number, to: number, annotations: readonly Annotation[]): Segment[] {
  if (to <= from) return [];
  const inside = annotations.filter((a) => a.end > a.start && a.end > from && a.start < to);
  const cuts = new Set<number>([from, to]);
  for (const a of inside) {
    cuts.add(Math.max(from, a.start));
    cuts.add(Math.min(to, a.end));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    segments.push({
      start,
      end,
      annotations: inside.filter((a) => a.start <= start && a.end >= end),
    });
  }
  return segments;
}

/** The paragraph (by offsets) that contains `offset`, or a window around it when there is none. */
export function contextOf(
  paragraphs: readonly { start: number; end: number }[],
  offset: number,
  textLength: number,
  window = CONTEXT_WINDOW,
): { start: number; end: number } {
  const hit = paragraphs.find((p) => p.start <= offset && offset < p.end);
  if (hit) return { start: hit.start, end: hit.end };
  return { start: Math.max(0, offset - window), end: Math.min(textLength, offset + window) };
}

/** Characters either side of an evidence span shown when its paragraph is unknown. */
export const CONTEXT_WINDOW = 300;

/** The URL when it is an absolute http(s) URL, else null: no javascript:, data: or relative links. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

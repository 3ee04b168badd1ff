/**
 * Timeline bins (pure; unit-tested under Node): incidents counted by start date into at most MAX_BINS equal
 * bins of 1, 7, 30, 91 or 365 days, the narrowest that fits the record's span. Background incidents (history an
 * article recalls, like a liberation years ago) are left out: they would stretch the axis over years.
 */
import type { Incident } from "./types.js";

/** Most bars drawn; the bin widens (1 → 7 → 30 days…) until the range fits. */
export const MAX_BINS = 120;
const BIN_DAYS = [1, 7, 30, 91, 365] as const;
const DAY_MS = 86_400_000;

export interface Bin {
  /** ISO dates, inclusive. */
  from: string;
  to: string;
  count: number;
}

const toDay = (iso: string): number => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
const toIso = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Incidents counted by start date into at most MAX_BINS equal bins (pure; tested under Node). */
export function binIncidents(incidents: readonly Pick<Incident, "date" | "background">[]): Bin[] {
  const days = incidents
    .filter((i) => !i.background)
    .map((i) => (i.date ? toDay(i.date.start) : Number.NaN))
    .filter((d) => Number.isFinite(d));
  if (days.length === 0) return [];
  const first = Math.min(...days);
  const last = Math.max(...days);
  const span = last - first + 1;
  const width = BIN_DAYS.find((w) => Math.ceil(span / w) <= MAX_BINS) ?? Math.ceil(span / MAX_BINS);
  const count = Math.ceil(span / width);
  const bins: Bin[] = Array.from({ length: count }, (_, i) => ({
    from: toIso(first + i * width),
    to: toIso(first + (i + 1) * width - 1),
    count: 0,
  }));
  for (const d of days) {
    const bin = bins[Math.floor((d - first) / width)];
    if (bin) bin.count++;
  }
  return bins;
}

/**
 * The list's order: what happened first in the analyst's eye, i.e. current incidents before background
 * history, newest first, undated last; ties keep the server's order.
 */
export function listOrder<T extends Pick<Incident, "date" | "background">>(incidents: readonly T[]): T[] {
  const key = (i: T): string => i.date?.end ?? "";
  return incidents
    .map((incident, index) => ({ incident, index }))
    .sort(
      (a, b) =>
        Number(a.incident.background) - Number(b.incident.background) ||
        key(b.incident).localeCompare(key(a.incident)) ||
        a.index - b.index,
    )
    .map((x) => x.incident);
}

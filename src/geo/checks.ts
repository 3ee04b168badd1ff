/**
 * Stated-distance checks: "al-Bukamal is located less than 30km from the town of al-Qaim" becomes
 * `{kind: "distance", stated: {relation: "less-than", km: 30}, computedKm, consistent}` between the place
 * the sentence is about (the nearest place mention before the number) and the place after "from"/"of".
 */
import type { Check, Mention, Place } from "../core/entities.js";
import { distanceKm } from "./gazetteer.js";
import { DISTANCE_TOLERANCE_KM, DISTANCE_TOLERANCE_RELATIVE } from "./geoparse-constants.js";

const KM_PER_MILE = 1.609344;

/** "<relation>? <number> <unit> (<other unit>)? (<direction>)? (away)? from|of" */
const STATED_DISTANCE =
  /\b(?<rel>less than|under|fewer than|within|nearly|almost|up to|about|around|some|approximately|roughly|about|more than|over|at least|just|only|exactly)?\s*(?<num>\d{1,5}(?:[.,]\d+)?)\s*-?\s*(?<unit>km|kms|kilometres|kilometers|kilometre|kilometer|miles|mile|mi)\b(?:\s*\([^)]{0,40}\))?\s*(?:(?:to the\s+)?(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest)(?:ern)?\s+)?(?:away\s+)?(?:from|of)\b/giu;

const RELATION: Record<string, "less-than" | "more-than" | "about" | "exactly"> = {
  "less than": "less-than",
  under: "less-than",
  "fewer than": "less-than",
  within: "less-than",
  nearly: "less-than",
  almost: "less-than",
  "up to": "less-than",
  "more than": "more-than",
  over: "more-than",
  "at least": "more-than",
  exactly: "exactly",
};

export function isConsistent(relation: string, stated: number, computed: number): boolean {
  const tolerance = Math.max(DISTANCE_TOLERANCE_KM, DISTANCE_TOLERANCE_RELATIVE * stated);
  if (relation === "less-than") return computed <= stated + tolerance;
  if (relation === "more-than") return computed >= stated - tolerance;
  return Math.abs(computed - stated) <= tolerance;
}

interface PlaceMention extends Mention {
  place: Place;
}

/** Index of the first mention (sorted by start) starting at or after `offset`; mentions.length when none. */
function firstStartingAt(mentions: readonly PlaceMention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((mentions[mid] as PlaceMention).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The last mention (sorted by start) that ends by `offset` and starts at or after `from`. Found from a binary
 * search rather than a scan of every mention: a page of thousands of stated distances made that quadratic.
 */
function lastEndingBy(
  mentions: readonly PlaceMention[],
  offset: number,
  from: number,
): PlaceMention | undefined {
  for (let i = firstStartingAt(mentions, offset) - 1; i >= 0; i--) {
    const m = mentions[i] as PlaceMention;
    if (m.start < from) return undefined;
    if (m.end <= offset) return m;
  }
  return undefined;
}

/** Find stated distances in each sentence and check them against the resolved places. */
export function checkDistances(
  text: string,
  sentences: readonly Mention[],
  places: readonly Place[],
): Check[] {
  const mentions: PlaceMention[] = places
    .flatMap((place) => place.mentions.map((m) => ({ ...m, place })))
    .sort((a, b) => a.start - b.start);
  const checks: Check[] = [];
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    for (const m of body.matchAll(STATED_DISTANCE)) {
      const g = m.groups ?? {};
      const at = sentence.start + (m.index ?? 0);
      const after = at + m[0].length;
      const following = mentions[firstStartingAt(mentions, after)];
      const target = following && following.start < sentence.end ? following : undefined;
      const subject = lastEndingBy(mentions, at, sentence.start);
      if (!target || !subject || target.place === subject.place) continue;
      const unit = (g.unit ?? "km").toLowerCase();
      const raw = Number((g.num ?? "0").replace(",", "."));
      const km = unit.startsWith("mi") ? Math.round(raw * KM_PER_MILE * 10) / 10 : raw;
      const relation = RELATION[(g.rel ?? "").toLowerCase()] ?? "about";
      const a = subject.place;
      const b = target.place;
      const pointLike = (p: Place) =>
        p.lat !== null && p.lon !== null && p.precision !== "country" && p.precision !== "admin1";
      const computedKm =
        pointLike(a) && pointLike(b)
          ? Math.round(
              distanceKm(
                { lat: a.lat as number, lon: a.lon as number },
                { lat: b.lat as number, lon: b.lon as number },
              ) * 10,
            ) / 10
          : null;
      checks.push({
        kind: "distance",
        text: text.slice(subject.start, Math.max(target.end, after)),
        start: subject.start,
        end: Math.max(target.end, after),
        places: [a.id, b.id],
        stated: { relation, km },
        computedKm,
        consistent: computedKm === null ? null : isConsistent(relation, km, computedKm),
      });
    }
  }
  return checks;
}

/**
 * Event assembly: from the typed sentences of an article and its layers (actors, places, times, quantities),
 * the event records an analyst would code — one per occurrence, each with its evidence sentences.
 *
 * Workflow, per paragraph and sentence:
 *   1. Type the sentence (trigger lexicon + model, src/events/classify.ts); no trigger → no event.
 *   2. Mode: recalled history (background), negated, future (a prediction: left to the claims stage),
 *      hypothetical — from data/events/context.en.tsv.
 *   3. Arguments from the sentence's spans: actor1 before the trigger, actor2 after it; the most precise
 *      place; the stated date, else the previous event's in the paragraph, else the report's date.
 *   4. Counts: a quantity followed by a "killed" or "injured" word is a fatality or injury count (ACLED: the
 *      most conservative figure); one whose noun is equipment is materiel.
 *   5. A following sentence that only adds counts ("3 soldiers were killed") extends the previous event.
 *   6. Same type, place and date told twice → one event with both sources. Order by salience.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findDataDir } from "../core/data.js";
import type { Doc, Span } from "../core/doc.js";
import type { Actor, Mention, Place } from "../core/entities.js";
import type { Attribution, EventRecord, Evidence, Quantity, TimeExpression } from "../core/events.js";
import { nounKind } from "../lexicon/quantities.js";
import { classifyEventText, type EventClassification, loadEventLexicons } from "./classify.js";
import { tokenizeEventText } from "./features.js";
import { loadOntology } from "./ontology.js";
import type { Trigger } from "./triggers.js";

export const CONTEXT_FILE = "events/context.en.tsv";
/** Trigger weight a sentence needs to count as reporting an event (the lexicon's weights run 0–3). */
export const MIN_TRIGGER_WEIGHT = 1;
/** Words after a count within which its "killed"/"injured" word must come ("3 soldiers were allegedly killed"). */
export const COUNT_CUE_WINDOW_WORDS = 6;
/** A sentence with a casualty count and a weak trigger is an event from this model probability. */
export const CASUALTY_EVENT_MIN_CONFIDENCE = 0.6;
/** … and with no trigger at all, from this one. */
export const UNTRIGGERED_EVENT_MIN_CONFIDENCE = 0.75;
/** Below this model probability the label is chosen among the labels the sentence's triggers point to. */
export const TRUST_MODEL_ABOVE = 0.5;
/** A reporting frame whose clause carries the event ("Amaq claimed that ISIS militants repelled …"). */
const REPORTING_FRAME =
  /\b(?:claimed|said|says|reported|announced|confirmed|stated|alleged|added|insisted)\b(?:\s+that)?\s+/iu;
const CLAIM_OF_RESPONSIBILITY = "Claim of responsibility";

/** Words before a count within which a "killed"/"injured" word makes it a count of victims ("killed 20 soldiers"). */
export const COUNT_CUE_BEFORE_WORDS = 1;
/** Where the clause of a count ends, for the words after it: "…soldiers | and wounding 14 others". */
const NEXT_CLAUSE = /\s(?:and|but|while|as)\s|[,;]/;
const COUNT_CUE_BEFORE_CHARS = 40;
/** Days before the reference date beyond which a dated event is background. */
export const BACKGROUND_AFTER_DAYS = 90;

const GROUPS = [
  "background",
  "negation",
  "future",
  "hypothetical",
  "killed",
  "injured",
  "materiel",
  "materiel-verb",
  "reporting",
] as const;
type Group = (typeof GROUPS)[number];
type Context = Record<Group, readonly string[]>;

let context: Context | undefined;
function loadContext(): Context {
  if (context) return context;
  const groups = Object.fromEntries(GROUPS.map((g) => [g, [] as string[]])) as Record<Group, string[]>;
  const path = join(findDataDir(), CONTEXT_FILE);
  readFileSync(path, "utf8")
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (line.trim() === "" || line.startsWith("#")) return;
      const [group, phrase] = line.split("\t");
      if (!group || !phrase || !(GROUPS as readonly string[]).includes(group))
        throw new Error(`${path}:${i + 1}: expected "<group>\\t<phrase>" with a known group`);
      groups[group as Group].push(phrase.toLowerCase());
    });
  for (const g of GROUPS) if (groups[g].length === 0) throw new Error(`${path}: group "${g}" is empty`);
  context = groups;
  return context;
}

function hasPhrase(lower: string, phrases: readonly string[]): string | null {
  for (const p of phrases) {
    const at = lower.indexOf(p);
    if (at < 0) continue;
    const before = at === 0 ? " " : (lower[at - 1] as string);
    const after = lower[at + p.length] ?? " ";
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return p;
  }
  return null;
}

const inside = (m: Mention, s: Span) => m.start >= s.start && m.end <= s.end;

/** Characters before a date searched for a reporting word ("said on Thursday", "told reporters on Monday"). */
const REPORTING_WINDOW_CHARS = 24;

/**
 * The date of the event a sentence reports: its first time expression, leaving out those that date the
 * telling ("officials said on Thursday that militants attacked on Tuesday") when another remains.
 */
function eventTime(
  text: string,
  s: Span,
  times: readonly TimeExpression[],
  ctx: Context,
): TimeExpression | undefined {
  const inSentence = times.filter((t) => inside(t, s)).sort((a, b) => a.start - b.start);
  if (inSentence.length <= 1) return inSentence[0];
  const tellingDate = (t: TimeExpression) =>
    hasPhrase(
      text.slice(Math.max(s.start, t.start - REPORTING_WINDOW_CHARS), t.start).toLowerCase(),
      ctx.reporting,
    ) !== null;
  return inSentence.find((t) => !tellingDate(t)) ?? inSentence[0];
}

/**
 * The index of the paragraph holding sentence `s`, or -1. Paragraphs are sorted and disjoint, so a binary
 * search finds it: scanning them all for every sentence was quadratic on pages of thousands of paragraphs.
 */
function paragraphOf(paragraphs: readonly Span[], s: Span): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((paragraphs[mid] as Span).start <= s.start) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return last >= 0 && s.end <= (paragraphs[last] as Span).end ? last : -1;
}

function mentionsIn<T extends { mentions: Mention[] }>(
  items: readonly T[],
  s: Span,
): Array<{ item: T; at: number }> {
  const out: Array<{ item: T; at: number }> = [];
  for (const item of items) {
    const m = item.mentions.find((x) => inside(x, s));
    if (m) out.push({ item, at: m.start });
  }
  return out.sort((a, b) => a.at - b.at);
}

const PRECISION_RANK: Record<string, number> = {
  locality: 0,
  city: 1,
  admin2: 2,
  region: 3,
  admin1: 4,
  country: 5,
};
const GEO_PRECISION: Record<string, 1 | 2 | 3> = {
  locality: 1,
  city: 1,
  admin2: 2,
  region: 3,
  admin1: 3,
  country: 3,
};

function bestPlace(places: readonly Place[]): Place | null {
  let best: Place | null = null;
  for (const p of places) {
    if (p.lat === null) continue;
    if (
      !best ||
      (PRECISION_RANK[p.precision ?? "country"] ?? 9) < (PRECISION_RANK[best.precision ?? "country"] ?? 9)
    )
      best = p;
  }
  return best;
}

interface Counts {
  fatalities: number | null;
  injuries: number | null;
  materiel: EventRecord["materiel"];
}

/** Assign each count in the sentence to killed / injured / materiel by the words that follow it. */
function countsIn(text: string, s: Span, quantities: readonly Quantity[], ctx: Context): Counts {
  const counts: Counts = { fatalities: null, injuries: null, materiel: [] };
  const inSentence = quantities.filter((q) => inside(q, s)).sort((a, b) => a.start - b.start);
  inSentence.forEach((q, i) => {
    const next = inSentence[i + 1];
    const windowEnd = Math.min(next ? next.start : s.end, s.end);
    const words = text
      .slice(q.end, windowEnd)
      .toLowerCase()
      .split(/\s+/)
      .slice(0, COUNT_CUE_WINDOW_WORDS + 1)
      .join(" ");
    const noun = (q.noun ?? "").toLowerCase();
    if (ctx.materiel.includes(noun)) {
      const verb = hasPhrase(words, ctx["materiel-verb"]);
      const status =
        verb === "destroyed" || verb === "burned" || verb === "shot down"
          ? "destroyed"
          : verb === "damaged"
            ? "damaged"
            : verb
              ? "seized"
              : "other";
      counts.materiel.push({ text: text.slice(q.start, q.end), count: q.value, status });
      return;
    }
    // Equipment is never a count of victims: in "A missile killed four people" the missile is not a death.
    if (q.value === null || (noun !== "" && nounKind(noun) === "materiel")) return;
    // "3 soldiers were killed" (cue after) or "killed 20 soldiers" (cue right before, active voice).
    const prev = inSentence[i - 1];
    const clause = (
      text
        .slice(Math.max(prev ? prev.end : s.start, q.start - COUNT_CUE_BEFORE_CHARS), q.start)
        .split(/[,;:(]/)
        .pop() ?? ""
    ).toLowerCase();
    const before = clause
      .split(/\s+/)
      .slice(-COUNT_CUE_BEFORE_WORDS - 1)
      .join(" ");
    // The words after a count decide first ("5 others were wounded"); the word right before only when
    // nothing follows ("killed 20 soldiers"). With a cue right before, the words after count only up to the
    // next clause: in "killing nine soldiers and wounding 14 others" the nine are killed, not wounded.
    const cueOf = (phrase: string) =>
      hasPhrase(phrase, ctx.killed) ? "killed" : hasPhrase(phrase, ctx.injured) ? "injured" : null;
    const beforeCue = cueOf(before);
    const afterCue = cueOf(beforeCue ? (words.split(NEXT_CLAUSE)[0] ?? "") : words);
    const cue = afterCue ?? beforeCue;
    if (cue === "killed") counts.fatalities = (counts.fatalities ?? 0) + q.value;
    else if (cue === "injured") counts.injuries = (counts.injuries ?? 0) + q.value;
  });
  return counts;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const OUTLET: Attribution = {
  source: "the outlet",
  sourceActor: null,
  cue: null,
  cueSpan: null,
  certainty: "asserted",
};

/** The events of a Doc, most salient first. */
export function assembleEvents(doc: Doc): EventRecord[] {
  const ctx = loadContext();
  const { text } = doc;
  const { sentences, paragraphs, actors, places, times, quantities } = doc.layers;
  const lexicons = loadEventLexicons();
  const reference = (doc.article.original?.published ?? doc.article.published ?? "").slice(0, 10) || null;
  const events: EventRecord[] = [];
  let previous: { event: EventRecord; paragraph: number; sentence: number } | null = null;

  sentences.forEach((s, si) => {
    const paragraph = paragraphOf(paragraphs, s);
    const sentenceText = text.slice(s.start, s.end);
    const lower = sentenceText.toLowerCase();
    const triggers = lexicons.triggers.match(tokenizeEventText(sentenceText));
    const weight = triggers.reduce((sum, t) => sum + t.weight, 0);
    const counts = countsIn(text, s, quantities, ctx);
    const evidence: Evidence = { start: s.start, end: s.end, text: sentenceText };

    // 5. A sentence that only adds counts extends the event just before it.
    const onlyCounts =
      weight < MIN_TRIGGER_WEIGHT + 1 &&
      (counts.fatalities !== null || counts.injuries !== null || counts.materiel.length > 0);
    if (onlyCounts && previous && previous.paragraph === paragraph && si - previous.sentence <= 1) {
      const e = previous.event;
      e.fatalities = counts.fatalities ?? e.fatalities;
      e.injuries = counts.injuries ?? e.injuries;
      e.materiel.push(...counts.materiel);
      e.evidence.push(evidence);
      // Its own entry: it may be told on other terms ("allegedly") than the sentence it continues.
      e.sources.push({
        attribution: OUTLET,
        fatalities: counts.fatalities,
        injuries: counts.injuries,
        evidence,
      });
      previous = { ...previous, sentence: si };
      return;
    }
    const typed = typeSentence(sentenceText, triggers);
    if (!typed) return;
    const hasCasualties = counts.fatalities !== null || counts.injuries !== null;
    const reportsEvent =
      weight >= MIN_TRIGGER_WEIGHT ||
      (hasCasualties && weight > 0 && typed.confidence >= CASUALTY_EVENT_MIN_CONFIDENCE) ||
      (hasCasualties && typed.confidence >= UNTRIGGERED_EVENT_MIN_CONFIDENCE);
    if (!reportsEvent) return;

    // 2. Mode. Predictions and possibilities are not events: the claims stage lists them.
    if (hasPhrase(lower, ctx.future) || hasPhrase(lower, ctx.hypothetical)) return;
    const negated = hasPhrase(lower, ctx.negation) !== null;
    const hypothetical = false;
    const time = eventTime(text, s, times, ctx);
    const oldDate = time && reference ? time.endDate < addDays(reference, -BACKGROUND_AFTER_DAYS) : false;
    const background = hasPhrase(lower, ctx.background) !== null || oldDate;

    // 3. Arguments.
    const triggerAt = firstTriggerOffset(
      lower,
      triggers.map((t) => t.pattern),
    );
    // Sources of claims and media wings say things; they are not parties to the event.
    const armed = mentionsIn(actors, s).filter(
      ({ item }) => item.kind !== "source" && item.kind !== "media-wing",
    );
    const before = armed.filter((a) => s.start + triggerAt > a.at);
    const after = armed.filter((a) => s.start + triggerAt <= a.at);
    const actor1 = (before[0] ?? after[0])?.item ?? null;
    const actor2 = after.find((a) => a.item !== actor1)?.item ?? null;
    const assoc = armed.map((a) => a.item).filter((a) => a !== actor1 && a !== actor2);
    const place =
      bestPlace(mentionsIn(places, s).map((p) => p.item)) ??
      (previous && previous.paragraph === paragraph && previous.event.location
        ? placeById(places, previous.event.location.place)
        : null);
    const date = time
      ? { start: time.startDate, end: time.endDate, precision: time.precision, text: time.text }
      : previous && previous.paragraph === paragraph && previous.event.date
        ? { ...previous.event.date }
        : reference
          ? { start: addDays(reference, -6), end: reference, precision: "week" as const, text: null }
          : null;

    const event: EventRecord = {
      id: `e${events.length + 1}`,
      eventType: typed.eventType,
      subEventType: typed.subEventType,
      actor1: actor1?.id ?? null,
      actor2: actor2?.id ?? null,
      assocActors: assoc.map((a: Actor) => a.id),
      location: place
        ? {
            place: place.id,
            lat: place.lat,
            lon: place.lon,
            geoPrecision: GEO_PRECISION[place.precision ?? "country"] ?? 3,
          }
        : null,
      date,
      fatalities: counts.fatalities,
      injuries: counts.injuries,
      materiel: counts.materiel,
      background,
      negated,
      future: false,
      hypothetical,
      attribution: OUTLET,
      sources: [{ attribution: OUTLET, fatalities: counts.fatalities, injuries: counts.injuries, evidence }],
      evidence: [evidence],
      salience: 0,
    };
    events.push(event);
    previous = { event, paragraph, sentence: si };
  });

  const merged = mergeDuplicates(events);
  merged.forEach((e, i) => {
    const position = 1 / (1 + 0.15 * i);
    e.salience = round(
      (e.background ? 0.2 : 1) * (e.negated || e.hypothetical ? 0.5 : 1) * position +
        (e.fatalities ? 0.2 : 0),
    );
  });
  return merged.sort((a, b) => b.salience - a.salience).map((e, i) => ({ ...e, id: `e${i + 1}` }));
}

/** 1. The sub-event type: the model's, or — when it is unsure — the best-scored label among those the
 * sentence's triggers point to; a reported clause ("X claimed that …") is typed on its own first. */
function typeSentence(sentence: string, triggers: readonly Trigger[]): EventClassification | null {
  const frame = REPORTING_FRAME.exec(sentence);
  if (frame) {
    const clause = sentence.slice(frame.index + frame[0].length);
    const clauseTriggers = loadEventLexicons().triggers.match(tokenizeEventText(clause));
    const clauseWeight = clauseTriggers.reduce((sum, t) => sum + t.weight, 0);
    if (clauseWeight >= MIN_TRIGGER_WEIGHT) {
      const typed = typeSentence(
        clause,
        clauseTriggers.filter((t) => t.label !== "ATTRIB"),
      );
      if (typed && typed.subEventType !== CLAIM_OF_RESPONSIBILITY) return typed;
    }
  }
  const typed = classifyEventText(sentence);
  if (!typed || typed.confidence >= TRUST_MODEL_ABOVE) return typed;
  const ontology = loadOntology();
  const only = new Set(
    triggers
      .map((t) => ontology.byCaseCode.get(t.label)?.subEventType)
      .filter((x): x is string => Boolean(x)),
  );
  return only.size > 0 ? classifyEventText(sentence, { only }) : typed;
}

function placeById(places: readonly Place[], id: string): Place | null {
  return places.find((p) => p.id === id) ?? null;
}

function firstTriggerOffset(lower: string, patterns: readonly string[]): number {
  let best = lower.length;
  for (const p of patterns) {
    const stem = (p.split(" ")[0] ?? "").replace(/\*$/, "");
    const at = stem ? lower.indexOf(stem) : -1;
    if (at >= 0 && at < best) best = at;
  }
  return best === lower.length ? 0 : best;
}

/** One occurrence, one record: same sub-event type, place and overlapping dates (and not background vs new). */
function mergeDuplicates(events: readonly EventRecord[]): EventRecord[] {
  const out: EventRecord[] = [];
  for (const e of events) {
    const same = out.find(
      (o) =>
        o.subEventType === e.subEventType &&
        o.background === e.background &&
        o.location !== null &&
        e.location !== null &&
        o.location.place === e.location.place &&
        (o.actor1 === null || e.actor1 === null || o.actor1 === e.actor1) &&
        o.date !== null &&
        e.date !== null &&
        o.date.start <= e.date.end &&
        e.date.start <= o.date.end,
    );
    if (!same) {
      out.push(e);
      continue;
    }
    // Conflicting numbers stay per source; the event carries the most conservative (ACLED's rule).
    same.evidence.push(...e.evidence);
    same.sources.push(...e.sources);
    same.fatalities = minKnown(same.fatalities, e.fatalities);
    same.injuries = minKnown(same.injuries, e.injuries);
    same.actor1 ??= e.actor1;
    same.actor2 ??= e.actor2;
  }
  return out;
}

function minKnown(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * The `geo` stage: places named in the article, resolved offline against the shipped gazetteer, and the
 * stated distances between them checked.
 */
import type { Mention } from "../core/entities.js";
import { defineStage } from "../core/stage.js";
import { checkDistances } from "./checks.js";
import { type Gazetteer, type GazetteerEntry, loadGazetteer } from "./gazetteer.js";
import { recognizePlaces, type ToponymMention } from "./recognize.js";
import { resolveMentions, toPlaces } from "./resolve.js";

export { distanceKm, loadGazetteer } from "./gazetteer.js";

export interface ResolvedMention {
  start: number;
  end: number;
  text: string;
  lat: number | null;
  lon: number | null;
  geonameId: number | null;
}

/** Paragraph-like spans of a plain text (split on blank lines or newlines) when no sentence layer exists. */
function lineSpans(text: string): Mention[] {
  const spans: Mention[] = [];
  const re = /[^\n]+/g;
  for (const m of text.matchAll(re)) spans.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  return spans;
}

function toResolved(mentions: readonly ToponymMention[]): ResolvedMention[] {
  return resolveMentions(mentions).map((r) => ({
    start: r.mention.start,
    end: r.mention.end,
    text: r.mention.text,
    lat: r.entry?.lat ?? null,
    lon: r.entry?.lon ?? null,
    geonameId: r.entry && r.entry.id > 0 ? r.entry.id : null,
  }));
}

const POSSESSIVE_END = /['’]s?$/u;

/** Candidates for a given span: its name, else without a possessive, else as a demonym ("British" → GB). */
function candidatesOf(
  surface: string,
  gazetteer: Gazetteer,
): { candidates: readonly GazetteerEntry[]; demonym: boolean } {
  const direct = gazetteer.lookup(surface);
  if (direct.length > 0) return { candidates: direct, demonym: false };
  const bare = surface.replace(POSSESSIVE_END, "");
  if (bare !== surface) {
    const found = gazetteer.lookup(bare);
    if (found.length > 0) return { candidates: found, demonym: false };
  }
  const code = gazetteer.demonym(bare);
  const country = code ? gazetteer.country(code) : undefined;
  return country ? { candidates: [country], demonym: true } : { candidates: [], demonym: false };
}

/** End to end: recognise and resolve the toponyms of a plain text. */
export function geoparseText(text: string): ResolvedMention[] {
  return toResolved(recognizePlaces(text, lineSpans(text), loadGazetteer()));
}

/** Resolve given toponym spans (gold toponyms), using the rest of the text as context. */
export function resolveToponyms(text: string, toponyms: readonly Mention[]): ResolvedMention[] {
  const gazetteer = loadGazetteer();
  const context = recognizePlaces(text, lineSpans(text), gazetteer);
  const given: ToponymMention[] = toponyms.map((t) => {
    const found = context.find((c) => c.start === t.start && c.end === t.end);
    if (found) return found;
    const surface = text.slice(t.start, t.end);
    const { candidates, demonym } = candidatesOf(surface, gazetteer);
    return {
      start: t.start,
      end: t.end,
      text: surface,
      candidates,
      typeCue: demonym ? "country" : null,
      directional: false,
      demonym,
      sentence: 0,
    };
  });
  const givenKeys = new Set(given.map((g) => `${g.start}:${g.end}`));
  const all = [...given, ...context.filter((c) => !givenKeys.has(`${c.start}:${c.end}`))];
  return toResolved(all).slice(0, given.length);
}

export const geoStage = defineStage({
  name: "geo",
  requires: ["sentences"],
  assigns: ["places", "checks"],
  run(doc) {
    const gazetteer = loadGazetteer();
    const mentions = recognizePlaces(doc.text, doc.layers.sentences, gazetteer, { demonyms: true });
    const places = toPlaces(resolveMentions(mentions), gazetteer);
    doc.layers.places = places;
    doc.layers.checks = checkDistances(doc.text, doc.layers.sentences, places);
    return doc;
  },
});

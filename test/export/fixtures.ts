/** An invented analysis record, built by hand for the export tests (no pipeline stage runs). */
import type { AnalysisRecord } from "../../src/analyze/index.js";
import type { Actor, Place } from "../../src/core/entities.js";
import type { Attribution, EventRecord } from "../../src/core/events.js";

export const OUTLET: Attribution = {
  source: "the outlet",
  sourceActor: null,
  cue: null,
  cueSpan: null,
  certainty: "asserted",
};

export function place(over: Partial<Place> & Pick<Place, "id" | "name">): Place {
  return {
    resolvedName: over.name,
    geonameId: null,
    featureType: "city",
    countryCode: null,
    admin1: null,
    lat: null,
    lon: null,
    precision: "city",
    confidence: 1,
    mentions: [],
    ...over,
  };
}

export function actor(over: Partial<Actor> & Pick<Actor, "id" | "canonical" | "kind">): Actor {
  return {
    name: over.canonical,
    inter: null,
    country: null,
    affiliations: [],
    dictionaryId: null,
    mentions: [],
    ...over,
  };
}

export function event(over: Partial<EventRecord> & Pick<EventRecord, "id">): EventRecord {
  const evidence = over.evidence ?? [{ start: 0, end: 10, text: "Something happened." }];
  return {
    eventType: "Battles",
    subEventType: "Armed clash",
    actor1: null,
    actor2: null,
    assocActors: [],
    location: null,
    date: null,
    fatalities: null,
    injuries: null,
    materiel: [],
    background: false,
    negated: false,
    future: false,
    hypothetical: false,
    attribution: OUTLET,
    sources: [],
    evidence,
    salience: 1,
    ...over,
  };
}

export function record(over: Partial<AnalysisRecord> = {}): AnalysisRecord {
  return {
    input: "invented.txt",
    article: {
      title: "Invented report",
      kind: "article",
      authors: [],
      publisher: "The Valley Courier",
      published: "2024-05-07",
      url: "https://valley-courier.example/menaka",
      original: null,
      language: "en",
      tags: [],
      media: [],
      text: "",
      paragraphs: [],
      boilerplate: [],
    },
    places: [],
    actors: [],
    checks: [],
    events: [],
    claims: [],
    encoding: null,
    extractor: null as unknown as AnalysisRecord["extractor"],
    diagnostics: [],
    ...over,
  };
}

/** An invented report: Malian soldiers and militants clash near Menaka; French forces strike; background too. */
export const MENAKA = record({
  places: [
    place({
      id: "p1",
      name: "Menaka",
      resolvedName: "Ménaka",
      countryCode: "ML",
      admin1: "Ménaka",
      lat: 15.9182,
      lon: 2.4022,
    }),
    place({ id: "p2", name: "the north", resolvedName: null, countryCode: "ML", precision: "region" }),
  ],
  actors: [
    actor({ id: "a1", canonical: "Malian Armed Forces", kind: "state-forces", inter: 1, country: "ML" }),
    actor({
      id: "a2",
      canonical: "Unidentified militants",
      name: "militants",
      kind: "rebel-group",
      inter: 2,
    }),
    actor({ id: "a3", canonical: "French Armed Forces", kind: "state-forces", inter: 1, country: "FR" }),
    actor({ id: "a4", canonical: "villagers", kind: "civilians", inter: 7 }),
    actor({ id: "a5", canonical: "Malian National Police", kind: "state-forces", inter: 1, country: "ML" }),
  ],
  events: [
    event({
      id: "e1",
      actor1: "a2",
      actor2: "a1",
      assocActors: ["a5"],
      location: { place: "p1", lat: 15.9182, lon: 2.4022, geoPrecision: 2 },
      date: { start: "2024-05-05", end: "2024-05-05", precision: "day", text: "on Sunday" },
      fatalities: 4,
      injuries: 2,
      attribution: {
        source: "officials",
        sourceActor: null,
        cue: "said",
        cueSpan: null,
        certainty: "reported",
      },
      evidence: [
        { start: 0, end: 40, text: 'Militants attacked an army post, "killing four", officials said.' },
        { start: 41, end: 80, text: "Two soldiers were wounded,\nthe army added." },
      ],
    }),
    event({
      id: "e2",
      eventType: "Explosions/Remote violence",
      subEventType: "Air/drone strike",
      actor1: "a3",
      actor2: "a4",
      location: { place: "p1", lat: 15.9182, lon: 2.4022, geoPrecision: 1 },
      date: { start: "2024-05-01", end: "2024-05-07", precision: "week", text: "last week" },
      evidence: [{ start: 90, end: 130, text: "A French drone struck villagers near Menaka last week." }],
    }),
    event({
      id: "e3",
      eventType: "Protests",
      subEventType: "Peaceful protest",
      location: { place: "p2", lat: null, lon: null, geoPrecision: 3 },
      date: { start: "2024-05-01", end: "2024-05-31", precision: "month", text: "in May" },
    }),
    event({
      id: "e4",
      background: true,
      date: { start: "2012-01-01", end: "2012-12-31", precision: "year", text: "in 2012" },
    }),
    event({ id: "e5", negated: true }),
    event({ id: "e6", future: true }),
    event({ id: "e7", eventType: "Other events", subEventType: "Natural disaster" }),
  ],
});

/**
 * Unit tests of the actor recogniser. Every text here is an invented example sentence written for these
 * tests (realistic news phrasing, no real article). Sentences are given by hand, so no earlier stage runs.
 */
import { describe, expect, it } from "vitest";
import { emptyArticle } from "../../src/core/article.js";
import { type Doc, emptyLayers, type Span } from "../../src/core/doc.js";
import type { Actor } from "../../src/core/entities.js";
import { actorStage, publicationYear, recognizeActors } from "../../src/entities/index.js";
import type { RecognizeOptions } from "../../src/entities/recognize.js";

/** Join example sentences with a space and return the text with one span per sentence. */
function sents(...parts: string[]): { text: string; sentences: Span[] } {
  const sentences: Span[] = [];
  let text = "";
  for (const p of parts) {
    if (text !== "") text += " ";
    sentences.push({ start: text.length, end: text.length + p.length });
    text += p;
  }
  return { text, sentences };
}

function run(parts: string | string[], options: RecognizeOptions = {}): { text: string; actors: Actor[] } {
  const { text, sentences } = sents(...(Array.isArray(parts) ? parts : [parts]));
  return { text, actors: recognizeActors(text, sentences, options) };
}

function byCanonical(actors: readonly Actor[], canonical: string): Actor | undefined {
  return actors.find((a) => a.canonical === canonical);
}

function mentionTexts(text: string, a: Actor): string[] {
  return a.mentions.map((m) => text.slice(m.start, m.end));
}

describe("actors: dictionary aliases", () => {
  it.each([
    ["Hashd al-Sha'bi fighters entered the town.", "popular-mobilization-forces", "Hashd al-Sha'bi fighters"],
    ["Hezbollah fighters entered the town.", "hezbollah", "Hezbollah fighters"],
    ["The IDF said it struck a launch site.", "israel-defense-forces", "IDF"],
    ["IS fighters attacked a checkpoint overnight.", "islamic-state", "IS fighters"],
    ["The Russian Military Police set up a post.", "russian-military-police", "Russian Military Police"],
    ["The Syrian Army's positions were shelled.", "syrian-arab-army", "Syrian Army's"],
    ["Amaq claimed the attack.", "amaq-news-agency", "Amaq"],
  ])("actors: finds the alias in %j", (sentence, id, name) => {
    const { actors } = run(sentence, { year: 2020 });
    const a = actors.find((x) => x.dictionaryId === id);
    expect(a, JSON.stringify(actors)).toBeDefined();
    expect(a?.name).toBe(name);
  });

  it.each([
    ["he said it is what it is.", "IS"],
    ["Officials said the us embassy was closed.", "US"],
  ])("actors: a case-sensitive acronym matches only as written (%j)", (sentence) => {
    const { actors } = run(sentence);
    expect(actors.filter((a) => a.dictionaryId === "islamic-state")).toEqual([]);
  });

  it.each([
    ["the 5th Corps of the Syrian Army", "syrian-army-5th-corps", 1],
    ["the Iraqi Popular Mobilization Forces", "popular-mobilization-forces", 1],
  ])("actors: the longest alias wins in %j", (phrase, id, count) => {
    const { text, actors } = run(`Yesterday ${phrase} moved north.`, { year: 2020 });
    expect(actors.map((a) => a.dictionaryId)).toEqual([id]);
    expect(actors[0]?.mentions).toHaveLength(count);
    expect(mentionTexts(text, actors[0] as Actor)[0]).toBe(phrase.replace(/^the /, ""));
  });

  it.each([
    [["The convoy that arrived was Syrian.", "Army trucks followed it."]],
    [["Reports came from the Islamic.", "State officials denied them."]],
  ])("actors: never matches across a sentence boundary (%j)", (parts) => {
    const { actors } = run(parts);
    expect(actors.filter((a) => a.dictionaryId !== null)).toEqual([]);
  });
});

describe("actors: an alias that changed hands is read by year", () => {
  it.each([
    [2020, "syrian-arab-army"],
    [2016, "syrian-arab-army"],
    [2025, "syrian-army-2024"],
    [null, "syrian-army-2024"],
  ])("actors: 'Syrian Army' in %s → %s", (year, id) => {
    const { actors } = run("The Syrian Army entered the town.", { year });
    expect(actors.map((a) => a.dictionaryId)).toEqual([id]);
  });

  it.each([
    ["publication year from a date", "2020-12-20", 2020],
    ["no date", null, null],
    ["a date-time", "2024-03-01T10:00:00Z", 2024],
  ])("actors: %s", (_, published, year) => {
    expect(publicationYear(published)).toBe(year);
  });
});

describe("actors: generic patterns", () => {
  it.each([
    [
      "Iranian-backed militias shelled the base.",
      "Iranian-backed militias",
      "political-militia",
      null,
      "backed-by",
      "IR",
      "backed by Iran",
    ],
    [
      "Iranian-backed forces withdrew.",
      "Iranian-backed forces",
      "political-militia",
      null,
      "backed-by",
      "IR",
      "backed by Iran",
    ],
    [
      "Pro-Turkish factions advanced on the village.",
      "Pro-Turkish factions",
      "political-militia",
      null,
      "allied-with",
      "TR",
      "allied with Turkey",
    ],
    [
      "Russian-backed Syrian forces moved in.",
      "Russian-backed Syrian forces",
      "state-forces",
      "SY",
      "backed-by",
      "RU",
      "backed by Russia",
    ],
    [
      "Saudi-led warplanes struck the port.",
      "Saudi-led warplanes",
      "state-forces",
      null,
      "part-of",
      "SA",
      "led by Saudi Arabia",
    ],
    [
      "Masked gunmen killed two farmers.",
      "Masked gunmen",
      "unidentified-armed-group",
      null,
      null,
      null,
      null,
    ],
    ["Bolivian troops were deployed.", "Bolivian troops", "state-forces", "BO", null, null, null],
    ["Chadian militants crossed the river.", "Chadian militants", "rebel-group", "TD", null, null, null],
    [
      "Pro-Israeli sources claim that the convoy was hit.",
      "Pro-Israeli sources",
      "source",
      null,
      "supports",
      "IL",
      "supports Israel",
    ],
    ["Pro-militant sources confirmed the raid.", "Pro-militant sources", "source", null, null, null, null],
  ])("actors: %j", (sentence, canonical, kind, country, relation, actor, text) => {
    const { actors } = run(sentence);
    const a = byCanonical(actors, canonical);
    expect(a, JSON.stringify(actors)).toBeDefined();
    expect(a?.kind).toBe(kind);
    expect(a?.country).toBe(country);
    expect(a?.dictionaryId).toBeNull();
    expect(a?.inter).toEqual(kind === "source" ? null : expect.any(Number));
    if (relation === null) expect(a?.affiliations).toEqual([]);
    else expect(a?.affiliations).toEqual([{ relation, actor, text }]);
  });

  it.each([
    ["Chadian troops crossed the border.", "chad-armed-forces"],
    ["Russia's armed forces responded.", "russian-armed-forces"],
  ])("actors: a demonym phrase the dictionary knows is that actor (%j)", (sentence) => {
    const { actors } = run(sentence);
    expect(actors).toHaveLength(1);
    expect(actors[0]?.dictionaryId).not.toBeNull();
    expect(actors[0]?.country).toBe(sentence.startsWith("Chadian") ? "TD" : "RU");
  });

  it.each([
    [
      "Fighters of the 12th Mechanised Brigade of the Bolivian army were seen.",
      "12th Mechanised Brigade of the Bolivian army",
      "BO",
    ],
    ["The 3rd Infantry Division advanced.", "3rd Infantry Division", null],
  ])("actors: an ordinal unit (%j)", (sentence, canonical, country) => {
    const { actors } = run(sentence);
    const a = byCanonical(actors, canonical);
    expect(a, JSON.stringify(actors)).toBeDefined();
    expect(a?.kind).toBe("state-forces");
    expect(a?.country).toBe(country);
  });

  it.each([
    ["The first division of the list was long.", "first division"],
    ["Iranian withdrawal from the region is expected.", "Iranian withdrawal"],
  ])("actors: no actor in %j", (sentence) => {
    expect(run(sentence).actors).toEqual([]);
  });
});

describe("actors: country names", () => {
  it.each([
    ["Israel struck targets near the airport.", true],
    ["The region remains under the influence of Israel and its special services.", true],
    ["The rockets landed in Israel.", false],
    ["Troops massed on the border with Iraq.", false],
    ["Fighting spread in Syria, Iraq and Lebanon.", false],
    ["Aid convoys reached southern Syria.", false],
    ["The Syria conflict entered its tenth year.", false],
  ])("actors: %j → government actor: %s", (sentence, isActor) => {
    const govs = run(sentence).actors.filter((a) => a.kind === "government");
    expect(govs.length > 0).toBe(isActor);
  });

  it.each([
    [
      "The area is under the influence of Israel and its special services.",
      ["israel-government", "israeli-intelligence"],
    ],
    ["The presence of the Russians is not new.", ["russian-armed-forces"]],
  ])("actors: %j", (sentence, ids) => {
    expect(run(sentence).actors.map((a) => a.dictionaryId)).toEqual(ids);
  });
});

describe("actors: affiliations read from the text", () => {
  it.each([
    [
      "The 5th Corps of the Syrian Army, known for its links with the Russian military, built posts.",
      "syrian-army-5th-corps",
      { relation: "allied-with", actor: "russian-armed-forces" },
    ],
    [
      "Just recently, the ISIS propaganda wing, Amaq, claimed the attack.",
      "amaq-news-agency",
      { relation: "wing-of", actor: "islamic-state" },
    ],
    [
      "Chadian militants, backed by Libya, crossed the river.",
      null,
      { relation: "backed-by", actor: "LY", text: "backed by Libya" },
    ],
  ])("actors: %j", (sentence, id, affiliation) => {
    const { actors } = run(sentence, { year: 2020 });
    const a = actors.find((x) => x.dictionaryId === id);
    expect(a?.affiliations, JSON.stringify(actors)).toContainEqual(expect.objectContaining(affiliation));
  });

  it("actors: the wing phrase is a mention of the wing, named by its own name", () => {
    const { text, actors } = run("Just recently, the ISIS propaganda wing, Amaq, claimed the attack.");
    expect(actors.map((a) => a.dictionaryId)).toEqual(["amaq-news-agency"]);
    expect(actors[0]?.name).toBe("Amaq");
    expect(mentionTexts(text, actors[0] as Actor)).toEqual(["ISIS propaganda wing", "Amaq"]);
  });
});

describe("actors: bare nouns corefer", () => {
  it.each([
    [
      ["ISIS militants repelled an attack of the Syrian Army.", "3 soldiers were killed."],
      "syrian-arab-army",
      "soldiers",
    ],
    [["Hezbollah fired rockets at the post.", "The militants then withdrew."], "hezbollah", "militants"],
    [
      ["Troops of the Russian Military Police arrived.", "The soldiers set up a post."],
      "russian-military-police",
      "soldiers",
    ],
  ])("actors: %j → %s", (parts, id, noun) => {
    const { text, actors } = run(parts, { year: 2020 });
    const a = actors.find((x) => x.dictionaryId === id);
    expect(a, JSON.stringify(actors)).toBeDefined();
    expect(mentionTexts(text, a as Actor)).toContain(noun);
    expect(a?.name).not.toBe(noun);
  });

  it.each([
    [
      ["Gunmen stormed a village.", "Residents fled."],
      ["Unidentified armed group", "Civilians"],
    ],
    [["Gunmen stormed a village.", "The gunmen fled."], ["Unidentified armed group"]],
    [["The soldiers withdrew."], []],
    [["Russian airstrikes hit terrorist targets."], []],
    [["Pro-government militias clashed with rebels."], ["Pro-government militias", "Unidentified militants"]],
  ])("actors: %j with no antecedent", (parts, canonicals) => {
    expect(run(parts).actors.map((a) => a.canonical)).toEqual(canonicals);
  });
});

describe("actors: records", () => {
  it.each([
    ["Iranian-backed forces arrived. Later, Iranian-backed forces left.", "Iranian-backed forces", 2],
    [
      "The Russian military and Russian forces and the Russian army met.",
      "Armed Forces of the Russian Federation",
      3,
    ],
  ])("actors: one record per actor with all mentions (%j)", (sentence, canonical, count) => {
    const { actors } = run(sentence);
    expect(actors.filter((a) => a.canonical === canonical)).toHaveLength(1);
    expect(byCanonical(actors, canonical)?.mentions).toHaveLength(count);
  });

  it.each([
    [
      "Israel and its special services, Iranian-backed forces and unidentified gunmen clashed; 3 soldiers died.",
    ],
    ["The ISIS propaganda wing, Amaq, said that Pro-Israeli sources lied about the Syrian Army."],
  ])("actors: every mention slices the text and ids are a1, a2, … (%j)", (sentence) => {
    const { text, actors } = run(sentence, { year: 2020 });
    expect(actors.map((a) => a.id)).toEqual(actors.map((_, i) => `a${i + 1}`));
    for (const a of actors) {
      expect(a.mentions.length).toBeGreaterThan(0);
      for (const m of a.mentions) {
        expect(m.end).toBeGreaterThan(m.start);
        expect(text.slice(m.start, m.end).trim()).toBe(text.slice(m.start, m.end));
      }
      expect(mentionTexts(text, a)).toContain(a.name);
    }
  });

  it.each([
    ["Freedonian troops entered the valley.", "Freedonian", "XF"],
    ["Syrian militants entered the valley.", "Syrian", "SY"],
  ])("actors: a demonym from the configured lookup (%j)", (sentence, word, code) => {
    const demonym = (w: string) => (w === word ? code : null);
    const { actors } = run(sentence, { demonym });
    expect(actors[0]?.country).toBe(code);
  });
});

describe("actors: degenerate input stays bounded", () => {
  it.each([
    ["capitalised tokens", "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett "],
    ["country names and aliases", "Israel Syria ISIS Hezbollah Iranian-backed forces Pro-Israeli sources "],
    ["antecedent searches", "ISIS said its special services and the soldiers and the militants "],
    ["wing phrases", "the ISIS propaganda wing the Hezbollah media wing, Amaq "],
    ["punctuation", "!!! ,,, ... ;;; "],
  ])(
    "actors: a 1 MB text of %s in one sentence completes with output no larger than its words",
    (_, unit) => {
      const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
      const actors = recognizeActors(text, [{ start: 0, end: text.length }]);
      const mentions = actors.reduce((n, a) => n + a.mentions.length, 0);
      const words = text.split(/\s+/).length;
      expect(mentions).toBeLessThanOrEqual(words);
      expect(actors.length).toBeLessThan(50);
    },
  );
});

describe("actors: the stage", () => {
  function makeDoc(text: string, sentences: Span[], published: string | null): Doc {
    return {
      input: { name: "example", format: "text", content: text },
      source: text,
      text,
      article: { ...emptyArticle(), text, published },
      layers: { ...emptyLayers(), paragraphs: [{ start: 0, end: text.length }], sentences },
      segments: [],
      diagnostics: [],
      provenance: { extractor: "test", path: "test" },
    };
  }

  it.each([
    ["2020-12-20", "syrian-arab-army"],
    ["2025-01-15", "syrian-army-2024"],
  ])("actors: declares requires/assigns and fills the layer (published %s)", (published, id) => {
    const { text, sentences } = sents("The Syrian Army shelled the town.");
    const doc = makeDoc(text, sentences, published);
    expect(actorStage.name).toBe("actors");
    expect(actorStage.requires).toEqual(["tokens", "sentences"]);
    expect(actorStage.assigns).toEqual(["actors"]);
    const out = actorStage.run(doc, {}) ?? doc;
    expect(out.layers.actors.map((a) => a.dictionaryId)).toEqual([id]);
  });
});

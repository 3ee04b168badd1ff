import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ACTOR_KINDS,
  ACTORS_FILE,
  type ActorEntry,
  buildActorDictionary,
  findEntitiesDataDir,
  KIND_INTER,
  loadActorPatterns,
  loadActors,
  normalizeActorName,
  PATTERNS_FILE,
  parseActorLines,
  parseActorPatterns,
} from "../../src/entities/actors.js";

/** A valid line with some fields replaced (undefined removes a field). */
function line(overrides: Record<string, unknown> = {}): string {
  const base: Record<string, unknown> = {
    id: "test-army",
    canonical: "Test Army",
    aliases: ["Testland army"],
    kind: "state-forces",
    inter: 1,
    country: "TL",
  };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete base[key];
    else base[key] = value;
  }
  return JSON.stringify(base);
}

/** A file whose line 2 (after a comment) is `body`, so errors must name "t.jsonl:2". */
const file = (...lines: string[]) => ["# header", ...lines].join("\n");
const build = (...lines: string[]) => buildActorDictionary(parseActorLines(file(...lines), "t.jsonl"));

describe("entities: actor loader rejects a broken line, naming it", () => {
  it.each([
    ["not JSON", "{id: test}", /t\.jsonl:2: not valid JSON/],
    ["a missing canonical", line({ canonical: undefined }), /t\.jsonl:2: "canonical"/],
    ["an empty canonical", line({ canonical: " " }), /t\.jsonl:2: "canonical" must not be empty/],
    ["an empty alias list", line({ aliases: [] }), /t\.jsonl:2: "aliases" must list at least one alias/],
    ["an empty alias", line({ aliases: [""] }), /t\.jsonl:2: "aliases\.0" must not be empty/],
    ["an unknown kind", line({ kind: "army" }), /t\.jsonl:2: "kind"/],
    ["an inter code out of range", line({ inter: 9 }), /t\.jsonl:2: "inter"/],
    ["an inter code that does not fit the kind", line({ inter: 2 }), /t\.jsonl:2: inter 2 does not fit kind/],
    ["a non-kebab id", line({ id: "Test_Army" }), /t\.jsonl:2: "id" must be kebab-case/],
    ["a lower-case country", line({ country: "tl" }), /t\.jsonl:2: "country" must be an ISO/],
    ["a three-letter country", line({ country: "TLD" }), /t\.jsonl:2: "country" must be an ISO/],
    ["a misspelt field", line({ alias: ["x"] }), /t\.jsonl:2: .*alias/],
    ["an unknown relation", line({ affiliations: [{ relation: "funded-by", actor: "IR" }] }), /t\.jsonl:2:/],
    [
      "a country affiliation without text",
      line({ affiliations: [{ relation: "backed-by", actor: "IR" }] }),
      /t\.jsonl:2: affiliation with country "IR" needs a "text"/,
    ],
    [
      "a case-sensitive alias without capitals",
      line({ caseSensitiveAliases: ["aa"] }),
      /t\.jsonl:2: case-sensitive alias "aa" has no capital letter/,
    ],
    [
      "an alias repeated after normalisation",
      line({ aliases: ["Hay'at X", "Hayat X"] }),
      /t\.jsonl:2: alias "Hayat X" repeats "Hay'at X"/,
    ],
    [
      "an alias that is only punctuation",
      line({ aliases: ["--"] }),
      /t\.jsonl:2: alias "--" normalises to nothing/,
    ],
    [
      "an ambiguous alias that is not an alias",
      line({ ambiguousAliases: ["Other"] }),
      /t\.jsonl:2: ambiguous alias "Other" is not one of/,
    ],
    [
      "activeFrom after activeUntil",
      line({ activeFrom: 2020, activeUntil: 2010 }),
      /t\.jsonl:2: activeFrom 2020 is after activeUntil 2010/,
    ],
  ])("entities: rejects a line with %s", (_name, body, message) => {
    expect(() => build(body)).toThrow(message);
  });

  it.each([
    [
      "a duplicate id",
      [line(), line({ aliases: ["Other name"] })],
      /t\.jsonl:3: duplicate id "test-army" \(first at t\.jsonl:2\)/,
    ],
    ["an unknown parent", [line({ parent: "nowhere" })], /t\.jsonl:2: parent "nowhere" is not an actor id/],
    ["its own parent", [line({ parent: "test-army" })], /t\.jsonl:2: "test-army" is its own parent/],
    [
      "a parent cycle",
      [line({ parent: "b" }), line({ id: "b", aliases: ["B force"], parent: "test-army" })],
      /t\.jsonl:2: parent chain loops/,
    ],
    [
      "an unknown affiliation target",
      [line({ affiliations: [{ relation: "allied-with", actor: "nowhere" }] })],
      /t\.jsonl:2: affiliation target "nowhere" is not an actor id/,
    ],
    [
      "an undeclared alias collision",
      [line(), line({ id: "other-army", canonical: "Other Army", aliases: ["Testland Army"] })],
      /t\.jsonl:3: alias "Testland Army" of "other-army" collides with "Testland army" of "test-army" \(t\.jsonl:2\)/,
    ],
    [
      "a collision declared by one actor only",
      [
        line({ ambiguousAliases: ["Testland army"] }),
        line({ id: "other-army", canonical: "Other Army", aliases: ["Testland army"] }),
      ],
      /collides.*missing at t\.jsonl:3/,
    ],
    [
      "a collision between a canonical and an alias",
      [line(), line({ id: "other-army", canonical: "Other Army", aliases: ["Test Army"] })],
      /t\.jsonl:3: alias "Test Army" of "other-army" collides/,
    ],
    [
      "a case-sensitive alias that an any-case alias also matches",
      [
        line({ caseSensitiveAliases: ["TA"] }),
        line({ id: "other-army", canonical: "Other", aliases: ["ta"] }),
      ],
      /t\.jsonl:3: alias "ta" of "other-army" collides with "TA"/,
    ],
    [
      "a media wing without a parent",
      [line({ id: "w", canonical: "W News", aliases: ["W"], kind: "media-wing", inter: 2 })],
      /t\.jsonl:2: media wing "w" needs a parent/,
    ],
    [
      "a media wing whose inter differs from its parent's",
      [
        line(),
        line({
          id: "w",
          canonical: "W News",
          aliases: ["W"],
          kind: "media-wing",
          inter: 2,
          parent: "test-army",
        }),
      ],
      /t\.jsonl:3: media wing inter 2 differs from its parent's \(1\)/,
    ],
  ])("entities: rejects a dictionary with %s", (_name, lines, message) => {
    expect(() => build(...lines)).toThrow(message);
  });

  it.each([
    ["an empty file", ""],
    ["a file of comments only", "# nothing here\n\n# still nothing"],
  ])("entities: rejects %s", (_name, text) => {
    expect(() => parseActorLines(text, "t.jsonl")).toThrow(/t\.jsonl: no actors \(empty dictionary\)/);
  });

  it.each([
    [
      "an alias declared ambiguous by both actors",
      [
        line({ ambiguousAliases: ["National Guard"], aliases: ["National Guard"] }),
        line({
          id: "other",
          canonical: "Other",
          aliases: ["National Guard"],
          ambiguousAliases: ["National Guard"],
        }),
      ],
    ],
    [
      "two case-sensitive aliases in different letter case",
      [
        line({ caseSensitiveAliases: ["TA"] }),
        line({ id: "other", canonical: "Other", aliases: ["Other X"], caseSensitiveAliases: ["Ta"] }),
      ],
    ],
  ])("entities: accepts %s", (_name, lines) => {
    expect(() => build(...lines)).not.toThrow();
  });
});

describe("entities: normaliseActorName", () => {
  it.each([
    ["The Hashd al-Sha'abi", "hashd al shaabi"],
    ["Hashd al-Sha’abi", "hashd al shaabi"],
    ["Forces Armées Maliennes", "forces armees maliennes"],
    ["the  Syrian   Army", "syrian army"],
    ["U.S. forces", "us forces"],
    ["Kastuś Kalinoŭski", "kastus kalinouski"],
    ["AFC/M23", "afc m23"],
    ["Hay'at Tahrir al-Sham", "hayat tahrir al sham"],
    ["Theatre Command", "theatre command"],
    ["MİT", "mit"],
  ])("entities: normalises %j to %j", (input, expected) => {
    expect(normalizeActorName(input)).toBe(expected);
  });
});

describe("entities: the shipped actor dictionary", () => {
  const dict = loadActors();
  const ids = (alias: string) => dict.lookup(alias).map((e) => e.id);

  it("entities: loads once and caches", () => {
    expect(loadActors()).toBe(dict);
    expect(dict.entries.length).toBeGreaterThan(400);
  });

  it("entities: the file has a source and licence header", () => {
    const head = readFileSync(join(findEntitiesDataDir(), ACTORS_FILE), "utf8")
      .split("\n")
      .slice(0, 6)
      .join("\n");
    expect(head).toMatch(/source: written for sitrep/);
    expect(head).toMatch(/licence: MIT/);
  });

  it.each([
    ["Russian Military Police", "russian-military-police"],
    ["the Russian military", "russian-armed-forces"],
    ["Russian forces", "russian-armed-forces"],
    ["the 5th Corps of the Syrian Army", "syrian-army-5th-corps"],
    ["Fifth Assault Corps", "syrian-army-5th-corps"],
    ["the Syrian Army", "syrian-arab-army"],
    ["SAA", "syrian-arab-army"],
    ["regime forces", "syrian-arab-army"],
    ["the Iraqi Popular Mobilization Forces", "popular-mobilization-forces"],
    ["Popular Mobilization Forces", "popular-mobilization-forces"],
    ["Hashd al-Shaabi", "popular-mobilization-forces"],
    ["al-Hashd", "popular-mobilization-forces"],
    ["PMF", "popular-mobilization-forces"],
    ["PMU", "popular-mobilization-forces"],
    ["ISIS", "islamic-state"],
    ["ISIL", "islamic-state"],
    ["IS", "islamic-state"],
    ["Daesh", "islamic-state"],
    ["the Islamic State group", "islamic-state"],
    ["ISIS militants", "islamic-state"],
    ["IS militants", "islamic-state"],
    ["Amaq", "amaq-news-agency"],
    ["Amaq News Agency", "amaq-news-agency"],
    ["IRGC", "irgc"],
    ["Quds Force", "irgc-quds-force"],
    ["Iranian forces", "iran-armed-forces"],
    ["Israeli government", "israel-government"],
    ["Israel Defense Forces", "israel-defense-forces"],
    ["IDF", "israel-defense-forces"],
    ["Israeli special services", "israeli-intelligence"],
    ["Mossad", "mossad"],
  ])("entities: finds the seed's actor %j", (alias, id) => {
    expect(ids(alias)).toContain(id);
  });

  it.each([
    ["SDF", "syrian-democratic-forces"],
    ["YPG", "ypg"],
    ["HTS", "hayat-tahrir-al-sham"],
    ["Hezbollah", "hezbollah"],
    ["Hizballah", "hezbollah"],
    ["Ansar Allah", "houthis"],
    ["the Houthis", "houthis"],
    ["STC", "southern-transitional-council"],
    ["AQAP", "aqap"],
    ["Wagner", "wagner-group"],
    ["Africa Corps", "africa-corps"],
    ["ZSU", "ukrainian-armed-forces"],
    ["Ukrainian troops", "ukrainian-armed-forces"],
    ["JNIM", "jnim"],
    ["ISGS", "is-sahel"],
    ["FAMa", "fama"],
    ["VDP", "vdp"],
    ["Dozo hunters", "dozos"],
    ["al-Shabab", "al-shabaab"],
    ["ATMIS", "atmis"],
    ["AUSSOM", "aussom"],
    ["Boko Haram", "boko-haram"],
    ["ISWAP", "iswap"],
    ["Civilian JTF", "civilian-jtf"],
    ["M23", "m23"],
    ["FARDC", "fardc"],
    ["CODECO", "codeco"],
    ["Wazalendo", "wazalendo"],
    ["MONUSCO", "monusco"],
    ["RSF", "rapid-support-forces"],
    ["SAF", "sudanese-armed-forces"],
    ["Fano", "fano"],
    ["OLA", "ola"],
    ["TPLF", "tplf"],
    ["Tatmadaw", "myanmar-military"],
    ["Arakan Army", "arakan-army"],
    ["TNLA", "tnla"],
    ["KNLA", "knla"],
    ["al-Qassam Brigades", "qassam-brigades"],
    ["Saraya al-Quds", "al-quds-brigades"],
    ["Israeli settlers", "israeli-settlers"],
    ["Lebanese Armed Forces", "lebanese-armed-forces"],
    ["UNIFIL", "unifil"],
    ["Taliban", "taliban"],
    ["ISKP", "iskp"],
    ["ISIS-K", "iskp"],
    ["TTP", "ttp"],
    ["BLA", "bla"],
    ["ELN", "eln"],
    ["Clan del Golfo", "clan-del-golfo"],
    ["EGC", "clan-del-golfo"],
    ["Segunda Marquetalia", "segunda-marquetalia"],
    ["CJNG", "cjng"],
    ["Los Chapitos", "los-chapitos"],
    ["Guardia Nacional", "mexico-national-guard"],
    ["Viv Ansanm", "viv-ansanm"],
    ["G9", "g9"],
    ["CENTCOM", "centcom"],
    ["Turkish forces", "turkish-armed-forces"],
    ["NATO", "nato"],
    ["ECOWAS", "ecowas"],
    ["civilians", "civilians"],
    ["protesters", "protesters"],
    ["rioters", "rioters"],
    ["unidentified gunmen", "unidentified-armed-group"],
  ])("entities: finds %j across conflicts", (alias, id) => {
    expect(ids(alias)).toContain(id);
  });

  it.each([
    ["IS", ["islamic-state"]],
    ["is", []],
    ["Is", []],
    ["ISIS", ["islamic-state"]],
    ["isis", ["islamic-state"]],
    ["AA", ["arakan-army"]],
    ["aa", []],
    ["SAA", ["syrian-arab-army"]],
    ["saa", []],
    ["UN", ["united-nations"]],
    ["U.N.", ["united-nations"]],
    ["un", []],
    ["WHO", ["who"]],
    ["who", []],
    ["Lebanese Forces", ["lebanese-forces-party"]],
    ["Lebanese forces", []],
    ["LeT", ["lashkar-e-taiba"]],
    ["let", []],
  ])("entities: case-sensitive acronym %j finds %j", (alias, expected) => {
    expect(ids(alias)).toEqual(expected);
  });

  it.each([
    ["National Guard", ["ukraine-national-guard", "mexico-national-guard"]],
    ["ADF", ["adf", "ambazonia-defence-forces"]],
    ["al-Shabaab", ["al-shabaab", "is-mozambique"]],
    ["5th Corps", ["syrian-army-5th-corps", "us-army-v-corps"]],
    ["SNA", ["syrian-national-army", "somali-national-army"]],
    ["Syrian Army", ["syrian-arab-army", "syrian-army-2024"]],
    ["Yemeni Armed Forces", ["houthi-armed-forces", "yemen-government-forces"]],
    ["Republican Guard", ["syrian-republican-guard", "drc-republican-guard"]],
  ])("entities: ambiguous alias %j finds every reading", (alias, expected) => {
    expect(ids(alias).sort()).toEqual([...expected].sort());
  });

  it("entities: unknown names find nothing", () => {
    expect(dict.lookup("Ministry of Silly Walks")).toEqual([]);
    expect(dict.byId("no-such-actor")).toBeUndefined();
  });

  it("entities: affiliations carry their text", () => {
    const corps = dict.byId("syrian-army-5th-corps") as ActorEntry;
    expect(corps.parent).toBe("syrian-arab-army");
    expect(corps.affiliations).toEqual(
      expect.arrayContaining([
        { relation: "part-of", actor: "syrian-arab-army", text: "part of Syrian Arab Army" },
        { relation: "backed-by", actor: "RU", text: "backed by Russia" },
      ]),
    );
    expect(dict.byId("amaq-news-agency")?.affiliations).toEqual([
      { relation: "wing-of", actor: "islamic-state", text: "wing of Islamic State" },
    ]);
  });

  it.each(dict.entries.map((e) => [e.id, e] as const))("entities: %s is consistent", (_id, entry) => {
    expect(ACTOR_KINDS).toContain(entry.kind);
    expect(KIND_INTER[entry.kind]).toContain(entry.inter);
    expect(entry.aliases.length).toBeGreaterThan(0);
    if (entry.parent !== null) expect(dict.byId(entry.parent)).toBeDefined();
    for (const aff of entry.affiliations) {
      if (!/^[A-Z]{2}$/.test(aff.actor)) expect(dict.byId(aff.actor)).toBeDefined();
      expect(aff.text).not.toBe("");
    }
    if (entry.kind === "media-wing") expect(entry.inter).toBe(dict.byId(entry.parent ?? "")?.inter);
    for (const alias of [entry.canonical, ...entry.aliases, ...entry.caseSensitiveAliases]) {
      expect(dict.lookup(alias)).toContain(entry);
      expect(normalizeActorName(alias).split(" ").length).toBeLessThanOrEqual(dict.maxAliasTokens);
    }
  });

  it("entities: every alias shared by several actors is declared ambiguous by each", () => {
    for (const entry of dict.entries) {
      const declared = new Set(entry.ambiguousAliases.map(normalizeActorName));
      for (const alias of [entry.canonical, ...entry.aliases, ...entry.caseSensitiveAliases]) {
        const others = dict.lookup(alias).filter((e) => e !== entry);
        if (others.length > 0) expect(declared, `${entry.id}: ${alias}`).toContain(normalizeActorName(alias));
      }
    }
  });
});

describe("entities: generic-actor patterns", () => {
  const patterns = loadActorPatterns();

  it("entities: every group has rows", () => {
    for (const [group, rows] of Object.entries(patterns)) expect(rows.length, group).toBeGreaterThan(0);
    expect(loadActorPatterns()).toBe(patterns);
  });

  it("entities: the patterns file has a source and licence header", () => {
    const head = readFileSync(join(findEntitiesDataDir(), PATTERNS_FILE), "utf8")
      .split("\n")
      .slice(0, 4)
      .join("\n");
    expect(head).toMatch(/source: written for sitrep/);
    expect(head).toMatch(/licence: MIT/);
  });

  it.each([
    ["militants", "rebel-group"],
    ["soldiers", "state-forces"],
    ["police", "state-forces"],
    ["militias", "political-militia"],
    ["gunmen", "unidentified-armed-group"],
    ["protesters", "protesters"],
    ["civilians", "civilians"],
    ["paramilitaries", "political-militia"],
  ])("entities: unit noun %j is %s", (term, kind) => {
    expect(patterns.unitNouns.find((n) => n.term === term)?.kind).toBe(kind);
  });

  it.each([
    ["-backed", "backed-by", "suffix"],
    ["pro-", "allied-with", "prefix"],
    ["backed by", "backed-by", "phrase"],
    ["affiliated with", "allied-with", "phrase"],
    ["-allied", "allied-with", "suffix"],
  ])("entities: backing word %j is %s (%s)", (term, relation, affix) => {
    expect(patterns.backing.find((b) => b.term === term)).toEqual({ term, relation, affix });
  });

  it.each([
    ["sources", "generic"],
    ["media", "media"],
    ["activists", "activist"],
    ["officials", "official"],
    ["monitor", "monitor"],
  ])("entities: source noun %j is %s", (term, sourceKind) => {
    expect(patterns.sourceNouns.find((s) => s.term === term)?.sourceKind).toBe(sourceKind);
  });

  it.each([
    ["fifth", 5],
    ["first", 1],
    ["twentieth", 20],
  ])("entities: ordinal %j is %i", (term, value) => {
    expect(patterns.ordinals.find((o) => o.term === term)?.value).toBe(value);
  });

  it.each([
    ["Corps", "corps"],
    ["Division", "division"],
    ["Brigade", "brigade"],
    ["Battalion", "battalion"],
    ["Army", "army"],
    ["Guard", "guard"],
  ])("entities: unit type %j is a %s", (term, echelon) => {
    expect(patterns.unitTypes.find((u) => u.term === term)?.echelon).toBe(echelon);
    expect(patterns.ordinalSuffixes).toContain("th");
  });

  const complete = [
    "unit-noun\tmilitants\trebel-group\tpl",
    "branch\tarmy\tstate-forces",
    "modifier\tregime\tstate-forces",
    "backing\t-backed\tbacked-by\tsuffix",
    "source-noun\tsources\tgeneric",
    "ordinal\tfifth\t5",
    "ordinal-suffix\tth",
    "unit-type\tCorps\tcorps",
    "unit-qualifier\tArmoured",
  ];
  const withRow = (row: string) => ["# header", row, ...complete].join("\n");

  it("entities: a complete minimal patterns file parses", () => {
    expect(parseActorPatterns(["# header", ...complete].join("\n"), "p.tsv").ordinals).toEqual([
      { term: "fifth", value: 5 },
    ]);
  });

  it.each([
    ["an unknown group", withRow("noun\tmen\tstate-forces\tpl"), /p\.tsv:2: unknown pattern group "noun"/],
    ["an empty term", withRow("unit-noun\t\tstate-forces\tpl"), /p\.tsv:2: empty term/],
    ["an unknown kind", withRow("unit-noun\tmen\tarmy\tpl"), /p\.tsv:2: unknown actor kind "army"/],
    [
      "an unknown number",
      withRow("unit-noun\tmen\tstate-forces\tmany"),
      /p\.tsv:2: unknown grammatical number/,
    ],
    ["an unknown affix", withRow("backing\t-led\tpart-of\tinfix"), /p\.tsv:2: unknown affix "infix"/],
    ["an unknown relation", withRow("backing\t-led\tled-by\tsuffix"), /p\.tsv:2: unknown relation "led-by"/],
    [
      "an unknown source kind",
      withRow("source-noun\tbloggers\tblog"),
      /p\.tsv:2: unknown source kind "blog"/,
    ],
    ["an ordinal that is not a number", withRow("ordinal\tsixth\tsix"), /p\.tsv:2: ordinal value "six"/],
    ["an unknown echelon", withRow("unit-type\tHorde\thorde"), /p\.tsv:2: unknown echelon "horde"/],
    [
      "a value where none is taken",
      withRow("unit-qualifier\tTank\tx"),
      /p\.tsv:2: unit-qualifier takes no value/,
    ],
    ["too many columns", withRow("branch\tnavy\tstate-forces\tx\ty"), /p\.tsv:2: too many columns/],
    [
      "a duplicate term",
      withRow("unit-noun\tMilitants\trebel-group\tpl"),
      /p\.tsv:3: duplicate unit-noun "militants" \(first at p\.tsv:2\)/,
    ],
    [
      "an empty group",
      ["# header", ...complete.filter((r) => !r.startsWith("ordinal\t"))].join("\n"),
      /p\.tsv: no "ordinal" rows \(empty group\)/,
    ],
  ])("entities: patterns reject %s", (_name, text, message) => {
    expect(() => parseActorPatterns(text, "p.tsv")).toThrow(message);
  });
});

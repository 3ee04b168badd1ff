import { describe, expect, it } from "vitest";
import type { FeatureType, GazetteerEntry } from "../../src/geo/gazetteer.js";
import type { ToponymMention } from "../../src/geo/recognize.js";
import { resolveMentions } from "../../src/geo/resolve.js";

/** Hand-built gazetteer records: no index is loaded. */
function entry(
  id: number,
  name: string,
  featureType: FeatureType,
  countryCode: string,
  admin1Code: string | null,
  lat: number,
  lon: number,
  population: number,
  featureCode = featureType === "admin1" ? "ADM1" : featureType === "country" ? "PCLI" : "PPL",
): GazetteerEntry {
  return {
    id,
    name,
    asciiName: name,
    featureType,
    featureCode,
    countryCode,
    admin1Code,
    admin1: null,
    lat,
    lon,
    population,
  };
}

const SPRINGFIELD_MO = entry(1, "Springfield", "city", "US", "MO", 37.2, -93.3, 166_000, "PPLA2");
const SPRINGFIELD_IL = entry(2, "Springfield", "city", "US", "IL", 39.8, -89.6, 116_000, "PPLA");
const SPRINGFIELD_OR = entry(13, "Springfield", "city", "US", "OR", 44.0, -123.0, 60_000);
const ILLINOIS = entry(3, "Illinois", "admin1", "US", "IL", 40.0, -89.0, 12_000_000);
const DECATUR_IL = entry(4, "Decatur", "city", "US", "IL", 39.8, -88.9, 72_000);
const KHARKIV_CITY = entry(5, "Kharkiv", "city", "UA", "07", 50.0, 36.2, 1_400_000, "PPLA");
const KHARKIV_OBLAST = entry(6, "Kharkiv", "admin1", "UA", "07", 49.6, 36.6, 2_100_000);
const LONDON_GB = entry(7, "London", "city", "GB", "ENG", 51.5, -0.1, 8_900_000, "PPLC");
const LONDON_OH = entry(8, "London", "city", "US", "OH", 39.9, -83.4, 10_000);
const OHIO = entry(9, "Ohio", "admin1", "US", "OH", 40.3, -82.8, 11_500_000);
const CHICAGO = entry(10, "Chicago", "city", "US", "IL", 41.9, -87.6, 2_700_000, "PPLA2");
const WILLARD = entry(11, "Willard", "locality", "US", "OH", 41.1, -82.7, 6_000);
const BADIA_DESERT = entry(-3, "central Syrian desert", "desert", "SY", null, 34.5, 38.3, 0, "DSRT");
const BADIA_IT = entry(12, "Badia", "locality", "IT", "17", 46.6, 11.9, 3_000);
const SYRIA = entry(-1_000_486, "Syria", "country", "SY", null, 35, 38, 18_000_000);

let offset = 0;
function mention(
  text: string,
  candidates: GazetteerEntry[],
  extra: Partial<ToponymMention> = {},
): ToponymMention {
  const start = offset;
  offset += text.length + 10;
  return {
    start,
    end: start + text.length,
    text,
    candidates,
    typeCue: null,
    directional: false,
    demonym: false,
    sentence: 0,
    ...extra,
  };
}

function resolved(mentions: ToponymMention[]): Array<number | undefined> {
  return resolveMentions(mentions).map((r) => r.entry?.id);
}

describe("geo: resolve weighs the article's evidence", () => {
  it.each([
    [
      "a 'Town, State' comma puts the town in that state",
      [mention("Springfield", [SPRINGFIELD_MO, SPRINGFIELD_IL], { within: [ILLINOIS] })],
      [SPRINGFIELD_IL.id],
    ],
    [
      "an admin1 named elsewhere in the article",
      [mention("Illinois", [ILLINOIS]), mention("Springfield", [SPRINGFIELD_MO, SPRINGFIELD_IL])],
      [ILLINOIS.id, SPRINGFIELD_IL.id],
    ],
    [
      "population, with nothing else to go on",
      [mention("Springfield", [SPRINGFIELD_OR, SPRINGFIELD_MO])],
      [SPRINGFIELD_MO.id],
    ],
    [
      "a bare name shared by an admin1 and its seat is the city",
      [mention("Kharkiv", [KHARKIV_OBLAST, KHARKIV_CITY])],
      [KHARKIV_CITY.id],
    ],
    [
      "a type word makes it the admin1",
      [mention("Kharkiv", [KHARKIV_OBLAST, KHARKIV_CITY], { typeCue: "admin1" })],
      [KHARKIV_OBLAST.id],
    ],
    [
      "a direction word makes it the admin1",
      [mention("Kharkiv", [KHARKIV_OBLAST, KHARKIV_CITY], { directional: true })],
      [KHARKIV_OBLAST.id],
    ],
    [
      "a world capital beats a small namesake in the focus country",
      [mention("Chicago", [CHICAGO]), mention("London", [LONDON_OH, LONDON_GB])],
      [CHICAGO.id, LONDON_GB.id],
    ],
    [
      "a small namesake in the state the article names beats a world capital",
      [mention("Ohio", [OHIO]), mention("London", [LONDON_OH, LONDON_GB])],
      [OHIO.id, LONDON_OH.id],
    ],
    [
      "an alternate name does not beat a big city written by its own name",
      [mention("Ohio", [OHIO]), mention("Chicago", [WILLARD, CHICAGO])],
      [OHIO.id, CHICAGO.id],
    ],
    [
      "a curated feature beats a foreign namesake",
      [mention("Syria", [SYRIA]), mention("Badia", [BADIA_IT, BADIA_DESERT])],
      [SYRIA.id, BADIA_DESERT.id],
    ],
    [
      "the article's admin1 pulls a bare town name",
      [
        mention("Decatur", [DECATUR_IL]),
        mention("Illinois", [ILLINOIS]),
        mention("Springfield", [SPRINGFIELD_MO, SPRINGFIELD_IL]),
      ],
      [DECATUR_IL.id, ILLINOIS.id, SPRINGFIELD_IL.id],
    ],
  ])("geo: resolve by %s", (_label, mentions, expected) => {
    expect(resolved(mentions)).toEqual(expected);
  });
});

describe("geo: resolve keeps one sense per discourse", () => {
  it("geo: resolve gives a repeated name the reading of its 'Town, State' mention", () => {
    const out = resolved([
      mention("Springfield", [SPRINGFIELD_MO, SPRINGFIELD_IL], { within: [ILLINOIS] }),
      mention("Springfield", [SPRINGFIELD_MO, SPRINGFIELD_IL]),
    ]);
    expect(out).toEqual([SPRINGFIELD_IL.id, SPRINGFIELD_IL.id]);
  });

  it("geo: resolve keeps a typed mention apart from a bare one", () => {
    const out = resolved([
      mention("Kharkiv", [KHARKIV_OBLAST, KHARKIV_CITY], { directional: true }),
      mention("Kharkiv", [KHARKIV_OBLAST, KHARKIV_CITY]),
    ]);
    expect(out).toEqual([KHARKIV_OBLAST.id, KHARKIV_CITY.id]);
  });

  it("geo: resolve handles 10,000 mentions of a few names quickly", () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      i % 2 === 0
        ? mention("Springfield", [SPRINGFIELD_MO, SPRINGFIELD_IL])
        : mention("London", [LONDON_GB, LONDON_OH]),
    );
    const started = performance.now();
    const out = resolveMentions(many);
    expect(out).toHaveLength(10_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FEATURES_FILE } from "../../src/geo/constants.js";
import { distanceKm, findGeoDataDir, type GazetteerEntry, loadGazetteer } from "../../src/geo/gazetteer.js";

const gazetteer = loadGazetteer();

/** GeoNames ids of the places the tests expect. */
const ALBU_KAMAL = 174448;
const AL_QAIM = 92138;
const DEIR_EZ_ZOR = 170794;
const AL_MAYADIN = 173480;
const HAMA = 170017;
const DARAA = 170905;
const QUNEITRA = 173334;

function ids(name: string): number[] {
  return gazetteer.lookup(name).map((e) => e.id);
}

function admin1Id(cc: string, code: string): number {
  const entry = gazetteer.admin1(cc, code);
  if (!entry) throw new Error(`no admin1 ${cc}.${code}`);
  return entry.id;
}

describe("geo: lookup resolves transliterations to GeoNames places", () => {
  it.each([
    ["al-Bukamal", ALBU_KAMAL],
    ["Abu Kamal", ALBU_KAMAL],
    ["Albu Kamal", ALBU_KAMAL],
    ["Al Bukamal", ALBU_KAMAL],
    ["Abu Kemal", ALBU_KAMAL],
    ["al-Qaim", AL_QAIM],
    ["Al Qa'im", AL_QAIM],
    ["Husaybah", AL_QAIM],
    ["Deir Ezzor", DEIR_EZ_ZOR],
    ["Deir ez-Zor", DEIR_EZ_ZOR],
    ["Deir al-Zour", DEIR_EZ_ZOR],
    ["Dayr az Zawr", DEIR_EZ_ZOR],
    ["al-Mayadin", AL_MAYADIN],
    ["Mayadin", AL_MAYADIN],
    ["Mayadeen", AL_MAYADIN],
    ["Hama", HAMA],
    ["Ḩamāh", HAMA],
    ["Daraa", DARAA],
    ["Dar'a", DARAA],
    ["Dar‘ā", DARAA],
    ["Deraa", DARAA],
    ["Quneitra", QUNEITRA],
    ["Al Qunaytirah", QUNEITRA],
  ])("geo: %s → GeoNames %i among the candidates", (name, id) => {
    expect(ids(name)).toContain(id);
  });
});

describe("geo: lookup finds governorates (admin1) by their city's spellings and with a generic word", () => {
  it.each([
    ["Deir Ezzor", "SY", "07"],
    ["Deir ez-Zor", "SY", "07"],
    ["Deir al-Zour", "SY", "07"],
    ["Deir ez-Zor province", "SY", "07"],
    ["Hama", "SY", "10"],
    ["Hama Governorate", "SY", "10"],
    ["Hama province", "SY", "10"],
    ["Daraa", "SY", "06"],
    ["Dar'a", "SY", "06"],
    ["Quneitra", "SY", "03"],
    ["Idlib", "SY", "12"],
    ["Idleb province", "SY", "12"],
    ["Rif Dimashq", "SY", "08"],
    ["Anbar", "IQ", "01"],
    ["Kharkiv region", "UA", "07"],
    ["Cauca", "CO", "09"],
    ["California", "US", "CA"],
    ["Calif.", "US", "CA"],
    ["W.Va.", "US", "WV"],
    ["D.C.", "US", "DC"],
    ["B.C.", "CA", "02"],
    ["NSW", "AU", "02"],
  ])("geo: %s → admin1 %s.%s", (name, cc, code) => {
    expect(ids(name)).toContain(admin1Id(cc, code));
  });

  it.each([
    ["Hama province", HAMA],
    ["Deir ez-Zor governorate", DEIR_EZ_ZOR],
  ])("geo: %s does not return the city %i", (name, id) => {
    expect(ids(name)).not.toContain(id);
  });
});

describe("geo: lookup finds countries", () => {
  it.each([
    ["Syria", "SY"],
    ["Syrian Arab Republic", "SY"],
    ["Iraq", "IQ"],
    ["Israel", "IL"],
    ["Iran", "IR"],
    ["Ukraine", "UA"],
    ["DRC", "CD"],
    ["Democratic Republic of Congo", "CD"],
    ["Burma", "MM"],
    ["United States", "US"],
    ["U.S.", "US"],
    ["UK", "GB"],
    ["Britain", "GB"],
    ["Ivory Coast", "CI"],
    ["Côte d'Ivoire", "CI"],
  ])("geo: %s → country %s", (name, cc) => {
    const found = gazetteer.lookup(name).find((e) => e.featureType === "country");
    expect(found?.countryCode).toBe(cc);
    expect(found?.id).toBe(gazetteer.country(cc)?.id);
  });
});

describe("geo: lookup finds curated regions and natural features", () => {
  it.each([
    ["West Bank", "PS"],
    ["the West Bank", "PS"],
    ["Gaza Strip", "PS"],
    ["Ghouta", "SY"],
    ["Eastern Ghouta", "SY"],
    ["Darfur", "SD"],
    ["Donbas", null],
    ["Donbass", null],
    ["Sahel", null],
    ["the Sahel", null],
    ["central Syrian desert", "SY"],
    ["Syrian desert", null],
    ["Badia", "SY"],
    ["Golan Heights", null],
    ["Sinai", "EG"],
    ["Tigray", "ET"],
    ["Cabo Delgado", "MZ"],
    ["Liptako-Gourma", null],
    ["Horn of Africa", null],
    ["Kashmir", null],
    ["Balochistan", "PK"],
    ["Crimea", "UA"],
    ["Nagorno-Karabakh", "AZ"],
    ["Kurdistan Region", "IQ"],
    ["Idlib countryside", "SY"],
    ["Euphrates", null],
    ["Strait of Hormuz", null],
    ["Bab el-Mandeb", null],
    ["Red Sea", null],
    ["Mississippi River", "US"],
    ["Middle East", null],
  ])("geo: %s → a region/feature (country %s)", (name, cc) => {
    const regions = gazetteer
      .lookup(name)
      .filter((e) => !["city", "locality", "admin2", "country"].includes(e.featureType));
    expect(regions.map((e) => e.countryCode)).toContain(cc);
  });

  it.each([
    ["Ghouta", 33.55, 36.42],
    ["Darfur", 13.5, 24.0],
    ["Donbas", 48.3, 38.5],
    ["West Bank", 31.95, 35.25],
  ])("geo: %s lies where it should (within 100 km of %f, %f)", (name, lat, lon) => {
    const found = gazetteer
      .lookup(name)
      .find((e) => e.featureType === "region" || e.featureType === "admin1");
    expect(distanceKm(found as GazetteerEntry, { lat, lon })).toBeLessThan(100);
  });
});

describe("geo: the curated supplement is in the index", () => {
  const rows = readFileSync(join(findGeoDataDir(), FEATURES_FILE), "utf8")
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => line.split("\t"));

  it("geo: curated rows have unique negative ids and a few hundred entries", () => {
    const ids = rows.map((c) => Number(c[0]));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => Number.isInteger(id) && id < 0)).toBe(true);
    expect(rows.length).toBeGreaterThan(300);
  });

  it.each(rows.map((c) => [c[1] as string, Number(c[0]), Number(c[5]), Number(c[6])] as const))(
    "geo: %s (id %i) is found by its name near its point",
    (name, id, lat, lon) => {
      const found = gazetteer.lookup(name);
      // Either the curated entry itself, or the admin1 region it was merged into.
      const entry = gazetteer.byId(id) ?? found.find((e) => e.featureType === "admin1");
      expect(entry, name).toBeDefined();
      expect(found).toContain(entry);
      expect(distanceKm(entry as GazetteerEntry, { lat, lon })).toBeLessThan(250);
    },
  );
});

describe("geo: lookup covers other conflicts", () => {
  it.each([
    ["Kharkiv", 706483],
    ["Bakhmut", 713174],
    ["Artemivsk", 713174],
    ["Mogadishu", 53654],
    ["Maiduguri", 2331447],
    ["Goma", 216281],
    ["El Fasher", 379555],
    ["al-Fashir", 379555],
    ["Khan Younis", 281124],
    ["Khan Yunis", 281124],
    ["Menaka", 2453514],
    ["Kidal", 2455290],
    ["Marib", 72968],
    ["Ma'rib", 72968],
    ["Hodeidah", 79415],
    ["Kandahar", 1138336],
    ["Sittwe", 1295765],
    ["Culiacán", 4012176],
    ["Culiacan", 4012176],
  ])("geo: %s → GeoNames %i", (name, id) => {
    expect(ids(name)).toContain(id);
  });
});

describe("geo: lookup order and entry fields", () => {
  it.each([["Hama"], ["Springfield"], ["Paris"], ["Daraa"], ["Georgia"]])(
    "geo: %s candidates with a stated population come most populous first",
    (name) => {
      const found = gazetteer.lookup(name);
      expect(found.length).toBeGreaterThan(1);
      const stated = found.filter((e) => !e.populationIsSum);
      for (let i = 1; i < stated.length; i++) {
        expect((stated[i - 1] as GazetteerEntry).population).toBeGreaterThanOrEqual(
          (stated[i] as GazetteerEntry).population,
        );
      }
    },
  );

  it.each([
    ["Paris", 2988507],
    ["London", 2643743],
  ])("geo: the first city called %s is the capital (GeoNames %i)", (name, id) => {
    expect(gazetteer.lookup(name).find((e) => e.featureType === "city")?.id).toBe(id);
  });

  it.each([
    ["Hama", HAMA, "10"],
    ["Daraa", DARAA, "06"],
    ["Paris", 2988507, null],
  ])("geo: %s → the city ranks before the province named after it (summed populations)", (name, id, a1) => {
    const found = gazetteer.lookup(name);
    expect(found[0]?.id).toBe(id);
    if (a1) expect(found.map((e) => e.id)).toContain(admin1Id("SY", a1));
  });

  it("geo: populations that are sums over places are flagged; stated ones are not", () => {
    expect(gazetteer.admin1("SY", "10")?.populationIsSum).toBe(true);
    expect(gazetteer.country("SY")?.populationIsSum).toBe(true);
    expect(gazetteer.byId(HAMA)?.populationIsSum).toBeUndefined();
  });

  it("geo: cities and admin2 regions carry their admin2 code", () => {
    const charlotte = gazetteer.byId(4460243); // Charlotte, NC: Mecklenburg County (FIPS 119)
    expect(charlotte).toMatchObject({ countryCode: "US", admin1Code: "NC", admin2Code: "119" });
    const county = gazetteer.lookup("Mecklenburg County").find((e) => e.admin1Code === "NC");
    expect(county).toMatchObject({ featureType: "admin2", admin2Code: "119" });
    expect(distanceKm(county as GazetteerEntry, charlotte as GazetteerEntry)).toBeLessThan(40);
  });

  it("geo: a city entry carries its codes and admin1 name", () => {
    const hama = gazetteer.byId(HAMA);
    expect(hama).toMatchObject({
      id: HAMA,
      name: "Ḩamāh",
      asciiName: "Hamah",
      featureType: "city",
      featureCode: "PPLA",
      countryCode: "SY",
      admin1Code: "10",
      admin1: "Hama",
    });
    expect(hama?.lat).toBeCloseTo(35.132, 2);
    expect(hama?.lon).toBeCloseTo(36.758, 2);
    expect(hama?.population).toBeGreaterThan(100_000);
  });

  it("geo: entries are frozen and shared between lookups", () => {
    const a = gazetteer.lookup("Hama")[0];
    const b = gazetteer.lookup("Ḩamāh")[0];
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it.each([["SY"], ["IQ"], ["IL"], ["US"], ["ps"]])("geo: country(%s) and byId agree", (cc) => {
    const country = gazetteer.country(cc);
    expect(country?.featureType).toBe("country");
    expect(country?.countryCode).toBe(cc.toUpperCase());
    expect(gazetteer.byId(country?.id ?? 0)).toBe(country);
  });

  it.each([
    ["SY", "10", 170015],
    ["SY", "06", 170903],
    ["IQ", "01", 99592],
    ["US", "CA", 5332921],
    ["US", "TX", 4736286],
  ])("geo: admin1(%s, %s) has its GeoNames id %i (Natural Earth cross-reference)", (cc, code, id) => {
    expect(gazetteer.admin1(cc, code)?.id).toBe(id);
  });

  it.each([
    // GeoNames' own points for these regions/countries (public GeoNames records), which the index should be
    // near: Texas 31.25 N 99.25 W, California 37.25 N 119.75 W, the United States 39.76 N 98.5 W.
    ["Texas", () => gazetteer.admin1("US", "TX"), 31.25, -99.25],
    ["California", () => gazetteer.admin1("US", "CA"), 37.25, -119.75],
    ["United States", () => gazetteer.country("US"), 39.76, -98.5],
  ])("geo: %s's point is within 100 km of GeoNames'", (_name, get, lat, lon) => {
    const entry = get();
    expect(entry).toBeDefined();
    expect(distanceKm(entry as GazetteerEntry, { lat, lon })).toBeLessThan(100);
  });

  it.each([
    ["SY", "10", "Hama"],
    ["SY", "07", "Deir ez-Zor"],
    ["IQ", "01", "Anbar"],
    ["US", "CA", "California"],
  ])("geo: admin1(%s, %s) is %s", (cc, code, name) => {
    const region = gazetteer.admin1(cc, code);
    expect(region).toMatchObject({ featureType: "admin1", featureCode: "ADM1", countryCode: cc, name });
    expect(gazetteer.byId(region?.id ?? 0)).toBe(region);
  });

  it.each([
    ["unknown country", () => gazetteer.country("ZZ")],
    ["unknown admin1", () => gazetteer.admin1("SY", "99")],
    ["unknown id", () => gazetteer.byId(1)],
  ])("geo: %s → undefined", (_label, call) => {
    expect(call()).toBeUndefined();
  });

  it("geo: the index is large enough to be the real one", () => {
    expect(gazetteer.size).toBeGreaterThan(100_000);
    expect(loadGazetteer()).toBe(gazetteer);
  });
});

describe("geo: demonym", () => {
  it.each([
    ["Syrian", "SY"],
    ["Syrians", "SY"],
    ["Iraqi", "IQ"],
    ["Iraqis", "IQ"],
    ["Israeli", "IL"],
    ["Israelis", "IL"],
    ["Iranian", "IR"],
    ["Russian", "RU"],
    ["Russians", "RU"],
    ["Ukrainian", "UA"],
    ["Palestinian", "PS"],
    ["Palestinians", "PS"],
    ["American", "US"],
    ["British", "GB"],
    ["French", "FR"],
    ["Congolese", "CD"],
    ["Lebanese", "LB"],
    ["Yemeni", "YE"],
    ["Sudanese", "SD"],
    ["syrian", "SY"],
  ])("geo: %s → %s", (word, cc) => {
    expect(gazetteer.demonym(word)).toBe(cc);
  });

  it.each([["table"], [""], ["Syria"], ["x".repeat(100_000)]])("geo: %s is not a demonym", (word) => {
    expect(gazetteer.demonym(word)).toBeNull();
  });
});

describe("geo: distanceKm", () => {
  it("geo: al-Bukamal and al-Qaim are under 30 km apart", () => {
    const a = gazetteer.byId(ALBU_KAMAL) as GazetteerEntry;
    const b = gazetteer.byId(AL_QAIM) as GazetteerEntry;
    expect(distanceKm(a, b)).toBeLessThan(30);
    expect(distanceKm(a, b)).toBeGreaterThan(5);
  });

  it.each([
    [{ lat: 51.5074, lon: -0.1278 }, { lat: 48.8566, lon: 2.3522 }, 344],
    [{ lat: 0, lon: 0 }, { lat: 0, lon: 180 }, 20015],
    [{ lat: 10, lon: 10 }, { lat: 10, lon: 10 }, 0],
  ])("geo: %o to %o ≈ %i km", (a, b, km) => {
    expect(distanceKm(a, b)).toBeCloseTo(km, -1);
  });
});

describe("geo: degenerate lookups never throw and stay fast", () => {
  it.each([
    ["empty", ""],
    ["whitespace", "  \t\n "],
    ["punctuation", "--''.."],
    ["a 100 KB string", "Hama ".repeat(20_000)],
    ["a 100 KB word", "a".repeat(100_000)],
    ["Chinese", "大马士革"],
    ["Arabic", "دير الزور"],
    ["Cyrillic", "Харків"],
    ["emoji", "🙂💥"],
    ["lone surrogate", "\ud800abc"],
    ["unknown", "Qwxzvbnm"],
  ])("geo: %s", (_label, name) => {
    const t0 = performance.now();
    expect(() => gazetteer.lookup(name)).not.toThrow();
    expect(Array.isArray(gazetteer.lookup(name))).toBe(true);
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it.each([
    ["Arabic", "دير الزور", DEIR_EZ_ZOR],
    ["Cyrillic", "Дейр-эз-Зор", DEIR_EZ_ZOR],
  ])("geo: %s names of conflict-country places are indexed", (_label, name, id) => {
    expect(ids(name)).toContain(id);
  });

  it("geo: warm lookups take a few microseconds", () => {
    const names = ["al-Bukamal", "Deir ez-Zor", "Springfield", "xyzzy", "West Bank", "Kharkiv"];
    for (const n of names) gazetteer.lookup(n);
    const rounds = 2000;
    const t0 = performance.now();
    for (let r = 0; r < rounds; r++) for (const n of names) gazetteer.lookup(n);
    const perLookupUs = ((performance.now() - t0) * 1000) / (rounds * names.length);
    // A few µs on an idle machine; the bound leaves room for a loaded CI box.
    expect(perLookupUs).toBeLessThan(100);
  });
});

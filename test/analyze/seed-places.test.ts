import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/analyze/index.js";
import type { Place } from "../../src/core/entities.js";
import { HAS_SEED, SEED_FILE, skipMessage } from "../helpers/shared.js";

// Issue #3, "What it must do on the seed": places and the stated-distance check.
describe.skipIf(!HAS_SEED)("analyze: places on the seed article", () => {
  const doc = HAS_SEED
    ? analyze({ name: "seed", format: "text", content: readFileSync(SEED_FILE, "utf8") })
    : null;
  const places = doc?.layers.places ?? [];
  const written = (p: Place) => p.mentions.map((m) => doc?.text.slice(m.start, m.end));
  const find = (surface: string, type?: string) =>
    places.find(
      (p) =>
        written(p).some((w) => w?.toLowerCase() === surface.toLowerCase()) &&
        (!type || p.featureType === type),
    );

  it.each([
    ["al-Bukamal", "SY", "city", 34.45, 40.92],
    ["al-Qaim", "IQ", "city", 34.39, 40.99],
    ["al-Mayadin", "SY", "city", 35.02, 40.45],
  ])("analyze: resolves %s to the town in %s", (surface, cc, type, lat, lon) => {
    const p = find(surface);
    expect(p).toMatchObject({ countryCode: cc, featureType: type });
    expect(Math.abs((p?.lat ?? 0) - lat)).toBeLessThan(0.1);
    expect(Math.abs((p?.lon ?? 0) - lon)).toBeLessThan(0.1);
  });

  it.each([
    ["Hama", "admin1"],
    ["Quneitra", "admin1"],
    ["Daraa", "admin1"],
  ])("analyze: resolves %s as a %s", (surface, type) => {
    expect(find(surface, type)?.countryCode).toBeDefined();
  });

  it.each([
    ["SY", "Syrian"],
    ["IQ", "Iraq"],
    ["IL", "Israel"],
  ])("analyze: finds the country %s (written %s)", (cc, surface) => {
    const country = places.find((p) => p.featureType === "country" && p.countryCode === cc);
    expect(country && written(country)).toContain(surface);
  });

  it("analyze: 'southern Deir Ezzor' is the governorate, 'the liberation of Deir Ezzor' the city", () => {
    const governorate = find("Deir Ezzor", "admin1");
    const city = find("Deir Ezzor", "city");
    expect(governorate?.countryCode).toBe("SY");
    expect(city?.countryCode).toBe("SY");
    const southern = doc?.text.indexOf("southern Deir Ezzor") ?? -1;
    expect(governorate?.mentions.some((m) => m.start === southern + "southern ".length)).toBe(true);
  });

  it("analyze: finds the central Syrian desert", () => {
    const desert = places.find((p) => p.featureType === "desert" || p.featureType === "region");
    expect(desert && written(desert).join(" ").toLowerCase()).toContain("desert");
  });

  it("analyze: the 30 km statement is checked and holds", () => {
    const check = doc?.layers.checks.find((c) => c.kind === "distance");
    expect(check).toMatchObject({ stated: { relation: "less-than", km: 30 }, consistent: true });
    expect(check?.computedKm).toBeLessThan(30);
    const [a, b] = check?.places ?? [];
    expect(places.find((p) => p.id === a)?.countryCode).toBe("SY");
    expect(places.find((p) => p.id === b)?.countryCode).toBe("IQ");
  });

  it("analyze: every place mention slices the clean text to a name of the place", () => {
    for (const p of places)
      for (const m of p.mentions) expect(doc?.text.slice(m.start, m.end).length).toBeGreaterThan(1);
  });
});

if (!HAS_SEED) console.warn(skipMessage("the seed places test"));

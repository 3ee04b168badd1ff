import { describe, expect, it } from "vitest";
import { formatGeoJson, toAcledGeoJson, toAcledRows, toFeature } from "../../src/export/index.js";
import { MENAKA } from "./fixtures.js";

describe("export: GeoJSON", () => {
  const { collection, skipped } = toAcledGeoJson([MENAKA]);

  it("export: a FeatureCollection of Point features, [longitude, latitude], numbers", () => {
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features).toHaveLength(2);
    for (const f of collection.features) {
      expect(f.type).toBe("Feature");
      expect(f.geometry.type).toBe("Point");
      expect(f.geometry.coordinates).toEqual([2.4022, 15.9182]);
      for (const c of f.geometry.coordinates) expect(typeof c).toBe("number");
      expect(f.id).toBe(f.properties.event_id_cnty);
      expect(f.properties.longitude).toBe(f.geometry.coordinates[0]);
      expect(f.properties.latitude).toBe(f.geometry.coordinates[1]);
    }
  });

  it("export: events without coordinates are skipped and counted; background and negated are not there", () => {
    expect(skipped).toBe(1);
    const ids = collection.features.map((f) => f.properties.sitrep_event_id);
    expect(ids).toEqual(["e1", "e2"]);
  });

  it("export: the text parses back as JSON with the same content", () => {
    expect(JSON.parse(formatGeoJson(collection))).toEqual(collection);
  });

  it.each([
    [Number.NaN, 2],
    [91, 2],
    [15, 181],
    [null, 2],
  ])("export: latitude %s, longitude %s is no point", (lat, lon) => {
    const row = toAcledRows(MENAKA)[0];
    if (!row) throw new Error("fixture has no row");
    expect(toFeature({ ...row, latitude: lat, longitude: lon })).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { runAnalyze } from "../../src/cli/analyze.js";
import { EXIT } from "../../src/cli/io.js";
import { ACLED_EXPORT_COLUMNS } from "../../src/export/index.js";
import { captureIo } from "../helpers/io.js";
import { HAS_SEED, SEED_FILE, skipMessage } from "../helpers/shared.js";
import { parseCsv } from "./csv-read.js";

describe("export: the seed as ACLED CSV and GeoJSON", () => {
  it("export: acled-csv gives the HQ, the armed clash and the air strike, not the background liberation", async (ctx) => {
    if (!HAS_SEED) {
      console.log(skipMessage("the seed export test"));
      ctx.skip();
      return;
    }
    const io = captureIo();
    const code = await runAnalyze({ inputs: [SEED_FILE], format: "acled-csv" }, io);
    expect(code).toBe(EXIT.ok);
    const [header, ...body] = parseCsv(io.out());
    expect(header).toEqual([...ACLED_EXPORT_COLUMNS]);
    const rows = body.map((c) => {
      expect(c).toHaveLength(ACLED_EXPORT_COLUMNS.length);
      return Object.fromEntries(ACLED_EXPORT_COLUMNS.map((k, i) => [k, c[i]]));
    });
    const sub = rows.map((r) => r.sub_event_type);
    expect(sub).toContain("Headquarters or base established");
    expect(sub).toContain("Armed clash");
    expect(sub).toContain("Air/drone strike");
    expect(sub).not.toContain("Government regains territory");
    expect(rows.every((r) => r.sitrep_background === "false")).toBe(true);
    const hq = rows.find((r) => r.sub_event_type === "Headquarters or base established");
    expect(hq).toMatchObject({
      disorder_type: "Strategic developments",
      event_type: "Strategic developments",
    });
    expect(hq?.actor1).toBe("Military Forces of Russia");
    expect(hq?.inter1).toBe("8"); // Russian forces in Syria
    expect(hq?.country).toBe("Syria");
    const clash = rows.find((r) => r.sub_event_type === "Armed clash");
    expect(clash).toMatchObject({
      fatalities: "3",
      event_type: "Battles",
      disorder_type: "Political violence",
    });
    expect(clash?.actor2).toBe("Military Forces of Syria");
    expect(clash?.interaction).toBe("12");
    for (const r of rows) {
      expect(r.event_id_cnty).toMatch(/^SYR\d{10}$/);
      expect(r.source).toBe("South Front; Global Research");
      expect(r.time_precision).toBe("2");
    }
  });

  it("export: geojson gives one collection with a point per located event", async (ctx) => {
    if (!HAS_SEED) {
      console.log(skipMessage("the seed GeoJSON test"));
      ctx.skip();
      return;
    }
    const io = captureIo();
    const code = await runAnalyze({ inputs: [SEED_FILE, SEED_FILE], format: "geojson" }, io);
    expect(code).toBe(EXIT.ok);
    const collection = JSON.parse(io.out());
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features.length).toBeGreaterThanOrEqual(6); // 3+ rows per input, two inputs
    for (const f of collection.features) {
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBe(f.properties.longitude);
      expect(lat).toBe(f.properties.latitude);
    }
  });
});

import { describe, expect, it } from "vitest";
import { ACLED_EXPORT_COLUMNS, csvField, csvRecord, toAcledCsv, toCsv } from "../../src/export/index.js";
import { parseCsv } from "./csv-read.js";
import { MENAKA } from "./fixtures.js";

describe("export: CSV writer", () => {
  it.each([
    ["plain", "plain"],
    ["a, b", '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\r\nlf", '"cr\r\nlf"'],
    [" padded ", '" padded "'],
    ["", ""],
    [null, ""],
    [undefined, ""],
    [0, "0"],
    [15.9182, "15.9182"],
    [false, "false"],
    ["Ménaka — Mali", "Ménaka — Mali"],
  ] as const)("export: csvField(%j) is %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("export: records end with LF, or CRLF on request; a BOM only on request", () => {
    expect(csvRecord(["a", "b"])).toBe("a,b\n");
    expect(csvRecord(["a", "b"], { crlf: true })).toBe("a,b\r\n");
    expect(toCsv(["x"], [["1"]])).toBe("x\n1\n");
    expect(toCsv(["x"], [["1"]], { bom: true, crlf: true })).toBe("\uFEFFx\r\n1\r\n");
    expect(toCsv(["x", "y"], [{ y: 2, x: "a,b" }])).toBe('x,y\n"a,b",2\n');
  });

  it("export: commas, quotes and newlines in evidence survive a round trip", () => {
    const csv = toAcledCsv([MENAKA], { crlf: true });
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...ACLED_EXPORT_COLUMNS]);
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r).toHaveLength(ACLED_EXPORT_COLUMNS.length);
    const notes = rows[1]?.[ACLED_EXPORT_COLUMNS.indexOf("notes")];
    expect(notes).toContain('"killing four", officials said.');
    expect(csv).toContain('""killing four""');
  });
});

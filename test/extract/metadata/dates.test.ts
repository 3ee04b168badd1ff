import { describe, expect, it } from "vitest";
import { locateDate, parseDate } from "../../../src/extract/metadata/dates.js";

describe("parseDate", () => {
  it.each([
    ["2020-12-20", "2020-12-20"],
    ["2020-12-20T10:00:00Z", "2020-12-20T10:00:00Z"],
    ["2020-12-20T10:00:00.000+01:00", "2020-12-20T10:00:00+01:00"],
    ["2020-12-20T10:00+0100", "2020-12-20T10:00:00+01:00"],
    ["2020-12-20 10:00:00", "2020-12-20T10:00:00"],
    ["2020-12-20T10:00:00+00:00", "2020-12-20T10:00:00Z"],
    ["20201220", "2020-12-20"],
    ["2020/12/20", "2020-12-20"],
    ["Sun, 20 Dec 2020 10:00:00 +0000", "2020-12-20T10:00:00Z"],
    ["Sun, 20 Dec 2020 10:00:00 GMT", "2020-12-20T10:00:00Z"],
    ["December 20, 2020", "2020-12-20"],
    ["Dec. 20th 2020", "2020-12-20"],
    ["Published December 19, 2020 at 9:15 a.m. EST", "2020-12-19T09:15:00-05:00"],
    ["Updated 3:45 PM PDT, Nov 2, 2021", "2021-11-02"],
    ["20 December 2020", "2020-12-20"],
    ["20 Dec 2020, 18:30", "2020-12-20T18:30:00"],
    ["20 de dezembro de 2020 às 14h30", "2020-12-20T14:30:00"],
    ["3 mars 2023", "2023-03-03"],
    ["20.12.2020", "2020-12-20"],
    ["12/20/2020", "2020-12-20"],
    ["20/12/2020", "2020-12-20"],
  ])("dates: parses %j", (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    ["", undefined],
    ["yesterday", undefined],
    ["03/04/2020", undefined],
    ["2020-02-30", undefined],
    ["2021-02-29", undefined],
    ["1850-01-01", undefined],
    ["Call 555-1234", undefined],
    ["1608458400", undefined],
  ])("dates: refuses %j", (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    ["1608458400", "2020-12-20T10:00:00Z"],
    ["1608458400000", "2020-12-20T10:00:00Z"],
  ])("dates: reads epoch %s when asked", (input, expected) => {
    expect(parseDate(input, { epoch: true })).toBe(expected);
  });

  it.each([
    ["By Jane Doe December 20, 2020", 12],
    ["By Jane Doe", -1],
  ])("dates: locates the date in %j", (input, index) => {
    expect(locateDate(input)).toBe(index);
  });
});

import { describe, expect, it } from "vitest";
import { parseByline } from "../../../src/extract/metadata/byline.js";

describe("parseByline", () => {
  it.each([
    ["By Jane Doe", ["Jane Doe"]],
    ["by: Jane Doe", ["Jane Doe"]],
    ["By Jane Doe and John Roe", ["Jane Doe", "John Roe"]],
    ["By JANE DOE, JOHN ROE and Ana Lima, Staff Writers", ["Jane Doe", "John Roe", "Ana Lima"]],
    ["By Jane Doe | December 20, 2020", ["Jane Doe"]],
    ["Jane Doe December 20, 2020 10:30 AM", ["Jane Doe"]],
    ["By Malcolm Owen Monday, November 18, 2019", ["Malcolm Owen"]],
    ["By Tom Krisher, AP Auto Writer", ["Tom Krisher"]],
    ["Meg Kinnard, Errin Haines, Associated Press", ["Meg Kinnard", "Errin Haines"]],
    ["Analysis by Chris Cillizza, CNN Editor-at-large", ["Chris Cillizza"]],
    ["Tom Gillespie News reporter @tomgillespie", ["Tom Gillespie"]],
    ["Ilana Muhlstein, MS, RDN", ["Ilana Muhlstein"]],
    ["Dr. Lena Okafor, University of Example", ["Lena Okafor"]],
    ["By Amira Haddad in Kharbor and Tom O'Neill in Aldport", ["Amira Haddad", "Tom O'Neill"]],
    ["Por João Silva e Maria Souza", ["João Silva", "Maria Souza"]],
    ["Von Klaus Becker", ["Klaus Becker"]],
    ["Текст: Венера Ерофеева", ["Венера Ерофеева"]],
    ["Sarah E. Needleman", ["Sarah E. Needleman"]],
    ["Jane Doe, jane.doe@example.com", ["Jane Doe"]],
    ["Jane Doe and jane doe", ["Jane Doe"]],
    ["Reuters", ["Reuters"]],
  ])("byline: splits %j", (input, expected) => {
    expect(parseByline(input)).toEqual(expected);
  });

  it.each([
    ["https://www.facebook.com/jane.doe"],
    ["www.example.com/author/jdoe"],
    ["Staff"],
    ["Staff Writer"],
    ["admin"],
    ["read more"],
    ["2 hours ago"],
    [""],
  ])("byline: finds no name in %j", (input) => {
    expect(parseByline(input)).toEqual([]);
  });
});

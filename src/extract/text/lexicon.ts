/**
 * Loader for `data/extract/text-header.tsv`: the words that label header lines (title prefixes, byline
 * openers, tag labels, date labels, month names, embed hosts). Validated on load; a group with no rows is
 * an error. The regexes built from it are compiled once, on first use.
 */
import { join } from "node:path";
import { ARTICLE_KINDS, type ArticleKind } from "../../core/article.js";
import { SitrepError } from "../../core/diagnostics.js";
import { findDataDir, readTsv } from "../boilerplate/lexicon.js";

const HEADER_FILE = "text-header.tsv";
const GROUPS = [
  "title-prefix",
  "byline",
  "tag-label",
  "date-label",
  "date-joiner",
  "month",
  "weekday",
  "embed-host",
  "title-suffix",
  "kind-label",
  "section-label",
  "language-word",
] as const;
type Group = (typeof GROUPS)[number];

export interface HeaderLexicon {
  /** lower-cased prefix → kind */
  titlePrefixes: Map<string, ArticleKind>;
  bylineWords: string[];
  tagLabels: string[];
  dateLabels: string[];
  dateJoiners: string[];
  /** lower-cased month name/abbreviation → 1..12 */
  months: Map<string, number>;
  weekdays: string[];
  embedHosts: Set<string>;
  /** lower-cased title suffix ("live updates") → kind */
  titleSuffixes: Map<string, ArticleKind>;
  /** lower-cased label line ("press release") → kind */
  kindLabels: Map<string, ArticleKind>;
  /** lower-cased function word → its language and whether that language writes numeric dates day first */
  languageWords: Map<string, LanguageWord>;
  /** lower-cased site section names ("world", "middle east") */
  sectionLabels: Set<string>;
}

export interface LanguageWord {
  lang: string;
  dayFirst: boolean;
}

const DATE_ORDERS = ["day-first", "either"] as const;

function isKind(value: string): value is ArticleKind {
  return (ARTICLE_KINDS as readonly string[]).includes(value);
}

/** Parse and validate the rows of the header lexicon. */
export function parseHeaderLexicon(rows: Array<[number, string[]]>, file = HEADER_FILE): HeaderLexicon {
  const lex: HeaderLexicon = {
    titlePrefixes: new Map(),
    bylineWords: [],
    tagLabels: [],
    dateLabels: [],
    dateJoiners: [],
    months: new Map(),
    weekdays: [],
    embedHosts: new Set(),
    titleSuffixes: new Map(),
    kindLabels: new Map(),
    languageWords: new Map(),
    sectionLabels: new Set(),
  };
  const counts = new Map<Group, number>();
  for (const [lineNo, cols] of rows) {
    const origin = `${file}:${lineNo}`;
    const [group = "", lang = "", rawValue = "", extra = ""] = cols.map((c) => c.trim());
    const value = rawValue.toLowerCase();
    if (!(GROUPS as readonly string[]).includes(group))
      throw new SitrepError("internal", `${origin}: unknown group "${group}"`);
    if (value === "") throw new SitrepError("internal", `${origin}: empty value`);
    const g = group as Group;
    counts.set(g, (counts.get(g) ?? 0) + 1);
    switch (g) {
      case "title-prefix":
        if (!isKind(extra)) throw new SitrepError("internal", `${origin}: unknown article kind "${extra}"`);
        lex.titlePrefixes.set(value, extra);
        break;
      case "byline":
        lex.bylineWords.push(value);
        break;
      case "tag-label":
        lex.tagLabels.push(value);
        break;
      case "date-label":
        lex.dateLabels.push(value);
        break;
      case "date-joiner":
        lex.dateJoiners.push(value);
        break;
      case "month": {
        const n = Number(extra);
        if (!Number.isInteger(n) || n < 1 || n > 12)
          throw new SitrepError("internal", `${origin}: bad month number`);
        const old = lex.months.get(value);
        if (old !== undefined && old !== n)
          throw new SitrepError("internal", `${origin}: "${value}" is month ${old}`);
        lex.months.set(value, n);
        break;
      }
      case "weekday":
        lex.weekdays.push(value);
        break;
      case "embed-host":
        lex.embedHosts.add(value);
        break;
      case "title-suffix":
      case "kind-label":
        if (!isKind(extra)) throw new SitrepError("internal", `${origin}: unknown article kind "${extra}"`);
        (g === "title-suffix" ? lex.titleSuffixes : lex.kindLabels).set(value, extra);
        break;
      case "section-label":
        lex.sectionLabels.add(value);
        break;
      case "language-word":
        if (!(DATE_ORDERS as readonly string[]).includes(extra))
          throw new SitrepError("internal", `${origin}: date order must be one of ${DATE_ORDERS.join(", ")}`);
        lex.languageWords.set(value, { lang, dayFirst: extra === "day-first" });
        break;
    }
  }
  for (const g of GROUPS) {
    if (!counts.get(g)) throw new SitrepError("internal", `${file}: group "${g}" is empty`);
  }
  return lex;
}

let cached: HeaderLexicon | null = null;

export function headerLexicon(): HeaderLexicon {
  cached ??= parseHeaderLexicon(readTsv(join(findDataDir(), HEADER_FILE)));
  return cached;
}

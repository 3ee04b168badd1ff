/**
 * Loading the four geoparsing test corpora in ../shared/data/geoparsing (read-only, outside the repository;
 * formats in its SOURCE.md). These are TEST sets: nothing may be fitted to them.
 *
 * Each corpus is its XML (article texts) plus EUPEG's line-format gold (`eupeg/gold/<corpus>_gold.txt`,
 * one line per article, in XML order), the gold the stored peer outputs are scored against. Every gold
 * offset is checked against the article text: `text.slice(start, end)` must equal the gold surface.
 * Offsets that only fit when read as Unicode code points (Python's string indexes) are converted to
 * UTF-16 (JavaScript's) for sitrep; the peers are scored on the file's own offsets, as EUPEG did.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Parser } from "htmlparser2";
import type { LineToponym } from "./geo-metrics.js";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** SITREP_GEO_CORPORA overrides the shared location. */
export const GEO_DATA_DIR =
  process.env.SITREP_GEO_CORPORA ?? resolve(REPO_ROOT, "..", "shared", "data", "geoparsing");
export const EUPEG_OUTPUTS_DIR = join(GEO_DATA_DIR, "eupeg", "outputs");

export const GEO_CORPORA = ["GeoWebNews", "LGL", "TR-News", "GeoVirus"] as const;
export type GeoCorpusName = (typeof GEO_CORPORA)[number];

const CORPUS_FILES: Readonly<Record<GeoCorpusName, { xml: string; gold: string }>> = {
  GeoWebNews: { xml: "geowebnews/GWN.xml", gold: "eupeg/gold/GeoWebNews_gold.txt" },
  LGL: { xml: "lgl/lgl.xml", gold: "eupeg/gold/LGL_gold.txt" },
  "TR-News": { xml: "tr-news/TR-News.xml", gold: "eupeg/gold/TR-News_gold.txt" },
  GeoVirus: { xml: "geovirus/GeoVirus.xml", gold: "eupeg/gold/GeoVirus_gold.txt" },
};

/** A gold toponym: `start`/`end` as in the file; `jsStart`/`jsEnd` are UTF-16 offsets into `GeoDocument.text`
 * (null when the surface could not be found at the stated offsets). */
export interface GoldToponym extends LineToponym {
  jsStart: number | null;
  jsEnd: number | null;
  /** GeoNames id from the corpus XML annotation at the same span (GeoVirus has none). */
  geonameId: number | null;
}

export interface GeoDocument {
  index: number;
  /** docid / file attribute, or the index when the XML has none. */
  id: string;
  text: string;
  gold: GoldToponym[];
}

export interface OffsetMismatch {
  doc: number;
  start: number;
  end: number;
  surface: string;
  found: string;
}

export interface CorpusCheck {
  articles: number;
  goldLines: number;
  goldToponyms: number;
  /** Gold toponyms whose offsets slice the text to the surface directly. */
  exact: number;
  /** … only when the offsets are read as code points (converted for sitrep). */
  codePoint: number;
  /** … only at a nearby position (upstream offset drift; the nearest occurrence within MAX_OFFSET_DRIFT). */
  shifted: number;
  mismatches: OffsetMismatch[];
}

export interface GeoCorpus {
  name: GeoCorpusName;
  documents: GeoDocument[];
  check: CorpusCheck;
}

export function geoCorporaAvailable(): boolean {
  return GEO_CORPORA.every((name) => {
    const files = CORPUS_FILES[name];
    return existsSync(join(GEO_DATA_DIR, files.xml)) && existsSync(join(GEO_DATA_DIR, files.gold));
  });
}

/** SHA-256 over every corpus XML and gold file and the peer outputs, in a fixed order (for pinned floors). */
export function geoCorpusSha256(): string {
  const hash = createHash("sha256");
  const files = GEO_CORPORA.flatMap((name) => [CORPUS_FILES[name].xml, CORPUS_FILES[name].gold]);
  for (const file of listEupegOutputs()) files.push(join("eupeg", "outputs", file));
  for (const file of files) {
    hash.update(file);
    hash.update(readFileSync(join(GEO_DATA_DIR, file)));
  }
  return hash.digest("hex");
}

const isNullField = (s: string | undefined): boolean =>
  s === undefined || s === "" || s.toLowerCase() === "null";

/** One `||`-separated record: `name,,surface,,lat,,lon,,start,,end` (LGL's gold adds a seventh field). */
export function parseLineToponym(record: string): LineToponym | null {
  const f = record.split(",,");
  if (f.length < 6) return null;
  const [name, surface, lat, lon, start, end] = f as [string, string, string, string, string, string];
  const s = Number.parseInt(start, 10);
  const e = Number.parseInt(end, 10);
  if (!Number.isInteger(s) || !Number.isInteger(e)) return null;
  return {
    name,
    surface,
    lat: isNullField(lat) ? null : Number(lat),
    lon: isNullField(lon) ? null : Number(lon),
    start: s,
    end: e,
  };
}

/** One document line: records joined by `||`; EUPEG skips records of one character or less. */
export function parseLine(line: string): LineToponym[] {
  const out: LineToponym[] = [];
  for (const record of line.split("||")) {
    if (record.length <= 1) continue;
    const t = parseLineToponym(record);
    if (t) out.push(t);
  }
  return out;
}

/** A line-format file, one document per line (a missing final newline is fine). */
export function readLineFile(path: string): LineToponym[][] {
  const lines = readFileSync(path, "utf8").split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map((line) => parseLine(line.replace(/\r$/, "")));
}

interface XmlArticle {
  id: string;
  text: string;
  /** "start:end" → GeoNames id, from the XML annotations. */
  geonameIds: Map<string, number>;
}

/** Articles of a corpus XML: text, id, and GeoNames ids of annotated spans (all four schemas). */
export function parseCorpusXml(xml: string): XmlArticle[] {
  const articles: XmlArticle[] = [];
  let current: XmlArticle | null = null;
  const stack: string[] = [];
  let buffer = "";
  // Per annotation (<toponym>/<location>): its child fields.
  let annotation: Record<string, string> | null = null;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        stack.push(name);
        buffer = "";
        if (name === "article") {
          current = {
            id: attrs.docid ?? attrs.file ?? String(articles.length),
            text: "",
            geonameIds: new Map(),
          };
        } else if (name === "toponym" || name === "location") {
          annotation = {};
        } else if (name === "gaztag" && annotation && attrs.geonameid) {
          annotation.gaztagId = attrs.geonameid;
        }
      },
      ontext(data) {
        buffer += data;
      },
      onclosetag(name) {
        stack.pop();
        const article = current as XmlArticle | null;
        if (!article) return;
        const parent = stack.at(-1);
        if (name === "text" && parent === "article") {
          article.text = buffer;
        } else if (annotation && (parent === "toponym" || parent === "location")) {
          annotation[name] = buffer.trim();
        } else if ((name === "toponym" || name === "location") && annotation) {
          const a: Record<string, string> = annotation;
          const id = Number.parseInt(a.gaztagId ?? a.geonamesID ?? "", 10);
          if (Number.isInteger(id) && a.start && a.end) article.geonameIds.set(`${a.start}:${a.end}`, id);
          annotation = null;
        } else if (name === "article") {
          articles.push(article);
          current = null;
        }
        buffer = "";
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.write(xml);
  parser.end();
  return articles;
}

/** UTF-16 index of each code-point index (length cpCount + 1), or null when the text has no astral chars. */
function codePointToUtf16(text: string): number[] | null {
  if (!/[\uD800-\uDBFF]/.test(text)) return null;
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return map;
}

/**
 * Offsets that drift from the text: GeoVirus's EUPEG gold is one character late everywhere (its XML and
 * the peers' outputs agree with each other), and some TR-News articles drift by up to 10 characters.
 * Checked by hand on the corpora; a larger drift is reported as a mismatch instead of guessed.
 */
export const MAX_OFFSET_DRIFT = 12;

/** The smallest shift k (|k| ≤ MAX_OFFSET_DRIFT, earlier first on ties) with text.slice(start+k, end+k) = surface. */
function findNearbySurface(text: string, t: LineToponym): number | null {
  for (let distance = 1; distance <= MAX_OFFSET_DRIFT; distance++) {
    for (const k of [-distance, distance]) {
      if (t.start + k >= 0 && text.slice(t.start + k, t.end + k) === t.surface) return k;
    }
  }
  return null;
}

export function loadGeoCorpus(name: GeoCorpusName): GeoCorpus {
  const files = CORPUS_FILES[name];
  const articles = parseCorpusXml(readFileSync(join(GEO_DATA_DIR, files.xml), "utf8"));
  const goldLines = readLineFile(join(GEO_DATA_DIR, files.gold));
  const check: CorpusCheck = {
    articles: articles.length,
    goldLines: goldLines.length,
    goldToponyms: 0,
    exact: 0,
    codePoint: 0,
    shifted: 0,
    mismatches: [],
  };
  const documents = articles.map((article, index): GeoDocument => {
    const cp = codePointToUtf16(article.text);
    const gold = (goldLines[index] ?? []).map((t): GoldToponym => {
      check.goldToponyms++;
      let jsStart: number | null = null;
      let jsEnd: number | null = null;
      if (article.text.slice(t.start, t.end) === t.surface) {
        check.exact++;
        jsStart = t.start;
        jsEnd = t.end;
      } else if (cp && cp[t.start] !== undefined && cp[t.end] !== undefined) {
        const s = cp[t.start] as number;
        const e = cp[t.end] as number;
        if (article.text.slice(s, e) === t.surface) {
          check.codePoint++;
          jsStart = s;
          jsEnd = e;
        }
      }
      if (jsStart === null) {
        const shift = findNearbySurface(article.text, t);
        if (shift !== null) {
          check.shifted++;
          jsStart = t.start + shift;
          jsEnd = t.end + shift;
        }
      }
      if (jsStart === null)
        check.mismatches.push({
          doc: index,
          start: t.start,
          end: t.end,
          surface: t.surface,
          found: article.text.slice(t.start, t.end),
        });
      return { ...t, jsStart, jsEnd, geonameId: article.geonameIds.get(`${t.start}:${t.end}`) ?? null };
    });
    return { index, id: article.id, text: article.text, gold };
  });
  return { name, documents, check };
}

/** Stored EUPEG peer outputs for a corpus: system name → one prediction list per document. */
export function listEupegOutputs(): string[] {
  if (!existsSync(EUPEG_OUTPUTS_DIR)) return [];
  return readdirSync(EUPEG_OUTPUTS_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort();
}

export function loadEupegOutputs(corpus: GeoCorpusName): Map<string, LineToponym[][]> {
  const out = new Map<string, LineToponym[][]>();
  for (const file of listEupegOutputs()) {
    const prefix = `${corpus}_`;
    if (!file.startsWith(prefix)) continue;
    out.set(file.slice(prefix.length, -".txt".length), readLineFile(join(EUPEG_OUTPUTS_DIR, file)));
  }
  return out;
}

/**
 * Compiled matching tables of the actor recogniser, built once from the data files:
 * the actor dictionary (`actors.en.jsonl`, via `loadActors()`), the generic-actor word lists
 * (`patterns.en.tsv`, via `loadActorPatterns()`), the country names and demonyms (`demonyms.en.tsv`) and the
 * place contexts of country names (`place-contexts.en.tsv`).
 *
 * Every table is a hash over word n-grams with a prefix set (a trie in a Map), so a lookup at one position
 * costs at most as many probes as the table's longest phrase has words.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SitrepError } from "../core/diagnostics.js";
import {
  type ActorDictionary,
  type ActorEntry,
  type ActorKind,
  type ActorPatterns,
  type AffiliationRelation,
  type Echelon,
  findEntitiesDataDir,
  type GrammaticalNumber,
  loadActorPatterns,
  loadActors,
  normalizeActorName,
  type SourceKind,
} from "./actors.js";
import { DEMONYMS_FILE, PLACE_CONTEXTS_FILE } from "./constants.js";

// ---------------------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------------------

/**
 * One word of the text as the matcher sees it: the loader's normalisation applied word by word
 * (diacritics, apostrophes and full stops dropped; hyphens and other punctuation separate words).
 */
export interface Word {
  start: number;
  end: number;
  /** Lower-case normalised form: the alias-index key of this word. */
  key: string;
  /** Normalised form in the text's letter case (for case-sensitive aliases, names and demonyms). */
  cased: string;
  /** `cased` without a possessive "'s" ("Israel's" → "Israel"); same as `cased` otherwise. */
  casedBase: string;
  /** `key` without a possessive "'s"; same as `key` otherwise. */
  keyBase: string;
  /** Written with "'s" ("Israel's"). */
  possessive: boolean;
  /** Joined to the previous word by a hyphen ("Iranian-backed": true for "backed"). */
  hyphenBefore: boolean;
  /** Starts with a capital letter. */
  upper: boolean;
}

/** A word: letters/digits, with inner apostrophes and inner full stops ("Hay'at", "U.S"), or "&". */
const WORD =
  /[\p{L}\p{N}\p{M}]+(?:(?:['\u2018\u2019\u02bc\u02bb\u02bf\u02be`\u00b4]|\.(?=[\p{L}\p{N}]))[\p{L}\p{N}\p{M}]*)*|&/gu;
const NON_ASCII = /[^ -~\t\n\r]/;
const COMBINING_MARKS = /\p{M}/gu;
const DOTLESS_I = /\u0131/g;
const DROPPED = /['\u2018\u2019\u02bc\u02bb\u02bf\u02be`\u00b4.]/g;
const POSSESSIVE = /['\u2019\u02bc]s$/u;
const HYPHENS = /[-\u2010\u2011]/u;
const UPPER_START = /^\p{Lu}/u;
const AMPERSAND_KEY = "and";

function normalizeWord(raw: string): string {
  let s = raw;
  if (NON_ASCII.test(s)) s = s.normalize("NFKD").replace(COMBINING_MARKS, "").replace(DOTLESS_I, "i");
  return s.replace(DROPPED, "");
}

/** The words of `text` in [start, end). Linear in the length of the range (the regex never reads past it). */
export function wordsOf(text: string, start: number, end: number): Word[] {
  const words: Word[] = [];
  const range = text.slice(start, end);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(range); m !== null; m = WORD.exec(range)) {
    const s = start + m.index;
    const e = s + m[0].length;
    const raw = text.slice(s, e);
    const prev = words[words.length - 1];
    const possessive = POSSESSIVE.test(raw);
    const cased = raw === "&" ? AMPERSAND_KEY : normalizeWord(raw);
    if (cased === "") continue;
    const casedBase = possessive ? normalizeWord(raw.slice(0, -2)) : cased;
    words.push({
      start: s,
      end: e,
      key: cased.toLowerCase(),
      cased,
      casedBase,
      keyBase: casedBase.toLowerCase(),
      possessive,
      hyphenBefore: prev !== undefined && prev.end === s - 1 && HYPHENS.test(text[s - 1] as string),
      upper: UPPER_START.test(raw),
    });
  }
  return words;
}

// ---------------------------------------------------------------------------------------------------------
// Phrase tables
// ---------------------------------------------------------------------------------------------------------

/** Which form of a word a table is keyed on. */
export type WordForm = "key" | "cased" | "casedBase" | "keyBase";

export interface PhraseMatch<T> {
  /** Index of the first word after the phrase. */
  end: number;
  value: T;
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>> | null;
  value: T | undefined;
}

/** A map from word sequences to values with longest-match lookup: a trie with one Map per node. */
export class PhraseTable<T> {
  private readonly root: TrieNode<T> = { next: null, value: undefined };
  private count = 0;
  private longest = 0;

  constructor(readonly form: WordForm = "key") {}

  /** The node of a phrase, created along the way when absent. */
  private nodeFor(words: readonly string[]) {
    let node = this.root;
    for (const w of words) {
      if (node.next === null) node.next = new Map();
      let child = node.next.get(w);
      if (!child) {
        child = { next: null, value: undefined };
        node.next.set(w, child);
      }
      node = child;
    }
    return node;
  }

  /** Add a phrase given as words. The first value added for a phrase is kept. */
  add(words: readonly string[], value: T): void {
    if (words.length === 0) return;
    const node = this.nodeFor(words);
    if (node.value === undefined) {
      node.value = value;
      this.count++;
    }
    this.longest = Math.max(this.longest, words.length);
  }

  /** The value of a phrase, created by `make` when absent (one walk instead of a get and an add). */
  upsert(words: readonly string[], make: () => T): T {
    const node = this.nodeFor(words);
    if (node.value === undefined) {
      node.value = make();
      this.count++;
      this.longest = Math.max(this.longest, words.length);
    }
    return node.value;
  }

  get size(): number {
    return this.count;
  }

  get maxWords(): number {
    return this.longest;
  }

  /** The longest phrase starting at `words[i]` and ending before `limit`; `accept` may veto a candidate. */
  match(
    words: readonly Word[],
    i: number,
    limit = words.length,
    accept?: (value: T, end: number) => boolean,
  ): PhraseMatch<T> | null {
    let best: PhraseMatch<T> | null = null;
    let node: TrieNode<T> | undefined = this.root;
    const stop = Math.min(limit, i + this.longest);
    for (let j = i; j < stop && node?.next; j++) {
      const word = words[j] as Word;
      if (word.possessive && this.form === "key") {
        // "the Syrian Army's positions": the phrase may end on a possessive word.
        const value = node.next.get(word.keyBase)?.value;
        if (value !== undefined && (!accept || accept(value, j + 1))) best = { end: j + 1, value };
      }
      node = node.next.get(word[this.form]);
      const value = node?.value;
      if (value !== undefined && (!accept || accept(value, j + 1))) best = { end: j + 1, value };
    }
    return best;
  }

  /** The value of a phrase given as space-separated words. */
  get(phrase: string): T | undefined {
    let node: TrieNode<T> | undefined = this.root;
    for (const w of phrase.split(" ")) {
      node = node.next?.get(w);
      if (!node) return undefined;
    }
    return node.value;
  }

  has(phrase: string): boolean {
    return this.get(phrase) !== undefined;
  }
}

/** Split a term the way the loader normalises aliases ("pro-government" → ["pro", "government"]). */
export function termWords(term: string): string[] {
  const n = normalizeActorName(term);
  return n === "" ? [] : n.split(" ");
}

/** Split a case-sensitive form (a country name or demonym) into normalised words in its own case. */
function casedWords(form: string): string[] {
  return form
    .split(/[^\p{L}\p{N}\p{M}'\u2019.]+/u)
    .filter((w) => w !== "")
    .map(normalizeWord);
}

// ---------------------------------------------------------------------------------------------------------
// Country names and demonyms (demonyms.en.tsv)
// ---------------------------------------------------------------------------------------------------------

export interface Country {
  code: string;
  /** "Iran": for canonical names and "backed by Iran". */
  name: string;
  /** "Iranian": for "Iranian-backed forces", "Syrian forces". */
  adjective: string;
  /** "Iranians". */
  plural: string;
}

export interface CountryTable {
  byCode: ReadonlyMap<string, Country>;
  /** Country names, case-sensitive ("Israel", "United States", "US"). */
  names: PhraseTable<string>;
  /** Demonym adjectives and other demonyms, case-sensitive ("Syrian", "Azeri"). */
  demonyms: PhraseTable<string>;
  /** Plural demonyms, case-sensitive ("Russians"). */
  plurals: PhraseTable<string>;
}

const COUNTRY_CODE = /^[A-Z]{2}$/;
const DEMONYM_COLUMNS = ["code", "name", "adjective", "plural", "other-names", "other-demonyms"] as const;
const NONE = "-";

function fail(origin: string, message: string): never {
  throw new SitrepError("internal", `${origin}: ${message}`);
}

/** Parse demonyms.en.tsv. A form listed by two countries maps to the first row that lists it. */
export function parseDemonyms(text: string, file: string): CountryTable {
  const byCode = new Map<string, Country>();
  const names = new PhraseTable<string>("casedBase");
  const demonyms = new PhraseTable<string>("casedBase");
  const plurals = new PhraseTable<string>("casedBase");
  let header = false;
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const origin = `${file}:${i + 1}`;
    const cells = line.split("\t").map((c) => c.trim());
    if (!header) {
      if (cells.join("\t") !== DEMONYM_COLUMNS.join("\t"))
        fail(origin, `header must be "${DEMONYM_COLUMNS.join("\\t")}"`);
      header = true;
      return;
    }
    if (cells.length !== DEMONYM_COLUMNS.length)
      fail(origin, `expected ${DEMONYM_COLUMNS.length} columns, found ${cells.length}`);
    const [code = "", name = "", adjective = "", plural = "", otherNames = "", otherDemonyms = ""] = cells;
    if (!COUNTRY_CODE.test(code)) fail(origin, `"${code}" is not an ISO 3166-1 alpha-2 code`);
    if (byCode.has(code)) fail(origin, `duplicate country "${code}"`);
    for (const [column, value] of [
      ["name", name],
      ["adjective", adjective],
      ["plural", plural],
    ] as const)
      if (value === "" || value === NONE) fail(origin, `empty ${column}`);
    byCode.set(code, { code, name, adjective, plural });
    const list = (cell: string) => (cell === NONE || cell === "" ? [] : cell.split(",").map((s) => s.trim()));
    for (const form of [name, ...list(otherNames)]) names.add(casedWords(form), code);
    for (const form of [adjective, ...list(otherDemonyms)]) demonyms.add(casedWords(form), code);
    plurals.add(casedWords(plural), code);
  });
  if (byCode.size === 0) fail(file, "no countries");
  return { byCode, names, demonyms, plurals };
}

// ---------------------------------------------------------------------------------------------------------
// Place contexts (place-contexts.en.tsv)
// ---------------------------------------------------------------------------------------------------------

export interface PlaceContexts {
  /** Phrases right before a country name that make it a place ("in", "border with"), keyed in reverse. */
  before: PhraseTable<true>;
  /** Words right after a country name that make it a place or a modifier ("border", "conflict"). */
  after: PhraseTable<true>;
}

const CONTEXT_GROUPS = ["before", "after"] as const;

/** Parse place-contexts.en.tsv: `group  phrase`. Before-phrases are stored reversed (matched backwards). */
export function parsePlaceContexts(text: string, file: string): PlaceContexts {
  const before = new PhraseTable<true>("key");
  const after = new PhraseTable<true>("key");
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const origin = `${file}:${i + 1}`;
    const [group = "", phrase = "", ...rest] = line.split("\t").map((c) => c.trim());
    if (!(CONTEXT_GROUPS as readonly string[]).includes(group))
      fail(origin, `unknown group "${group}" (expected one of: ${CONTEXT_GROUPS.join(", ")})`);
    if (rest.some((c) => c !== "")) fail(origin, "too many columns");
    const words = termWords(phrase);
    if (words.length === 0) fail(origin, "empty phrase");
    if (group === "before") before.add([...words].reverse(), true);
    else after.add(words, true);
  });
  if (before.size === 0) fail(file, 'no "before" rows (empty group)');
  if (after.size === 0) fail(file, 'no "after" rows (empty group)');
  return { before, after };
}

// ---------------------------------------------------------------------------------------------------------
// The dictionary as an n-gram table
// ---------------------------------------------------------------------------------------------------------

/** One indexed alias: which entry, and the case constraints of this form. */
export interface AliasHit {
  entry: ActorEntry;
  /** Case-preserving normalised form of a case-sensitive alias; null when any case matches. */
  exact: string | null;
  /** The alias is written with an initial capital, so the text must start with one too. */
  capital: boolean;
}

const ALIAS_WORD_SPLIT = /[^\p{L}\p{N}\p{M}'\u2018\u2019\u02bc\u02bb\u02bf\u02be`\u00b4.]+/u;
const LEADING_THE_WORD = /^the$/i;
const LEADING_THE = /^the\s/i;

/** The case-kept word keys of an alias, as `wordsOf` would produce them ("The Hay'at" → ["Hayat"]). */
function aliasCasedWords(alias: string): string[] {
  const words = alias
    .replace(/&/g, " and ")
    .split(ALIAS_WORD_SPLIT)
    .map(normalizeWord)
    .filter((w) => w !== "");
  if (words.length > 1 && LEADING_THE_WORD.test(words[0] as string)) words.shift();
  return words;
}

/**
 * Index every alias of the dictionary by its normalised words (the loader's `normalizeActorName`, so the
 * keys are the dictionary's own). The case-kept form is only worked out for case-sensitive aliases.
 */
export function compileDictionary(dict: ActorDictionary): PhraseTable<AliasHit[]> {
  const table = new PhraseTable<AliasHit[]>("key");
  for (const entry of dict.entries) {
    const seen = new Set<string>();
    const index = (alias: string, caseSensitive: boolean) => {
      const key = normalizeActorName(alias);
      if (key === "" || seen.has(key)) return;
      seen.add(key);
      const hit: AliasHit = {
        entry,
        exact: caseSensitive ? aliasCasedWords(alias).join(" ") : null,
        capital: UPPER_START.test(alias) && !LEADING_THE.test(alias),
      };
      table.upsert(key.split(" "), () => []).push(hit);
    };
    index(entry.canonical, false);
    for (const a of entry.aliases) index(a, false);
    for (const a of entry.caseSensitiveAliases) index(a, true);
  }
  return table;
}

// ---------------------------------------------------------------------------------------------------------
// Compiled patterns
// ---------------------------------------------------------------------------------------------------------

export interface HeadNoun {
  term: string;
  /** The kind it gives an actor; "source" for source nouns. */
  kind: ActorKind | "source";
  sourceKind: SourceKind | null;
  /** Also a `branch` row ("police", "army"): an institution, not just people. */
  branch: boolean;
  /** Grammatical number of a unit noun; null for source nouns and branches. */
  number: GrammaticalNumber | null;
  words: number;
}

export interface BackingAffix {
  term: string;
  relation: AffiliationRelation;
  /** The participle without its hyphen ("backed", "led"). */
  participle: string;
}

export interface WingNoun {
  term: string;
  /** A media or propaganda wing (a `source-noun` of kind media). */
  media: boolean;
}

export interface CompiledActorPatterns {
  dictionary: ActorDictionary;
  aliases: PhraseTable<AliasHit[]>;
  countries: CountryTable;
  places: PlaceContexts;
  /** Unit nouns ("militants", "security forces"). */
  unitNouns: PhraseTable<HeadNoun>;
  /** Source nouns ("sources", "state media"). */
  sourceNouns: PhraseTable<HeadNoun>;
  /** Branches joined to a demonym ("military police", "special services"). */
  branches: PhraseTable<HeadNoun>;
  modifiers: PhraseTable<ActorKind | null>;
  /** "pro" of "pro-Israeli": the word before the hyphen. */
  prefixes: PhraseTable<BackingAffix>;
  /** "backed" of "Iranian-backed": the word after the hyphen. */
  suffixes: PhraseTable<BackingAffix>;
  /** "backed by", "known for its links with": before a backer. */
  phrases: PhraseTable<BackingAffix>;
  /** "propaganda wing" (from the `wing-of` backing phrases): "the ISIS propaganda wing, Amaq". */
  wings: PhraseTable<WingNoun>;
  ordinals: ReadonlyMap<string, number>;
  /** "5th", "21st": digits followed by an ordinal suffix. */
  digitOrdinal: RegExp;
  unitTypes: PhraseTable<Echelon>;
  unitQualifiers: PhraseTable<true>;
}

const PHRASE_LEAD = /^(?:an?|the)\s+/;
const PHRASE_TAIL = /\s+of$/;

/** Build every table from the loaded data. */
export function compileActorPatterns(
  dictionary: ActorDictionary,
  patterns: ActorPatterns,
  countries: CountryTable,
  places: PlaceContexts,
): CompiledActorPatterns {
  const branchTerms = new Set(patterns.branches.map((b) => normalizeActorName(b.term)));
  const unitNouns = new PhraseTable<HeadNoun>("key");
  for (const u of patterns.unitNouns) {
    const words = termWords(u.term);
    unitNouns.add(words, {
      term: u.term,
      kind: u.kind,
      sourceKind: null,
      branch: branchTerms.has(words.join(" ")),
      number: u.number,
      words: words.length,
    });
  }
  const sourceNouns = new PhraseTable<HeadNoun>("key");
  const mediaSources = new Set<string>();
  for (const s of patterns.sourceNouns) {
    const words = termWords(s.term);
    if (s.sourceKind === "media") mediaSources.add(words.join(" "));
    sourceNouns.add(words, {
      term: s.term,
      kind: "source",
      sourceKind: s.sourceKind,
      branch: false,
      number: null,
      words: words.length,
    });
  }
  const branches = new PhraseTable<HeadNoun>("key");
  for (const b of patterns.branches) {
    const words = termWords(b.term);
    branches.add(words, {
      term: b.term,
      kind: b.kind,
      sourceKind: null,
      branch: true,
      number: null,
      words: words.length,
    });
  }
  const modifiers = new PhraseTable<ActorKind | null>("key");
  for (const m of patterns.modifiers) modifiers.add(termWords(m.term), m.kind);
  const prefixes = new PhraseTable<BackingAffix>("key");
  const suffixes = new PhraseTable<BackingAffix>("key");
  const phrases = new PhraseTable<BackingAffix>("key");
  const wings = new PhraseTable<WingNoun>("key");
  for (const b of patterns.backing) {
    const words = termWords(b.term);
    const affix: BackingAffix = { term: b.term, relation: b.relation, participle: words.join(" ") };
    if (b.affix === "prefix") prefixes.add(words, affix);
    else if (b.affix === "suffix") suffixes.add(words, affix);
    else {
      phrases.add(words, affix);
      if (b.relation === "wing-of") {
        const wing = b.term.toLowerCase().replace(PHRASE_LEAD, "").replace(PHRASE_TAIL, "");
        const wingWords = termWords(wing);
        wings.add(wingWords, { term: wing, media: mediaSources.has(wingWords.join(" ")) });
      }
    }
  }
  const ordinals = new Map<string, number>();
  for (const o of patterns.ordinals) ordinals.set(termWords(o.term).join(" "), o.value);
  const suffixAlternation = patterns.ordinalSuffixes.map((s) => s.toLowerCase()).join("|");
  const unitTypes = new PhraseTable<Echelon>("key");
  for (const u of patterns.unitTypes) unitTypes.add(termWords(u.term), u.echelon);
  const unitQualifiers = new PhraseTable<true>("key");
  for (const q of patterns.unitQualifiers) unitQualifiers.add(termWords(q), true);
  return {
    dictionary,
    aliases: compileDictionary(dictionary),
    countries,
    places,
    unitNouns,
    sourceNouns,
    branches,
    modifiers,
    prefixes,
    suffixes,
    phrases,
    wings,
    ordinals,
    digitOrdinal: new RegExp(`^([0-9]{1,4})(?:${suffixAlternation})$`),
    unitTypes,
    unitQualifiers,
  };
}

function readData(dir: string, file: string): string {
  try {
    return readFileSync(join(dir, file), "utf8");
  } catch (cause) {
    throw new SitrepError("internal", `cannot read ${join(dir, file)}`, { cause });
  }
}

/** The country names and demonyms fallback (read once per process unless `dataDir` is given). */
export function loadCountries(dataDir?: string): CountryTable {
  if (dataDir === undefined && countriesCache) return countriesCache;
  const table = parseDemonyms(readData(dataDir ?? findEntitiesDataDir(), DEMONYMS_FILE), DEMONYMS_FILE);
  if (dataDir === undefined) countriesCache = table;
  return table;
}

/** The place contexts of country names (read once per process unless `dataDir` is given). */
export function loadPlaceContexts(dataDir?: string): PlaceContexts {
  if (dataDir === undefined && placesCache) return placesCache;
  const contexts = parsePlaceContexts(
    readData(dataDir ?? findEntitiesDataDir(), PLACE_CONTEXTS_FILE),
    PLACE_CONTEXTS_FILE,
  );
  if (dataDir === undefined) placesCache = contexts;
  return contexts;
}

let countriesCache: CountryTable | null = null;
let placesCache: PlaceContexts | null = null;
let compiledCache: CompiledActorPatterns | null = null;

/** Every table the recogniser needs, loaded and compiled once per process. */
export function loadCompiledActorPatterns(): CompiledActorPatterns {
  if (compiledCache) return compiledCache;
  compiledCache = compileActorPatterns(
    loadActors(),
    loadActorPatterns(),
    loadCountries(),
    loadPlaceContexts(),
  );
  return compiledCache;
}

/**
 * Loader for the actor dictionary `data/entities/actors.en.jsonl` and the generic-actor word lists
 * `data/entities/patterns.en.tsv` (see `data/entities/README.md` for the field definitions).
 *
 * The files are data, not code. The loader validates every line (zod schema, then cross-line checks:
 * duplicate ids, parents and affiliation targets that exist, no parent cycles, kind/inter agreement,
 * alias collisions between actors unless every actor sharing the alias declares it ambiguous) and throws a
 * `SitrepError` naming the file and line of the first problem, so a broken dictionary fails at first use
 * instead of silently recognising nothing.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { findDataDir } from "../core/data.js";
import { SitrepError } from "../core/diagnostics.js";
import { ACTOR_RECORD_KINDS, type ActorRecordKind } from "../core/entities.js";

// ---------------------------------------------------------------------------------------------------------
// Vocabulary: actor kinds, ACLED inter codes, affiliation relations
// ---------------------------------------------------------------------------------------------------------

/** ACLED-style actor kinds. `inter` codes follow ACLED's codebook (1 State Forces … 8 External/Other). */
export type ActorKind = Exclude<ActorRecordKind, "source">;
/** The kinds a dictionary actor can have: every record kind but "source" (sources are found by pattern). */
export const ACTOR_KINDS = ACTOR_RECORD_KINDS.filter((k): k is ActorKind => k !== "source") as [
  ActorKind,
  ...ActorKind[],
];

/**
 * The ACLED inter codes a kind may carry. The first is the usual one. A media wing carries its parent's
 * code (checked separately). ACLED codes state forces acting outside their own country as 8; the dictionary
 * records the home-country code and leaves that switch to the exporter, which knows the event's country.
 */
export const KIND_INTER: Readonly<Record<ActorKind, readonly number[]>> = {
  "state-forces": [1],
  government: [1],
  "rebel-group": [2],
  "political-militia": [3],
  "identity-militia": [4],
  rioters: [5],
  protesters: [6],
  civilians: [7],
  "external-forces": [8],
  "media-wing": [1, 2, 3, 4, 8],
  "political-party": [3, 6],
  "international-organisation": [8],
  "private-military": [8],
  "unidentified-armed-group": [3],
  "criminal-group": [3],
};

export const AFFILIATION_RELATIONS = [
  "backed-by",
  "part-of",
  "allied-with",
  "wing-of",
  "successor-of",
] as const;
export type AffiliationRelation = (typeof AFFILIATION_RELATIONS)[number];

export interface Affiliation {
  relation: AffiliationRelation;
  /** An actor id of this dictionary, or an ISO 3166-1 alpha-2 country code ("IR"). */
  actor: string;
  /** How a report would say it: "backed by Iran". */
  text: string;
}

export interface ActorEntry {
  /** Stable kebab-case id. */
  id: string;
  canonical: string;
  /** Case-insensitive aliases (abbreviations, transliterations, local names); the canonical is indexed too. */
  aliases: string[];
  kind: ActorKind;
  /** ACLED inter code 1–8 in the actor's own country. */
  inter: number;
  /** ISO 3166-1 alpha-2, or null for transnational actors and generic kinds. */
  country: string | null;
  /** The actor this one is a part of ("syrian-army-5th-corps" → "syrian-arab-army"), or null. */
  parent: string | null;
  affiliations: Affiliation[];
  /** Aliases matched only in exactly this letter case: short acronyms that are also words ("IS", "AA"). */
  caseSensitiveAliases: string[];
  /** Aliases knowingly shared with other actors ("National Guard"); lookup returns all of them. */
  ambiguousAliases: string[];
  /** First and last year of activity under this identity, when it matters for disambiguation. */
  activeFrom: number | null;
  activeUntil: number | null;
  notes: string | null;
  /** "file:line", for error messages and reports. */
  origin: string;
}

export interface ActorDictionary {
  byId(id: string): ActorEntry | undefined;
  /** Exact match of the normalised alias; several entries for a declared-ambiguous alias; [] for none. */
  lookup(alias: string): readonly ActorEntry[];
  readonly entries: readonly ActorEntry[];
  /** The most words in any normalised alias (hyphens count as word breaks): the recogniser's window. */
  readonly maxAliasTokens: number;
}

// ---------------------------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------------------------

/** Apostrophes and ayn/hamza marks used in transliterations: dropped ("Hay'at" = "Hayat"). */
const APOSTROPHES = /['\u2018\u2019\u02bc\u02bb\u02bf\u02be`\u00b4]/gu;
/** Combining marks left by NFKD decomposition: dropped ("Forces armées" = "Forces armees"). */
const COMBINING_MARKS = /\p{M}/gu;
/** Full stops: dropped so that "U.S." = "US". */
const FULL_STOPS = /\./g;
/** Anything that is not a letter or digit (hyphens, dashes, slashes, spaces) separates words. */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
const LEADING_THE = /^the /i;
const DOTLESS_I = /\u0131/g;

/** Normalise but keep letter case (used for case-sensitive aliases). */
function normalizeKeepCase(s: string): string {
  return s
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .replace(DOTLESS_I, "i")
    .replace(/&/g, " and ")
    .replace(APOSTROPHES, "")
    .replace(FULL_STOPS, "")
    .replace(SEPARATORS, " ")
    .trim()
    .replace(LEADING_THE, "");
}

/**
 * The alias-index key: lower case, diacritics stripped, apostrophes and full stops dropped, hyphens,
 * dashes and other punctuation turned into single spaces, a leading "the" dropped.
 * "The Hashd al-Sha'abi" → "hashd al shaabi".
 */
export function normalizeActorName(s: string): string {
  return normalizeKeepCase(s).toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------
// Line schema
// ---------------------------------------------------------------------------------------------------------

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const COUNTRY = /^[A-Z]{2}$/;
const YEAR = z.number().int().min(1800).max(2100);
const nonEmpty = z.string().trim().min(1, "must not be empty");

const AffiliationLine = z
  .object({
    relation: z.enum(AFFILIATION_RELATIONS),
    actor: z
      .string()
      .refine((v) => ID.test(v) || COUNTRY.test(v), "must be an actor id or an ISO alpha-2 country code"),
    text: nonEmpty.optional(),
  })
  .strict();

/** One line of actors.en.jsonl. Unknown keys are rejected so that a misspelt field fails loudly. */
export const ActorLine = z
  .object({
    id: z.string().regex(ID, "must be kebab-case (a-z, 0-9, single hyphens)"),
    canonical: nonEmpty,
    aliases: z.array(nonEmpty).min(1, "must list at least one alias"),
    kind: z.enum(ACTOR_KINDS),
    inter: z.number().int().min(1).max(8),
    country: z.string().regex(COUNTRY, "must be an ISO 3166-1 alpha-2 code or null").nullable(),
    parent: z.string().regex(ID, "must be an actor id").nullable().optional(),
    affiliations: z.array(AffiliationLine).optional(),
    caseSensitiveAliases: z.array(nonEmpty).optional(),
    ambiguousAliases: z.array(nonEmpty).optional(),
    activeFrom: YEAR.optional(),
    activeUntil: YEAR.optional(),
    notes: nonEmpty.optional(),
  })
  .strict();
export type ActorLine = z.infer<typeof ActorLine>;

const RELATION_TEXT: Readonly<Record<AffiliationRelation, string>> = {
  "backed-by": "backed by",
  "part-of": "part of",
  "allied-with": "allied with",
  "wing-of": "wing of",
  "successor-of": "successor of",
};

function fail(origin: string, message: string): never {
  throw new SitrepError("internal", `${origin}: ${message}`);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? `"${issue.path.join(".")}" ` : "";
  return `${path}${issue.message}`;
}

/** Parse one line into an entry (without cross-line checks). */
function parseActorLine(line: string, origin: string): ActorEntry {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (cause) {
    throw new SitrepError("internal", `${origin}: not valid JSON (${(cause as Error).message})`, { cause });
  }
  const parsed = ActorLine.safeParse(json);
  if (!parsed.success) fail(origin, parsed.error.issues.map(describeIssue).join("; "));
  const a = parsed.data;
  if (!KIND_INTER[a.kind].includes(a.inter))
    fail(
      origin,
      `inter ${a.inter} does not fit kind "${a.kind}" (allowed: ${KIND_INTER[a.kind].join(", ")})`,
    );
  if (a.activeFrom !== undefined && a.activeUntil !== undefined && a.activeFrom > a.activeUntil)
    fail(origin, `activeFrom ${a.activeFrom} is after activeUntil ${a.activeUntil}`);
  const caseSensitive = a.caseSensitiveAliases ?? [];
  for (const alias of caseSensitive)
    if (alias === alias.toLowerCase()) fail(origin, `case-sensitive alias "${alias}" has no capital letter`);
  // Within one entry, every alias (canonical included) must normalise to a distinct non-empty key.
  const seen = new Map<string, string>();
  for (const alias of [a.canonical, ...a.aliases, ...caseSensitive]) {
    const key = normalizeActorName(alias);
    if (key === "") fail(origin, `alias "${alias}" normalises to nothing`);
    const before = seen.get(key);
    if (before !== undefined && alias !== a.canonical)
      fail(origin, `alias "${alias}" repeats "${before}" (both normalise to "${key}")`);
    if (before === undefined) seen.set(key, alias);
  }
  const ambiguous = a.ambiguousAliases ?? [];
  for (const alias of ambiguous)
    if (!seen.has(normalizeActorName(alias)))
      fail(origin, `ambiguous alias "${alias}" is not one of the actor's aliases`);
  for (const aff of a.affiliations ?? [])
    if (aff.text === undefined && COUNTRY.test(aff.actor))
      fail(origin, `affiliation with country "${aff.actor}" needs a "text"`);
  return {
    id: a.id,
    canonical: a.canonical,
    aliases: a.aliases,
    kind: a.kind,
    inter: a.inter,
    country: a.country,
    parent: a.parent ?? null,
    affiliations: (a.affiliations ?? []).map((aff) => ({
      relation: aff.relation,
      actor: aff.actor,
      text: aff.text ?? "",
    })),
    caseSensitiveAliases: caseSensitive,
    ambiguousAliases: ambiguous,
    activeFrom: a.activeFrom ?? null,
    activeUntil: a.activeUntil ?? null,
    notes: a.notes ?? null,
    origin,
  };
}

/** Parse every line of an actors file. Blank lines and lines starting with `#` are skipped. */
export function parseActorLines(text: string, file: string): ActorEntry[] {
  const entries: ActorEntry[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    entries.push(parseActorLine(line, `${file}:${i + 1}`));
  });
  if (entries.length === 0) throw new SitrepError("internal", `${file}: no actors (empty dictionary)`);
  return entries;
}

// ---------------------------------------------------------------------------------------------------------
// Dictionary
// ---------------------------------------------------------------------------------------------------------

interface IndexedAlias {
  entry: ActorEntry;
  alias: string;
  /** The case-preserving normalised form for a case-sensitive alias; null when any case matches. */
  exact: string | null;
  ambiguous: boolean;
}

/** Cross-line checks and the alias index. Throws a SitrepError naming the offending line. */
export function buildActorDictionary(entries: readonly ActorEntry[]): ActorDictionary {
  const byId = new Map<string, ActorEntry>();
  for (const entry of entries) {
    const before = byId.get(entry.id);
    if (before) fail(entry.origin, `duplicate id "${entry.id}" (first at ${before.origin})`);
    byId.set(entry.id, entry);
  }
  for (const entry of entries) checkReferences(entry, byId);

  const index = new Map<string, IndexedAlias[]>();
  let maxAliasTokens = 0;
  for (const entry of entries) {
    const ambiguous = new Set(entry.ambiguousAliases.map(normalizeActorName));
    const forms: Array<[string, boolean]> = [
      [entry.canonical, false],
      ...entry.aliases.map((a): [string, boolean] => [a, false]),
      ...entry.caseSensitiveAliases.map((a): [string, boolean] => [a, true]),
    ];
    const keys = new Set<string>();
    for (const [alias, caseSensitive] of forms) {
      const key = normalizeActorName(alias);
      if (keys.has(key)) continue; // the canonical repeated among the aliases
      keys.add(key);
      maxAliasTokens = Math.max(maxAliasTokens, key.split(" ").length);
      const item: IndexedAlias = {
        entry,
        alias,
        exact: caseSensitive ? normalizeKeepCase(alias) : null,
        ambiguous: ambiguous.has(key),
      };
      const bucket = index.get(key) ?? [];
      for (const other of bucket) checkCollision(item, other);
      bucket.push(item);
      index.set(key, bucket);
    }
  }

  const frozenEntries = Object.freeze([...entries]);
  return {
    byId: (id) => byId.get(id),
    lookup(alias) {
      const bucket = index.get(normalizeActorName(alias));
      if (!bucket) return [];
      const exact = normalizeKeepCase(alias);
      const found: ActorEntry[] = [];
      for (const item of bucket)
        if ((item.exact === null || item.exact === exact) && !found.includes(item.entry))
          found.push(item.entry);
      return found;
    },
    entries: frozenEntries,
    maxAliasTokens,
  };
}

function checkReferences(entry: ActorEntry, byId: ReadonlyMap<string, ActorEntry>): void {
  if (entry.parent !== null) {
    if (entry.parent === entry.id) fail(entry.origin, `"${entry.id}" is its own parent`);
    const parent = byId.get(entry.parent);
    if (!parent) fail(entry.origin, `parent "${entry.parent}" is not an actor id`);
    if (entry.kind === "media-wing" && entry.inter !== parent.inter)
      fail(entry.origin, `media wing inter ${entry.inter} differs from its parent's (${parent.inter})`);
    // Walk up: a cycle would make "part of" chains endless.
    const chain = new Set([entry.id]);
    for (let up: ActorEntry | undefined = parent; up; up = up.parent ? byId.get(up.parent) : undefined) {
      if (chain.has(up.id)) fail(entry.origin, `parent chain loops through "${up.id}"`);
      chain.add(up.id);
    }
  } else if (entry.kind === "media-wing") {
    fail(entry.origin, `media wing "${entry.id}" needs a parent`);
  }
  for (const aff of entry.affiliations) {
    if (COUNTRY.test(aff.actor)) continue;
    const target = byId.get(aff.actor);
    if (!target) fail(entry.origin, `affiliation target "${aff.actor}" is not an actor id`);
    if (target.id === entry.id) fail(entry.origin, `"${entry.id}" is affiliated with itself`);
    if (aff.text === "") aff.text = `${RELATION_TEXT[aff.relation]} ${target.canonical}`;
  }
}

function checkCollision(item: IndexedAlias, other: IndexedAlias): void {
  if (other.entry === item.entry) return;
  // Two case-sensitive aliases in different letter case never match the same text.
  if (item.exact !== null && other.exact !== null && item.exact !== other.exact) return;
  if (item.ambiguous && other.ambiguous) return;
  const undeclared = item.ambiguous ? other : item;
  fail(
    item.entry.origin,
    `alias "${item.alias}" of "${item.entry.id}" collides with "${other.alias}" of "${other.entry.id}" ` +
      `(${other.entry.origin}); list it in "ambiguousAliases" of both actors if both readings are real ` +
      `(missing at ${undeclared.entry.origin})`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Generic-actor word lists (patterns.en.tsv)
// ---------------------------------------------------------------------------------------------------------

export const GRAMMATICAL_NUMBERS = ["sg", "pl", "mass"] as const;
export type GrammaticalNumber = (typeof GRAMMATICAL_NUMBERS)[number];
export const BACKING_AFFIXES = ["prefix", "suffix", "phrase"] as const;
export type BackingAffix = (typeof BACKING_AFFIXES)[number];
export const SOURCE_KINDS = [
  "generic",
  "media",
  "official",
  "military",
  "security",
  "activist",
  "monitor",
  "witness",
  "medical",
  "humanitarian",
  "diplomatic",
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const ECHELONS = [
  "army",
  "corps",
  "division",
  "brigade",
  "regiment",
  "battalion",
  "company",
  "platoon",
  "squadron",
  "wing",
  "fleet",
  "group",
  "detachment",
  "legion",
  "guard",
  "front",
  "force",
  "unit",
  "command",
] as const;
export type Echelon = (typeof ECHELONS)[number];

export interface UnitNoun {
  term: string;
  kind: ActorKind;
  number: GrammaticalNumber;
}
export interface Branch {
  term: string;
  kind: ActorKind;
}
export interface Modifier {
  term: string;
  /** The kind a modifier makes of the noun it precedes ("regime forces" → state-forces), or null. */
  kind: ActorKind | null;
}
export interface BackingWord {
  term: string;
  relation: AffiliationRelation;
  /** prefix: "pro-Israeli"; suffix: "Iranian-backed"; phrase: "backed by Iran" (precedes the backer). */
  affix: BackingAffix;
}
export interface SourceNoun {
  term: string;
  sourceKind: SourceKind;
}
export interface Ordinal {
  term: string;
  value: number;
}
export interface UnitType {
  term: string;
  echelon: Echelon;
}

/** The word lists of patterns.en.tsv, one typed list per group. */
export interface ActorPatterns {
  /** Nouns that head a generic actor mention: "militants", "soldiers", "police". */
  unitNouns: readonly UnitNoun[];
  /** Institutions combined with a demonym or country: "Syrian air force", "Russian Military Police". */
  branches: readonly Branch[];
  /** Words before a unit noun that set its kind: "regime forces", "unidentified gunmen". */
  modifiers: readonly Modifier[];
  backing: readonly BackingWord[];
  /** Nouns that introduce a source: "activists", "officials", "a war monitor". */
  sourceNouns: readonly SourceNoun[];
  /** Ordinals in words and with digits' suffixes: "fifth" → 5. */
  ordinals: readonly Ordinal[];
  /** Suffixes of digit ordinals: "5th" = 5 + "th". */
  ordinalSuffixes: readonly string[];
  /** Unit types after an ordinal: "Corps", "Brigade". */
  unitTypes: readonly UnitType[];
  /** Words between ordinal and unit type: "5th Armoured Division", "3rd Separate Assault Brigade". */
  unitQualifiers: readonly string[];
}

const PATTERN_GROUPS = [
  "unit-noun",
  "branch",
  "modifier",
  "backing",
  "source-noun",
  "ordinal",
  "ordinal-suffix",
  "unit-type",
  "unit-qualifier",
] as const;
type PatternGroup = (typeof PATTERN_GROUPS)[number];

function oneOf<T extends string>(values: readonly T[], value: string, what: string, origin: string): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  return fail(origin, `unknown ${what} "${value}" (expected one of: ${values.join(", ")})`);
}

/** Parse the text of a patterns file: `group  term  [value]  [extra]`, TAB-separated, `#` comments. */
export function parseActorPatterns(text: string, file: string): ActorPatterns {
  const p = {
    unitNouns: [] as UnitNoun[],
    branches: [] as Branch[],
    modifiers: [] as Modifier[],
    backing: [] as BackingWord[],
    sourceNouns: [] as SourceNoun[],
    ordinals: [] as Ordinal[],
    ordinalSuffixes: [] as string[],
    unitTypes: [] as UnitType[],
    unitQualifiers: [] as string[],
  };
  const seen = new Map<string, string>();
  const counts = new Map<PatternGroup, number>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const origin = `${file}:${i + 1}`;
    const [rawGroup = "", term = "", value = "", extra = "", ...rest] = line.split("\t").map((c) => c.trim());
    const group = oneOf(PATTERN_GROUPS, rawGroup, "pattern group", origin);
    if (term === "") fail(origin, "empty term");
    if (rest.some((c) => c !== "")) fail(origin, "too many columns");
    const key = `${group}\t${term.toLowerCase()}`;
    const before = seen.get(key);
    if (before) fail(origin, `duplicate ${group} "${term}" (first at ${before})`);
    seen.set(key, origin);
    counts.set(group, (counts.get(group) ?? 0) + 1);
    const noValue = () => {
      if (value !== "" || extra !== "") fail(origin, `${group} takes no value column`);
    };
    switch (group) {
      case "unit-noun":
        p.unitNouns.push({
          term,
          kind: oneOf(ACTOR_KINDS, value, "actor kind", origin),
          number: oneOf(GRAMMATICAL_NUMBERS, extra, "grammatical number", origin),
        });
        break;
      case "branch":
        p.branches.push({ term, kind: oneOf(ACTOR_KINDS, value, "actor kind", origin) });
        break;
      case "modifier":
        p.modifiers.push({
          term,
          kind: value === "-" ? null : oneOf(ACTOR_KINDS, value, "actor kind", origin),
        });
        break;
      case "backing":
        p.backing.push({
          term,
          relation: oneOf(AFFILIATION_RELATIONS, value, "relation", origin),
          affix: oneOf(BACKING_AFFIXES, extra, "affix", origin),
        });
        break;
      case "source-noun":
        p.sourceNouns.push({ term, sourceKind: oneOf(SOURCE_KINDS, value, "source kind", origin) });
        break;
      case "ordinal": {
        const n = Number(value);
        if (!/^[1-9][0-9]*$/.test(value) || !Number.isSafeInteger(n))
          fail(origin, `ordinal value "${value}" is not a positive whole number`);
        p.ordinals.push({ term, value: n });
        break;
      }
      case "ordinal-suffix":
        noValue();
        p.ordinalSuffixes.push(term);
        break;
      case "unit-type":
        p.unitTypes.push({ term, echelon: oneOf(ECHELONS, value, "echelon", origin) });
        break;
      case "unit-qualifier":
        noValue();
        p.unitQualifiers.push(term);
        break;
    }
  });
  for (const group of PATTERN_GROUPS) if (!counts.get(group)) fail(file, `no "${group}" rows (empty group)`);
  return Object.freeze(p);
}

// ---------------------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------------------

const _DATA_SUBDIR = "data/entities";
export const ACTORS_FILE = "actors.en.jsonl";
export const PATTERNS_FILE = "patterns.en.tsv";

/** The repository's (or installed package's) `data/entities` directory, found by walking up from here. */
/** The repository's (or installed package's) `data/entities` directory. */
export function findEntitiesDataDir(): string {
  return findDataDir("entities");
}

function readDataFile(dir: string, file: string): string {
  try {
    return readFileSync(join(dir, file), "utf8");
  } catch (cause) {
    throw new SitrepError("internal", `cannot read ${join(dir, file)}`, { cause });
  }
}

let actorsCache: ActorDictionary | null = null;
let patternsCache: ActorPatterns | null = null;

/** The validated actor dictionary (read once per process; pass `dataDir` to read another copy uncached). */
export function loadActors(dataDir?: string): ActorDictionary {
  if (dataDir === undefined && actorsCache) return actorsCache;
  const dict = buildActorDictionary(
    parseActorLines(readDataFile(dataDir ?? findEntitiesDataDir(), ACTORS_FILE), ACTORS_FILE),
  );
  if (dataDir === undefined) actorsCache = dict;
  return dict;
}

/** The validated generic-actor word lists (read once per process). */
export function loadActorPatterns(dataDir?: string): ActorPatterns {
  if (dataDir === undefined && patternsCache) return patternsCache;
  const patterns = parseActorPatterns(
    readDataFile(dataDir ?? findEntitiesDataDir(), PATTERNS_FILE),
    PATTERNS_FILE,
  );
  if (dataDir === undefined) patternsCache = patterns;
  return patterns;
}

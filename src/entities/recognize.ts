/**
 * The actor recogniser: who acts in a report, each actor once with all its mentions.
 *
 * `recognizeActors` reads one sentence at a time (a mention never crosses a sentence, so never a paragraph)
 * and works as follows:
 *
 * 1. At each word it takes the longest of three readings (ties in this order):
 *    a. a dictionary alias (`actors.en.jsonl`; case-sensitive acronyms only as written);
 *    b. an ordinal unit: "[demonym] <ordinal> [qualifiers] <unit type> [of <owner>]" ("the 5th Corps of
 *       the Syrian Army");
 *    c. a generic actor: "[pro-X | X-backed] [modifiers] [demonym] [modifiers] <unit/source/branch noun>"
 *       ("Iranian-backed forces", "pro-Israeli sources", "unidentified gunmen", "Turkish troops").
 *    Failing those: a country name acting ("Israel and its …"; not "in Israel", "the border with Iraq"),
 *    "the <plural demonym>" ("the Russians"), "its <branch>" ("its special services"), or a bare noun
 *    ("soldiers") kept for step 5.
 * 2. Dictionary aliases shared by several actors ("Syrian Army", "5th Corps") are resolved by the
 *    publication year (`activeFrom`/`activeUntil`), then by the countries of the other actors in the text,
 *    then the most recent reading.
 * 3. Phrase affiliations: "<A>, known for its links with <B>", "<A> backed by <B>".
 * 4. Wings: "the ISIS propaganda wing, Amaq" is a mention of Amaq, wing of ISIS.
 * 5. Bare nouns ("3 soldiers were killed") corefer to the nearest earlier actor of a compatible kind in the
 *    same or the previous sentence; with none, unidentified/civilian/protester nouns become generic actors
 *    and state-forces nouns are dropped.
 *
 * The work per word is bounded by the longest phrase of each table, so the time is linear in the text.
 */
import type { Span } from "../core/doc.js";
import type { Actor, ActorAffiliation, ActorRecordKind, Mention } from "../core/entities.js";
import { type ActorEntry, type ActorKind, KIND_INTER, normalizeActorName } from "./actors.js";
import {
  BACKED_FORCES_KIND,
  BARE_ACTOR_CANONICAL,
  COORDINATORS,
  COREFERENCE_KIND_GROUPS,
  COREFERENCE_SENTENCE_WINDOW,
  DEFINITE_ARTICLE,
  DETERMINERS,
  GENERIC_FORCES_NOUN,
  MAX_ANTECEDENT_CANDIDATES,
  MAX_BACKER_WORDS,
  MAX_MODIFIERS,
  MAX_UNIT_QUALIFIERS,
  NON_MEMBER_NOUN_KINDS,
  OWNER_PREPOSITION,
  PARTICIPLE_RELATIONS,
  PEOPLE_AS_FORCES_NOUN,
  POSSESSIVE_PRONOUNS,
  RELATION_WORDS,
  SINGULAR_DETERMINERS,
  SOURCE_SUPPORT_RELATION,
} from "./constants.js";
import {
  type AliasHit,
  type BackingAffix,
  type CompiledActorPatterns,
  type HeadNoun,
  loadCompiledActorPatterns,
  type Word,
  wordsOf,
} from "./patterns.js";

/** Stage configuration (also accepted by `recognizeActors`). */
export interface ActorStageConfig {
  /**
   * Demonym → ISO country code ("Syrian" → "SY", "Iraqis" → "IQ"), from the geo gazetteer. Without it (or
   * when it returns null) the fallback table `data/entities/demonyms.en.tsv` is used.
   */
  demonym?: (word: string) => string | null;
}

export interface RecognizeOptions extends ActorStageConfig {
  /** Publication year: picks among readings of an alias that changed hands ("Syrian Army"). */
  year?: number | null;
  /** Compiled tables (default: loaded once from data/entities). */
  patterns?: CompiledActorPatterns;
}

// ---------------------------------------------------------------------------------------------------------
// Internal records
// ---------------------------------------------------------------------------------------------------------

interface GenericSpec {
  canonical: string;
  kind: ActorRecordKind;
  country: string | null;
  affiliations: ActorAffiliation[];
}

type Ref = { type: "dict"; candidates: readonly ActorEntry[] } | { type: "generic"; spec: GenericSpec };

interface Found {
  sentence: number;
  /** Word range in the sentence's word list. */
  w0: number;
  w1: number;
  start: number;
  end: number;
  ref: Ref;
  /** Affiliations read from the text around this mention. */
  extra: ActorAffiliation[];
  /** The chosen dictionary entry, set when resolved (dictionary refs only). */
  entry: ActorEntry | null;
  dropped: boolean;
  /** A description rather than a name ("ISIS propaganda wing", a coreferent "soldiers"): not the record's name. */
  descriptive: boolean;
}

interface Bare {
  sentence: number;
  start: number;
  end: number;
  head: HeadNoun;
}

interface Candidate {
  end: number;
  ref: Ref;
}

/** Who a backing word points at: a country ("IR") or a dictionary actor. */
interface BackerRef {
  actor: string;
  name: string;
}

const WHITESPACE = /\s+/gu;
const SPACE_ONLY = /^[ \t]+$/u;
const GOVERNMENT_ID = /government/;
const GOVERNMENT_KIND: ActorKind = "government";

// ---------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------

function capitalise(s: string): string {
  return s.length === 0 ? s : (s[0] as string).toUpperCase() + s.slice(1);
}

function surface(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(WHITESPACE, " ");
}

function interOf(kind: ActorRecordKind): number | null {
  return kind === "source" ? null : ((KIND_INTER[kind] as readonly number[])[0] ?? null);
}

function isActive(e: ActorEntry, year: number): boolean {
  return (e.activeFrom === null || e.activeFrom <= year) && (e.activeUntil === null || e.activeUntil >= year);
}

/**
 * One entry out of several readings: active in `year`, then matching the text's countries, then the most
 * recent (no end year beats an end year; a later start beats an earlier one), then file order.
 */
export function chooseEntry(
  candidates: readonly ActorEntry[],
  year: number | null,
  countries?: ReadonlyMap<string, number>,
): ActorEntry {
  let pool = [...candidates];
  if (year !== null) {
    const active = pool.filter((e) => isActive(e, year));
    if (active.length > 0) pool = active;
  }
  if (pool.length > 1 && countries && countries.size > 0) {
    const score = (e: ActorEntry) => (e.country === null ? 0 : (countries.get(e.country) ?? 0));
    const best = Math.max(...pool.map(score));
    if (best > 0) pool = pool.filter((e) => score(e) === best);
  }
  const until = (e: ActorEntry) => e.activeUntil ?? Number.POSITIVE_INFINITY;
  const from = (e: ActorEntry) => e.activeFrom ?? Number.NEGATIVE_INFINITY;
  let chosen = pool[0] as ActorEntry;
  for (const e of pool.slice(1))
    if (until(e) > until(chosen) || (until(e) === until(chosen) && from(e) > from(chosen))) chosen = e;
  return chosen;
}

function relationText(relation: ActorAffiliation["relation"], name: string): string {
  return `${RELATION_WORDS[relation]} ${name}`;
}

/** The affiliations an entry brings: its own, plus "part of <parent>" when its parent is not among them. */
function entryAffiliations(entry: ActorEntry, patterns: CompiledActorPatterns): ActorAffiliation[] {
  const out: ActorAffiliation[] = entry.affiliations.map((a) => ({ ...a }));
  if (entry.parent !== null && !out.some((a) => a.actor === entry.parent)) {
    const parent = patterns.dictionary.byId(entry.parent);
    if (parent)
      out.push({ relation: "part-of", actor: parent.id, text: relationText("part-of", parent.canonical) });
  }
  return out;
}

function addAffiliation(list: ActorAffiliation[], a: ActorAffiliation): void {
  if (!list.some((b) => b.relation === a.relation && b.actor === a.actor)) list.push(a);
}

// ---------------------------------------------------------------------------------------------------------
// The recogniser
// ---------------------------------------------------------------------------------------------------------

/** Recognise the actors of `text`; `sentences` are spans of it (the nlp stage's layer). */
export function recognizeActors(
  text: string,
  sentences: readonly { start: number; end: number }[],
  options: RecognizeOptions = {},
): Actor[] {
  const r = new Recognizer(text, options);
  const spans = sentences.length > 0 ? sentences : paragraphSpans(text);
  spans.forEach((s, i) => {
    r.readSentence(i, s);
  });
  return r.finish();
}

const BLANK_LINE = /\n[ \t]*\n/g;

/** Fallback units when no sentences are given: paragraphs (blank-line separated). */
function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(BLANK_LINE)) {
    spans.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  spans.push({ start, end: text.length });
  return spans.filter((s) => s.end > s.start);
}

class Recognizer {
  private readonly P: CompiledActorPatterns;
  private readonly year: number | null;
  private readonly finds: Found[] = [];
  private readonly bares: Bare[] = [];
  private readonly sentenceWords: Word[][] = [];
  private readonly governmentRefs = new Map<string, Ref>();
  private mediaWings: Map<string, ActorEntry[]> | null = null;
  /** Per sentence: the word index that ended the last country name read as a place (-1 when none). */
  private lastPlaceEnd = -1;
  private words: Word[] = [];
  private sentence = 0;

  constructor(
    private readonly text: string,
    private readonly options: RecognizeOptions,
  ) {
    this.P = options.patterns ?? loadCompiledActorPatterns();
    this.year = options.year ?? null;
  }

  // -------------------------------------------------------------------------------------------------------
  // Step 1: one sentence
  // -------------------------------------------------------------------------------------------------------

  readSentence(index: number, span: { start: number; end: number }): void {
    const words = wordsOf(this.text, span.start, span.end);
    this.sentenceWords[index] = words;
    this.words = words;
    this.sentence = index;
    this.lastPlaceEnd = -1;
    const n = words.length;
    for (let i = 0; i < n; ) {
      const best = this.readingAt(i, n);
      if (best) {
        let end = best.end;
        if (best.ref.type === "dict") end = this.extendWithUnitNoun(best.ref.candidates, end, n);
        this.push(i, end, best.ref);
        i = end;
        continue;
      }
      const next = this.countryAt(i, n) ?? this.peopleAt(i, n) ?? this.pronounBranchAt(i, n);
      if (next !== null) {
        i = next;
        continue;
      }
      const head = this.P.unitNouns.match(words, i, n);
      // A bare singular needs a determiner ("a soldier"); without one it is mostly a modifier ("terrorist
      // targets").
      if (
        head &&
        head.value.number === "sg" &&
        (i === 0 || !SINGULAR_DETERMINERS.has((words[i - 1] as Word).key))
      ) {
        i = head.end;
        continue;
      }
      if (head) {
        this.bares.push({
          sentence: index,
          start: (words[i] as Word).start,
          end: (words[head.end - 1] as Word).end,
          head: head.value,
        });
        i = head.end;
        continue;
      }
      i++;
    }
  }

  private push(w0: number, w1: number, ref: Ref, start?: number, end?: number): Found {
    const f: Found = {
      sentence: this.sentence,
      w0,
      w1,
      start: start ?? (this.words[w0] as Word).start,
      end: end ?? (this.words[w1 - 1] as Word).end,
      ref,
      extra: [],
      entry: null,
      dropped: false,
      descriptive: false,
    };
    this.finds.push(f);
    return f;
  }

  /** The longest of dictionary, ordinal-unit and generic readings at word i (ties in that order). */
  private readingAt(i: number, n: number): Candidate | null {
    let best: Candidate | null = this.dictAt(i, n);
    for (const c of [this.ordinalUnitAt(i, n), this.genericAt(i, n)])
      if (c && (!best || c.end > best.end)) best = c;
    return best;
  }

  /** "Hezbollah fighters", "the Syrian Army soldiers": a unit noun of a compatible kind joins the mention. */
  private extendWithUnitNoun(candidates: readonly ActorEntry[], end: number, n: number): number {
    if (end >= n || (this.words[end - 1] as Word).possessive) return end;
    const head = this.P.unitNouns.match(this.words, end, n);
    const kind = (candidates[0] as ActorEntry).kind;
    if (!head || head.value.kind === "source" || NON_MEMBER_NOUN_KINDS.has(head.value.kind)) return end;
    return NON_MEMBER_NOUN_KINDS.has(kind) || kind === GOVERNMENT_KIND ? end : head.end;
  }

  // --- a. dictionary -------------------------------------------------------------------------------------

  private dictAt(i: number, n: number): Candidate | null {
    const words = this.words;
    let hits: AliasHit[] = [];
    const m = this.P.aliases.match(words, i, n, (bucket, end) => {
      hits = filterHits(bucket, words, i, end);
      return hits.length > 0;
    });
    if (!m) return null;
    hits = filterHits(m.value, words, i, m.end);
    const candidates: ActorEntry[] = [];
    for (const h of hits) if (!candidates.includes(h.entry)) candidates.push(h.entry);
    return { end: m.end, ref: { type: "dict", candidates } };
  }

  // --- b. ordinal units ----------------------------------------------------------------------------------

  private ordinalUnitAt(i: number, n: number): Candidate | null {
    const words = this.words;
    let j = i;
    const demonym = this.demonymAt(j, n);
    if (demonym) j = demonym.end;
    if (j >= n) return null;
    let ordinal = false;
    const two = j + 1 < n ? `${(words[j] as Word).key} ${(words[j + 1] as Word).key}` : "";
    if (two !== "" && this.P.ordinals.has(two)) {
      ordinal = true;
      j += 2;
    } else if (
      this.P.ordinals.has((words[j] as Word).key) ||
      this.P.digitOrdinal.test((words[j] as Word).key)
    ) {
      ordinal = true;
      j += 1;
    }
    if (!ordinal) return null;
    for (let q = 0; q < MAX_UNIT_QUALIFIERS && j < n; q++) {
      const qm = this.P.unitQualifiers.match(words, j, n);
      if (!qm) break;
      j = qm.end;
    }
    if (j >= n || !(words[j] as Word).upper) return null;
    const unit = this.P.unitTypes.match(words, j, n);
    if (!unit) return null;
    let end = unit.end;
    let owner: { actor: string | null; name: string; kind: ActorRecordKind; country: string | null } | null =
      null;
    if (end < n && (words[end] as Word).key === OWNER_PREPOSITION && !(words[end - 1] as Word).possessive) {
      let k = end + 1;
      while (k < n && DETERMINERS.has((words[k] as Word).key)) k++;
      const o = k < n ? (this.dictAt(k, n) ?? this.genericAt(k, n)) : null;
      if (o) {
        end = o.end;
        owner = this.describe(o.ref);
      }
    }
    const canonical = capitalise(surface(this.text, (words[i] as Word).start, (words[end - 1] as Word).end));
    const kind: ActorRecordKind = owner && owner.kind !== "source" ? owner.kind : "state-forces";
    const affiliations: ActorAffiliation[] = [];
    if (owner?.actor)
      affiliations.push({
        relation: "part-of",
        actor: owner.actor,
        text: relationText("part-of", owner.name),
      });
    return {
      end,
      ref: {
        type: "generic",
        spec: { canonical, kind, country: owner?.country ?? demonym?.code ?? null, affiliations },
      },
    };
  }

  /** What a reading stands for, resolving a dictionary reading on the spot (year, then most recent). */
  private describe(ref: Ref): {
    actor: string | null;
    name: string;
    kind: ActorRecordKind;
    country: string | null;
  } {
    if (ref.type === "dict") {
      const e = chooseEntry(ref.candidates, this.year);
      return { actor: e.id, name: e.canonical, kind: e.kind, country: e.country };
    }
    const s = ref.spec;
    const actor = s.country !== null && s.kind === GOVERNMENT_KIND ? s.country : null;
    return { actor, name: s.canonical, kind: s.kind, country: s.country };
  }

  // --- c. generic actors ---------------------------------------------------------------------------------

  private genericAt(i: number, n: number): Candidate | null {
    const words = this.words;
    let j = i;
    let backing: { affix: BackingAffix; backer: BackerRef | null } | null = null;
    const kinds: (ActorKind | null)[] = [];
    const mod0 = this.P.modifiers.match(words, j, n);
    if (!mod0) {
      const pre = this.P.prefixes.match(words, j, n);
      if (pre && pre.end < n && (words[pre.end] as Word).hyphenBefore) {
        const b = this.backerAt(pre.end, n);
        // "pro-militant sources": an unknown backer word still makes the phrase, without an affiliation.
        backing = { affix: pre.value, backer: b?.ref ?? null };
        j = b ? b.end : pre.end + 1;
      }
    }
    if (!backing && !mod0) {
      const b = this.backerAt(j, n);
      if (b && b.end < n && (words[b.end] as Word).hyphenBefore) {
        const suf = this.P.suffixes.match(words, b.end, n);
        if (suf) {
          backing = { affix: suf.value, backer: b.ref };
          j = suf.end;
        }
      }
    }
    j = this.modifiersAt(j, n, kinds);
    const demonym = j < n && !(words[j] as Word).possessive ? this.demonymAt(j, n) : null;
    if (demonym) j = demonym.end;
    j = this.modifiersAt(j, n, kinds);
    if (j >= n) return null;
    const head = this.headAt(j, n, demonym !== null);
    if (!head) return null;
    const end = head.end;
    const noun = head.value;
    const source = noun.kind === "source";
    const qualified =
      backing !== null || demonym !== null || kinds.some((k) => k !== null) || (source && noun.words > 1);
    if (!qualified) return null;
    if (demonym && !backing && kinds.length === 0 && !source) {
      return { end, ref: this.demonymHeadRef(demonym.code, noun) };
    }
    let kind: ActorRecordKind = source ? "source" : noun.kind;
    if (!source) for (const k of kinds) if (k !== null) kind = k;
    if (backing && !demonym && kind === "state-forces" && backing.affix.relation !== "part-of")
      kind = BACKED_FORCES_KIND;
    const affiliations: ActorAffiliation[] = [];
    if (backing?.backer) affiliations.push(affixAffiliation(backing.affix, backing.backer, source));
    const canonical = capitalise(surface(this.text, (words[i] as Word).start, (words[end - 1] as Word).end));
    return {
      end,
      ref: { type: "generic", spec: { canonical, kind, country: demonym?.code ?? null, affiliations } },
    };
  }

  private modifiersAt(j: number, n: number, kinds: (ActorKind | null)[]): number {
    let k = j;
    for (let m = 0; m < MAX_MODIFIERS && k < n; m++) {
      const mm = this.P.modifiers.match(this.words, k, n);
      if (!mm) break;
      // "the Bolivian army were": "army" is a modifier too, but here it is the head.
      if (this.headAt(k, n, true) && !this.continuesPhrase(mm.end, n)) break;
      kinds.push(mm.value);
      k = mm.end;
    }
    return k;
  }

  /** Whether a head, a modifier or a demonym starts at j (a modifier before it is a modifier). */
  private continuesPhrase(j: number, n: number): boolean {
    if (j >= n) return false;
    return (
      this.headAt(j, n, true) !== null ||
      this.P.modifiers.match(this.words, j, n) !== null ||
      this.demonymAt(j, n) !== null
    );
  }

  /** The longest head noun at j: unit noun, source noun, or (after a demonym) a branch. */
  private headAt(j: number, n: number, withDemonym: boolean) {
    let best = this.P.unitNouns.match(this.words, j, n);
    const branch = withDemonym ? this.P.branches.match(this.words, j, n) : null;
    if (branch && (!best || branch.end > best.end)) best = branch;
    const source = this.P.sourceNouns.match(this.words, j, n);
    if (source && (!best || source.end > best.end)) best = source;
    return best;
  }

  /** "<demonym> <noun>": the dictionary's actor for it when there is one, else a generic actor. */
  private demonymHeadRef(code: string, noun: HeadNoun): Ref {
    const country = this.P.countries.byCode.get(code);
    const adjective = country?.adjective ?? code;
    const byAlias = (term: string, kind?: ActorKind) =>
      (this.P.aliases.get(normalizeActorName(`${adjective} ${term}`)) ?? [])
        .map((h) => h.entry)
        .filter((e) => e.country === code && (kind === undefined || e.kind === kind));
    let candidates = byAlias(noun.term);
    if (candidates.length === 0 && noun.kind === "state-forces" && !noun.branch)
      candidates = byAlias(GENERIC_FORCES_NOUN, "state-forces");
    if (candidates.length > 0) return { type: "dict", candidates };
    const kind: ActorRecordKind = noun.kind;
    return {
      type: "generic",
      spec: { canonical: `${adjective} ${noun.term}`, kind, country: code, affiliations: [] },
    };
  }

  /** A backer before "-backed" or after "pro-": a country name, a demonym or a dictionary actor. */
  private backerAt(j: number, n: number): { end: number; ref: BackerRef } | null {
    if (j >= n) return null;
    const limit = Math.min(n, j + MAX_BACKER_WORDS);
    const country = this.P.countries.names.match(this.words, j, limit) ?? this.demonymAt(j, limit, true);
    if (country) {
      const code = "code" in country ? country.code : country.value;
      const name = this.P.countries.byCode.get(code)?.name ?? code;
      return { end: country.end, ref: { actor: code, name } };
    }
    const d = this.dictAt(j, limit);
    if (d && d.ref.type === "dict") {
      const e = chooseEntry(d.ref.candidates, this.year);
      return { end: d.end, ref: { actor: e.id, name: e.canonical } };
    }
    return null;
  }

  private demonymAt(j: number, n: number, single = false): { end: number; code: string } | null {
    const w = this.words[j];
    if (!w?.upper) return null;
    if (this.options.demonym) {
      const code = this.options.demonym(this.text.slice(w.start, w.end));
      if (code) return { end: j + 1, code };
    }
    const m = this.P.countries.demonyms.match(this.words, j, single ? j + 1 : n);
    return m ? { end: m.end, code: m.value } : null;
  }

  // --- countries, people, pronouns, as actors ------------------------------------------------------------

  /** A country name: its government when it acts, nothing when it is a place. Returns the next index. */
  private countryAt(i: number, n: number): number | null {
    const words = this.words;
    const m = this.P.countries.names.match(words, i, n);
    if (!m) return null;
    const code = m.value;
    const last = words[m.end - 1] as Word;
    if (last.possessive) {
      // "Russia's armed forces", "Israel's Mossad" (an alias, read before this), "Israel's government".
      const head = m.end < n ? this.headAt(m.end, n, true) : null;
      if (head && head.value.kind !== "source") {
        this.push(i, head.end, this.demonymHeadRef(code, head.value));
        return head.end;
      }
      this.push(i, m.end, this.governmentRef(code), undefined, last.end - 2);
      return m.end;
    }
    const next = words[m.end];
    // "Israel-Syria", "Syria Civil Defence": part of a longer name (but "Syria, Iraq" is a list).
    const joined = next !== undefined && SPACE_ONLY.test(this.text.slice(last.end, next.start));
    if (next && (next.hyphenBefore || (next.upper && joined))) return m.end;
    if (this.isPlace(i, m.end, n)) {
      this.lastPlaceEnd = m.end;
      return m.end;
    }
    this.push(i, m.end, this.governmentRef(code));
    return m.end;
  }

  private isPlace(i: number, end: number, n: number): boolean {
    const words = this.words;
    if (end < n && this.P.places.after.match(words, end, n)) return true;
    let k = i - 1;
    while (k >= 0 && DETERMINERS.has((words[k] as Word).key)) k--;
    if (k < 0) return false;
    // "in Syria, Iraq and Lebanon": a list after a place is places.
    if (k + 1 === this.lastPlaceEnd) return true;
    if (COORDINATORS.has((words[k] as Word).key) && k === this.lastPlaceEnd) return true;
    const back: Word[] = [];
    for (let b = k; b >= 0 && back.length < this.P.places.before.maxWords; b--) back.push(words[b] as Word);
    return this.P.places.before.match(back, 0) !== null;
  }

  private governmentRef(code: string): Ref {
    const cached = this.governmentRefs.get(code);
    if (cached) return cached;
    const country = this.P.countries.byCode.get(code);
    const adjective = country?.adjective ?? code;
    let candidates = (this.P.aliases.get(normalizeActorName(`${adjective} government`)) ?? [])
      .map((h) => h.entry)
      .filter((e) => e.country === code && e.kind === GOVERNMENT_KIND);
    if (candidates.length === 0) {
      candidates = this.P.dictionary.entries.filter(
        (e) => e.country === code && e.kind === GOVERNMENT_KIND && e.parent === null,
      );
      const named = candidates.filter((e) => GOVERNMENT_ID.test(e.id));
      if (named.length > 0) candidates = named;
    }
    const ref: Ref =
      candidates.length > 0
        ? { type: "dict", candidates }
        : {
            type: "generic",
            spec: {
              canonical: `Government of ${country?.name ?? code}`,
              kind: GOVERNMENT_KIND,
              country: code,
              affiliations: [],
            },
          };
    this.governmentRefs.set(code, ref);
    return ref;
  }

  /** "the Russians": the country's forces. */
  private peopleAt(i: number, n: number): number | null {
    if (i === 0 || (this.words[i - 1] as Word).key !== DEFINITE_ARTICLE) return null;
    const m = this.P.countries.plurals.match(this.words, i, n);
    if (!m) return null;
    const next = this.words[m.end];
    if (next?.upper) return null;
    const forces: HeadNoun = {
      term: PEOPLE_AS_FORCES_NOUN,
      kind: "state-forces",
      sourceKind: null,
      branch: false,
      number: "pl",
      words: 1,
    };
    this.push(i, m.end, this.demonymHeadRef(m.value, forces));
    return m.end;
  }

  /** "Israel and its special services": the branch of the nearest state actor before it. */
  private pronounBranchAt(i: number, n: number): number | null {
    if (!POSSESSIVE_PRONOUNS.has((this.words[i] as Word).key) || i + 1 >= n) return null;
    const head = this.P.branches.match(this.words, i + 1, n);
    if (!head) return null;
    const stop = Math.max(0, this.finds.length - MAX_ANTECEDENT_CANDIDATES);
    for (let k = this.finds.length - 1; k >= stop; k--) {
      const f = this.finds[k] as Found;
      if (f.sentence !== this.sentence) break;
      const d = this.describe(f.ref);
      if (d.country !== null && (d.kind === GOVERNMENT_KIND || d.kind === "state-forces")) {
        this.push(i + 1, head.end, this.demonymHeadRef(d.country, head.value));
        return head.end;
      }
    }
    return null;
  }

  // -------------------------------------------------------------------------------------------------------
  // Steps 2–6: the whole text
  // -------------------------------------------------------------------------------------------------------

  finish(): Actor[] {
    this.resolveDictionaryReadings();
    this.readPhraseAffiliations();
    this.readWings();
    this.resolveBareNouns();
    return this.records();
  }

  private resolveDictionaryReadings(): void {
    const countries = new Map<string, number>();
    const count = (c: string | null) => {
      if (c !== null) countries.set(c, (countries.get(c) ?? 0) + 1);
    };
    for (const f of this.finds) {
      if (f.ref.type === "generic") count(f.ref.spec.country);
      else if (f.ref.candidates.length === 1) count((f.ref.candidates[0] as ActorEntry).country);
    }
    for (const f of this.finds)
      if (f.ref.type === "dict") f.entry = chooseEntry(f.ref.candidates, this.year, countries);
  }

  /** What an affiliation points at: a dictionary id, or a country code for a government ("backed by Iran"). */
  private targetOf(f: Found): BackerRef | null {
    if (f.entry?.kind === GOVERNMENT_KIND && f.entry.country !== null) {
      const country = this.P.countries.byCode.get(f.entry.country);
      return { actor: f.entry.country, name: country?.name ?? f.entry.canonical };
    }
    if (f.entry) return { actor: f.entry.id, name: f.entry.canonical };
    if (f.ref.type === "generic" && f.ref.spec.country !== null && f.ref.spec.kind === GOVERNMENT_KIND)
      return { actor: f.ref.spec.country, name: f.ref.spec.canonical };
    return null;
  }

  /** Index of finds by sentence and first word, for adjacency checks. */
  private findAt(): Map<string, Found> {
    const at = new Map<string, Found>();
    for (const f of this.finds) if (!f.dropped) at.set(`${f.sentence}:${f.w0}`, f);
    return at;
  }

  /** "<A>, known for its links with <B>", "<A> backed by <B>". */
  private readPhraseAffiliations(): void {
    const at = this.findAt();
    for (const a of this.finds) {
      const words = this.sentenceWords[a.sentence] as Word[];
      const p = this.P.phrases.match(words, a.w1);
      if (!p || p.value.relation === "wing-of") continue;
      let k = p.end;
      while (k < words.length && DETERMINERS.has((words[k] as Word).key)) k++;
      const b = at.get(`${a.sentence}:${k}`);
      const target = b ? this.targetOf(b) : null;
      if (!b || !target) continue;
      addAffiliation(a.extra, {
        relation: p.value.relation,
        actor: target.actor,
        text: surface(this.text, (words[a.w1] as Word).start, b.end),
      });
    }
  }

  /** "the ISIS propaganda wing, Amaq": a mention of Amaq, wing of ISIS. */
  private readWings(): void {
    const at = this.findAt();
    for (const a of this.finds) {
      if (a.dropped) continue;
      const words = this.sentenceWords[a.sentence] as Word[];
      const wing = this.P.wings.match(words, a.w1);
      const parent = this.targetOf(a);
      if (!wing || !parent) continue;
      const wingEnd = (words[wing.end - 1] as Word).end;
      // A reading of the wing words themselves ("propaganda wing" as a source noun) gives way.
      for (let k = a.w1; k < wing.end; k++) {
        const other = at.get(`${a.sentence}:${k}`);
        if (other && other !== a && other.w1 <= wing.end) other.dropped = true;
      }
      const b = at.get(`${a.sentence}:${wing.end}`);
      if (b && b !== a) {
        addAffiliation(b.extra, {
          relation: "wing-of",
          actor: parent.actor,
          text: relationText("wing-of", parent.name),
        });
        // The phrase "ISIS propaganda wing" names B, not ISIS.
        a.ref = b.ref;
        a.entry = b.entry;
        a.end = wingEnd;
        a.w1 = wing.end;
        a.descriptive = true;
        continue;
      }
      const children = a.entry ? this.mediaWingsOf(a.entry.id) : [];
      if (wing.value.media && children.length === 1) {
        const child = children[0] as ActorEntry;
        a.ref = { type: "dict", candidates: [child] };
        a.entry = child;
      } else {
        const d = this.describe(a.ref);
        a.ref = {
          type: "generic",
          spec: {
            canonical: `${d.name} ${wing.value.term}`,
            kind: wing.value.media ? "media-wing" : d.kind,
            country: d.country,
            affiliations: [
              { relation: "wing-of", actor: parent.actor, text: relationText("wing-of", parent.name) },
            ],
          },
        };
        a.entry = null;
      }
      a.end = wingEnd;
      a.w1 = wing.end;
    }
  }

  /** The dictionary's media wings of an actor (Amaq for the Islamic State), indexed once per call. */
  private mediaWingsOf(id: string): readonly ActorEntry[] {
    if (this.mediaWings === null) {
      this.mediaWings = new Map();
      for (const e of this.P.dictionary.entries)
        if (e.kind === "media-wing" && e.parent !== null)
          this.mediaWings.set(e.parent, [...(this.mediaWings.get(e.parent) ?? []), e]);
    }
    return this.mediaWings.get(id) ?? [];
  }

  /** "3 soldiers were killed": the nearest earlier actor of a compatible kind, else a generic actor. */
  private resolveBareNouns(): void {
    const kept = this.finds.filter((f) => !f.dropped).sort((x, y) => x.start - y.start);
    let before = 0; // kept[0 .. before) start before the current bare noun (bares are in text order)
    for (const bare of this.bares) {
      const kind = bare.head.kind;
      while (before < kept.length && (kept[before] as Found).start < bare.start) before++;
      if (kind === "source") continue;
      let antecedent: Found | null = null;
      const stop = Math.max(0, before - MAX_ANTECEDENT_CANDIDATES);
      for (let k = before - 1; k >= stop; k--) {
        const f = kept[k] as Found;
        if (f.sentence < bare.sentence - COREFERENCE_SENTENCE_WINDOW) break;
        const fk = f.entry ? f.entry.kind : f.ref.type === "generic" ? f.ref.spec.kind : null;
        if (fk !== null && fk !== "source" && compatible(kind, fk)) {
          antecedent = f;
          break;
        }
      }
      if (antecedent) {
        this.finds.push({
          ...antecedent,
          start: bare.start,
          end: bare.end,
          sentence: bare.sentence,
          extra: [],
          descriptive: true,
        });
        continue;
      }
      const canonical = BARE_ACTOR_CANONICAL[kind];
      if (canonical === undefined) continue;
      // The dictionary's generic actor of that name ("Civilians", "Unidentified armed group") when it has one.
      const entry = (this.P.aliases.get(normalizeActorName(canonical)) ?? [])
        .map((h) => h.entry)
        .find((e) => e.kind === kind && e.country === null);
      this.finds.push({
        sentence: bare.sentence,
        w0: -1,
        w1: -1,
        start: bare.start,
        end: bare.end,
        ref: entry
          ? { type: "dict", candidates: [entry] }
          : { type: "generic", spec: { canonical, kind, country: null, affiliations: [] } },
        extra: [],
        entry: entry ?? null,
        dropped: false,
        descriptive: false,
      });
    }
  }

  // --- records -------------------------------------------------------------------------------------------

  private records(): Actor[] {
    const finds = this.finds.filter((f) => !f.dropped).sort((x, y) => x.start - y.start || y.end - x.end);
    const byKey = new Map<string, Actor>();
    const named = new Set<Actor>();
    const out: Actor[] = [];
    for (const f of finds) {
      const key = f.entry ? `d:${f.entry.id}` : `g:${normalizeActorName(this.describe(f.ref).name)}`;
      let actor = byKey.get(key);
      if (!actor) {
        actor = this.newActor(f, `a${out.length + 1}`);
        byKey.set(key, actor);
        out.push(actor);
      }
      const last = actor.mentions[actor.mentions.length - 1] as Mention | undefined;
      if (!last || last.start !== f.start || last.end !== f.end)
        actor.mentions.push({ start: f.start, end: f.end });
      // The name is the first mention as written that names the actor (not "ISIS propaganda wing").
      if (!named.has(actor) && !f.descriptive) {
        actor.name = surface(this.text, f.start, f.end);
        named.add(actor);
      }
      for (const a of f.extra) addAffiliation(actor.affiliations, a);
    }
    return out;
  }

  private newActor(f: Found, id: string): Actor {
    const name = surface(this.text, f.start, f.end);
    if (f.entry) {
      const e = f.entry;
      return {
        id,
        name,
        canonical: e.canonical,
        kind: e.kind,
        inter: e.inter,
        country: e.country,
        affiliations: entryAffiliations(e, this.P),
        dictionaryId: e.id,
        mentions: [],
      };
    }
    const spec = (f.ref as { spec: GenericSpec }).spec;
    return {
      id,
      name,
      canonical: spec.canonical,
      kind: spec.kind,
      inter: interOf(spec.kind),
      country: spec.country,
      affiliations: spec.affiliations.map((a) => ({ ...a })),
      dictionaryId: null,
      mentions: [],
    };
  }
}

/** Hits whose case constraints the text meets (exact form for acronyms, initial capital for names). */
function filterHits(bucket: readonly AliasHit[], words: readonly Word[], i: number, end: number): AliasHit[] {
  let cased: string | null = null;
  const out: AliasHit[] = [];
  for (const h of bucket) {
    if (h.exact !== null) {
      if (cased === null) {
        const parts: string[] = [];
        for (let k = i; k < end; k++)
          parts.push(k === end - 1 ? (words[k] as Word).casedBase : (words[k] as Word).cased);
        cased = parts.join(" ");
      }
      if (h.exact !== cased && h.exact !== joinCased(words, i, end)) continue;
    } else if (h.capital && !(words[i] as Word).upper) continue;
    out.push(h);
  }
  return out;
}

function joinCased(words: readonly Word[], i: number, end: number): string {
  const parts: string[] = [];
  for (let k = i; k < end; k++) parts.push((words[k] as Word).cased);
  return parts.join(" ");
}

function compatible(nounKind: ActorKind, actorKind: ActorRecordKind): boolean {
  if (nounKind === actorKind) return true;
  return COREFERENCE_KIND_GROUPS.some(
    (g) => g.includes(nounKind) && (g as readonly string[]).includes(actorKind),
  );
}

/** The affiliation of "Iranian-backed …" / "pro-Israeli …": "backed by Iran", "supports Israel". */
function affixAffiliation(affix: BackingAffix, backer: BackerRef, source: boolean): ActorAffiliation {
  if (source && affix.relation === "allied-with")
    return {
      relation: SOURCE_SUPPORT_RELATION,
      actor: backer.actor,
      text: relationText(SOURCE_SUPPORT_RELATION, backer.name),
    };
  const text = PARTICIPLE_RELATIONS.has(affix.relation)
    ? `${affix.participle} by ${backer.name}`
    : relationText(affix.relation, backer.name);
  return { relation: affix.relation, actor: backer.actor, text };
}

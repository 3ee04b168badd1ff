/**
 * Place recognition in running text: capitalised word runs (and Arabic-article forms such as "al-Qaim")
 * looked up in the gazetteer, longest first, with the context words that say what kind of place it is
 * ("Hama province", "the town of al-Qaim", "southern Deir Ezzor") and the filters that keep people's
 * names and common words out ("George Washington", "May"). Demonyms become places only where they locate
 * ("the Iraqi side of the border", "the Iraqi-Syrian border").
 *
 * The workflow of `recognizePlaces`:
 *  1. Split each sentence span into words, marking sentence starts (also inside a line: ". In Baghdad")
 *     and "shouted" lines (headlines, datelines in capitals).
 *  2. At each word, find the longest name the gazetteer knows (`matchAt`): capitalised runs, "St. Louis",
 *     the place in "Chicago-based", a lower-case natural feature ("central Syrian desert").
 *  3. Read its context (`contextualise`): type word, direction, locative preposition.
 *  4. Judge the mention alone (`judgeMention`): keep, weak (needs evidence), person, or drop.
 *  5. Per sentence, link lists and "Town, State" commas (`linkSentence`).
 *  6. Per document (`decideDocument`): one sense per discourse — a name that is a person somewhere is a
 *     person everywhere (unless located), a weak name is kept when it is a place somewhere else.
 */
import type { Mention } from "../core/entities.js";
import { type GeoCues, loadCommonWords, loadGeoCues } from "./cues.js";
import type { FeatureType, Gazetteer, GazetteerEntry } from "./gazetteer.js";
import {
  ACRONYM_MAX_LETTERS,
  ADMIN1_ACRONYM_MIN_LETTERS,
  COMMON_WORD_MIN_POPULATION,
  MAX_CANDIDATES,
  MAX_MENTIONS,
  MAX_NAME_WORDS,
  MAX_SCAN_CHARS_PER_SENTENCE,
  SHOUTED_LINE_MIN_SHARE,
  SHOUTED_LINE_MIN_WORDS,
  WEAK_MAX_POPULATION,
} from "./geoparse-constants.js";

export interface ToponymMention extends Mention {
  /** As written. */
  text: string;
  candidates: readonly GazetteerEntry[];
  /** Feature type the context asks for ("province" → admin1). */
  typeCue: FeatureType | null;
  /** Preceded by "southern", "eastern", …: a region of the place rather than its point. */
  directional: boolean;
  /** A demonym standing for its country ("the Iraqi side"). */
  demonym: boolean;
  /** Index of the sentence it is in. */
  sentence: number;
  /** The admin1 regions or countries written right after it ("Springfield, Ill.", "Tyre, Lebanon"): it lies
   * in one of them. */
  within?: readonly GazetteerEntry[];
  /** Introduced by a locative preposition ("in", "near", "from"), directly or through a list. */
  locative?: boolean;
}

interface Word {
  start: number;
  end: number;
  text: string;
  /** `text` in lower case. */
  lower: string;
  /** Starts a name: capital letter, an Arabic article before a capital ("al-Qaim"), or an uncased script. */
  cap: boolean;
  /** Written in capitals ("US", "NEW"). */
  allCaps: boolean;
  /** First word of a sentence (its capital says nothing). */
  sentenceStart: boolean;
  /** On a line written mostly in capitals (headline, dateline): capitals say nothing. */
  shouted: boolean;
}

/** Letters and digits with inner apostrophes, hyphens and dots ("al-Bukamal", "Dar'a", "U.S"). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’‘ʼ.-][\p{L}\p{M}\p{N}]+)*/gu;
const POSSESSIVE = /['’]s$/u;
const UPPER_START = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const LETTERS = /\p{L}/gu;
const DOTTED_ACRONYM = /^\p{L}(?:\.\p{L})+$/u;
const ARTICLE_THEN_UPPER = /^(?:al|el|ad|ash|as|az|ar|at|an|ez|es|ed|adh|ul|ath)[-‘'’ʼ]\p{Lu}/u;
/** "al-Qaim", "Al-Bukamal": a transliterated name, not an English surname or noun. */
const ARTICLE_PREFIX = /^(?:al|el|ad|ash|as|az|ar|at|an|ez|es|ed|adh|ul|ath)[-‘'’ʼ]\p{L}/iu;
const UNCASED_START =
  /^[\p{Script=Arabic}\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Hebrew}]/u;
/** Words joined into one name only by spaces or a hyphen. */
const PLAIN_GAP = /^[ \t\u00a0]+$|^-$/u;
/** "St. Louis": an abbreviation's dot and spaces. */
const ABBREVIATION_GAP = /^\.[ \t\u00a0]+$/u;
/** A gap that ends a sentence: ". ", "? ", an em dash after a dateline, a colon, a line break. */
const SENTENCE_GAP = /[.!?:;—–|•\n]/u;
/** "Chicago-based": the part before a hyphen followed by a lower-case word. */
const HYPHEN_LOWER_TAIL = /^([\p{Lu}][\p{L}\p{M}'’]+)-\p{Ll}/u;
/** Gaps of a list: ", ", " and ", ", and ", " or ". */
const LIST_GAP = /^(?:\s*,\s*|\s+(?:and|or)\s+|\s*,\s*(?:and|or)\s+)$/u;
/** The gap of "Springfield, Ill.". */
const COMMA_GAP = /^,[ \t\u00a0]*$/u;
/** The type word right after a name ("Kani Township"), cut off before testing the gap to what follows. */
const TYPE_WORD_AFTER = /^[ \t\u00a0]+\p{L}+/u;
const DIGIT = /\p{N}/u;
const LEADING_THE = /^the\s+/iu;
const NAME_STARTS_WITH_THE = /^the\s/iu;
const PLURAL_S = /s$/u;
/** Diacritics left by NFKD, and what separates words, for comparing names as written. */
const MARKS = /\p{M}/gu;
const NOT_LETTERS = /[^\p{L}\p{N}]+/gu;
/** The word right after a name (its type word). */
const NEXT_WORD = /^\s*([\p{L}]+)/u;
const MAX_CUE_WORD_CHARS = 40;

/** Kinds of entry a lower-case natural-feature n-gram may name ("central Syrian desert"). */
const NATURAL_FEATURE_TYPES: ReadonlySet<FeatureType> = new Set([
  "desert",
  "river",
  "mountain",
  "region",
  "water",
  "island",
]);

function letterCount(w: string): number {
  return w.match(LETTERS)?.length ?? 0;
}

function scanWords(text: string, start: number, end: number, cues: GeoCues): Word[] {
  const words: Word[] = [];
  const limit = Math.min(end, start + MAX_SCAN_CHARS_PER_SENTENCE);
  const slice = text.slice(start, limit);
  for (const m of slice.matchAll(WORD)) {
    let w = m[0];
    const s = start + (m.index ?? 0);
    if (POSSESSIVE.test(w)) w = w.slice(0, -2);
    // "U.S." and "D.C." keep their final dot, as written.
    if (DOTTED_ACRONYM.test(w) && text[s + w.length] === ".") w = `${w}.`;
    if (w.length === 0) continue;
    const cap = UPPER_START.test(w) || ARTICLE_THEN_UPPER.test(w) || UNCASED_START.test(w);
    const prev = words[words.length - 1];
    let sentenceStart = prev === undefined;
    if (prev) {
      const gap = text.slice(prev.end, s);
      const prevIsAbbreviation =
        cues.nameTitles.has(prev.text) ||
        cues.abbreviations.has(prev.text) ||
        letterCount(prev.text) === 1 ||
        prev.text.endsWith(".");
      sentenceStart = SENTENCE_GAP.test(gap) && !(prevIsAbbreviation && ABBREVIATION_GAP.test(gap));
    }
    words.push({
      start: s,
      end: s + w.length,
      text: w,
      lower: w.toLowerCase(),
      cap,
      allCaps: cap && !HAS_LOWER.test(w) && letterCount(w) >= 2,
      sentenceStart,
      shouted: false,
    });
  }
  const lettered = words.filter((w) => letterCount(w.text) >= 2);
  const shouted =
    lettered.length >= SHOUTED_LINE_MIN_WORDS &&
    lettered.filter((w) => w.allCaps).length >= SHOUTED_LINE_MIN_SHARE * lettered.length;
  if (shouted) for (const w of words) w.shouted = true;
  return words;
}

export interface RecognizeOptions {
  /** Also return demonyms that locate (the geo stage does; the benchmark's gold has no demonyms). */
  demonyms?: boolean;
}

type Verdict = "keep" | "weak" | "person" | "drop";

interface Judged {
  mention: ToponymMention;
  verdict: Verdict;
  /** A country, admin1 or big city: never silenced by a same-named person elsewhere. */
  major: boolean;
}

/** Find place mentions in the given sentence spans of `text`. */
export function recognizePlaces(
  text: string,
  sentences: readonly Mention[],
  gazetteer: Gazetteer,
  options: RecognizeOptions = {},
): ToponymMention[] {
  const cues = loadGeoCues();
  const common = loadCommonWords();
  const judged: Judged[] = [];
  const demonyms: ToponymMention[] = [];
  // Raw mentions are bounded too: every kept mention is one of them.
  const budget = MAX_MENTIONS * 2;
  sentences.forEach((sentence, sentenceIndex) => {
    if (judged.length >= budget) return;
    const words = scanWords(text, sentence.start, sentence.end, cues);
    const inSentence: Judged[] = [];
    let i = 0;
    while (i < words.length && judged.length + inSentence.length < budget) {
      const found = matchAt(text, words, i, gazetteer, cues);
      if (found) {
        const mention = contextualise(text, words, i, found, cues, sentenceIndex);
        const isDemonym = gazetteer.demonym(mention.text.replace(LEADING_THE, "")) !== null;
        if (!isDemonym) inSentence.push(judgeMention(text, words, i, found.length, mention, cues, common));
        i += found.length;
        continue;
      }
      if (options.demonyms && demonyms.length < MAX_MENTIONS) {
        demonyms.push(...matchDemonyms(words, i, gazetteer, cues, sentenceIndex));
      }
      i++;
    }
    linkSentence(text, inSentence, cues);
    judged.push(...inSentence);
  });
  const places = decideDocument(judged);
  const out = demonyms.length === 0 ? places : [...places, ...demonyms].sort((a, b) => a.start - b.start);
  return out.slice(0, MAX_MENTIONS);
}

interface Match {
  /** Words covered. */
  length: number;
  entries: readonly GazetteerEntry[];
  /** End offset when the name stops inside the last word ("Chicago" in "Chicago-based"). */
  end?: number;
}

/** The longest run of words from `i` that names a place. */
function matchAt(
  text: string,
  words: readonly Word[],
  i: number,
  gazetteer: Gazetteer,
  cues: GeoCues,
): Match | null {
  const first = words[i] as Word;
  if (DIGIT.test(first.text[0] as string)) return null;
  // A lower-case direction word may open a natural feature ("central Syrian desert"); nothing else may.
  const featureOpener = !first.cap && cues.directions.has(first.lower);
  if (!first.cap && !featureOpener) return null;
  let maxLen = 1;
  while (maxLen < MAX_NAME_WORDS && i + maxLen < words.length) {
    const prev = words[i + maxLen - 1] as Word;
    const next = words[i + maxLen] as Word;
    const gap = text.slice(prev.end, next.start);
    const joined = PLAIN_GAP.test(gap) || (cues.abbreviations.has(prev.text) && ABBREVIATION_GAP.test(gap));
    if (!joined || cues.calendar.has(next.lower)) break;
    maxLen++;
  }
  // Names ending in a capitalised word first; a lower-case feature noun ("Syrian desert") only failing those.
  for (const featureRun of [false, true]) {
    if (featureOpener && !featureRun) continue;
    for (let len = maxLen; len >= 1; len--) {
      const last = words[i + len - 1] as Word;
      if (featureRun ? !(len > 1 && cues.featureNouns.has(last.lower)) : !last.cap) continue;
      if (len === 1 && cues.calendar.has(first.lower)) continue;
      let entries = gazetteer.lookup(text.slice(first.start, last.end));
      if (featureRun) entries = entries.filter((e) => NATURAL_FEATURE_TYPES.has(e.featureType));
      // "the Netherlands" is written without "the" in the gold of every news corpus; "The Hague" keeps it.
      if (first.lower === "the" && !entries.some((e) => NAME_STARTS_WITH_THE.test(e.name))) entries = [];
      if (entries.length > 0) {
        const kept = entries.slice(0, MAX_CANDIDATES);
        if (len === 1 && isAbbreviationOf(text, first, kept))
          return { length: 1, entries: kept, end: first.end + 1 };
        // "Thames River", "Denver Airport": the feature is named after the place and lies at or near it.
        const next = words[i + len];
        if (
          !featureRun &&
          next?.cap &&
          cues.featureAfter.has(next.text) &&
          PLAIN_GAP.test(text.slice(last.end, next.start))
        ) {
          return { length: len + 1, entries: kept };
        }
        return { length: len, entries: kept };
      }
    }
  }
  const hyphenated = HYPHEN_LOWER_TAIL.exec(first.text);
  if (hyphenated?.[1]) {
    const entries = gazetteer.lookup(hyphenated[1]);
    if (entries.length > 0)
      return {
        length: 1,
        entries: entries.slice(0, MAX_CANDIDATES),
        end: first.start + hyphenated[1].length,
      };
  }
  return null;
}

/** "Ill." for Illinois, "Calif." for California: a short word with a dot that abbreviates the name of
 * the admin1 region or country it found; the dot is part of the name as written. */
function isAbbreviationOf(text: string, word: Word, entries: readonly GazetteerEntry[]): boolean {
  const top = entries[0];
  if (!top || !isMajorType(top) || text[word.end] !== "." || word.allCaps) return false;
  const name = top.name.toLowerCase();
  return (
    word.text.length < name.length &&
    name.startsWith(word.lower.slice(0, 1)) &&
    !name.startsWith(`${word.lower} `)
  );
}

/** The word before `i`, skipping "the" and a direction word ("in the northern …"). */
function governingWord(words: readonly Word[], i: number, cues: GeoCues): Word | undefined {
  let k = i - 1;
  if (k >= 0 && cues.directions.has((words[k] as Word).lower)) k--;
  if (k >= 0 && (words[k] as Word).lower === "the") k--;
  return words[k];
}

function contextualise(
  text: string,
  words: readonly Word[],
  i: number,
  found: Match,
  cues: GeoCues,
  sentence: number,
): ToponymMention {
  const first = words[i] as Word;
  const last = words[i + found.length - 1] as Word;
  const end = found.end ?? last.end;
  const before = words[i - 1];
  const before2 = words[i - 2];
  const after = found.end === undefined ? words[i + found.length] : undefined;
  let typeCue: FeatureType | null = null;
  if (after) typeCue = cues.typeAfter.get(after.lower) ?? null;
  // "the town of al-Qaim", "the province of Hama"
  if (!typeCue && before && before2 && before.lower === "of") {
    typeCue = cues.typeBefore.get(before2.lower) ?? null;
  }
  const directional = before !== undefined && cues.directions.has(before.lower);
  const governor = governingWord(words, i, cues);
  const locative = governor !== undefined && cues.locatives.has(governor.lower);
  return {
    start: first.start,
    end,
    text: text.slice(first.start, end),
    candidates: found.entries,
    typeCue,
    directional,
    demonym: false,
    sentence,
    locative,
  };
}

const isMajorType = (e: GazetteerEntry) => e.featureType === "country" || e.featureType === "admin1";

/** Judge one mention on its own words (see the module comment, step 4). */
function judgeMention(
  text: string,
  words: readonly Word[],
  i: number,
  len: number,
  mention: ToponymMention,
  cues: GeoCues,
  common: ReadonlySet<string>,
): Judged {
  // Only words joined to the name by plain spaces count as part of a longer name ("Deir Ezzor, al-Mayadin" is a list).
  const rawBefore = words[i - 1];
  const rawAfter = words[i + len];
  const gapBefore = rawBefore ? text.slice(rawBefore.end, mention.start) : "";
  const before =
    rawBefore &&
    (PLAIN_GAP.test(gapBefore) || (cues.nameTitles.has(rawBefore.text) && ABBREVIATION_GAP.test(gapBefore)))
      ? rawBefore
      : undefined;
  const after = rawAfter && PLAIN_GAP.test(text.slice(mention.end, rawAfter.start)) ? rawAfter : undefined;
  const first = words[i] as Word;
  const single = len === 1;
  const shouted = first.shouted;
  const verdict = (v: Verdict): Judged => ({ mention, verdict: v, major: isMajor(mention) });

  if (single && letterCount(mention.text) <= 1) return verdict("drop");
  // Acronyms name countries ("US", "UAE") — and states after a town's comma ("Paducah, KY") — or nothing.
  // In a headline in capitals, "ROME" and "GAZA" are names, not acronyms.
  const writtenOut = first.shouted && mention.candidates.some((e) => writtenAsNamed(first.text, e));
  if (single && first.allCaps && letterCount(first.text) <= ACRONYM_MAX_LETTERS && !writtenOut) {
    const afterComma = rawBefore !== undefined && COMMA_GAP.test(text.slice(rawBefore.end, mention.start));
    // Two-letter state codes are also words ("IN", "OR", "ME"): only after a town's comma. "NSW" anywhere.
    const admin1Ok = afterComma || letterCount(first.text) >= ADMIN1_ACRONYM_MIN_LETTERS;
    const kept = mention.candidates.filter(
      (e) => e.featureType === "country" || (admin1Ok && e.featureType === "admin1"),
    );
    if (kept.length === 0) return verdict("drop");
    mention.candidates = kept;
  }
  const top = mention.candidates[0] as GazetteerEntry;
  const majorArea = isMajorType(top);
  const located = mention.locative === true || mention.typeCue !== null;

  if (!shouted) {
    // "President Jackson", "Gen. Washington"
    if (before && cues.nameTitles.has(before.text)) return verdict(single ? "person" : "drop");
    // "Washington Street", "Jordan Inc"
    if (after && cues.orgAfter.has(after.text)) return verdict("drop");
    // "George Washington", "Fire Chief Mark Jackson": a capitalised word before that is not a cue word.
    if (before?.cap && top.featureType !== "country" && !located && isNameWord(before, cues)) {
      return verdict(single ? "person" : "drop");
    }
    // "Jordan Peterson", "Chicago Tribune": a capitalised word after that neither types the place ("Hama
    // Province"), nor embeds it in a local institution ("Chicago Police"), nor is a title ("Texas Gov.").
    if (
      after?.cap &&
      letterCount(after.text) > 1 &&
      !cues.typeAfter.has(after.lower) &&
      !cues.embedAfter.has(after.text) &&
      !cues.nameTitles.has(after.text) &&
      !cues.calendar.has(after.lower) &&
      // "Israel Defense Forces", "U.S. Army": a country or admin1 written by its own name stays a place.
      (first.sentenceStart || !(majorArea && (first.allCaps || writtenAsNamed(mention.text, top))))
    ) {
      return verdict("drop");
    }
  }
  // "May", "Reading": a common word is a place when capitalised mid-sentence and big, or introduced by "in".
  if (single && common.has(mention.text.toLowerCase()) && top.featureType !== "country") {
    const bigEnough = majorArea || top.population >= COMMON_WORD_MIN_POPULATION || mention.locative === true;
    if (first.sentenceStart || shouted || !bigEnough) return verdict("drop");
  }
  // "Clinton said": a lone small name before a speech verb is a person.
  if (
    single &&
    after &&
    cues.speechVerbs.has(after.lower) &&
    !majorArea &&
    top.featureCode !== "PPLC" &&
    !located
  ) {
    return verdict("person");
  }
  const englishLooking = !ARTICLE_THEN_UPPER.test(first.text) && !ARTICLE_PREFIX.test(first.text);
  if (single && englishLooking && !majorArea && top.population < WEAK_MAX_POPULATION && !located)
    return verdict("weak");
  return verdict("keep");
}

const loose = (name: string) =>
  name.toLowerCase().normalize("NFKD").replace(MARKS, "").replace(NOT_LETTERS, " ").trim();

/** Written as the entry's own name, not as one of its alternate names. */
function writtenAsNamed(written: string, e: GazetteerEntry): boolean {
  const w = loose(written);
  return loose(e.name) === w || loose(e.asciiName) === w;
}

/** A capitalised word that can be a person's first name or title: not a sentence-opening function word,
 * locative, direction or date. */
function isNameWord(word: Word, cues: GeoCues): boolean {
  const lower = word.lower;
  if (cues.functionWords.has(lower) || cues.locatives.has(lower) || cues.directions.has(lower)) return false;
  if (cues.calendar.has(lower) || cues.typeBefore.has(lower)) return false;
  if (word.allCaps) return false;
  return true;
}

function isMajor(m: ToponymMention): boolean {
  const top = m.candidates[0];
  if (!top) return false;
  return isMajorType(top) || top.featureCode === "PPLC" || top.population >= COMMON_WORD_MIN_POPULATION;
}

/** Within one sentence: lists share a locative and a plural type word ("in Quneitra and Daraa provinces");
 * "Town, State" puts the town inside the state. */
function linkSentence(text: string, judged: Judged[], cues: GeoCues): void {
  const live = judged.filter((j) => j.verdict !== "drop");
  for (let k = 1; k < live.length; k++) {
    const a = (live[k - 1] as Judged).mention;
    const b = (live[k] as Judged).mention;
    if (LIST_GAP.test(text.slice(a.end, b.start)) && a.locative) b.locative = true;
  }
  for (let k = live.length - 2; k >= 0; k--) {
    const a = (live[k] as Judged).mention;
    const b = (live[k + 1] as Judged).mention;
    if (!a.typeCue && b.typeCue && LIST_GAP.test(text.slice(a.end, b.start))) {
      const cueWord = NEXT_WORD.exec(text.slice(b.end, b.end + MAX_CUE_WORD_CHARS))?.[1] ?? "";
      if (PLURAL_S.test(cueWord)) a.typeCue = b.typeCue;
    }
  }
  for (let k = 0; k + 1 < live.length; k++) {
    const a = live[k] as Judged;
    const b = live[k + 1] as Judged;
    // "Kani Township, Sagaing Region": the type word after the town is not part of the gap.
    const gap = text.slice(a.mention.end, b.mention.start);
    if (!COMMA_GAP.test(a.mention.typeCue ? gap.replace(TYPE_WORD_AFTER, "") : gap)) continue;
    const containers = b.mention.candidates.filter(isMajorType);
    const inside = a.mention.candidates.filter(
      (c) => !isMajorType(c) && containers.some((r) => contains(r, c)),
    );
    if (containers.length === 0) continue;
    if (inside.length === 0) {
      // "Kani Township, Sagaing Region" / "Kani, Myanmar" with no Kani there in the gazetteer: the writer
      // has said where it is, so a namesake elsewhere (Kani, Japan) is wrong. The town stays unresolved and
      // the container carries the location. Only for a town-like name and a container that is explicit
      // (a type word, or a country): "Kharkiv, Odesa, Sumy" is a list, not a town in Odesa Oblast.
      const lastWord = b.mention.text.split(/\s+/).pop()?.toLowerCase() ?? "";
      const explicit =
        b.mention.typeCue !== null ||
        cues.typeAfter.get(lastWord) === "admin1" ||
        b.mention.candidates.every((c) => c.featureType === "country");
      if (explicit && !a.mention.candidates.some(isMajorType)) {
        a.mention.candidates = [];
        if (b.verdict !== "keep") b.verdict = "keep";
      }
      continue;
    }
    a.mention.within = containers.filter((r) => inside.some((c) => contains(r, c)));
    b.mention.candidates = a.mention.within;
    if (a.verdict !== "keep") a.verdict = "keep";
    if (b.verdict !== "keep") b.verdict = "keep";
  }
}

/** Whether region `r` (a country or admin1) contains entry `e`. */
function contains(r: GazetteerEntry, e: GazetteerEntry): boolean {
  if (r.countryCode === null || r.countryCode !== e.countryCode) return false;
  if (r.featureType === "country") return true;
  return r.admin1Code !== null && r.admin1Code === e.admin1Code;
}

/** One sense per discourse (see the module comment, step 6). */
function decideDocument(judged: readonly Judged[]): ToponymMention[] {
  const key = (m: ToponymMention) => m.text.toLowerCase();
  const located = (m: ToponymMention) => m.locative === true || m.typeCue !== null || m.within !== undefined;
  // A weak name located by its list or comma after judging ("from Chatham and Rochester") is a place.
  const isPlace = (j: Judged) => j.verdict === "keep" || (j.verdict === "weak" && located(j.mention));
  const persons = new Set<string>();
  const placesHere = new Set<string>();
  for (const j of judged) {
    if (j.verdict === "person") persons.add(key(j.mention));
    if (isPlace(j)) placesHere.add(key(j.mention));
  }
  const out: ToponymMention[] = [];
  for (const j of judged) {
    const m = j.mention;
    if (j.verdict === "drop" || j.verdict === "person") continue;
    if (persons.has(key(m)) && !j.major && !located(m)) continue;
    if (j.verdict === "weak" && !placesHere.has(key(m))) continue;
    out.push(m);
  }
  return out;
}

/** "Iraqi" in "the Iraqi side of the border", both parts of "Iraqi-Syrian border". */
function matchDemonyms(
  words: readonly Word[],
  i: number,
  gazetteer: Gazetteer,
  cues: GeoCues,
  sentence: number,
): ToponymMention[] {
  const word = words[i] as Word;
  if (!word.cap) return [];
  const next = words[i + 1];
  if (!next || !cues.demonymNouns.has(next.lower)) return [];
  const parts = word.text.split("-");
  const out: ToponymMention[] = [];
  let offset = word.start;
  for (const part of parts) {
    const code = gazetteer.demonym(part);
    const country = code ? gazetteer.country(code) : undefined;
    if (country) {
      out.push({
        start: offset,
        end: offset + part.length,
        text: part,
        candidates: [country],
        typeCue: "country",
        directional: false,
        demonym: true,
        sentence,
      });
    }
    offset += part.length + 1;
  }
  return out.length === parts.length ? out : [];
}

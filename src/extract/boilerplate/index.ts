/**
 * Boilerplate classification shared by the HTML and text extractors: given a block of text that is not
 * article body (or might not be), say what kind of boilerplate it is and why.
 *
 * The patterns are data (`data/extract/boilerplate.<lang>.tsv`, loaded by ./lexicon.ts). They are compiled
 * once, on first use, into one alternation per match type, so classifying a block costs at most four
 * regex executions plus a few map look-ups for HTML hints, whatever the number of rules.
 */
import type { BoilerplateKind } from "../../core/article.js";
import { type BoilerplateRule, loadBoilerplateRules, type MatchType, patternFlags } from "./lexicon.js";

export type { BoilerplateRule } from "./lexicon.js";

export interface BoilerplateHints {
  /** Lower-cased tag name of the element that held the block (HTML only). */
  tag?: string;
  /** Lower-cased class and id tokens of the element and its ancestors (HTML only). */
  tokens?: readonly string[];
}

export interface BoilerplateVerdict {
  kind: BoilerplateKind;
  reason: string;
  /** True when a block like this ends the article if it follows body text ("Comments", "Related articles"). */
  endsArticle?: boolean;
}

/**
 * `line` rules (whole-block matches: buttons, labels, counts) are only tried on blocks up to this length.
 * Tuned against test/cases/text-extract: the longest true line-rule hit there is a contact line (~70 chars);
 * 240 leaves room for long breadcrumbs without letting body paragraphs (median ~190 chars) reach the
 * whole-line breadcrumb/commenter rules too often.
 */
export const BOILERPLATE_LINE_MAX_CHARS = 240;
/**
 * `any` rules (a phrase anywhere) are only tried on blocks up to this length: long enough for a fair-use
 * notice or cookie banner (~700 chars in the seed), short enough that long body paragraphs which merely
 * quote such a phrase are not thrown away. Tuned against the seed and test/cases/text-extract.
 */
export const BOILERPLATE_ANY_MAX_CHARS = 1000;
/** `end` rules look only at this many trailing characters (a photo credit is short). */
export const BOILERPLATE_END_SCAN_CHARS = 200;

const WHITESPACE_RUN = /\s+/g;
const ASCII_MAX = 0x7f;
/** Emoji, pictographs and bullet glyphs that lead a line ("📌 Subscribe…", "• Share"): ignored for matching.
 *  © ® ™ are pictographs too, but they carry meaning (copyright rules match on them). */
const LEADING_SYMBOLS =
  /^(?:(?:(?![©®™])\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\u{20E3}|[•▪►▶➤→])\s*)+/u;
const TOKEN_PART_SEPARATOR = /[-_\s]+/;

/** One text match type compiled as (at most) two alternations: plain-mode and unicode-mode patterns. */
type RulePair = readonly [RegExp | null, RegExp | null];

interface CompiledRules {
  rules: BoilerplateRule[];
  /** Per text match type; named group `r<index>` marks which rule matched. */
  line: RulePair;
  start: RulePair;
  end: RulePair;
  any: RulePair;
  tags: Map<string, BoilerplateRule>;
  tokens: Map<string, BoilerplateRule>;
}

let compiled: CompiledRules | null = null;

function alternation(
  rules: readonly BoilerplateRule[],
  match: MatchType,
  wrap: (body: string) => string,
): RulePair {
  const build = (flags: string) => {
    const parts = rules
      .filter((r) => r.match === match && patternFlags(r.pattern) === flags)
      .map((r) => `(?<r${r.index}>${r.pattern})`);
    return parts.length === 0 ? null : new RegExp(wrap(parts.join("|")), flags);
  };
  return [build("i"), build("iu")];
}

function firstByIndex(map: Map<string, BoilerplateRule>, rule: BoilerplateRule, key: string): void {
  const key2 = key.toLowerCase();
  const old = map.get(key2);
  if (!old || rule.index < old.index) map.set(key2, rule);
}

/** Compile a rule list (the loaded data files by default). Exposed for tests and the bench. */
export function compileBoilerplateRules(rules: BoilerplateRule[] = loadBoilerplateRules()): CompiledRules {
  const tags = new Map<string, BoilerplateRule>();
  const tokens = new Map<string, BoilerplateRule>();
  for (const r of rules) {
    if (r.match === "tag") firstByIndex(tags, r, r.pattern);
    if (r.match === "token") firstByIndex(tokens, r, r.pattern);
  }
  return {
    rules,
    line: alternation(rules, "line", (b) => `^(?:${b})$`),
    start: alternation(rules, "start", (b) => `^(?:${b})`),
    end: alternation(rules, "end", (b) => `(?:${b})$`),
    // every `any` pattern starts at a word boundary: testing it once per position skips mid-word positions
    any: alternation(rules, "any", (b) => `\\b(?:${b})`),
    tags,
    tokens,
  };
}

function getCompiled(): CompiledRules {
  compiled ??= compileBoilerplateRules();
  return compiled;
}

/** The rules in use (loaded and validated on first call). */
export function boilerplateRules(): readonly BoilerplateRule[] {
  return getCompiled().rules;
}

function matchedRule(
  pair: RulePair,
  text: string,
  rules: readonly BoilerplateRule[],
): BoilerplateRule | null {
  return better(matchedIn(pair[0], text, rules), matchedIn(pair[1], text, rules));
}

function matchedIn(
  re: RegExp | null,
  text: string,
  rules: readonly BoilerplateRule[],
): BoilerplateRule | null {
  if (!re) return null;
  const m = re.exec(text);
  if (!m?.groups) return null;
  let best: BoilerplateRule | null = null;
  for (const name in m.groups) {
    if (m.groups[name] === undefined) continue;
    const rule = rules[Number(name.slice(1))];
    if (rule && (!best || rule.index < best.index)) best = rule;
  }
  return best;
}

function better(a: BoilerplateRule | null, b: BoilerplateRule | null): BoilerplateRule | null {
  if (!a) return b;
  if (!b) return a;
  return b.index < a.index ? b : a;
}

/** Classify a block as boilerplate, or return null when nothing marks it as such. */
export function classifyBoilerplate(text: string, hints: BoilerplateHints = {}): BoilerplateVerdict | null {
  const c = getCompiled();
  let t = text.replace(WHITESPACE_RUN, " ").trim();
  if (t.charCodeAt(0) > ASCII_MAX) t = t.replace(LEADING_SYMBOLS, "");
  let best: BoilerplateRule | null = null;
  if (t.length > 0) {
    if (t.length <= BOILERPLATE_LINE_MAX_CHARS) best = better(best, matchedRule(c.line, t, c.rules));
    best = better(best, matchedRule(c.start, t, c.rules));
    const tail = t.length > BOILERPLATE_END_SCAN_CHARS ? t.slice(-BOILERPLATE_END_SCAN_CHARS) : t;
    best = better(best, matchedRule(c.end, tail, c.rules));
    if (t.length <= BOILERPLATE_ANY_MAX_CHARS) best = better(best, matchedRule(c.any, t, c.rules));
  }
  if (hints.tag) best = better(best, c.tags.get(hints.tag) ?? null);
  if (hints.tokens) {
    for (const token of hints.tokens) {
      best = better(best, c.tokens.get(token) ?? null);
      if (TOKEN_PART_SEPARATOR.test(token)) {
        for (const part of token.split(TOKEN_PART_SEPARATOR)) best = better(best, c.tokens.get(part) ?? null);
      }
    }
  }
  if (!best) return null;
  const verdict: BoilerplateVerdict = { kind: best.kind, reason: best.reason };
  if (best.endsArticle) verdict.endsArticle = true;
  return verdict;
}

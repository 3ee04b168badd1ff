/**
 * Claiming units before scoring: which units are media/URL lines, tag lines, boilerplate (pattern hits),
 * bylines, date lines, link-only lines or the title. Claimed units never become body.
 */
import { classifyBoilerplate } from "../boilerplate/index.js";
import type { Unit } from "./blocks.js";
import {
  KIND_LABEL_MAX_WORDS,
  NAME_LINE_MIN_WORDS,
  PROSE_MIN_WORDS,
  TITLE_PREFERRED_WORDS,
} from "./constants.js";
import type { Scored } from "./core.js";
import {
  type Dateline,
  isAllCaps,
  isLinkOnly,
  isMastheadLike,
  isMenuLine,
  isSectionLabel,
  isTitleLike,
  kindLabelOf,
  matchesTitle,
  parseByline,
  parseDateline,
  parseNames,
  parseTagLine,
  parseUrlLine,
  splitSiteSuffix,
  splitTitlePrefix,
  type UrlLine,
} from "./header.js";
import { STATEMENT_END, TERMINAL_PUNCTUATION } from "./patterns.js";

/** A unit with what claimed it and what the claim read from it. */
export interface Claimed extends Scored {
  authors?: string[];
  dateline?: Dateline;
  tags?: string[];
  urls?: UrlLine[];
}

/** What the claim readers need to know about the whole page. */
export interface ClaimContext {
  /** The page's language writes numeric dates day first (dd/mm/yyyy). */
  dayFirst: boolean;
}

const DEFAULT_CONTEXT: ClaimContext = { dayFirst: false };

export function claim(unit: Unit, ctx: ClaimContext = DEFAULT_CONTEXT): Claimed {
  const base = { unit, verdict: null, weight: 0 };
  const urls = parseUrlLine(unit);
  if (urls) return { ...base, role: urls.every((u) => u.media) ? "media" : "url", urls };
  const tags = parseTagLine(unit);
  const verdict = unit.text.length > 0 ? classifyBoilerplate(unit.text) : null;
  if (tags) return { ...base, role: "tags", tags, verdict };
  if (unit.words <= KIND_LABEL_MAX_WORDS && kindLabelOf(unit.text, true)) {
    return { ...base, role: "boilerplate", verdict: { kind: "metadata", reason: "article-kind label" } };
  }
  const overridable = verdict === null || verdict.kind === "navigation";
  if (overridable) {
    const byline = parseByline(unit, ctx.dayFirst);
    if (byline) {
      const dateline = byline.published
        ? { published: byline.published, publisher: null, authors: byline.authors }
        : undefined;
      return { ...base, role: "byline", authors: byline.authors, dateline };
    }
    const dateline = parseDateline(unit, ctx.dayFirst);
    if (dateline) return { ...base, role: "dateline", dateline };
  }
  if (verdict) return { ...base, role: "boilerplate", verdict };
  if (isLinkOnly(unit)) return { ...base, role: "linkline" };
  return { ...base, role: null };
}

/** The first unit from `from` on that opens the prose: unclaimed, long enough, ending like a statement. */
export function firstProseIndex(claimed: readonly Claimed[], from = 0): number {
  for (let i = from; i < claimed.length; i++) {
    const c = claimed[i] as Claimed;
    if (c.role === null && c.unit.words >= PROSE_MIN_WORDS && STATEMENT_END.test(c.unit.text)) return i;
  }
  return claimed.length;
}

export function pickTitle(claimed: readonly Claimed[], hint: string | undefined): number {
  if (hint) {
    const i = claimed.findIndex(
      (c) => (c.role === null || c.role === "boilerplate") && matchesTitle(c.unit, hint),
    );
    if (i >= 0) return i;
  }
  const end = firstProseIndex(claimed);
  const candidates: number[] = [];
  for (let i = 0; i < end; i++) {
    const c = claimed[i] as Claimed;
    // "Title | Site" looks like a breadcrumb to the patterns: it is a title when a site suffix splits off
    // (a menu "Site | World | Business | Sport" splits too, but what precedes its last part is still a menu)
    const site = c.verdict?.kind === "navigation" ? splitSiteSuffix(c.unit.text) : null;
    const suffixed = site !== null && !isMenuLine(c.unit.text);
    if ((c.role === null || suffixed) && isTitleLike(c.unit)) candidates.push(i);
  }
  // mastheads and taglines in capitals are candidates only when nothing else is
  const strong = candidates.filter(
    (i) =>
      !isAllCaps((claimed[i] as Claimed).unit.text) && !isMastheadLike((claimed[i] as Claimed).unit.text),
  );
  return chooseTitle(claimed, strong) ?? chooseTitle(claimed, candidates) ?? -1;
}

function chooseTitle(claimed: readonly Claimed[], candidates: readonly number[]): number | undefined {
  const by = (test: (c: Claimed) => boolean) => candidates.find((i) => test(claimed[i] as Claimed));
  return (
    by((c) => c.unit.heading) ??
    by((c) => splitTitlePrefix(c.unit.text).kind !== null) ??
    by((c) => c.unit.words >= TITLE_PREFERRED_WORDS) ??
    // a shorter one only when a byline or date line follows it (otherwise it is likely a site name)
    candidates.find((i) => claimed[i + 1]?.role === "byline" || claimed[i + 1]?.role === "dateline")
  );
}

/** Header lines after the title that are only names ("Rana Haddad") are a byline without "By". */
export function markNameLines(claimed: Claimed[], titleIndex: number): void {
  if (titleIndex < 0) return;
  // skip a standfirst right after the title: bylines often follow it
  const end = firstProseIndex(claimed, titleIndex + 2);
  for (let i = titleIndex + 1; i < end; i++) {
    const c = claimed[i] as Claimed;
    if (c.role !== null || isAllCaps(c.unit.text) || TERMINAL_PUNCTUATION.test(c.unit.text)) continue;
    // a bare one-word line after the title is a section label ("World") more often than an author
    if (c.unit.words < NAME_LINE_MIN_WORDS || isSectionLabel(c.unit.text)) continue;
    const names = parseNames(c.unit.text);
    if (names) {
      c.role = "byline";
      c.authors = names;
    }
  }
}

/** A unit next to a labelled tag line (a stray link-only tag line). */
export function adjacentTags(claimed: readonly Claimed[], i: number): boolean {
  return claimed[i - 1]?.role === "tags" || claimed[i + 1]?.role === "tags";
}

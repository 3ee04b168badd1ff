/**
 * Text extraction: plain or lightly marked-up scraped article text → body paragraphs, metadata, and every
 * removed line with its kind.
 *
 * Workflow:
 *   1. Split into units (blocks.ts): lines, markup reduced with an offset map, hard-wrapped lines joined.
 *   2. Claim units (claim.ts): media/URL lines, tag lines, boilerplate patterns (../boilerplate), bylines,
 *      date lines, link-only lines — each read by a small parser in header.ts.
 *   3. Pick the title (container hint, else the best title-like unit before the first prose unit) and
 *      name-only byline lines after it.
 *   4. Weigh units and select the contiguous core (core.ts); cut at end markers.
 *   5. Cascade: scored core → relaxed (any unclaimed sentence-like unit) → none ("extract/no-article").
 *   6. Body = unclaimed core units (+ a standfirst right after the title, − a closing author bio), broken
 *      paragraphs joined; every other unit becomes boilerplate with a kind and a reason.
 *   7. Metadata from the claimed units (meta.ts).
 * Never throws on input; `path` names the cascade step that produced the body.
 */
import type { Boilerplate, BoilerplateKind } from "../../core/article.js";
import type { Diagnostic } from "../../core/diagnostics.js";
import type { Block, Extraction } from "../../core/doc.js";
import type { BoilerplateVerdict } from "../boilerplate/index.js";
import { splitUnits } from "./blocks.js";
import { adjacentTags, type Claimed, claim, markNameLines, pickTitle } from "./claim.js";
import {
  MIN_ARTICLE_WORDS,
  NAV_LABEL_MAX_WORDS,
  RELAXED_MIN_WORDS,
  SHORT_ARTICLE_WORDS,
} from "./constants.js";
import { type Core, findEndCut, selectCore, weightOf } from "./core.js";
import { isAllCaps, isDayFirstText } from "./header.js";
import { collectMeta, type MetaOptions } from "./meta.js";
import { AUTHOR_BIO_VERB, CLAUSE_END, LOWER_START, TERMINAL_PUNCTUATION } from "./patterns.js";
import {
  dropPullQuotes,
  keepListRuns,
  keepStandfirst,
  kindOfPage,
  markImageCaptions,
  weighFigures,
  weighLiveblog,
  widenCore,
} from "./refine.js";

/** Options of `extractText`: the page URL and what a container (JSON Lines) already says; hints win. */
export interface TextExtractOptions extends MetaOptions {}

export const TEXT_PATHS = {
  core: "text/scored-core",
  relaxed: "text/relaxed",
  none: "text/none",
} as const;

const STAGE = "extract";

interface BodyChoice {
  inBody: boolean[];
  path: string;
  core: Core | null;
}

function chooseBody(
  claimed: readonly Claimed[],
  cut: number,
  titleIndex: number,
  liveblog: boolean,
): BodyChoice {
  const inBody = claimed.map(() => false);
  const scored = selectCore(claimed, cut);
  const core = scored ? { ...scored, ...widenCore(claimed, scored, titleIndex, cut, liveblog) } : null;
  if (core) {
    let last = core.last;
    // A sentence broken across blocks: pull in a short lower-case continuation the scores left out.
    while (last + 1 < cut) {
      const next = claimed[last + 1] as Claimed;
      const prev = claimed[last] as Claimed;
      if (next.role !== null || CLAUSE_END.test(prev.unit.text) || !LOWER_START.test(next.unit.text)) break;
      last++;
    }
    let words = 0;
    for (let i = core.first; i <= last; i++) {
      const c = claimed[i] as Claimed;
      if (c.role === null) {
        inBody[i] = true;
        words += c.unit.words;
      }
    }
    if (words >= MIN_ARTICLE_WORDS) return { inBody, path: TEXT_PATHS.core, core: { ...core, last } };
    inBody.fill(false);
  }
  let found = false;
  for (let i = 0; i < cut; i++) {
    const c = claimed[i] as Claimed;
    if (c.role === null && c.unit.words >= RELAXED_MIN_WORDS && TERMINAL_PUNCTUATION.test(c.unit.text)) {
      inBody[i] = true;
      found = true;
    }
  }
  return { inBody, path: found ? TEXT_PATHS.relaxed : TEXT_PATHS.none, core: null };
}

/** The last body unit is an author bio when it opens with a byline name and a verb ("X is a journalist…"). */
function dropAuthorBio(claimed: Claimed[], inBody: boolean[]): void {
  const last = inBody.lastIndexOf(true);
  if (last < 0) return;
  const c = claimed[last] as Claimed;
  const authors = claimed.flatMap((x) => (x.role === "byline" ? (x.authors ?? []) : []));
  const name = authors.find(
    (a) => c.unit.text.startsWith(a) && AUTHOR_BIO_VERB.test(c.unit.text.slice(a.length)),
  );
  if (!name) return;
  inBody[last] = false;
  c.role = "boilerplate";
  c.verdict = { kind: "byline", reason: "author bio (opens with the byline's name)" };
}

function joinBlocks(a: Block, b: Block): Block {
  const offset = a.text.length + 1;
  return {
    text: `${a.text} ${b.text}`,
    segments: [
      ...a.segments,
      ...b.segments.map((s) => ({ ...s, start: s.start + offset, end: s.end + offset })),
    ],
  };
}

function bodyParagraphs(claimed: readonly Claimed[], inBody: readonly boolean[]): Block[] {
  const out: Block[] = [];
  claimed.forEach((c, i) => {
    if (!inBody[i] || c.unit.text.length === 0) return;
    const block: Block = { text: c.unit.text, segments: c.unit.segments.map((s) => ({ ...s })) };
    const prev = out[out.length - 1];
    if (prev && !CLAUSE_END.test(prev.text) && LOWER_START.test(block.text))
      out[out.length - 1] = joinBlocks(prev, block);
    else out.push(block);
  });
  return out;
}

interface Removal {
  kind: BoilerplateKind;
  reason: string;
}

function roleRemoval(c: Claimed): Removal | null {
  switch (c.role) {
    case "title":
      return { kind: "title", reason: "article title" };
    case "byline":
      return { kind: "byline", reason: "byline" };
    case "dateline":
      return { kind: "metadata", reason: c.dateline?.publisher ? "publisher and date line" : "date line" };
    case "tags":
      return { kind: "tags", reason: "tag line" };
    case "media":
      return { kind: "media", reason: "media URL line" };
    case "url":
      return { kind: "other", reason: "bare link line" };
    default:
      return null;
  }
}

/** Kind and reason for a unit that is not body, given where it sits. */
function removalFor(
  claimed: readonly Claimed[],
  i: number,
  zone: "header" | "inside" | "tail",
  inherited: BoilerplateVerdict | null,
): Removal {
  const c = claimed[i] as Claimed;
  if (c.verdict && c.role === "boilerplate") return { kind: c.verdict.kind, reason: c.verdict.reason };
  if (inherited && zone === "tail")
    return { kind: inherited.kind, reason: `inside the "${inherited.reason}" section` };
  const byRole = roleRemoval(c);
  if (byRole) return byRole;
  if (c.role === "linkline") {
    if (zone === "header") {
      return adjacentTags(claimed, i)
        ? { kind: "tags", reason: "link-only line among tag lines" }
        : { kind: "navigation", reason: "link-only line before the body" };
    }
    return {
      kind: "related",
      reason: zone === "inside" ? "link-only line inside the body" : "link-only line after the body",
    };
  }
  if (zone === "header") {
    if (isAllCaps(c.unit.text))
      return { kind: "other", reason: "all-capitals banner or masthead before the body" };
    if (c.unit.words <= NAV_LABEL_MAX_WORDS)
      return { kind: "navigation", reason: "short label before the body (menu or section)" };
    return { kind: "other", reason: "header text before the body" };
  }
  if (zone === "inside") return { kind: "other", reason: "not body-like (relaxed path)" };
  return { kind: "other", reason: "text after the article body" };
}

/** Every unit that is not body, with its kind, reason and input range. */
function listBoilerplate(
  claimed: readonly Claimed[],
  inBody: readonly boolean[],
  bodyStart: number,
  bodyEnd: number,
  cut: number,
): Boilerplate[] {
  const atCut = claimed[cut]?.verdict;
  // units after a "Comments" / "Related articles" marker belong to that section unless a pattern says otherwise
  const inheritable = atCut && (atCut.kind === "comments" || atCut.kind === "related") ? atCut : null;
  const out: Boilerplate[] = [];
  claimed.forEach((c, i) => {
    if (inBody[i]) return;
    const zone = i < bodyStart ? "header" : i <= bodyEnd ? "inside" : "tail";
    const removal = removalFor(claimed, i, zone, i > cut ? inheritable : null);
    out.push({
      kind: removal.kind,
      text: c.unit.text,
      reason: removal.reason,
      source: { start: c.unit.start, end: c.unit.end },
    });
  });
  return out;
}

function diagnose(paragraphs: readonly Block[], path: string, words: number): Diagnostic[] {
  const info = (code: Diagnostic["code"], message: string): Diagnostic => ({
    code,
    severity: "info",
    stage: STAGE,
    message,
  });
  if (paragraphs.length === 0) {
    return [
      {
        code: "extract/no-article",
        severity: "error",
        stage: STAGE,
        message: "no article body found in the text",
      },
    ];
  }
  const out: Diagnostic[] = [];
  if (path === TEXT_PATHS.relaxed) {
    out.push(info("extract/fallback", "no scored core; kept every sentence-like line (relaxed path)"));
  }
  if (words < SHORT_ARTICLE_WORDS)
    out.push(info("extract/short-article", `article body has only ${words} words`));
  return out;
}

/** Extract the article body, metadata and removed boilerplate from scraped text. Never throws on input. */
export function extractText(text: string, options: TextExtractOptions = {}): Extraction {
  // 1–2. units and claims (the page's language decides how an ambiguous dd/mm date reads)
  const ctx = { dayFirst: isDayFirstText(text) };
  const claimed = splitUnits(text).map((u) => claim(u, ctx));
  markImageCaptions(claimed);
  // 3. title, name-only bylines
  const titleIndex = pickTitle(claimed, options.hints?.title);
  if (titleIndex >= 0) (claimed[titleIndex] as Claimed).role = "title";
  markNameLines(claimed, titleIndex);
  // 4. weights (live-blog separators neutral), end cut
  for (const c of claimed) c.weight = weightOf(c.unit, c.role);
  weighFigures(claimed);
  const liveblog = weighLiveblog(claimed, titleIndex);
  const cut = findEndCut(claimed);
  // 5. cascade
  const { inBody, path, core } = chooseBody(claimed, cut, titleIndex, liveblog);
  if (core) {
    keepStandfirst(claimed, inBody, titleIndex, core.first);
    keepListRuns(claimed, inBody, titleIndex, core, cut);
  }
  dropPullQuotes(claimed, inBody);
  dropAuthorBio(claimed, inBody);
  const bodyIndexes = inBody.flatMap((b, i) => (b ? [i] : []));
  const bodyStart = core?.first ?? bodyIndexes[0] ?? claimed.length;
  const bodyEnd = core?.last ?? bodyIndexes[bodyIndexes.length - 1] ?? claimed.length;
  // 6. body and boilerplate
  const paragraphs = bodyParagraphs(claimed, inBody);
  const boilerplate = listBoilerplate(claimed, inBody, bodyStart, bodyEnd, cut);
  // 7. metadata
  const meta = collectMeta(claimed, inBody, titleIndex, bodyStart, options);
  if (meta.kind === "article")
    meta.kind = (liveblog ? "live" : null) ?? kindOfPage(claimed, inBody, bodyStart) ?? "article";
  const words = bodyIndexes.reduce((n, i) => n + (claimed[i] as Claimed).unit.words, 0);
  return { meta, paragraphs, boilerplate, diagnostics: diagnose(paragraphs, path, words), path };
}

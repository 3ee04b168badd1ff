/**
 * The near-duplicate test set for `npm run bench:dedup`, built at run time (never stored) from the extraction
 * benchmark's ground-truth bodies, with a fixed seed.
 *
 * Each body is a family: the body itself ("original") and its variants, all near-duplicates of each other:
 * - "republication": another site's header and footer boilerplate around the body (crossposts, CC reprints);
 * - "wire": a wire-copy rewrite: dateline, the lead paragraph reworded and reordered, a credit line;
 * - "trimmed": the last paragraphs (or sentences, for one-paragraph bodies) cut, 20–50 % of the text;
 * - "light-edit": 5 % of words replaced, one sentence inserted, a few typos fixed (letters swapped);
 * - "quoted": the body with one paragraph of another body of the same split spliced in.
 * Hard negatives (pairs across families): a "quoted" variant against the family it quotes from (one shared
 * paragraph), republications of different bodies on the same site (shared boilerplate), and different bodies
 * from the same host. The boilerplate and inserted sentences below are invented for this benchmark.
 */
import type { PublicationFacts } from "../../src/cluster/near-duplicates.js";

export const VARIANT_KINDS = [
  "original",
  "republication",
  "wire",
  "trimmed",
  "light-edit",
  "quoted",
] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];

export interface DedupDoc {
  id: string;
  /** Index of the ground-truth body this text derives from. */
  family: number;
  kind: VariantKind;
  text: string;
  /** Host of the site that publishes this text. */
  host: string;
  /** The family whose paragraph a "quoted" variant carries. */
  quotes?: number;
  /** The republication site template a "republication" variant uses. */
  site?: number;
  facts: PublicationFacts;
}

export interface SourceBody {
  url: string;
  text: string;
}

/** Share of words replaced in a light edit, and of words given a typo there. */
const EDIT_WORD_SHARE = 0.05;
const TYPO_WORD_SHARE = 0.01;
/** A trimmed copy keeps this share of paragraphs (or sentences). */
const TRIM_KEEP_MIN = 0.5;
const TRIM_KEEP_MAX = 0.8;
/** A wire rewrite drops this share of the lead's words and swaps this many word pairs. */
const WIRE_DROP_SHARE = 0.2;
const WIRE_SWAPS = 3;
/** Share of republications that state their original, and of those dated (wrongly) before it. */
const REPUBLICATION_STATES_ORIGINAL = 0.8;
const REPUBLICATION_DATED_EARLIER = 0.15;

/** Invented sites that republish other outlets' articles; each wraps them in its own boilerplate. */
const REPUBLISHERS = [
  {
    host: "newsmirror.example",
    name: "News Mirror",
    header: "This article was originally published by {publisher}. It is republished here with permission.",
    footer:
      "Support independent journalism. News Mirror is funded by readers like you. Sign up for our free daily newsletter and get the stories that matter delivered to your inbox every morning. Copyright belongs to the original publisher. All rights reserved.",
  },
  {
    host: "commons-wire.example",
    name: "Commons Wire",
    header: "Republished from {publisher} under a Creative Commons licence.",
    footer:
      "Commons Wire reprints reporting from partner newsrooms under Creative Commons licences. Views expressed are those of the original authors. Read more stories like this one on our home page and follow us for updates.",
  },
  {
    host: "dailydigest.example",
    name: "Daily Digest",
    header: "Daily Digest | World | Share this story",
    footer:
      "First published at {publisher}. Related: more news from around the world. Comments are closed for this story. Daily Digest is not responsible for the content of external sites.",
  },
  {
    host: "regionalpost.example",
    name: "The Regional Post",
    header: "Syndicated content. The following report comes from our partner {publisher}.",
    footer:
      "Have a news tip? Contact our newsroom by email. To republish this article, please contact the original publisher. The Regional Post is an independent nonprofit news site.",
  },
] as const;

const WIRE_DATELINES = ["LONDON (Wire) —", "NEW YORK (Wire) —", "BRUSSELS (Wire) —", "NAIROBI (Wire) —"];
const WIRE_CREDITS = [
  "(Reporting by staff; editing by the desk.)",
  "(Additional reporting by correspondents; writing by the newsroom.)",
];
const INSERTED_SENTENCES = [
  "Officials did not immediately respond to a request for comment.",
  "The report could not be independently verified.",
  "This story has been updated with additional details.",
  "Further details were expected later in the day.",
];

/** mulberry32: the set's only source of randomness. */
function makeRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)] as T;
}

function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

const SENTENCE_END = /(?<=[.!?。！？])\s+/u;

function sentencesOf(paragraph: string): string[] {
  return paragraph.split(SENTENCE_END).filter((s) => s !== "");
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "unknown";
  }
}

function publisherOf(host: string): string {
  const labels = host.split(".");
  return labels.length >= 2 ? (labels[labels.length - 2] as string) : host;
}

function addDays(iso: string, days: number, hours = 0): string {
  return new Date(Date.parse(iso) + days * 86_400_000 + hours * 3_600_000).toISOString();
}

function republication(body: string, publisher: string, random: Random): { text: string; site: number } {
  const site = Math.floor(random() * REPUBLISHERS.length);
  const template = REPUBLISHERS[site] as (typeof REPUBLISHERS)[number];
  const fill = (s: string) => s.replaceAll("{publisher}", publisher);
  return { text: `${fill(template.header)}\n\n${body}\n\n${fill(template.footer)}`, site };
}

function wireCopy(body: string, random: Random): string {
  const paragraphs = paragraphsOf(body);
  const lead = paragraphs[0] ?? "";
  const sentences = sentencesOf(lead);
  // Reorder the lead's sentences (the last first), drop some words and swap a few neighbours.
  if (sentences.length > 1) sentences.unshift(sentences.pop() as string);
  const words = sentences
    .join(" ")
    .split(/\s+/)
    .filter(() => random() >= WIRE_DROP_SHARE);
  for (let n = 0; n < WIRE_SWAPS && words.length > 2; n++) {
    const i = Math.floor(random() * (words.length - 1));
    [words[i], words[i + 1]] = [words[i + 1] as string, words[i] as string];
  }
  const rewritten = `${pick(WIRE_DATELINES, random)} ${words.join(" ")}`;
  return [rewritten, ...paragraphs.slice(1), pick(WIRE_CREDITS, random)].join("\n\n");
}

function trimmed(body: string, random: Random): string {
  const keep = TRIM_KEEP_MIN + random() * (TRIM_KEEP_MAX - TRIM_KEEP_MIN);
  const paragraphs = paragraphsOf(body);
  if (paragraphs.length >= 3) {
    const count = Math.min(paragraphs.length - 1, Math.max(1, Math.round(paragraphs.length * keep)));
    return paragraphs.slice(0, count).join("\n\n");
  }
  const sentences = paragraphs.flatMap(sentencesOf);
  if (sentences.length >= 2) {
    const count = Math.min(sentences.length - 1, Math.max(1, Math.round(sentences.length * keep)));
    return sentences.slice(0, count).join(" ");
  }
  const words = body.split(/\s+/);
  return words.slice(0, Math.max(1, Math.round(words.length * keep))).join(" ");
}

function lightEdit(body: string, random: Random): string {
  const paragraphs = paragraphsOf(body).map((p) => p.split(/ +/));
  const vocabulary = paragraphs.flat();
  for (const words of paragraphs) {
    for (let i = 0; i < words.length; i++) {
      const roll = random();
      if (roll < EDIT_WORD_SHARE) words[i] = pick(vocabulary, random);
      else if (roll < EDIT_WORD_SHARE + TYPO_WORD_SHARE) words[i] = swapLetters(words[i] as string, random);
    }
  }
  const texts = paragraphs.map((words) => words.join(" "));
  const at = Math.floor(random() * texts.length);
  texts[at] = `${texts[at]} ${pick(INSERTED_SENTENCES, random)}`;
  return texts.join("\n\n");
}

function swapLetters(word: string, random: Random): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(random() * (word.length - 3));
  return word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
}

function quoted(body: string, other: string, random: Random): string {
  const paragraphs = paragraphsOf(body);
  const donor = paragraphsOf(other);
  // The donor's longest paragraph: the hardest negative (most shared text).
  const shared = donor.reduce((best, p) => (p.length > best.length ? p : best), "");
  const at = 1 + Math.floor(random() * Math.max(1, paragraphs.length - 1));
  paragraphs.splice(Math.min(at, paragraphs.length), 0, shared);
  return paragraphs.join("\n\n");
}

/** Every family of the bodies whose index is in `indexes` (a split); quoted paragraphs come from the same split. */
export function buildDedupSet(
  bodies: readonly SourceBody[],
  indexes: readonly number[],
  seed: number,
): DedupDoc[] {
  const docs: DedupDoc[] = [];
  for (const family of indexes) {
    const random = makeRandom(seed ^ Math.imul(family + 1, 0x9e3779b1));
    const source = bodies[family] as SourceBody;
    const host = hostOf(source.url);
    const publisher = publisherOf(host);
    const published = new Date(
      Date.UTC(2019, Math.floor(random() * 10), 1 + Math.floor(random() * 28), 8),
    ).toISOString();
    const base: PublicationFacts = { url: source.url, publisher, published, original: null };
    const id = (kind: VariantKind) => `${family}:${kind}`;
    docs.push({ id: id("original"), family, kind: "original", text: source.text, host, facts: base });

    const republished = republication(source.text, publisher, random);
    const template = REPUBLISHERS[republished.site] as (typeof REPUBLISHERS)[number];
    const states = random() < REPUBLICATION_STATES_ORIGINAL;
    const earlier = states && random() < REPUBLICATION_DATED_EARLIER;
    docs.push({
      id: id("republication"),
      family,
      kind: "republication",
      text: republished.text,
      host: template.host,
      site: republished.site,
      facts: {
        url: `https://${template.host}/${family}`,
        publisher: template.name,
        published: addDays(published, earlier ? -1 : 1 + Math.floor(random() * 3)),
        original: states ? { url: random() < 0.5 ? source.url : null, publisher } : null,
      },
    });

    const wireHost = "wire.example";
    docs.push({
      id: id("wire"),
      family,
      kind: "wire",
      text: wireCopy(source.text, random),
      host: wireHost,
      facts: { url: `https://${wireHost}/${family}`, publisher: "Wire", published: addDays(published, 0, 5) },
    });
    docs.push({
      id: id("trimmed"),
      family,
      kind: "trimmed",
      text: trimmed(source.text, random),
      host: "aggregator.example",
      facts: {
        url: `https://aggregator.example/${family}`,
        publisher: "Aggregator",
        published: addDays(published, 1 + Math.floor(random() * 4)),
      },
    });
    docs.push({
      id: id("light-edit"),
      family,
      kind: "light-edit",
      text: lightEdit(source.text, random),
      host,
      // The publisher's own updated version, a few hours later.
      facts: { ...base, url: `${source.url}?updated=1`, published: addDays(published, 0, 3) },
    });

    const others = indexes.filter((i) => i !== family);
    const donor = others.length > 0 ? pick(others, random) : undefined;
    if (donor !== undefined) {
      docs.push({
        id: id("quoted"),
        family,
        kind: "quoted",
        text: quoted(source.text, (bodies[donor] as SourceBody).text, random),
        host: "commentary.example",
        quotes: donor,
        facts: {
          url: `https://commentary.example/${family}`,
          publisher: "Commentary",
          published: addDays(published, 2),
        },
      });
    }
  }
  return docs;
}

/** Why two documents of different families might look alike (the hard-negative kinds), or "other". */
export type NegativeKind = "shared-paragraph" | "shared-boilerplate" | "same-site" | "other";

export function negativeKind(
  x: DedupDoc,
  y: DedupDoc,
  hostOfFamily: (family: number) => string,
): NegativeKind {
  if (x.quotes === y.family || y.quotes === x.family || (x.quotes !== undefined && x.quotes === y.quotes)) {
    return "shared-paragraph";
  }
  if (x.site !== undefined && x.site === y.site) return "shared-boilerplate";
  if (hostOfFamily(x.family) === hostOfFamily(y.family)) return "same-site";
  return "other";
}

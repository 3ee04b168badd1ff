/**
 * Republication notices in the page text: "This article was originally published on The Conversation",
 * "Republished from X under a Creative Commons license", "First published at X on 3 May 2021".
 */
import type { Element } from "domhandler";
import {
  MAX_NOTICE_CHARS,
  NOTICE_SOURCE_END,
  ORIGINAL_ARTICLE_LINK,
  REPUBLICATION_PATTERNS,
} from "./constants.js";
import { locateDate, parseDate } from "./dates.js";
import { anchorsIn, boundedText, getAttr, hostOf, resolveUrl, squish, textOf } from "./dom.js";

export interface NoticeFacts {
  publisher?: string;
  url?: string;
  published?: string;
}

/** A notice phrase must open its block or follow "this article/story …" (not be a passing mention in prose). */
const NOTICE_SUBJECT =
  /\b(?:this|the|our) (?:article|story|post|piece|column|essay|report|op-ed|interview|commentary|blog)\b[^.]{0,60}$/i;
/** A notice without "this article …" before it must open its block (after a dash or an asterisk at most). */
const MAX_NOTICE_LEAD = 3;
const MAX_PUBLISHER_CHARS = 80;
const MAX_PUBLISHER_WORDS = 10;
/** The date is at the start of the source ("published on December 3, 2020"). */
const MAX_DATE_LEAD = 4;
const DOMAIN_LIKE = /^(?:https?:\/\/)?(?:[\w-]+\.)+[a-z]{2,}(?:\/\S*)?$/i;
const EDGE_PUNCTUATION = /^[\s"“'‘,:.]+|[\s"”'’,:.]+$/g;
const LEADING_THE_WEBSITE = /^(?:the )?(?:website|site|blog|magazine|newspaper) /i;

/** Read the first notice among the collected blocks; `pageUrl` lets links back to the page itself be ignored. */
export function readRepublicationNotices(
  blocks: readonly Element[],
  pageUrl?: string,
): NoticeFacts | undefined {
  for (const block of blocks) {
    const facts = readNotice(block, pageUrl);
    if (facts) return facts;
  }
  return undefined;
}

function readNotice(block: Element, pageUrl?: string): NoticeFacts | undefined {
  const text = boundedText(block, MAX_NOTICE_CHARS);
  if (text === undefined) return undefined;
  for (const pattern of REPUBLICATION_PATTERNS) {
    const match = pattern.exec(text);
    const source = match?.groups?.source;
    if (!match || !source || !isNoticePosition(text, match.index)) continue;
    const facts = readSource(source);
    const url = findOriginalUrl(block, facts.publisher, pageUrl);
    if (url) facts.url = url;
    if (facts.publisher || facts.url || facts.published) return facts;
  }
  return undefined;
}

function isNoticePosition(text: string, index: number): boolean {
  return index <= MAX_NOTICE_LEAD || NOTICE_SUBJECT.test(text.slice(0, index));
}

/** Split "The Conversation on December 3, 2020. Read the original…" into publisher and date. */
function readSource(source: string): NoticeFacts {
  const dateAt = locateDate(source);
  if (dateAt >= 0 && dateAt <= MAX_DATE_LEAD) return { published: parseDate(source) };
  const end = NOTICE_SOURCE_END.exec(source);
  const name = squish(end ? source.slice(0, end.index) : source)
    .replace(LEADING_THE_WEBSITE, "")
    .replace(EDGE_PUNCTUATION, "");
  const rest = end ? source.slice(end.index) : "";
  const facts: NoticeFacts = {};
  const published = rest ? parseDate(rest) : undefined;
  if (published) facts.published = published;
  if (DOMAIN_LIKE.test(name)) {
    facts.url = resolveUrl(name.includes("//") ? name : `https://${name}`);
    facts.publisher = hostOf(facts.url) ?? name;
  } else if (isPlausiblePublisher(name)) facts.publisher = name;
  return facts;
}

function isPlausiblePublisher(name: string): boolean {
  return (
    name.length > 1 && name.length <= MAX_PUBLISHER_CHARS && name.split(" ").length <= MAX_PUBLISHER_WORDS
  );
}

/** "Read the original article" link, a link named like the publisher, else the first off-site link. */
function findOriginalUrl(
  block: Element,
  publisher: string | undefined,
  pageUrl?: string,
): string | undefined {
  const anchors = anchorsIn(block);
  const pageHost = hostOf(pageUrl);
  const offSite = anchors
    .map((a) => ({ text: textOf(a, MAX_PUBLISHER_CHARS), url: resolveUrl(getAttr(a, "href"), pageUrl) }))
    .filter((a): a is { text: string; url: string } => a.url !== undefined && hostOf(a.url) !== pageHost);
  const named = offSite.find((a) => ORIGINAL_ARTICLE_LINK.test(a.text));
  if (named) return named.url;
  const publisherKey = publisher?.toLowerCase();
  const byName = offSite.find((a) => publisherKey && a.text.toLowerCase() === publisherKey);
  return (byName ?? offSite[0])?.url;
}

/**
 * The list, incident and article views. Every string from the API goes in as text (see dom.ts); links are
 * kept only when they are absolute http(s) URLs.
 */
import { h, replace } from "./dom.js";
import { type Annotation, contextOf, type HighlightKind, safeHref, segmentText } from "./highlight.js";
import { colourOf } from "./map.js";
import type {
  AnalysisRecord,
  Attribution,
  EventRecord,
  Evidence,
  Incident,
  IncidentCount,
  IncidentSource,
} from "./types.js";

const KIND_LABELS: Readonly<Record<HighlightKind, string>> = {
  place: "Place",
  actor: "Actor",
  event: "Event",
  claim: "Claim",
  evidence: "Evidence",
};

// ── list ────────────────────────────────────────────────────────────────────────────────────────────────

export function incidentListItem(incident: Incident, onOpen: (incident: Incident) => void): HTMLElement {
  const place = incident.location?.name ?? "unplaced";
  const date = incident.date ? dateRange(incident.date.start, incident.date.end) : "undated";
  return h(
    "li",
    { class: "incident-item", dataset: { incident: incident.id } },
    h(
      "button",
      { class: "link", onclick: () => onOpen(incident) },
      h("span", { class: "swatch", attrs: { "data-type": incident.eventType } }),
      h("strong", {}, incident.subEventType),
      ` — ${place}`,
    ),
    h(
      "div",
      { class: "meta" },
      `${date} · ${incident.sources.length} source${incident.sources.length === 1 ? "" : "s"}`,
      countText(" · killed ", incident.fatalities),
      " · ",
      certaintyBadge(incident.certainty.best),
      incident.certainty.disputed ? h("span", { class: "badge disputed" }, "disputed") : null,
      incident.background ? h("span", { class: "badge background" }, "background") : null,
    ),
  );
}

// ── incident ────────────────────────────────────────────────────────────────────────────────────────────

export interface IncidentViewHooks {
  loadArticle(articleId: string): Promise<AnalysisRecord>;
  openArticle(articleId: string, focus: Evidence | null): void;
}

export function renderIncident(container: HTMLElement, incident: Incident, hooks: IncidentViewHooks): void {
  const loc = incident.location;
  const actors = incident.actors.map((a) => `${a.name} (${a.roles.join(", ") || "named"})`).join("; ");
  replace(
    container,
    h(
      "article",
      { class: "incident-view", dataset: { incident: incident.id } },
      h("h2", {}, incident.subEventType),
      h("p", { class: "meta" }, incident.eventType),
      h(
        "dl",
        { class: "facts" },
        h("dt", {}, "Where"),
        h(
          "dd",
          {},
          loc?.name ?? "unplaced",
          loc && loc.names.length > 1 ? ` (also: ${loc.names.join(", ")})` : "",
        ),
        h("dt", {}, "When"),
        h("dd", {}, incident.date ? dateRange(incident.date.start, incident.date.end) : "undated"),
        h("dt", {}, "Actors"),
        h("dd", {}, actors || "none named"),
        h("dt", {}, "Killed"),
        h("dd", {}, agreementText(incident.fatalities)),
        h("dt", {}, "Injured"),
        h("dd", {}, agreementText(incident.injuries)),
        h("dt", {}, "Certainty"),
        h(
          "dd",
          {},
          certaintyBadge(incident.certainty.best),
          incident.certainty.disputed ? h("span", { class: "badge disputed" }, "disputed") : null,
        ),
      ),
      h("h3", {}, `Sources (${incident.sources.length})`),
      h("ol", { class: "sources" }, ...incident.sources.map((source) => sourceItem(source, hooks))),
    ),
  );
}

function sourceItem(source: IncidentSource, hooks: IncidentViewHooks): HTMLElement {
  const href = safeHref(source.url);
  const evidenceBox = h("div", { class: "evidence-list" }, "Loading evidence…");
  const item = h(
    "li",
    { class: "source", dataset: { article: source.articleId } },
    h(
      "div",
      { class: "source-head" },
      href
        ? h("a", { href }, source.publisher ?? href)
        : h("strong", {}, source.publisher ?? "unknown outlet"),
      source.published ? ` · ${source.published.slice(0, 10)}` : "",
      " · ",
      certaintyBadge(source.certainty),
    ),
    h(
      "div",
      { class: "attribution" },
      attributionText({ source: source.source, cue: source.cue, certainty: source.certainty }),
      source.fatalities !== null ? ` · ${source.fatalities} killed` : "",
      source.injuries !== null ? ` · ${source.injuries} injured` : "",
    ),
    evidenceBox,
    h(
      "button",
      {
        class: "link open-article",
        onclick: () => hooks.openArticle(source.articleId, source.evidence[0] ?? null),
      },
      "Open article",
    ),
  );
  hooks.loadArticle(source.articleId).then(
    (record) => {
      replace(
        evidenceBox,
        ...source.evidence.map((ev) => {
          const context = contextOf(record.article.paragraphs, ev.start, record.article.text.length);
          const marks: Annotation[] = [
            { start: ev.start, end: ev.end, kind: "evidence", label: "Evidence", ref: source.eventId },
          ];
          return h("blockquote", { class: "evidence" }, ...highlighted(record.article.text, context, marks));
        }),
      );
    },
    (error: unknown) => {
      // The article may be gone or unreadable: fall back to the evidence text the incident carries.
      replace(
        evidenceBox,
        ...source.evidence.map((ev) =>
          h("blockquote", { class: "evidence" }, h("mark", { class: "hl hl-evidence" }, ev.text)),
        ),
        h("p", { class: "error" }, `Article not loaded: ${(error as Error).message}`),
      );
    },
  );
  return item;
}

// ── article ─────────────────────────────────────────────────────────────────────────────────────────────

/** Every highlight of an analysis record: places, actors, events' and claims' evidence. */
export function annotationsOf(record: AnalysisRecord): Annotation[] {
  const out: Annotation[] = [];
  for (const place of record.places) {
    const where = [place.resolvedName, place.admin1, place.countryCode].filter(Boolean).join(", ");
    for (const m of place.mentions)
      out.push({
        ...m,
        kind: "place",
        ref: place.id,
        label: `Place: ${where || `${place.name} (unresolved)`}`,
      });
  }
  for (const actor of record.actors) {
    for (const m of actor.mentions)
      out.push({ ...m, kind: "actor", ref: actor.id, label: `Actor: ${actor.canonical} (${actor.kind})` });
  }
  for (const event of record.events) {
    for (const ev of event.evidence)
      out.push({
        start: ev.start,
        end: ev.end,
        kind: "event",
        ref: event.id,
        label: `Event: ${event.subEventType} — ${event.attribution.certainty}`,
      });
  }
  for (const claim of record.claims) {
    out.push({
      start: claim.evidence.start,
      end: claim.evidence.end,
      kind: "claim",
      ref: claim.id,
      label: `Claim (${claim.kind}): ${attributionText(claim.attribution)}`,
    });
  }
  return out;
}

export interface ArticleViewOptions {
  /** Scroll to and flash this span. */
  focus?: { start: number; end: number } | null;
  /** Heading over the title ("Stored article 12", "Analysed, not stored"). */
  label: string;
  onEvent?: (event: EventRecord) => void;
}

export function renderArticle(
  container: HTMLElement,
  record: AnalysisRecord,
  options: ArticleViewOptions,
): void {
  const a = record.article;
  const annotations = annotationsOf(record);
  const focus = options.focus ?? null;
  if (focus) annotations.push({ ...focus, kind: "evidence", ref: "focus", label: "Selected evidence" });
  const href = safeHref(a.url);
  const originalHref = safeHref(a.original?.url ?? null);
  const actorName = new Map(record.actors.map((x) => [x.id, x.canonical]));
  const placeName = new Map(record.places.map((p) => [p.id, p.resolvedName ?? p.name]));
  const body = h(
    "div",
    { class: "article-text" },
    ...a.paragraphs.map((p) => h("p", {}, ...highlighted(a.text, p, annotations))),
  );
  replace(
    container,
    h(
      "article",
      { class: "article-view" },
      h("p", { class: "label" }, options.label),
      h("h2", {}, a.title ?? "(untitled)"),
      h(
        "p",
        { class: "meta" },
        href ? h("a", { href }, a.publisher ?? href) : (a.publisher ?? "unknown outlet"),
        a.published ? ` · ${a.published.slice(0, 10)}` : "",
        a.language ? ` · ${a.language}` : "",
        a.original
          ? h(
              "span",
              { class: "original" },
              " · republished from ",
              originalHref
                ? h("a", { href: originalHref }, a.original.publisher ?? originalHref)
                : (a.original.publisher ?? "an earlier publication"),
              a.original.published ? ` (${a.original.published.slice(0, 10)})` : "",
            )
          : null,
      ),
      legend(annotations),
      body,
      h("h3", {}, `Events (${record.events.length})`),
      h(
        "ol",
        { class: "event-list" },
        ...record.events.map((e) =>
          h(
            "li",
            { dataset: { event: e.id } },
            h(
              "button",
              {
                class: "link",
                onclick: () => {
                  scrollToRef(body, e.id);
                  options.onEvent?.(e);
                },
              },
              h("span", { class: "swatch", attrs: { "data-type": e.eventType } }),
              h("strong", {}, e.subEventType),
            ),
            ` — ${e.location ? (placeName.get(e.location.place) ?? "") : "unplaced"}`,
            e.date ? ` · ${dateRange(e.date.start, e.date.end)}` : "",
            e.actor1 ? ` · ${actorName.get(e.actor1) ?? e.actor1}` : "",
            e.actor2 ? ` vs ${actorName.get(e.actor2) ?? e.actor2}` : "",
            e.fatalities !== null ? ` · ${e.fatalities} killed` : "",
            e.injuries !== null ? ` · ${e.injuries} injured` : "",
            " · ",
            certaintyBadge(e.attribution.certainty),
            e.background ? h("span", { class: "badge background" }, "background") : null,
            h("div", { class: "attribution" }, attributionText(e.attribution)),
          ),
        ),
      ),
      h("h3", {}, `Claims (${record.claims.length})`),
      h(
        "ol",
        { class: "claim-list" },
        ...record.claims.map((c) =>
          h(
            "li",
            {},
            h("button", { class: "link", onclick: () => scrollToRef(body, c.id) }, c.kind),
            ": ",
            attributionText(c.attribution),
            " · ",
            certaintyBadge(c.attribution.certainty),
          ),
        ),
      ),
    ),
  );
  if (focus) scrollToRef(body, "focus");
}

/** The segments of [range) as text nodes, highlighted ones inside <mark>. */
function highlighted(
  text: string,
  range: { start: number; end: number },
  annotations: readonly Annotation[],
): Node[] {
  return segmentText(range.start, range.end, annotations).map((segment) => {
    const slice = text.slice(segment.start, segment.end);
    if (segment.annotations.length === 0) return document.createTextNode(slice);
    const kinds = [...new Set(segment.annotations.map((x) => x.kind))];
    return h(
      "mark",
      {
        class: ["hl", ...kinds.map((k) => `hl-${k}`)].join(" "),
        title: segment.annotations.map((x) => x.label).join("\n"),
        dataset: { refs: segment.annotations.map((x) => x.ref).join(" ") },
      },
      slice,
    );
  });
}

function legend(annotations: readonly Annotation[]): HTMLElement {
  const counts = new Map<HighlightKind, number>();
  for (const a of annotations) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  return h(
    "p",
    { class: "legend" },
    ...[...counts].map(([kind, n]) => h("mark", { class: `hl hl-${kind}` }, `${KIND_LABELS[kind]} ${n}`)),
  );
}

function scrollToRef(body: HTMLElement, ref: string): void {
  const marks = [...body.querySelectorAll<HTMLElement>("mark[data-refs]")].filter((m) =>
    (m.dataset.refs ?? "").split(" ").includes(ref),
  );
  const first = marks[0];
  if (!first) return;
  first.scrollIntoView({ block: "center" });
  for (const m of marks) {
    m.classList.remove("flash");
    void m.offsetWidth;
    m.classList.add("flash");
  }
}

// ── small pieces ────────────────────────────────────────────────────────────────────────────────────────

export function certaintyBadge(certainty: string): HTMLElement {
  return h("span", { class: `badge certainty certainty-${certainty}`, title: "certainty" }, certainty);
}

export function attributionText(a: Attribution): string {
  if (a.source === "the outlet") return a.cue ? `the outlet (${a.cue})` : "the outlet, in its own voice";
  return a.cue ? `${a.source} (${a.cue})` : a.source;
}

function agreementText(count: IncidentCount): string {
  if (count.min === null) return "no figure given";
  const range = count.min === count.max ? String(count.min) : `${count.min}–${count.max}`;
  const per = count.bySource.map((s) => `${s.publisher ?? `article ${s.articleId}`}: ${s.value}`).join("; ");
  const word =
    count.agreement === "conflict"
      ? "sources differ"
      : count.agreement === "agree"
        ? "sources agree"
        : "one source";
  return `${range} (${word}${per ? ` — ${per}` : ""})`;
}

function countText(prefix: string, count: IncidentCount): string {
  if (count.max === null) return "";
  return `${prefix}${count.min === count.max ? count.max : `${count.min}–${count.max}`}`;
}

function dateRange(start: string, end: string): string {
  return start === end ? start : `${start} – ${end}`;
}

/** The swatch colour is set from the map palette (CSSOM, allowed by the CSP). */
export function paintSwatches(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>(".swatch[data-type]")) {
    el.style.backgroundColor = colourOf(el.dataset.type ?? "");
  }
}

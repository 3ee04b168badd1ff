/**
 * The sitrep web app: filters → incidents (map, timeline, list) → incident view (every source with its
 * evidence highlighted, attribution and certainty) → article view (clean text with places, actors, events and
 * claims highlighted); and an "analyse a new article" box (paste text or HTML, or upload a file).
 * State is the filter set, mirrored in the URL's hash so a view can be shared or reloaded.
 */
import {
  ApiError,
  analyze,
  EMPTY_FILTERS,
  type Filters,
  filterQuery,
  getArticle,
  getHealth,
  getIncidents,
  looksLikeHtml,
  type Submission,
  save,
} from "./api.js";
import { listOrder } from "./dates.js";
import { byId, h, replace } from "./dom.js";
import { type AnalysedPoint, IncidentMap } from "./map.js";
import { drawTimeline } from "./timeline.js";
import type { AnalysisRecord, Evidence, Incident } from "./types.js";
import { incidentListItem, paintSwatches, renderArticle, renderIncident } from "./views.js";

/** Largest upload read into the box (the server's own limit is 5 MB by default). */
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const FILTER_KEYS = Object.keys(EMPTY_FILTERS) as (keyof Filters)[];

const articles = new Map<string, Promise<AnalysisRecord>>();
let filters: Filters = { ...EMPTY_FILTERS };
let map: IncidentMap;
let uploaded: { name: string } | null = null;

function loadArticle(id: string): Promise<AnalysisRecord> {
  let pending = articles.get(id);
  if (!pending) {
    pending = getArticle(id).then((a) => a.record);
    pending.catch(() => articles.delete(id));
    articles.set(id, pending);
  }
  return pending;
}

// ── filters ─────────────────────────────────────────────────────────────────────────────────────────────

function filtersFromHash(): Filters {
  const params = new URLSearchParams(location.hash.replace(/^#/, ""));
  const out: Filters = { ...EMPTY_FILTERS };
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value === null) continue;
    if (key === "occurred") out.occurred = value === "true";
    else out[key] = value;
  }
  return out;
}

function readForm(form: HTMLFormElement): Filters {
  const data = new FormData(form);
  const out: Filters = { ...EMPTY_FILTERS };
  for (const key of FILTER_KEYS) {
    if (key === "occurred") out.occurred = data.get("occurred") === "on";
    else out[key] = String(data.get(key) ?? "");
  }
  return out;
}

function writeForm(form: HTMLFormElement, value: Filters): void {
  for (const key of FILTER_KEYS) {
    const input = form.elements.namedItem(key) as HTMLInputElement | HTMLSelectElement | null;
    if (!input) continue;
    if (input instanceof HTMLInputElement && input.type === "checkbox") input.checked = Boolean(value[key]);
    else input.value = String(value[key]);
  }
}

function applyFilters(next: Filters): void {
  filters = next;
  writeForm(byId<HTMLFormElement>("filters"), filters);
  const query = filterQuery(filters);
  history.replaceState(null, "", query ? `#${query}` : location.pathname);
  void refresh();
}

// ── incidents ───────────────────────────────────────────────────────────────────────────────────────────

async function refresh(): Promise<void> {
  const status = byId("status");
  status.textContent = "Loading…";
  document.body.dataset.state = "loading";
  const query = filterQuery(filters);
  byId<HTMLAnchorElement>("export-csv").href = `/api/events.csv${query ? `?${query}` : ""}`;
  byId<HTMLAnchorElement>("export-geojson").href = `/api/events.geojson${query ? `?${query}` : ""}`;
  try {
    const reply = await getIncidents(filters);
    const drawn = map.showIncidents(reply.incidents, openIncident);
    drawTimeline(byId("timeline"), reply.incidents, (from, to) => applyFilters({ ...filters, from, to }));
    const list = byId("incident-list");
    replace(list, ...listOrder(reply.incidents).map((incident) => incidentListItem(incident, openIncident)));
    paintSwatches(list);
    status.textContent =
      `${reply.count} incident${reply.count === 1 ? "" : "s"} from ${reply.events} event${reply.events === 1 ? "" : "s"}` +
      (drawn < reply.count ? ` (${reply.count - drawn} without a place)` : "") +
      (reply.truncated ? " — more events match than one view clusters; narrow the filters" : "");
    if (reply.count === 0) {
      replace(
        list,
        h(
          "li",
          { class: "empty" },
          "No incidents match. Clear the filters, ingest reports (sitrep ingest FILES), or analyse an article below.",
        ),
      );
    } else map.fitIncidents();
    document.body.dataset.state = "ready";
  } catch (error) {
    status.textContent = `Could not load incidents: ${(error as Error).message}`;
    document.body.dataset.state = "error";
  }
}

function openIncident(incident: Incident): void {
  const detail = byId("detail");
  renderIncident(detail, incident, { loadArticle, openArticle });
  for (const li of document.querySelectorAll(".incident-item.selected")) li.classList.remove("selected");
  document
    .querySelector(`.incident-item[data-incident="${CSS.escape(incident.id)}"]`)
    ?.classList.add("selected");
  const point = incident.location;
  if (point?.lat != null && point.lon != null) map.focus(point.lat, point.lon);
  detail.scrollTop = 0;
}

function openArticle(articleId: string, focus: Evidence | null): void {
  const detail = byId("detail");
  replace(detail, h("p", {}, "Loading article…"));
  loadArticle(articleId).then(
    (record) => {
      renderArticle(detail, record, { label: `Stored article ${articleId}`, focus });
      paintSwatches(detail);
    },
    (error: unknown) =>
      replace(detail, h("p", { class: "error" }, `Could not load article: ${(error as Error).message}`)),
  );
}

// ── analyse a new article ───────────────────────────────────────────────────────────────────────────────

function submission(): Submission | null {
  const content = byId<HTMLTextAreaElement>("analyse-text").value;
  if (content.trim() === "") return null;
  const url = byId<HTMLInputElement>("analyse-url").value.trim();
  const sub: Submission = { content, html: looksLikeHtml(content, uploaded?.name ?? "") };
  if (url) sub.url = url;
  return sub;
}

function analysedPoints(record: AnalysisRecord): AnalysedPoint[] {
  const places = new Map(record.places.map((p) => [p.id, p]));
  return record.events.flatMap((event) => {
    const loc = event.location;
    if (!loc || loc.lat === null || loc.lon === null) return [];
    const place = places.get(loc.place);
    return [
      {
        lat: loc.lat,
        lon: loc.lon,
        eventType: event.eventType,
        label: `${event.subEventType} — ${place?.resolvedName ?? place?.name ?? ""}`,
        onSelect: () => showAnalysed(record, event.evidence[0] ?? null),
      },
    ];
  });
}

function showAnalysed(record: AnalysisRecord, focus: Evidence | null = null): void {
  const detail = byId("detail");
  renderArticle(detail, record, { label: "Analysed here, not stored", focus });
  paintSwatches(detail);
}

async function runAnalysis(store: boolean): Promise<void> {
  const status = byId("analyse-status");
  const sub = submission();
  if (!sub) {
    status.textContent = "Paste a report or choose a file first.";
    return;
  }
  const token = byId<HTMLInputElement>("token").value.trim();
  status.textContent = store ? "Analysing and saving…" : "Analysing…";
  document.body.dataset.analyse = "running";
  try {
    if (store) {
      const saved = await save(sub, token);
      status.textContent = `Saved as article ${saved.articleId} (${saved.status}).`;
      articles.delete(String(saved.articleId));
      await refresh();
      openArticle(String(saved.articleId), null);
    } else {
      const record = await analyze(sub, token);
      const points = analysedPoints(record);
      map.showAnalysed(points);
      showAnalysed(record);
      status.textContent = `${record.events.length} event${record.events.length === 1 ? "" : "s"} found, ${points.length} on the map (not stored).`;
    }
    document.body.dataset.analyse = "done";
  } catch (error) {
    const e = error as Error;
    status.textContent =
      e instanceof ApiError && e.status === 401
        ? "This server needs its access token: enter it in the token field."
        : `Failed: ${e.message}`;
    document.body.dataset.analyse = "error";
  }
}

async function readUpload(input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  const status = byId("analyse-status");
  if (!file) return;
  if (file.size > MAX_UPLOAD_BYTES) {
    status.textContent = `${file.name} is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`;
    return;
  }
  byId<HTMLTextAreaElement>("analyse-text").value = await file.text();
  uploaded = { name: file.name };
  status.textContent = `Loaded ${file.name} (${file.size} bytes). Analyse it, or analyse and save.`;
}

// ── start ───────────────────────────────────────────────────────────────────────────────────────────────

async function start(): Promise<void> {
  map = new IncidentMap(byId("map"));
  map.loadBasemap().catch((error: unknown) => {
    byId("status").textContent = `Basemap not loaded: ${(error as Error).message}`;
  });
  const form = byId<HTMLFormElement>("filters");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    applyFilters(readForm(form));
  });
  byId("clear-filters").addEventListener("click", () => applyFilters({ ...EMPTY_FILTERS }));
  byId("analyse-btn").addEventListener("click", () => void runAnalysis(false));
  byId("save-btn").addEventListener("click", () => void runAnalysis(true));
  byId<HTMLTextAreaElement>("analyse-text").addEventListener("input", () => {
    uploaded = null;
  });
  const file = byId<HTMLInputElement>("analyse-file");
  file.addEventListener("change", () => void readUpload(file));
  getHealth().then(
    (health) => {
      byId("counts").textContent =
        `${health.counts.articles} articles · ${health.counts.events} events stored`;
    },
    () => {
      byId("counts").textContent = "store unavailable";
    },
  );
  filters = filtersFromHash();
  writeForm(form, filters);
  await refresh();
}

void start();

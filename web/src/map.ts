/**
 * The incident map: Leaflet over an offline basemap of Natural Earth country shapes (world-atlas, shipped in
 * dist/web at build time; no tile server, nothing fetched from outside). Tooltips are DOM nodes built with
 * text, never HTML strings (Leaflet inserts string content as HTML).
 */
import L from "leaflet";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { h } from "./dom.js";
import type { Incident } from "./types.js";

/** The basemap file dist/web serves (Natural Earth 1:50m admin-0 countries as TopoJSON). */
export const BASEMAP_URL = "countries-50m.json";
const WORLD_VIEW: L.LatLngExpression = [20, 15];
const WORLD_ZOOM = 2;
const MAX_ZOOM = 12;
/** Zoom used when fitting to a single point. */
const POINT_ZOOM = 7;
const BASE_RADIUS = 6;
/** Extra marker radius per doubling of the fatality figure. */
const RADIUS_PER_DOUBLING = 2;
const MAX_RADIUS = 22;

/** Colour by ACLED event type (and sitrep's additions), from a colour-blind-safe palette. */
export const TYPE_COLOURS: Readonly<Record<string, string>> = {
  Battles: "#d55e00",
  "Explosions/Remote violence": "#cc79a7",
  "Violence against civilians": "#b2182b",
  Protests: "#0072b2",
  Riots: "#e69f00",
  "Strategic developments": "#009e73",
};
const OTHER_COLOUR = "#555555";
const ANALYSED_COLOUR = "#6a3d9a";

export function colourOf(eventType: string): string {
  return TYPE_COLOURS[eventType] ?? OTHER_COLOUR;
}

export function radiusOf(fatalities: number | null): number {
  if (!fatalities || fatalities <= 0) return BASE_RADIUS;
  return Math.min(MAX_RADIUS, BASE_RADIUS + RADIUS_PER_DOUBLING * Math.log2(1 + fatalities));
}

/** Where an incident is drawn: its most precise place, else the centroid of its places. */
export function pointOf(incident: Incident): [number, number] | null {
  const loc = incident.location;
  if (!loc) return null;
  if (loc.lat !== null && loc.lon !== null) return [loc.lat, loc.lon];
  if (loc.centroid) return [loc.centroid.lat, loc.centroid.lon];
  return null;
}

export interface AnalysedPoint {
  lat: number;
  lon: number;
  label: string;
  eventType: string;
  onSelect: () => void;
}

export class IncidentMap {
  readonly map: L.Map;
  private readonly incidents = L.featureGroup();
  private readonly analysed = L.featureGroup();

  constructor(element: HTMLElement) {
    this.map = L.map(element, {
      worldCopyJump: true,
      minZoom: 1,
      maxZoom: MAX_ZOOM,
      zoomSnap: 0.5,
    }).setView(WORLD_VIEW, WORLD_ZOOM);
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Basemap: Natural Earth (public domain)");
    this.incidents.addTo(this.map);
    this.analysed.addTo(this.map);
  }

  /** Load the country shapes; the map works (markers on a blank sea) if they fail to load. */
  async loadBasemap(): Promise<number> {
    const res = await fetch(BASEMAP_URL);
    if (!res.ok) throw new Error(`basemap: HTTP ${res.status}`);
    const topology = (await res.json()) as Topology<{ countries: GeometryCollection }>;
    const countries = feature(topology, topology.objects.countries);
    L.geoJSON(countries, {
      interactive: false,
      style: {
        className: "country",
        color: "#9aa5b1",
        weight: 0.6,
        fillColor: "#f4f1ea",
        fillOpacity: 1,
      },
    }).addTo(this.map);
    this.incidents.bringToFront();
    this.analysed.bringToFront();
    return countries.features.length;
  }

  showIncidents(incidents: readonly Incident[], onSelect: (incident: Incident) => void): number {
    this.incidents.clearLayers();
    let drawn = 0;
    for (const incident of incidents) {
      const point = pointOf(incident);
      if (!point) continue;
      const marker = L.circleMarker(point, {
        radius: radiusOf(incident.fatalities.max),
        color: "#222",
        weight: incident.certainty.disputed || incident.fatalities.agreement === "conflict" ? 2.5 : 1,
        dashArray: incident.certainty.best === "asserted" ? undefined : "3 2",
        fillColor: colourOf(incident.eventType),
        fillOpacity: incident.background ? 0.35 : 0.8,
        className: "incident-marker",
      });
      marker.bindTooltip(tooltip(incident));
      marker.on("click", () => onSelect(incident));
      marker.on("add", () => {
        const path = marker.getElement();
        if (path) path.setAttribute("data-incident", incident.id);
      });
      this.incidents.addLayer(marker);
      drawn++;
    }
    return drawn;
  }

  /** Events of an article analysed in the browser, drawn apart from the store's incidents. */
  showAnalysed(points: readonly AnalysedPoint[]): void {
    this.analysed.clearLayers();
    for (const p of points) {
      const marker = L.circleMarker([p.lat, p.lon], {
        radius: BASE_RADIUS + 2,
        color: ANALYSED_COLOUR,
        weight: 3,
        fillColor: colourOf(p.eventType),
        fillOpacity: 0.9,
        className: "analysed-marker",
      });
      marker.bindTooltip(h("div", {}, h("strong", {}, "Analysed: "), p.label));
      marker.on("click", p.onSelect);
      this.analysed.addLayer(marker);
    }
    if (points.length > 0) this.fit(this.analysed);
  }

  fitIncidents(): void {
    this.fit(this.incidents);
  }

  focus(lat: number, lon: number): void {
    this.map.setView([lat, lon], Math.max(this.map.getZoom(), POINT_ZOOM));
  }

  private fit(group: L.FeatureGroup): void {
    const bounds = group.getBounds();
    if (!bounds.isValid()) return;
    if (bounds.getNorthEast().equals(bounds.getSouthWest())) this.map.setView(bounds.getCenter(), POINT_ZOOM);
    else this.map.fitBounds(bounds.pad(0.3), { maxZoom: POINT_ZOOM });
  }
}

function tooltip(incident: Incident): HTMLElement {
  const place = incident.location?.name ?? "unplaced";
  const date = incident.date ? incident.date.start : "undated";
  const deaths = incident.fatalities.max;
  return h(
    "div",
    { class: "tip" },
    h("strong", {}, incident.subEventType),
    h("br"),
    `${place} · ${date}`,
    h("br"),
    `${incident.sources.length} source${incident.sources.length === 1 ? "" : "s"}`,
    deaths ? ` · up to ${deaths} killed` : "",
  );
}

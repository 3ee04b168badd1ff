/**
 * The timeline: a histogram of incidents by start date, drawn as SVG. Bins are days, or weeks / 30-day
 * spans when the record covers a long period; clicking a bin sets the date filter to it.
 */
import { type Bin, binIncidents } from "./dates.js";
import type { Incident } from "./types.js";

const SVG_NS = "http://www.w3.org/2000/svg";
/** The SVG's coordinate box (it is stretched to the element's size) and the axis band under the bars. */
const WIDTH = 800;
const HEIGHT = 90;
const AXIS = 16;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** Draw the bins into `container`; `onSelect` gets a bin's date range when it is clicked. */
export function drawTimeline(
  container: HTMLElement,
  incidents: readonly Incident[],
  onSelect: (from: string, to: string) => void,
): Bin[] {
  const bins = binIncidents(incidents);
  const root = svg("svg", {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    preserveAspectRatio: "none",
    role: "img",
    "aria-label": "Incidents over time (background history left out)",
  });
  if (bins.length === 0) {
    const text = svg("text", { x: WIDTH / 2, y: HEIGHT / 2, "text-anchor": "middle", class: "empty" });
    text.textContent = "No dated incidents (background history is left out)";
    root.appendChild(text);
    container.replaceChildren(root);
    return bins;
  }
  const max = Math.max(...bins.map((b) => b.count));
  const barWidth = WIDTH / bins.length;
  bins.forEach((bin, i) => {
    const height = bin.count === 0 ? 0 : Math.max(2, ((HEIGHT - AXIS) * bin.count) / max);
    const bar = svg("rect", {
      x: i * barWidth + 0.5,
      y: HEIGHT - AXIS - height,
      width: Math.max(1, barWidth - 1),
      height,
      class: "bar",
      "data-from": bin.from,
      "data-to": bin.to,
    });
    const title = svg("title", {});
    title.textContent = `${bin.from === bin.to ? bin.from : `${bin.from} – ${bin.to}`}: ${bin.count} incident${bin.count === 1 ? "" : "s"}`;
    bar.appendChild(title);
    // A full-height hit area makes short bars easy to click.
    const hit = svg("rect", { x: i * barWidth, y: 0, width: barWidth, height: HEIGHT - AXIS, class: "hit" });
    hit.appendChild(title.cloneNode(true));
    for (const el of [hit, bar]) el.addEventListener("click", () => onSelect(bin.from, bin.to));
    root.append(hit, bar);
  });
  const firstBin = bins[0] as Bin;
  const lastBin = bins[bins.length - 1] as Bin;
  const start = svg("text", { x: 2, y: HEIGHT - 3, class: "axis" });
  start.textContent = firstBin.from;
  const end = svg("text", { x: WIDTH - 2, y: HEIGHT - 3, "text-anchor": "end", class: "axis" });
  end.textContent = lastBin.to;
  root.append(start, end);
  container.replaceChildren(root);
  return bins;
}

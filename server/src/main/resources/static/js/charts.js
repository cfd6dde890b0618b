// The charts of the canned queries, drawn with Apache ECharts from the view their metadata declares (view: …):
// bar (counts or values per category), scatter (the Vienne innovation matrices), heatmap (territory × lever),
// graph (the network of actors). Each chart comes with the table of what it shows, and can be saved as PNG or SVG.
// Tooltips are plain text (no HTML with inline styles: the site's Content-Security-Policy forbids them).
import * as echarts from "/vendor/echarts/echarts.esm.min.js";
import { el, formatNumber, lang, saveFile, t } from "./page.js";

const COLORS = ["#1f4e79", "#c8553d", "#2a7f62", "#8a5a9e", "#b8860b"];

const label = (query, name) => query.columns.find(c => c.name === name)?.label[lang] ?? name;
const linkOf = (query, name) => query.columns.find(c => c.name === name)?.link;
const text = (row, name) => row[name]?.value ?? "";
/** Tooltips are written as HTML by ECharts: the data's texts are escaped first. */
const html = s => echarts.format.encodeHTML(String(s));

/** The distinct values of a column, keyed by the IRI it links to when it has one (two homonyms stay two). */
function categories(query, rows, name) {
  const link = linkOf(query, name);
  const seen = new Map();
  for (const row of rows) {
    const key = link ? text(row, link) || text(row, name) : text(row, name);
    if (!seen.has(key)) seen.set(key, { key, label: text(row, name), href: link ? text(row, link) : null });
  }
  return seen;
}
const keyOf = (query, row, name) => {
  const link = linkOf(query, name);
  return link ? text(row, link) || text(row, name) : text(row, name);
};

/** Counts per category (bar with count) or one series per value column (bar with values). */
function barModel(query, rows) {
  const view = query.view;
  // the first x column with more than one value (e.g. territories; places once a territory is chosen)
  const x = view.x.find(c => categories(query, rows, c).size > 1) ?? view.x[view.x.length - 1];
  const cats = [...categories(query, rows, x).values()];
  let series;
  if (view.count) {
    const counts = new Map(cats.map(c => [c.key, new Set()]));
    for (const row of rows) counts.get(keyOf(query, row, x)).add(text(row, view.count));
    series = [{ name: t("chart.count", label(query, view.count)), data: cats.map(c => counts.get(c.key).size) }];
    const order = cats.map((c, i) => i).sort((a, b) => series[0].data[b] - series[0].data[a]);
    series[0].data = order.map(i => series[0].data[i]);
    cats.splice(0, cats.length, ...order.map(i => cats[i]));
  } else {
    const byKey = new Map();
    for (const row of rows) byKey.set(keyOf(query, row, x), row);
    series = view.values.map(v => ({ name: label(query, v), data: cats.map(c => Number(text(byKey.get(c.key), v)) || 0) }));
  }
  return {
    columns: [label(query, x), ...series.map(s => s.name)],
    rows: cats.map((c, i) => [c.label, ...series.map(s => formatNumber(s.data[i]))]),
    option(width) {
      const narrow = width < 600;
      return {
        grid: { left: 8, right: 24, top: series.length > 1 ? 40 : 16, bottom: 24 },
        legend: series.length > 1 ? { top: 0 } : undefined,
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" },
                   formatter: ps => ps.map(p => html(`${p.name} — ${p.seriesName} : ${formatNumber(p.value)}`)).join("<br>") },
        xAxis: { type: "value", minInterval: 1 },
        yAxis: { type: "category", inverse: true, data: cats.map(c => c.label),
                 axisLabel: { width: narrow ? 130 : 320, overflow: series.length > 1 ? "break" : "truncate", interval: 0,
                              lineHeight: 14 } },
        series: series.map((s, i) => ({ type: "bar", name: s.name, data: s.data, color: COLORS[i % COLORS.length],
                                         label: { show: true, position: "right" } })),
      };
    },
    height: Math.max(240, cats.length * (series.length > 1 ? 34 : 26) + 70),
  };
}

/**
 * The Vienne matrices: one column per matrix, each initiative at its rank (1 on top), and the line of the word
 * "Innovation" of each matrix (from the view's line column) drawn across its column. The horizontal position is
 * not in the source: points sit at the left of their column, their names to the right.
 */
function scatterModel(query, rows) {
  const view = query.view;
  const cats = [...categories(query, rows, view.x[0]).values()];
  const index = new Map(cats.map((c, i) => [c.key, i]));
  const points = rows.map(row => ({
    value: [index.get(keyOf(query, row, view.x[0])) + 0.06, Number(text(row, view.y))],
    name: text(row, view.label),
  }));
  const lines = [];
  if (view.line) {
    const seen = new Set();
    for (const row of rows) {
      const i = index.get(keyOf(query, row, view.x[0]));
      const y = Number(text(row, view.line));
      if (seen.has(i) || !Number.isFinite(y)) continue;
      seen.add(i);
      lines.push([{ coord: [i + 0.01, y], name: view.lineLabel[lang] }, { coord: [i + 0.99, y] }]);
    }
  }
  const maxY = Math.max(...points.map(p => p.value[1]));
  return {
    columns: [label(query, view.x[0]), label(query, view.y), label(query, view.label)],
    rows: points.map(p => [cats[Math.floor(p.value[0])].label, formatNumber(p.value[1]), p.name]),
    points: points.length,
    option(width) {
      const column = (width - 60) / Math.max(cats.length, 1);
      // room for the matrices' names, wrapped in their columns (about 7 px a character, 16 px a line)
      const titleLines = Math.max(...cats.map(c => Math.ceil((shorten(c.label).length * 7) / Math.max(column - 12, 40))));
      return {
        grid: { left: 40, right: 8, top: Math.min(240, 20 + titleLines * 16), bottom: 8 },
        tooltip: { trigger: "item", formatter: p => html(`${p.name} — ${label(query, view.y)} ${p.value[1]}`) },
        // the matrices' names, centred over their columns; the series use the hidden value axis below
        xAxis: [
          { type: "category", data: cats.map(c => shorten(c.label)), position: "top", boundaryGap: true,
            axisTick: { show: false }, splitLine: { show: true, lineStyle: { color: "#c9d1d9" } },
            axisLabel: { interval: 0, width: column - 12, overflow: "break", lineHeight: 16, fontWeight: "bold", color: "#1d2733",
                         fontSize: column < 150 ? 11 : 12 } },
          { type: "value", min: 0, max: cats.length, show: false },
        ],
        yAxis: { type: "value", inverse: view.inverse, min: 0, max: maxY + 1, interval: 1,
                 name: label(query, view.y), nameLocation: "middle", nameGap: 24,
                 splitLine: { show: false },
                 axisLabel: { formatter: v => (v >= 1 && v <= maxY ? String(v) : "") } },
        series: [{
          type: "scatter", name: label(query, view.label), data: points, symbolSize: 12, color: COLORS[0], xAxisIndex: 1,
          label: { show: true, position: "right", formatter: p => p.name, width: column * 0.85, overflow: "truncate", fontSize: 12 },
          markLine: lines.length ? {
            symbol: "none", silent: true, lineStyle: { color: COLORS[1], type: "dashed", width: 2 },
            label: { show: true, position: "insideEndTop", formatter: view.lineLabel[lang], color: COLORS[1], fontWeight: "bold" },
            data: lines,
          } : undefined,
        }],
      };
    },
    height: Math.max(360, maxY * 44 + 110) + (cats.length > 1 ? 60 : 0),
  };
}

/**
 * A grid of cells: one per row at (x, y), coloured by the value column (what each value means read in the label
 * column) or by its mere presence; cells without a row are named by the view's "absent" text. Short x codes (A1…)
 * get a key below the chart when each code has one label.
 */
function heatmapModel(query, rows) {
  const view = query.view;
  const byLabel = (a, b) => a.label.localeCompare(b.label, lang, { numeric: true });
  const xs = [...categories(query, rows, view.x[0]).values()].sort(byLabel);
  const ys = [...categories(query, rows, view.y).values()].sort(byLabel);
  const xi = new Map(xs.map((c, i) => [c.key, i]));
  const yi = new Map(ys.map((c, i) => [c.key, i]));
  const meaning = new Map();   // value -> what it means (e.g. 3 -> "exacte")
  const key = new Map();       // x code -> its label (A1 -> "Image et communication"), if one each
  const filled = new Set();
  const cells = rows.map(row => {
    const v = view.value ? Number(text(row, view.value)) : 1;
    if (view.value && view.label) meaning.set(v, text(row, view.label));
    const x = xi.get(keyOf(query, row, view.x[0]));
    const y = yi.get(keyOf(query, row, view.y));
    filled.add(x + " " + y);
    if (view.label && !view.value) key.set(xs[x].label, (key.get(xs[x].label) ?? new Set()).add(text(row, view.label)));
    return { value: [x, y, v], name: text(row, view.label) };
  });
  const absent = view.absent?.[lang];
  if (absent) {
    for (let x = 0; x < xs.length; x++) for (let y = 0; y < ys.length; y++) {
      if (!filled.has(x + " " + y)) cells.push({ value: [x, y, 0], name: absent });
    }
  }
  const pieces = view.value
    ? [...meaning.entries()].sort((a, b) => b[0] - a[0]).map(([v, l], i) => ({ value: v, label: l, color: COLORS[i % COLORS.length] }))
    : [{ value: 1, label: label(query, view.label ?? view.x[0]), color: COLORS[1] }];
  if (absent) pieces.push({ value: 0, label: absent, color: "#e4ebf2" });
  const codes = [...key.entries()].every(([, labels]) => labels.size === 1) && xs.every(c => c.label.length <= 4)
    ? [...key.entries()].sort(([a], [b]) => a.localeCompare(b, lang, { numeric: true })).map(([code, labels]) => [code, [...labels][0]])
    : [];
  const rotated = xs.some(c => c.label.length > 4);
  return {
    columns: [label(query, view.y), label(query, view.x[0]), label(query, view.label ?? view.x[0])],
    rows: cells.filter(c => c.value[2] !== 0).map(c => [ys[c.value[1]].label, xs[c.value[0]].label, c.name]),
    key: codes,
    option(width) {
      const narrow = width < 600;
      return {
        grid: { left: 8, right: 8, top: rotated ? 16 : 56, bottom: rotated ? 44 : 8 },
        tooltip: { trigger: "item", formatter: p => html(`${ys[p.value[1]].label} — ${xs[p.value[0]].label} : ${p.name}`) },
        xAxis: { type: "category", data: xs.map(c => c.label), position: "top",
                 axisLabel: { interval: 0, rotate: rotated ? 60 : 0, width: 120, overflow: "truncate", fontSize: narrow ? 9 : 12 } },
        yAxis: { type: "category", data: ys.map(c => c.label), inverse: true,
                 axisLabel: { interval: 0, width: narrow ? 110 : 260, overflow: "truncate" } },
        visualMap: { type: "piecewise", pieces, orient: "horizontal", left: "center", show: true, ...(rotated ? { bottom: 0 } : { top: 0 }) },
        series: [{ type: "heatmap", name: label(query, view.label ?? view.y), data: cells,
                   itemStyle: { borderColor: "#fff", borderWidth: 1 } }],
      };
    },
    height: ys.length * 24 + (rotated ? 200 : 100),
  };
}

/** The network: a node per actor, an edge per pair (each pair once), thicker with more shared actions. */
function graphModel(query, rows) {
  const view = query.view;
  const nodes = new Map();
  const edges = new Map();
  const node = (row, name) => {
    const key = keyOf(query, row, name);
    if (!nodes.has(key)) nodes.set(key, { id: key, name: text(row, name), degree: 0 });
    return nodes.get(key);
  };
  for (const row of rows) {
    const a = node(row, view.x[0]);
    const b = node(row, view.y);
    const pair = [a.id, b.id].sort().join(" ");
    if (edges.has(pair)) continue;
    const w = view.value ? Number(text(row, view.value)) || 1 : 1;
    edges.set(pair, { source: a.id, target: b.id, value: w, lineStyle: { width: Math.min(1 + w, 6) } });
    a.degree++;
    b.degree++;
  }
  const list = [...nodes.values()];
  const ranked = [...list].sort((p, q) => q.degree - p.degree);
  const labelled = new Set(ranked.slice(0, 25).map(n => n.id));
  return {
    columns: [label(query, view.x[0]), label(query, view.y), label(query, view.value ?? view.y)],
    rows: [...edges.values()].map(e => [nodes.get(e.source).name, nodes.get(e.target).name, formatNumber(e.value)]),
    option() {
      return {
        tooltip: { trigger: "item", formatter: p => html(p.dataType === "edge"
          ? `${nodes.get(p.data.source).name} — ${nodes.get(p.data.target).name} : ${p.data.value}` : p.name) },
        series: [{
          type: "graph", layout: "force", roam: true, draggable: true,
          force: { repulsion: 70, edgeLength: [30, 100], gravity: 0.35 },
          data: list.map(n => ({ id: n.id, name: n.name, value: n.degree, symbolSize: 6 + Math.sqrt(n.degree) * 5,
                                 label: { show: labelled.has(n.id) }, itemStyle: { color: COLORS[0] } })),
          links: [...edges.values()],
          label: { position: "right", fontSize: 11 },
          lineStyle: { color: "#9aa7b4", opacity: 0.7 },
          emphasis: { focus: "adjacency" },
        }],
      };
    },
    height: Math.min(720, Math.max(420, list.length * 4)),
  };
}

const MODELS = { bar: barModel, scatter: scatterModel, heatmap: heatmapModel, graph: graphModel };

function shorten(s) {
  // "Matrice attractivité × innovation — L'innovation dans…": the part after the dash names the matrix
  const dash = s.indexOf(" — ");
  return dash > 0 ? s.substring(dash + 3) : s;
}

/** Whether a query has a chart. */
export const hasChart = query => Boolean(MODELS[query.view?.type]);

/**
 * Draws the chart of {@code rows} (SPARQL JSON bindings) into {@code container}: the chart, its buttons (PNG, SVG)
 * and the table of what it shows. Returns a function that redraws it at the container's width.
 */
export function drawChart(container, query, rows, title) {
  const model = MODELS[query.view.type](query, rows);
  const chartBox = el("div", { class: "chart", "data-chart": query.view.type, "data-points": model.points ?? model.rows.length });
  const save = el("div", { class: "chart-actions" },
    el("button", { type: "button", "data-save": "png", text: t("chart.png") }),
    el("button", { type: "button", "data-save": "svg", text: t("chart.svg") }));
  const table = el("table", {},
    el("caption", { text: t("chart.tableCaption", title) }),
    el("thead", {}, el("tr", {}, ...model.columns.map(c => el("th", { scope: "col", text: c })))),
    el("tbody", {}, ...model.rows.map(r => el("tr", {}, ...r.map(v => el("td", { text: v }))))));
  const details = el("details", { class: "chart-data" }, el("summary", { text: t("chart.showData") }),
    el("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": t("chart.tableCaption", title) }, table));
  const key = model.key?.length
    ? el("dl", { class: "chart-key", "aria-label": t("chart.key") }, ...model.key.map(([code, name]) => el("div", {}, el("dt", { text: code }), el("dd", { text: name }))))
    : null;
  container.replaceChildren(chartBox, key ?? "", save, details);

  const chart = echarts.init(chartBox, null, { renderer: "svg", height: model.height });
  const describe = { enabled: true, label: { description: t("chart.aria", title, model.rows.length) } };
  const render = () => {
    chart.setOption({ ...model.option(chartBox.clientWidth), aria: describe, animation: false,
                      textStyle: { fontFamily: "system-ui, sans-serif" } }, true);
    chart.resize({ height: model.height });
  };
  render();

  save.querySelector('[data-save="svg"]').addEventListener("click", () =>
    saveFile(new Blob([chart.renderToSVGString()], { type: "image/svg+xml" }), `${query.id}.svg`));
  save.querySelector('[data-save="png"]').addEventListener("click", () => {
    // PNG from a canvas copy of the same chart, drawn off screen at twice the resolution
    const off = el("div", { class: "offscreen" });
    document.body.append(off);
    const copy = echarts.init(off, null, { renderer: "canvas", width: chartBox.clientWidth, height: model.height });
    copy.setOption({ ...model.option(chartBox.clientWidth), animation: false, backgroundColor: "#fff" });
    const url = copy.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
    copy.dispose();
    off.remove();
    saveFile(dataUrlToBlob(url), `${query.id}.png`);
  });
  return { resize: render, dispose: () => chart.dispose(), chart };
}

/** A data: URL as a Blob, without fetch (the Content-Security-Policy's connect-src does not allow data:). */
function dataUrlToBlob(url) {
  const [head, base64] = url.split(",");
  const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
  return new Blob([bytes], { type: head.substring(5, head.indexOf(";")) });
}

/**
 * HTML: one self-contained file (nothing fetched: no script, style, font or image from elsewhere) holding the
 * diagram as inline SVG, a legend, and a little script: pan (drag), zoom (wheel, buttons, keys), a minimap, find
 * a model, tooltips from the `///` docs (Graphviz writes them as link titles), and hovering an entity highlights its
 * relations and neighbours.
 *
 * A large schema is unreadable when all of it fits a screen, so the page can carry two layouts: every column, and
 * an overview with the key columns only. It opens on the one that is readable in the window, and a toggle switches.
 */
import { ERD_MARKER, THEME } from './dot.js';
import type { Diagram } from './model.js';

export interface HtmlOptions {
  /** The page title, for example the schema's path. */
  readonly title?: string;
}

export interface HtmlLayouts {
  /** The diagram with every column, as rendered by renderSvg. */
  readonly full: string;
  /** The same diagram laid out with key columns only (select.ts keysOnly), when it differs. */
  readonly overview?: string;
}

/** The page around the SVG layouts of a diagram. */
export function renderHtml(diagram: Diagram, layouts: HtmlLayouts, options: HtmlOptions = {}): string {
  const title = options.title ?? 'Schema';
  const views = [inlineSvg(layouts.full, 'full', '')];
  if (layouts.overview !== undefined) views.push(inlineSvg(layouts.overview, 'overview', 'o-'));
  const graph = { edges: diagram.edges.map((e, i) => ({ id: `relation-${i}`, from: e.from.entity, to: e.to.entity })) };
  const shown = diagram.entities.filter((e) => e.role !== 'neighbour').length;
  const counts = [count(shown, 'model'), count(diagram.edges.length, 'relation'), count(diagram.enums.length, 'enum')].join(' · ');
  const names = [...diagram.entities.map((e) => e.name), ...diagram.enums.map((e) => e.name)];
  const toggle =
    layouts.overview !== undefined
      ? `<span class="group" role="group" aria-label="Columns"><button id="show-full" data-view="full" title="Every column (c)">All columns</button><button id="show-overview" data-view="overview" title="Key columns only (c)">Keys only</button></span>`
      : '';
  return `<!DOCTYPE html>
<!-- ${ERD_MARKER} -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="codegen erd">
<title>${text(title)} — entity-relationship diagram</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>${text(title)}</h1><span class="counts">${counts}</span>
  <input id="find" type="search" placeholder="Find a model…" list="names" autocomplete="off" aria-label="Find a model">
  <datalist id="names">${names.map((n) => `<option value="${text(n)}">`).join('')}</datalist>
  ${toggle}
  <span class="group"><button id="zoom-in" title="Zoom in (+)">+</button><button id="zoom-out" title="Zoom out (−)">−</button><button id="fit" title="Fit the diagram (0)">Fit</button></span>
  <span class="legend">
    <span><b style="color:${THEME.markers.PK}">PK</b> primary key</span>
    <span><b style="color:${THEME.markers.FK}">FK</b> foreign key</span>
    <span><b style="color:${THEME.markers.UK}">UK</b> unique</span>
    <span>${LEGEND.one} exactly one</span><span>${LEGEND.zeroOne} zero or one</span><span>${LEGEND.many} zero or many</span>
    <span>${LEGEND.joinTable} many-to-many</span>
  </span>
</header>
<main id="viewport">
${views.join('\n')}
<div id="minimap" aria-hidden="true"><div id="minimap-view"></div></div>
</main>
<div id="tip" role="tooltip"></div>
<script>
const GRAPH = ${JSON.stringify(graph).replace(/</g, '\\u003c')};
${SCRIPT}
</script>
</body>
</html>
`;
}

/**
 * Graphviz's SVG made fit for inlining: no XML prolog or comments, no namespace declarations (the HTML parser
 * knows SVG's, and dropping them leaves no URL in the page), ids prefixed so that two layouts can share a page.
 */
function inlineSvg(svg: string, view: string, prefix: string): string {
  let out = svg
    .replace(/<\?xml[^>]*>\s*/, '')
    .replace(/<!--[^]*?-->\s*/g, '')
    .replace(/\s+xmlns(:xlink)?="[^"]*"/g, '')
    .replace(/<svg width="[^"]*" height="[^"]*"/, `<svg class="erd" data-view="${view}" data-prefix="${prefix}"`);
  if (prefix) out = out.replace(/ id="/g, ` id="${prefix}`);
  return out;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function text(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const line = (x1: number, y1: number, x2: number, y2: number, dash = ''): string =>
  `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${THEME.edge}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
const circle = `<circle cx="15" cy="7" r="3.5" fill="white" stroke="${THEME.edge}"/>`;
const LEGEND = {
  one: `<svg width="28" height="14">${line(0, 7, 28, 7)}${line(6, 2, 6, 12)}${line(11, 2, 11, 12)}</svg>`,
  zeroOne: `<svg width="28" height="14">${line(0, 7, 28, 7)}${line(6, 2, 6, 12)}${circle}</svg>`,
  many: `<svg width="28" height="14">${line(0, 7, 28, 7)}${line(0, 2, 9, 7)}${line(0, 12, 9, 7)}${circle}</svg>`,
  joinTable: `<svg width="28" height="14">${line(0, 7, 28, 7, '4 3')}</svg>`,
};

const STYLE = `
*{box-sizing:border-box}
html,body{margin:0;height:100%;font:13px/1.4 Helvetica,Arial,"Liberation Sans",sans-serif;color:${THEME.ink};background:#f8fafc}
body{display:flex;flex-direction:column}
header{display:flex;flex-wrap:wrap;align-items:center;gap:6px 14px;padding:8px 14px;background:#fff;border-bottom:1px solid #e2e8f0}
h1{font-size:15px;margin:0}
.counts{color:${THEME.muted}}
#find{font:inherit;padding:3px 8px;border:1px solid #cbd5e1;border-radius:4px;width:180px}
.group{display:inline-flex}
button{font:inherit;min-width:30px;padding:2px 9px;border:1px solid #cbd5e1;background:#fff;cursor:pointer;margin-left:-1px}
.group button:first-child{border-radius:4px 0 0 4px;margin-left:0}
.group button:last-child{border-radius:0 4px 4px 0}
button:hover{background:#f1f5f9}
button[aria-pressed=true]{background:${THEME.model.header};border-color:${THEME.model.header};color:#fff}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;color:${THEME.muted};font-size:12px;margin-left:auto}
.legend span{display:inline-flex;align-items:center;gap:4px;white-space:nowrap}
#viewport{flex:1;overflow:hidden;position:relative;cursor:grab;background:#fff}
#viewport.dragging{cursor:grabbing}
.erd{position:absolute;inset:0;width:100%;height:100%;display:block;user-select:none}
.erd[hidden]{display:none}
.erd text{font-family:Helvetica,Arial,"Liberation Sans",sans-serif}
.erd .dim{opacity:.15}
.erd .hot path{stroke:#ea580c;stroke-width:2.5}
.erd .hot polygon,.erd .hot ellipse,.erd .hot polyline{stroke:#ea580c}
.erd .found>polygon,.erd .found>g>a>polygon:first-of-type{stroke:#ea580c;stroke-width:4}
#minimap{position:absolute;right:12px;bottom:12px;width:220px;border:1px solid #cbd5e1;background:rgba(255,255,255,.92);box-shadow:0 1px 6px rgba(0,0,0,.15);cursor:pointer;overflow:hidden}
#minimap svg{display:block;width:100%;height:100%;pointer-events:none}
#minimap-view{position:absolute;border:2px solid #ea580c;background:rgba(234,88,12,.08);pointer-events:none}
#tip{position:fixed;z-index:10;max-width:420px;padding:6px 9px;border-radius:4px;background:#0f172a;color:#f8fafc;font-size:12px;white-space:pre-wrap;pointer-events:none;display:none;box-shadow:0 2px 8px rgba(0,0,0,.25)}
`;

/** Plain browser JavaScript: no modules, no libraries, nothing fetched. */
const SCRIPT = String.raw`
(() => {
  const viewport = document.getElementById('viewport');
  const tip = document.getElementById('tip');
  const minimap = document.getElementById('minimap');
  const minimapView = document.getElementById('minimap-view');
  const find = document.getElementById('find');
  /** Screen pixels per diagram point at which the 11-point columns read well, and below which 16-point titles do not. */
  const READABLE = 0.8;
  const TITLES_READABLE = 0.45;

  const views = new Map();
  for (const svg of document.querySelectorAll('svg.erd')) {
    const b = svg.viewBox.baseVal;
    const v = { svg, prefix: svg.dataset.prefix, home: { x: b.x, y: b.y, w: b.width, h: b.height }, view: null, nodes: new Map(), edgesOf: new Map() };
    // Graphviz writes tooltips as link titles and node names as <title>; the browser would show both, slowly.
    for (const t of svg.querySelectorAll('title')) t.remove();
    for (const a of svg.querySelectorAll('a')) {
      const t = a.getAttribute('xlink:title');
      if (t) a.setAttribute('data-tip', t);
      a.removeAttribute('xlink:title');
    }
    for (const g of svg.querySelectorAll('g.node')) {
      const id = g.id.slice(v.prefix.length);
      const name = id.replace(/^(entity|enum)-/, '');
      if (name !== id) v.nodes.set(name, g);
    }
    for (const e of GRAPH.edges) {
      const el = document.getElementById(v.prefix + e.id);
      if (!el) continue;
      for (const n of [e.from, e.to]) {
        if (!v.edgesOf.has(n)) v.edgesOf.set(n, []);
        v.edgesOf.get(n).push({ el, other: n === e.from ? e.to : e.from });
      }
    }
    views.set(svg.dataset.view, v);
  }
  let current;
  const rect = () => viewport.getBoundingClientRect();
  const scaleOf = (v) => rect().width / v.view.w;
  const fitView = (v) => {
    const r = rect();
    const s = Math.max(v.home.w / r.width, v.home.h / r.height);
    return { w: r.width * s, h: r.height * s, x: v.home.x - (r.width * s - v.home.w) / 2, y: v.home.y - (r.height * s - v.home.h) / 2 };
  };
  const apply = () => {
    tip.style.display = 'none';
    const { x, y, w, h } = current.view;
    current.svg.setAttribute('viewBox', x + ' ' + y + ' ' + w + ' ' + h);
    const fit = fitView(current);
    const whole = current.view.w >= fit.w * 0.999;
    minimap.style.display = whole ? 'none' : 'block';
    if (whole) return;
    const mw = minimap.clientWidth, mh = (mw * current.home.h) / current.home.w;
    minimap.style.height = mh + 'px';
    const k = mw / current.home.w;
    const left = Math.max(0, (x - current.home.x) * k), top = Math.max(0, (y - current.home.y) * k);
    minimapView.style.left = left + 'px';
    minimapView.style.top = top + 'px';
    minimapView.style.width = Math.min(mw, (x - current.home.x + w) * k) - left + 'px';
    minimapView.style.height = Math.min(mh, (y - current.home.y + h) * k) - top + 'px';
  };
  const centreOn = (cx, cy, scale) => {
    const r = rect();
    const w = r.width / scale, h = r.height / scale;
    current.view = { x: cx - w / 2, y: cy - h / 2, w, h };
    apply();
  };
  const toGraph = (clientX, clientY) => {
    const r = rect();
    return { x: current.view.x + ((clientX - r.left) / r.width) * current.view.w, y: current.view.y + ((clientY - r.top) / r.height) * current.view.h };
  };
  const zoom = (factor, clientX, clientY) => {
    const r = rect();
    if (clientX === undefined) { clientX = r.left + r.width / 2; clientY = r.top + r.height / 2; }
    const w = Math.min(Math.max(current.view.w * factor, 60), fitView(current).w * 1.5);
    const f = w / current.view.w;
    const p = toGraph(clientX, clientY);
    current.view = { x: p.x - (p.x - current.view.x) * f, y: p.y - (p.y - current.view.y) * f, w: current.view.w * f, h: current.view.h * f };
    apply();
  };
  /** The graph's own translation (Graphviz shifts everything into positive coordinates). */
  const shift = (v) => {
    const t = v.svg.querySelector('g.graph').transform.baseVal.consolidate();
    return t ? { x: t.matrix.e, y: t.matrix.f } : { x: 0, y: 0 };
  };
  const boxOf = (v, name) => {
    const g = v.nodes.get(name);
    if (!g) return undefined;
    const b = g.getBBox(), s = shift(v);
    return { x: b.x + s.x, y: b.y + s.y, w: b.width, h: b.height };
  };
  /** The opening view: the whole diagram when it is readable, else a readable part around the busiest entity. */
  const openingView = (v) => {
    const fit = fitView(v);
    if (rect().width / fit.w >= TITLES_READABLE || v.nodes.size === 0) return fit;
    let busiest, most = -1;
    for (const [name, edges] of v.edgesOf) if (edges.length > most) { most = edges.length; busiest = name; }
    const b = busiest && boxOf(v, busiest);
    if (!b) return fit;
    const r = rect(), w = r.width / READABLE, h = r.height / READABLE;
    // Centred on it, but kept inside the drawing where the drawing is larger than the window.
    const clamp = (start, size, from, length) => (size >= length ? from - (size - length) / 2 : Math.min(Math.max(start, from), from + length - size));
    return { x: clamp(b.x + b.w / 2 - w / 2, w, v.home.x, v.home.w), y: clamp(b.y + b.h / 2 - h / 2, h, v.home.y, v.home.h), w, h };
  };
  const show = (name) => {
    const v = views.get(name);
    if (!v) return;
    for (const el of document.querySelectorAll('.erd .dim,.erd .hot')) el.classList.remove('dim', 'hot');
    for (const other of views.values()) other.svg.toggleAttribute('hidden', other !== v);
    for (const b of document.querySelectorAll('button[data-view]')) b.setAttribute('aria-pressed', String(b.dataset.view === name));
    current = v;
    if (!v.view) v.view = openingView(v);
    minimap.querySelector('svg')?.remove();
    const copy = v.svg.cloneNode(true);
    copy.removeAttribute('class');
    copy.removeAttribute('hidden');
    for (const el of copy.querySelectorAll('[id]')) el.removeAttribute('id');
    copy.setAttribute('viewBox', v.home.x + ' ' + v.home.y + ' ' + v.home.w + ' ' + v.home.h);
    minimap.prepend(copy);
    apply();
  };

  viewport.addEventListener('wheel', (e) => { e.preventDefault(); zoom(Math.exp(e.deltaY * (e.deltaMode ? 0.05 : 0.0015)), e.clientX, e.clientY); }, { passive: false });
  let drag;
  viewport.addEventListener('pointerdown', (e) => {
    if (minimap.contains(e.target)) return;
    drag = { x: e.clientX, y: e.clientY, view: { ...current.view } };
    viewport.setPointerCapture(e.pointerId);
    viewport.classList.add('dragging');
  });
  viewport.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const r = rect();
    current.view = { ...drag.view, x: drag.view.x - ((e.clientX - drag.x) / r.width) * drag.view.w, y: drag.view.y - ((e.clientY - drag.y) / r.height) * drag.view.h };
    apply();
  });
  const end = () => { drag = undefined; viewport.classList.remove('dragging'); };
  viewport.addEventListener('pointerup', end);
  viewport.addEventListener('pointercancel', end);
  minimap.addEventListener('click', (e) => {
    const m = minimap.getBoundingClientRect();
    const k = current.home.w / m.width;
    centreOn(current.home.x + (e.clientX - m.left) * k, current.home.y + (e.clientY - m.top) * k, scaleOf(current));
  });
  document.getElementById('zoom-in').onclick = () => zoom(1 / 1.4);
  document.getElementById('zoom-out').onclick = () => zoom(1.4);
  document.getElementById('fit').onclick = () => { current.view = fitView(current); apply(); };
  for (const b of document.querySelectorAll('button[data-view]')) b.onclick = () => show(b.dataset.view);
  document.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLInputElement) return;
    if (e.key === '+' || e.key === '=') zoom(1 / 1.4);
    else if (e.key === '-') zoom(1.4);
    else if (e.key === '0') { current.view = fitView(current); apply(); }
    else if (e.key === 'c' && views.size > 1) show(current.svg.dataset.view === 'full' ? 'overview' : 'full');
  });

  // Tooltips from the docs.
  viewport.addEventListener('pointermove', (e) => {
    const a = !drag && e.target.closest && e.target.closest('[data-tip]');
    if (!a) { tip.style.display = 'none'; return; }
    tip.textContent = a.getAttribute('data-tip');
    tip.style.display = 'block';
    tip.style.left = Math.min(e.clientX + 14, innerWidth - tip.offsetWidth - 8) + 'px';
    tip.style.top = (e.clientY + 16 + tip.offsetHeight > innerHeight ? e.clientY - tip.offsetHeight - 10 : e.clientY + 16) + 'px';
  });
  viewport.addEventListener('pointerleave', () => { tip.style.display = 'none'; });

  // Hovering an entity: its relations and neighbours stay, the rest fades.
  const clear = () => { for (const el of current.svg.querySelectorAll('.dim,.hot')) el.classList.remove('dim', 'hot'); };
  for (const v of views.values()) {
    for (const [name, g] of v.nodes) {
      g.addEventListener('pointerenter', () => {
        if (drag) return;
        clear();
        const edges = v.edgesOf.get(name) || [];
        if (!edges.length) return;
        const keep = new Set([name, ...edges.map((e) => e.other)]);
        for (const [n, other] of v.nodes) if (!keep.has(n)) other.classList.add('dim');
        for (const list of v.edgesOf.values()) for (const e of list) e.el.classList.add('dim');
        for (const e of edges) { e.el.classList.remove('dim'); e.el.classList.add('hot'); }
      });
      g.addEventListener('pointerleave', clear);
    }
  }

  // Find: centre the model and outline it.
  const findModel = (query) => {
    const q = query.trim().toLowerCase();
    for (const g of current.svg.querySelectorAll('.found')) g.classList.remove('found');
    const names = [...current.nodes.keys()];
    const hit = q && (names.find((n) => n.toLowerCase() === q) || names.find((n) => n.toLowerCase().includes(q)));
    if (!hit) return;
    current.nodes.get(hit).classList.add('found');
    const b = boxOf(current, hit);
    centreOn(b.x + b.w / 2, b.y + b.h / 2, Math.max(scaleOf(current), READABLE * 1.3));
  };
  find.addEventListener('change', () => findModel(find.value));

  // A resize keeps the centre and the scale.
  let size = rect();
  addEventListener('resize', () => {
    const r = rect();
    if (!r.width || !size.width) { size = r; return; }
    const s = size.width / current.view.w, cx = current.view.x + current.view.w / 2, cy = current.view.y + current.view.h / 2;
    size = r;
    centreOn(cx, cy, s);
  });
  const fits = (name) => { const v = views.get(name); return v && rect().width / fitView(v).w >= READABLE; };
  // The address may pick the layout and a model: #full, #overview, #User, #full/User.
  const asked = decodeURIComponent(location.hash.slice(1)).split('/');
  const layout = views.has(asked[0]) ? asked.shift() : views.size > 1 && !fits('full') ? 'overview' : 'full';
  show(layout);
  if (asked[0]) findModel(asked[0]);
})();
`;

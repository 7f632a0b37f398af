// frontline map page. Plain JS, no build step. Every string from the API (article text above
// all: it is untrusted input) reaches the page through textContent / DOM APIs, never innerHTML.
(function () {
  'use strict';

  const TYPE_COLOURS = {
    'Battles': '#d62728',
    'Explosions/Remote violence': '#ff7f0e',
    'Violence against civilians': '#9467bd',
    'Protests': '#2ca02c',
    'Riots': '#e377c2',
    'Strategic developments': '#1f77b4',
  };
  const FIELD_LABELS = {
    event_date: 'date', location: 'place', actor1: 'actor 1', actor2: 'actor 2', assoc_actor_1: 'assoc. actor 1',
    assoc_actor_2: 'assoc. actor 2', fatalities: 'fatalities', sub_event_type: 'event type', event_type: 'event type',
  };
  const colour = (t) => TYPE_COLOURS[t] || '#7f7f7f';
  const $ = (id) => document.getElementById(id);

  // --------------------------------------------------------------- DOM helpers
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (k === 'style') Object.assign(e.style, v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }
  const svg = (tag, attrs) => {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    return e;
  };

  async function api(path) {
    const r = await fetch(path, { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await r.json(); } catch (_) { /* not JSON */ }
    if (!r.ok) {
      const msg = body && body.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${r.status}`;
      throw new Error(msg);
    }
    return body;
  }
  function showError(e) { $('error').textContent = e ? String(e.message || e) : ''; }

  // --------------------------------------------------------------- state
  const state = { filters: {}, events: [], byId: new Map(), selected: null, stats: null };
  const FILTER_KEYS = ['from', 'to', 'country', 'event_type', 'actor', 'min_sources', 'q'];

  function readForm() {
    const f = {};
    const form = $('filters');
    for (const k of FILTER_KEYS) {
      const v = (form.elements[k].value || '').trim();
      if (v) f[k] = v;
    }
    return f;
  }
  function writeForm(f) {
    const form = $('filters');
    for (const k of FILTER_KEYS) form.elements[k].value = f[k] || '';
  }
  function qs(f, extra) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(Object.assign({}, f, extra || {}))) if (v !== undefined && v !== null && v !== '') p.set(k, v);
    return p.toString();
  }
  function saveUrl() {
    const s = qs(state.filters);
    history.replaceState(null, '', s ? `?${s}` : location.pathname);
  }

  // --------------------------------------------------------------- map
  const map = L.map('map', { preferCanvas: true, worldCopyJump: true, minZoom: 2, maxZoom: 13, zoomSnap: 0.5 }).setView([20, 20], 2);
  map.attributionControl.addAttribution('Borders: Natural Earth');
  const markers = L.layerGroup().addTo(map);
  // The map's box changes when the event panel or the filters open: let Leaflet re-measure,
  // or its canvas keeps the old size and borders are drawn only in part of the map.
  if (window.ResizeObserver) new ResizeObserver(() => map.invalidateSize({ pan: false })).observe(document.getElementById('map'));

  async function loadBorders() {
    try {
      const topo = await api('assets/vendor/world-atlas/countries-50m.json');
      const geo = topojson.feature(topo, topo.objects.countries);
      // Rings that cross the antimeridian (Russia, Fiji, Antarctica) jump from +180 to -180:
      // unwrap them so Leaflet does not draw lines across the whole map.
      const unwrap = (ring) => { for (let i = 1; i < ring.length; i++) { while (ring[i][0] - ring[i - 1][0] > 180) ring[i][0] -= 360; while (ring[i][0] - ring[i - 1][0] < -180) ring[i][0] += 360; } };
      for (const f of geo.features) {
        const g = f.geometry;
        if (!g) continue;
        const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
        for (const poly of polys) for (const ring of poly) unwrap(ring);
      }
      L.geoJSON(geo, { interactive: false, style: { color: '#8d99a6', weight: 0.8, fillColor: '#fbfaf7', fillOpacity: 1 } }).addTo(map);
      markers.eachLayer((m) => m.bringToFront && m.bringToFront());
    } catch (e) { showError(e); }
  }

  function legend() {
    const box = $('legend');
    box.replaceChildren(...Object.entries(TYPE_COLOURS).map(([t, c]) => el('div', {}, el('span', { class: 'sw', style: { background: c } }), t)));
  }

  function dotIcon(e) {
    const d = el('div', { class: 'fl-dot' + (state.selected === e.id ? ' sel' : ''), style: { background: colour(e.event_type) } });
    return L.divIcon({ html: d, className: 'fl-pin fl-marker', iconSize: [14, 14] });
  }
  function clusterIcon(group) {
    const counts = {};
    for (const e of group) counts[e.event_type] = (counts[e.event_type] || 0) + 1;
    let acc = 0;
    const stops = Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([t, n]) => {
      const a = (acc / group.length) * 360; acc += n; const b = (acc / group.length) * 360;
      return `${colour(t)} ${a}deg ${b}deg`;
    });
    const d = el('div', { class: 'fl-clu', style: { background: `conic-gradient(${stops.join(', ')})` } }, el('span', { text: group.length }));
    return L.divIcon({ html: d, className: 'fl-pin fl-cluster', iconSize: [34, 34] });
  }

  // Grid clustering in screen space at the current zoom: 56 px cells.
  function drawMarkers() {
    markers.clearLayers();
    const z = map.getZoom();
    const cells = new Map();
    for (const e of state.events) {
      if (e.latitude === null || e.longitude === null) continue;
      const p = map.project([e.latitude, e.longitude], z);
      const key = `${Math.floor(p.x / 56)}:${Math.floor(p.y / 56)}`;
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push(e);
    }
    for (const group of cells.values()) {
      const lat = group.reduce((s, e) => s + e.latitude, 0) / group.length;
      const lon = group.reduce((s, e) => s + e.longitude, 0) / group.length;
      if (group.length === 1) {
        const e = group[0];
        const m = L.marker([e.latitude, e.longitude], { icon: dotIcon(e), title: `${e.sub_event_type} — ${e.location}`, keyboard: true });
        m.on('click', () => openEvent(e.id));
        m.on('add', () => { const n = m.getElement(); if (n) { n.dataset.id = e.id; n.dataset.type = e.event_type; } });
        markers.addLayer(m);
      } else {
        const m = L.marker([lat, lon], { icon: clusterIcon(group), title: `${group.length} events`, keyboard: true });
        m.on('add', () => { const n = m.getElement(); if (n) n.dataset.count = group.length; });
        m.on('click', () => clusterClick(m, group));
        markers.addLayer(m);
      }
    }
  }
  function clusterClick(m, group) {
    const b = L.latLngBounds(group.map((e) => [e.latitude, e.longitude]));
    const samePlace = b.getNorthEast().distanceTo(b.getSouthWest()) < 50;
    if (!samePlace && map.getZoom() < map.getMaxZoom()) {
      map.fitBounds(b.pad(0.3), { maxZoom: map.getMaxZoom() });
      return;
    }
    // Several events at one place: list them.
    const list = el('ul', { class: 'popup-list' }, group.map((e) =>
      el('li', {}, el('button', { type: 'button', class: 'popup-event', 'data-id': e.id, onclick: () => { map.closePopup(); openEvent(e.id); } },
        el('span', { class: 'sw', style: { background: colour(e.event_type) } }), ' ', `${e.event_date || 'undated'} · ${e.sub_event_type}`))));
    L.popup({ maxWidth: 320 }).setLatLng(m.getLatLng()).setContent(el('div', {}, el('strong', { text: group[0].location || 'Events' }), list)).openOn(map);
  }
  map.on('zoomend', drawMarkers);

  // --------------------------------------------------------------- timeline
  const DAY = 86400000;
  const dayMs = (s) => Date.parse(`${s}T00:00:00Z`);
  const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
  let brush = null; // {x0, x1} during a drag

  function drawTimeline() {
    const s = $('histogram');
    const st = state.stats;
    s.replaceChildren();
    const w = s.clientWidth || 600, h = s.clientHeight || 100;
    s.setAttribute('viewBox', `0 0 ${w} ${h}`);
    if (!st || !st.by_day.length) return;
    const d0 = dayMs(st.by_day[0].date), d1 = dayMs(st.by_day[st.by_day.length - 1].date) + DAY;
    const pad = 4, axis = 14;
    const x = (ms) => pad + ((ms - d0) / (d1 - d0)) * (w - 2 * pad);
    const max = Math.max(...st.by_day.map((d) => d.count));
    const from = state.filters.from ? dayMs(state.filters.from) : -Infinity;
    const to = state.filters.to ? dayMs(state.filters.to) : Infinity;
    const bw = Math.max(1, (w - 2 * pad) / ((d1 - d0) / DAY) - 1);
    for (const d of st.by_day) {
      const t = dayMs(d.date);
      const bh = Math.max(2, (d.count / max) * (h - axis - 4));
      const r = svg('rect', { class: 'bar' + (t >= from && t <= to ? ' in' : ''), x: x(t), y: h - axis - bh, width: bw, height: bh });
      const tip = svg('title', {}); tip.textContent = `${d.date}: ${d.count} event(s), ${d.fatalities} fatalities`;
      r.append(tip);
      r.dataset.date = d.date;
      s.append(r);
    }
    for (const [t, anchor] of [[d0, 'start'], [d1 - DAY, 'end']]) {
      const lbl = svg('text', { class: 'axis', x: anchor === 'start' ? pad : w - pad, y: h - 2, 'text-anchor': anchor });
      lbl.textContent = isoDay(t);
      s.append(lbl);
    }
    const sel = brush ? [Math.min(brush.x0, brush.x1), Math.max(brush.x0, brush.x1)]
      : (state.filters.from || state.filters.to) ? [x(Math.max(from, d0)), x(Math.min(to, d1 - DAY) + DAY)] : null;
    if (sel) s.append(svg('rect', { class: 'brush', x: sel[0], y: 0, width: Math.max(1, sel[1] - sel[0]), height: h - axis }));
    s._scale = { d0, d1, pad, w };
  }
  function xToDay(px) {
    const { d0, d1, pad, w } = $('histogram')._scale;
    const ms = d0 + ((px - pad) / (w - 2 * pad)) * (d1 - d0);
    return Math.min(d1 - DAY, Math.max(d0, Math.floor(ms / DAY) * DAY));
  }
  function localX(ev) { const r = $('histogram').getBoundingClientRect(); return ev.clientX - r.left; }
  $('histogram').addEventListener('pointerdown', (ev) => {
    if (!$('histogram')._scale) return;
    $('histogram').setPointerCapture(ev.pointerId);
    brush = { x0: localX(ev), x1: localX(ev) };
    drawTimeline();
  });
  $('histogram').addEventListener('pointermove', (ev) => { if (brush) { brush.x1 = localX(ev); drawTimeline(); } });
  $('histogram').addEventListener('pointerup', (ev) => {
    if (!brush) return;
    brush.x1 = localX(ev);
    const a = xToDay(Math.min(brush.x0, brush.x1)), b = xToDay(Math.max(brush.x0, brush.x1));
    brush = null;
    state.filters.from = isoDay(a); state.filters.to = isoDay(b);
    writeForm(state.filters);
    reload();
  });
  $('clear-range').addEventListener('click', () => { delete state.filters.from; delete state.filters.to; writeForm(state.filters); reload(); });
  window.addEventListener('resize', () => drawTimeline());

  // --------------------------------------------------------------- list
  function drawList(total) {
    const ul = $('list');
    ul.replaceChildren(...state.events.map((e) => {
      const li = el('li', { tabindex: 0, 'data-id': e.id, class: state.selected === e.id ? 'sel' : null, onclick: () => openEvent(e.id),
        onkeydown: (k) => { if (k.key === 'Enter') openEvent(e.id); } },
      el('span', { class: 'sw', style: { background: colour(e.event_type) }, title: e.event_type }),
      el('span', { class: 't', text: e.sub_event_type }),
      el('span', { class: 'n', text: `${e.fatalities} † · ${e.n_sources} src` }),
      el('span', { class: 'm', text: `${e.event_date || 'undated'} · ${[e.location, e.country].filter(Boolean).join(', ')} · ${e.actor1}${e.actor2 ? ' – ' + e.actor2 : ''}` }));
      return li;
    }));
    const shown = state.events.length;
    $('count').textContent = `${total} event${total === 1 ? '' : 's'}` + (shown < total ? ` (first ${shown} shown)` : '');
    $('count').dataset.total = total;
    const f = state.filters;
    $('range-label').textContent = f.from || f.to ? `${f.from || '…'} → ${f.to || '…'}` : 'All dates — drag to select a range';
    $('clear-range').hidden = !(f.from || f.to);
  }

  // --------------------------------------------------------------- loading
  let generation = 0;
  async function reload(fit) {
    const gen = ++generation;
    showError(null);
    saveUrl();
    document.body.classList.add('loading');
    try {
      const noDates = Object.assign({}, state.filters); delete noDates.from; delete noDates.to;
      const statsP = api(`/api/stats?${qs(noDates)}`);
      const events = [];
      let cursor = null, total = 0;
      do {
        const page = await api(`/api/events?${qs(state.filters, { limit: 5000, cursor })}`);
        if (gen !== generation) return;
        events.push(...page.events);
        total = page.total;
        cursor = page.next_cursor;
      } while (cursor && events.length < 20000);
      state.stats = await statsP;
      if (gen !== generation) return;
      state.events = events;
      state.byId = new Map(events.map((e) => [e.id, e]));
      drawList(total);
      drawMarkers();
      drawTimeline();
      if (fit) {
        const pts = events.filter((e) => e.latitude !== null).map((e) => [e.latitude, e.longitude]);
        if (pts.length) map.fitBounds(L.latLngBounds(pts).pad(0.2), { maxZoom: 7 });
      }
    } catch (e) {
      if (gen === generation) showError(e);
    } finally {
      if (gen === generation) { document.body.classList.remove('loading'); document.body.dataset.ready = '1'; }
    }
  }

  async function fillSelects() {
    const st = await api('/api/stats');
    const c = $('f-country'), t = $('f-type');
    c.append(...st.by_country.map((x) => el('option', { value: x.iso3 || x.country, text: `${x.country || 'Unknown'} (${x.count})` })));
    t.append(...st.by_type.map((x) => el('option', { value: x.key, text: `${x.key} (${x.count})` })));
    t.append(el('optgroup', { label: 'Sub-event types' }, st.by_sub_type.map((x) => el('option', { value: x.key, text: `${x.key} (${x.count})` }))));
    writeForm(state.filters);
  }

  // --------------------------------------------------------------- event panel
  function fieldClass(f) { return FIELD_LABELS[f] ? `f-${f}` : 'f-other'; }

  // The article text with this report's evidence highlighted by field and claims underlined.
  // Offsets are Unicode scalar values: index an array of code points, not the UTF-16 string.
  function renderArticle(article, eventId, claimIds) {
    const chars = Array.from(article.text);
    const claimSet = new Set(claimIds || []);
    const spans = article.spans.filter((s) => (s.kind === 'evidence' && s.ref_id === eventId) || (s.kind === 'claim' && claimSet.has(s.ref_id)) || s.kind === 'removed')
      .map((s) => ({ ...s, start: Math.max(0, Math.min(chars.length, s.start)), end: Math.max(0, Math.min(chars.length, s.end)) }))
      .filter((s) => s.end > s.start);
    const cuts = new Set([0, chars.length]);
    for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
    const points = [...cuts].sort((a, b) => a - b);
    const box = el('div', { class: 'article', 'data-article': article.id });
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const text = chars.slice(a, b).join('');
      const cover = spans.filter((s) => s.start <= a && s.end >= b);
      const ev = cover.filter((s) => s.kind === 'evidence').sort((x, y) => (x.end - x.start) - (y.end - y.start))[0];
      const claim = cover.find((s) => s.kind === 'claim');
      const removed = cover.find((s) => s.kind === 'removed');
      let node;
      if (ev) {
        const fields = [...new Set(cover.filter((s) => s.kind === 'evidence').map((s) => s.field))];
        node = el('mark', { class: `fl-ev ${fieldClass(ev.field)}`, 'data-field': ev.field, title: `evidence: ${fields.map((f) => FIELD_LABELS[f] || f).join(', ')}` }, text);
      } else {
        node = document.createTextNode(text);
      }
      if (claim || removed) {
        const wrap = el('span', { class: [claim ? 'cl' : '', removed ? 'rm' : ''].join(' ').trim(),
          title: claim ? `claim by ${claim.label}` : `removed: ${removed.label}` });
        wrap.append(node);
        node = wrap;
      }
      box.append(node);
    }
    return box;
  }

  function safeUrl(u) {
    try { const p = new URL(u); return p.protocol === 'http:' || p.protocol === 'https:' ? p.href : null; } catch (_) { return null; }
  }
  const fmtRange = (lo, best, hi) => (lo === hi ? String(best) : `${best} (${lo}–${hi})`);

  async function openEvent(id) {
    state.selected = id;
    for (const li of $('list').children) li.classList.toggle('sel', li.dataset.id === id);
    drawMarkers();
    const panel = $('panel'), body = $('panel-body');
    panel.hidden = false;
    body.replaceChildren(el('p', { class: 'sub', text: 'Loading…' }));
    let d;
    try { d = await api(`/api/events/${encodeURIComponent(id)}`); } catch (e) { body.replaceChildren(el('p', { class: 'error', text: String(e.message) })); return; }
    if (state.selected !== id) return;
    const e = d;
    if (e.latitude !== null && state.byId.has(id)) map.panTo([e.latitude, e.longitude], { animate: false });
    const facts = el('table', {}, el('tbody', {},
      [['Date', e.event_date ? e.event_date + (e.event_date_end ? ` → ${e.event_date_end}` : '') : 'undated'],
        ['Type', `${e.event_type} · ${e.sub_event_type}`],
        ['Actor 1', [e.actor1, e.assoc_actor_1].filter(Boolean).join(' / ')],
        ['Actor 2', [e.actor2, e.assoc_actor_2].filter(Boolean).join(' / ')],
        ['Place', [e.location, e.admin2, e.admin1, e.country].filter(Boolean).join(', ') + ` (precision ${e.geo_precision})`],
        ['Fatalities', e.fatalities_low !== null && e.fatalities_high !== null && e.fatalities_high !== e.fatalities
          ? `${e.fatalities} (claims range ${e.fatalities_low}–${e.fatalities_high})` : String(e.fatalities)],
        ['Sources', `${e.sources.join('; ')} — ${e.n_sources} outlet(s), ${e.n_articles} article(s), ${e.n_independent} independent`],
      ].map(([k, v]) => el('tr', {}, el('th', { text: k }), el('td', { text: v })))));

    const claimants = e.fatalities_by_claimant.length
      ? el('table', { class: 'claimants' },
        el('thead', {}, el('tr', {}, el('th', { text: 'Claimant' }), el('th', { text: 'Type' }), el('th', { class: 'num', text: 'Low' }),
          el('th', { class: 'num', text: 'Best' }), el('th', { class: 'num', text: 'High' }), el('th', { text: 'In' }))),
        el('tbody', {}, e.fatalities_by_claimant.map((c) => el('tr', {},
          el('td', {}, c.claimant, c.hedge ? el('span', { class: 'hedge', text: ` (${c.hedge})` }) : null),
          el('td', { text: c.claimant_type }), el('td', { class: 'num', text: c.low }), el('td', { class: 'num best', text: c.best }),
          el('td', { class: 'num', text: c.high }), el('td', { text: c.articles.join(', ') })))))
      : el('p', { class: 'sub', text: 'No claimant gave a figure.' });

    const claims = e.claims.length ? el('table', { class: 'claims' }, el('tbody', {}, e.claims.map((c) => el('tr', {},
      el('td', {}, el('strong', { text: c.claimant }), ` ${c.verb}`, c.hedge ? el('span', { class: 'hedge', text: ` (${c.hedge})` }) : null,
        el('div', { class: 'sub', text: `${c.claimant_type} · ${c.source}` })),
      el('td', { text: c.figures.map((f) => `${f.kind}: ${fmtRange(f.low, f.best, f.high)}`).join('; ') || '—' }))))) : null;

    const usedFields = [...new Set(e.reports.flatMap((r) => r.evidence.map((x) => x.field)))];
    const fieldKey = el('div', {}, usedFields.map((f) => el('span', { class: 'fk' }, el('i', { class: fieldClass(f) }), FIELD_LABELS[f] || f)));

    const reports = e.reports.map((r) => {
      const url = r.url && safeUrl(r.url);
      const box = el('div', { class: 'report', 'data-report': r.report_id },
        el('div', {}, el('span', { class: 'src', text: r.source }), r.published ? ` · ${r.published}` : '', r.near_duplicate_of ? ' · syndicated copy' : ''),
        r.title ? el('div', { text: r.title }) : null,
        url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer nofollow', text: url }) : null,
        el('div', { class: 'sub', text: `as reported: ${r.sub_event_type} · ${r.event_date || 'undated'} · ${r.location || 'no place'} · ${r.fatalities} † · ${r.match_rule}` }),
        el('p', { class: 'sub', text: 'Loading article…' }));
      api(`/api/articles/${r.article_id}`).then((a) => {
        box.lastChild.replaceWith(renderArticle(a, r.event_id, r.claim_ids));
      }).catch((err) => { box.lastChild.replaceWith(el('p', { class: 'error', text: String(err.message) })); });
      return box;
    });

    body.replaceChildren(
      el('h2', { text: `${e.sub_event_type} — ${e.location || e.country || 'unlocated'}` }),
      el('div', { class: 'sub', text: `${e.id} · ${e.disorder_type} · confidence ${e.confidence.toFixed(2)}` }),
      el('p', { text: e.notes }),
      facts,
      el('h3', { text: 'Claimants and their figures' }), claimants,
      el('h3', { text: `Sources (${e.reports.length} report${e.reports.length === 1 ? '' : 's'}) — evidence highlighted by field` }),
      fieldKey, ...reports,
      claims ? el('h3', { text: 'All claims' }) : null, claims);
    panel.scrollTop = 0;
  }
  $('close-panel').addEventListener('click', () => { $('panel').hidden = true; state.selected = null; drawMarkers(); drawList(Number($('count').dataset.total || 0)); });
  document.addEventListener('keydown', (k) => { if (k.key === 'Escape' && !$('panel').hidden) $('close-panel').click(); });

  // --------------------------------------------------------------- filters
  $('filters').addEventListener('submit', (ev) => { ev.preventDefault(); state.filters = readForm(); reload(true); closeFiltersOnPhone(); });
  $('f-country').addEventListener('change', () => { state.filters = readForm(); reload(true); });
  $('f-type').addEventListener('change', () => { state.filters = readForm(); reload(); });
  $('reset').addEventListener('click', () => { state.filters = {}; writeForm({}); reload(true); });
  $('toggle-filters').addEventListener('click', () => {
    const open = $('filters').classList.toggle('open');
    $('toggle-filters').setAttribute('aria-expanded', String(open));
  });
  function closeFiltersOnPhone() { $('filters').classList.remove('open'); $('toggle-filters').setAttribute('aria-expanded', 'false'); }

  // --------------------------------------------------------------- start
  const params = new URLSearchParams(location.search);
  for (const k of FILTER_KEYS) if (params.get(k)) state.filters[k] = params.get(k);
  legend();
  writeForm(state.filters);
  loadBorders();
  fillSelects().catch(showError);
  reload(true);
})();

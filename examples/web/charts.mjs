// SVG charts of a count, drawn here (no library): the round-by-round bars of an `irv`/`stv`
// count, the transfers between rounds as a Sankey diagram, and the final counts of other
// methods. Each comes with a <table> of the same numbers, for screen readers and checking.
import { h, s, table } from './dom.mjs';
import { t, fmt } from './i18n.mjs';

const PALETTE = ['#1f5fbf', '#b8581b', '#2f7d32', '#8e3ba8', '#a3122a', '#00707a', '#6b5a00', '#5b4a9e', '#8a1c1c', '#3d6b00'];
const INACTIVE = '#8c8c8c';
const WIDTH = 640;

/** A decimal string of the count ("4.00000") as a number. */
export const value = (text) => Number(text ?? 0);
/** A vote written briefly: whole numbers as they are, fractions to at most 3 places. */
export const votes = (text) => {
  const v = value(text);
  return Number.isInteger(v) ? fmt(v) : v.toLocaleString(undefined, { maximumFractionDigits: 3 });
};
/** The inactive ballots of a round: every cause together. */
export const inactiveOf = (round) => Object.values(round.inactive ?? {}).reduce((n, v) => n + value(v), 0);

/** Candidates in the order of their first-round votes, then any who appear later. */
function order(rounds) {
  const seen = new Map();
  for (const r of rounds) for (const [c, v] of Object.entries(r.tally)) if (!seen.has(c)) seen.set(c, value(v));
  return [...seen.keys()].sort((a, b) => seen.get(b) - seen.get(a) || (a < b ? -1 : 1));
}

const colours = (ids) => new Map(ids.map((id, k) => [id, PALETTE[k % PALETTE.length]]));

/** Where each candidate stands after each round: elected (in which round) or eliminated. */
function fates(rounds) {
  const elected = new Map();
  const eliminated = new Map();
  for (const r of rounds) {
    for (const c of r.elected ?? []) elected.set(c, r.round);
    for (const c of r.eliminated ?? []) eliminated.set(c, r.round);
  }
  return { elected, eliminated };
}

function svgRoot(titleText, descText, height, id) {
  return s('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, id },
    s('title', { id: `${id}-title` }, titleText), s('desc', { id: `${id}-desc` }, descText),
    s('defs', {}, s('pattern', { id: `${id}-hatch`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      s('rect', { width: 6, height: 6, fill: '#ffffff' }), s('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#a3122a', 'stroke-width': 3 }))));
}

/**
 * The round-by-round bar chart and its table: a bar per candidate per round, the elected
 * marked ✓, the eliminated ✗ (hatched), the inactive (exhausted) ballots in grey, and the
 * threshold as a dashed line.
 */
export function roundsChart(result, name, id = 'rounds') {
  const rounds = result.rounds;
  const ids = order(rounds);
  const colour = colours(ids);
  const { elected, eliminated } = fates(rounds);
  const max = Math.max(1, ...rounds.flatMap((r) => [...Object.values(r.tally).map(value), value(r.threshold), inactiveOf(r)]));
  const label = 150;
  const scale = (WIDTH - label - 110) / max;
  const bar = 18;
  let y = 8;
  const groups = [];
  for (const r of rounds) {
    const rows = [...ids.filter((c) => c in r.tally).map((c) => ({ c, v: value(r.tally[c]) })), { c: null, v: inactiveOf(r) }];
    const top = y;
    const g = s('g', { 'data-round': r.round });
    g.append(s('text', { x: 0, y: y + 13, 'font-weight': 700 }, t('chart.roundTitle', { round: r.round, threshold: votes(r.threshold) })));
    y += 22;
    for (const { c, v } of rows) {
      const out = c && r.eliminated?.includes(c);
      const won = c && r.elected?.includes(c);
      const held = c && elected.has(c) && elected.get(c) < r.round;
      const fill = c == null ? INACTIVE : out ? `url(#${id}-hatch)` : colour.get(c);
      g.append(
        s('text', { x: label - 6, y: y + 13, 'text-anchor': 'end' }, c == null ? t('chart.inactive') : truncate(name(c), 18)),
        s('rect', { x: label, y, width: Math.max(1, v * scale), height: bar, fill, stroke: '#1b1b1b', 'stroke-width': out || won ? 2 : 0.5, opacity: held ? 0.6 : 1 }),
        s('text', { x: label + v * scale + 6, y: y + 13 },
          `${votes(String(v))}${won ? ` ✓ ${t('chart.elected')}` : ''}${out ? ` ✗ ${t('chart.eliminated')}` : ''}`));
      y += bar + 4;
    }
    const tx = label + value(r.threshold) * scale;
    g.prepend(s('line', { x1: tx, x2: tx, y1: top + 18, y2: y - 2, stroke: '#1b1b1b', 'stroke-dasharray': '4 3', 'stroke-width': 1.5 }));
    groups.push(g);
    y += 12;
  }
  const svg = svgRoot(t('chart.roundsTitle'), t('chart.roundsDesc', { rounds: rounds.length, winners: result.winners.map(name).join('、') }), y, id);
  svg.append(...groups);
  const head = [t('chart.candidate'), ...rounds.map((r) => t('chart.round', { round: r.round }))];
  const mark = (c, r) => {
    if (!(c in r.tally)) return '—';
    const text = votes(r.tally[c]);
    if (r.elected?.includes(c)) return `${text} ✓ ${t('chart.elected')}`;
    if (r.eliminated?.includes(c)) return `${text} ✗ ${t('chart.eliminated')}`;
    return text;
  };
  const rows = [
    ...ids.map((c) => [{ th: name(c) }, ...rounds.map((r) => ({ class: 'num', td: h('span', { 'data-cell': `${c}@${r.round}` }, mark(c, r)) }))]),
    [{ th: t('chart.inactive') }, ...rounds.map((r) => ({ class: 'num', td: h('span', { 'data-cell': `inactive@${r.round}` }, votes(String(inactiveOf(r)))) }))],
    [{ th: t('chart.threshold') }, ...rounds.map((r) => ({ class: 'num', td: votes(r.threshold) }))],
  ];
  return h('div', { class: 'chart' }, box(svg, t('chart.roundsTitle')),
    table({ caption: t('chart.roundsTable'), head, rows, label: t('chart.roundsTable') }),
    legend(ids, colour, name));
}

function legend(ids, colour, name) {
  const swatch = (fill) => s('svg', { width: 14, height: 14, class: 'swatch', 'aria-hidden': 'true' },
    s('rect', { width: 14, height: 14, fill, stroke: '#1b1b1b' }));
  return h('p', { class: 'legend', 'aria-hidden': 'true' },
    ids.map((c) => h('span', {}, swatch(colour.get(c)), name(c))),
    h('span', {}, swatch(INACTIVE), t('chart.inactive')));
}

/** The chart in a scroll box: on a phone it keeps a legible size and scrolls sideways. */
const box = (svg, label) => h('div', { class: 'scroll chart-box', tabindex: 0, role: 'region', 'aria-label': label }, svg);

const truncate = (text, n) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/** The flows from round `r` to the next: kept votes, transfers, exhausted ballots. */
export function flows(rounds) {
  const out = [];
  for (let k = 0; k + 1 < rounds.length; k++) {
    const [r, next] = [rounds[k], rounds[k + 1]];
    const moved = new Map();
    for (const tr of r.transfers ?? []) {
      for (const [to, v] of Object.entries(tr.to)) out.push({ round: r.round, from: tr.from, to, v: value(v) });
      if (value(tr.exhausted)) out.push({ round: r.round, from: tr.from, to: null, v: value(tr.exhausted) });
      moved.set(tr.from, (moved.get(tr.from) ?? 0) + Object.values(tr.to).reduce((n, v) => n + value(v), 0) + value(tr.exhausted));
    }
    for (const c of Object.keys(next.tally)) {
      if (c in r.tally) out.push({ round: r.round, from: c, to: c, v: value(r.tally[c]) - (moved.get(c) ?? 0), stay: true });
    }
    if (inactiveOf(r) > 0) out.push({ round: r.round, from: null, to: null, v: inactiveOf(r), stay: true });
  }
  return out.filter((f) => f.v > 1e-9);
}

/** The Sankey diagram of the transfers between rounds, and its table. */
export function sankeyChart(result, name, id = 'sankey') {
  const rounds = result.rounds;
  const ids = order(rounds);
  const colour = colours(ids);
  const all = flows(rounds);
  const columns = rounds.map((r) => [...ids.filter((c) => c in r.tally).map((c) => ({ c, v: value(r.tally[c]) })),
    ...(inactiveOf(r) > 0 ? [{ c: null, v: inactiveOf(r) }] : [])]);
  const height = 360;
  const gap = 8;
  const total = Math.max(1, ...columns.map((col) => col.reduce((n, x) => n + x.v, 0)));
  const most = Math.max(1, ...columns.map((col) => col.length));
  const scale = (height - 30 - gap * most) / total;
  const nodeW = 14;
  const step = rounds.length > 1 ? (WIDTH - 130 - nodeW) / (rounds.length - 1) : 0;
  const nodes = columns.map((col, k) => {
    let y = 24;
    return new Map(col.map(({ c, v }) => {
      const node = { x: 110 + k * step, y, hgt: Math.max(1, v * scale), outY: y, inY: y };
      y += node.hgt + gap;
      return [c, node];
    }));
  });
  const svg = svgRoot(t('chart.sankeyTitle'), t('chart.sankeyDesc', { rounds: rounds.length }), height, id);
  const links = s('g', { 'fill-opacity': 0.45 });
  for (const f of all) {
    const k = rounds.findIndex((r) => r.round === f.round);
    const a = nodes[k]?.get(f.from);
    const b = nodes[k + 1]?.get(f.to);
    if (!a || !b) continue;
    const w = f.v * scale;
    const [x0, x1] = [a.x + nodeW, b.x];
    const [y0, y1] = [a.outY, b.inY];
    a.outY += w;
    b.inY += w;
    const mid = (x0 + x1) / 2;
    links.append(s('path', {
      d: `M${x0},${y0} C${mid},${y0} ${mid},${y1} ${x1},${y1} L${x1},${y1 + w} C${mid},${y1 + w} ${mid},${y0 + w} ${x0},${y0 + w} Z`,
      fill: f.from == null ? INACTIVE : colour.get(f.from), 'data-flow': `${f.from ?? 'inactive'}>${f.to ?? 'inactive'}@${f.round}`,
    }, s('title', {}, `${f.from == null ? t('chart.inactive') : name(f.from)} → ${f.to == null ? t('chart.inactive') : name(f.to)}: ${votes(String(f.v))}`)));
  }
  svg.append(links);
  rounds.forEach((r, k) => {
    svg.append(s('text', { x: 110 + k * step + nodeW / 2, y: 14, 'text-anchor': 'middle', 'font-weight': 700 }, t('chart.round', { round: r.round })));
    for (const [c, node] of nodes[k]) {
      const out = c && r.eliminated?.includes(c);
      svg.append(s('rect', { x: node.x, y: node.y, width: nodeW, height: node.hgt, fill: c == null ? INACTIVE : out ? `url(#${id}-hatch)` : colour.get(c), stroke: '#1b1b1b', 'stroke-width': 0.75 }));
      if (k === 0) svg.append(s('text', { x: node.x - 6, y: node.y + Math.min(node.hgt, 24) / 2 + 4, 'text-anchor': 'end' }, truncate(c == null ? t('chart.inactive') : name(c), 14)));
    }
  });
  const rows = all.filter((f) => !f.stay).map((f) => [
    { class: 'num', td: `${f.round} → ${f.round + 1}` }, f.from == null ? t('chart.inactive') : name(f.from),
    f.to == null ? t('chart.exhausted') : name(f.to), { class: 'num', td: h('span', { 'data-transfer': `${f.from}>${f.to ?? 'exhausted'}@${f.round}` }, votes(String(f.v))) }]);
  return h('div', { class: 'chart' }, box(svg, t('chart.sankeyTitle')),
    rows.length ? table({ caption: t('chart.sankeyTable'), head: [t('chart.rounds'), t('chart.from'), t('chart.to'), t('chart.votes')], rows, label: t('chart.sankeyTable') })
      : h('p', {}, t('chart.noTransfers')));
}

/** The final counts of a method without rounds, as bars, winners marked, and a table. */
export function countsChart(result, name, id = 'counts') {
  const ids = result.ranking.flat();
  const colour = colours(ids);
  const max = Math.max(1, ...ids.map((c) => result.counts[c] ?? 0));
  const label = 150;
  const scale = (WIDTH - label - 110) / max;
  const height = ids.length * 26 + 16;
  const svg = svgRoot(t('chart.countsTitle'), t('chart.countsDesc', { winners: result.winners.map(name).join('、') }), height, id);
  ids.forEach((c, k) => {
    const y = 8 + k * 26;
    const v = result.counts[c] ?? 0;
    const won = result.winners.includes(c);
    svg.append(s('text', { x: label - 6, y: y + 13, 'text-anchor': 'end' }, truncate(name(c), 18)),
      s('rect', { x: label, y, width: Math.max(1, v * scale), height: 18, fill: colour.get(c), stroke: '#1b1b1b', 'stroke-width': won ? 2 : 0.5 }),
      s('text', { x: label + v * scale + 6, y: y + 13 }, `${fmt(v)}${won ? ` ✓ ${t('chart.elected')}` : ''}`));
  });
  const rows = ids.map((c) => [{ th: name(c) }, { class: 'num', td: h('span', { 'data-count': c }, fmt(result.counts[c] ?? 0)) },
    result.winners.includes(c) ? `✓ ${t('chart.elected')}` : '']);
  return h('div', { class: 'chart' }, box(svg, t('chart.countsTitle')),
    table({ caption: t('chart.countsTable'), head: [t('chart.candidate'), t('chart.votes'), t('chart.result')], rows, label: t('chart.countsTable') }));
}

// View 5, replaying a draw: a seed and a list of ids give the public draw (the package's
// drawOrder, the same in Rust, Python and JavaScript), to check a published result; and a
// published audit file, dropped here, is re-run by the package's verify.
import { h, fill } from '../dom.mjs';
import { t, tx } from '../i18n.mjs';

const SEED = '懷德苑 2006 enrolment draw, council meeting of 2006-03-06';
/** Ids typed one per line, or separated by commas, semicolons, spaces or 、. */
const parseIds = (text) => text.split(/[\s,;，；、]+/u).map((x) => x.trim()).filter(Boolean);

export function mount(panel, ctx) {
  const state = { order: null, published: null, seed: '' };
  const id = (name) => `draw-${name}`;
  const seed = h('input', { type: 'text', id: id('seed'), value: SEED });
  const ids = h('textarea', { id: id('ids'), rows: 6, spellcheck: 'false' },
    Array.from({ length: 10 }, (_, k) => `r${String(k + 1).padStart(3, '0')}`).join('\n'));
  const published = h('textarea', { id: id('published'), rows: 4, spellcheck: 'false' });
  const output = h('div', { id: id('result'), 'aria-live': 'polite' });
  const message = h('div');
  const field = (key, control, hint) => h('div', { class: 'field' },
    tx('label', key, { for: control.id }), control, hint ? tx('p', hint, { class: 'hint' }) : null);
  const fromEnrolment = tx('button', 'draw.fromEnrolment', { type: 'button', class: 'secondary', id: id('from-enrolment') });
  fromEnrolment.addEventListener('click', () => {
    const a = ctx.allocation;
    if (!a) { fill(message, h('p', { role: 'alert', class: 'warn' }, t('draw.noEnrolment'))); return; }
    seed.value = a.seed;
    // The shared draw is over the applicants to shared programs, exactly the ids it ranks.
    ids.value = [...a.draw].sort().join('\n');
    published.value = a.draw.join('\n');
    replay();
  });
  const form = h('form', { id: id('form') },
    field('draw.seed', seed, 'draw.seedHint'), field('draw.ids', ids, 'draw.idsHint'),
    field('draw.published', published, 'draw.publishedHint'),
    h('div', { class: 'row' }, tx('button', 'draw.run', { type: 'submit', id: id('run') }), fromEnrolment), message);
  form.addEventListener('submit', (event) => { event.preventDefault(); replay(); });
  fill(panel, tx('h2', 'draw.title'), tx('p', 'draw.lead', { class: 'lead' }), form, output,
    tx('h3', 'draw.howHeading'), tx('p', 'draw.how'), auditSection(ctx));

  async function replay() {
    fill(message);
    try {
      state.seed = seed.value;
      state.order = await ctx.call('drawOrder', seed.value, parseIds(ids.value));
      state.published = published.value.trim() ? parseIds(published.value) : null;
      render();
      output.dataset.run = String((Number(output.dataset.run) || 0) + 1);
      ctx.announce(t('draw.done', { count: state.order.length }));
    } catch (err) { ctx.showError(message, err); }
  }

  function render() {
    if (!state.order) return;
    const { order, published: given } = state;
    let check = null;
    if (given) {
      // A draw ranks exactly its ids: other ids on either side make it another draw.
      const listed = new Set(given);
      const ours = new Set(order);
      const onlyOurs = order.filter((x) => !listed.has(x)).length;
      const onlyTheirs = given.filter((x) => !ours.has(x)).length;
      const first = order.findIndex((x, k) => given[k] !== x);
      const same = !onlyOurs && !onlyTheirs && first < 0 && given.length === order.length;
      const text = onlyOurs || onlyTheirs
        ? t('draw.otherIds', { ours: onlyOurs, theirs: onlyTheirs })
        : !same ? t('draw.differs', { place: (first < 0 ? Math.min(order.length, given.length) : first) + 1,
          ours: order[first] ?? '—', theirs: given[first] ?? '—' })
          : t('draw.matches', { count: given.length });
      check = h('p', { class: `result ${same ? 'passed' : 'failed'}`, id: id('check'), 'data-match': String(same),
        'data-only-ours': onlyOurs, 'data-only-theirs': onlyTheirs }, text);
    }
    fill(output, h('p', {}, t('draw.summary', { count: order.length, seed: state.seed })), check,
      orderList(order));
  }

  return { render, shown() {} };
}

/** A published audit file (`.audit.json`), re-run by `verify`: "verified" or what differs. */
function auditSection(ctx) {
  const file = h('input', { type: 'file', id: 'draw-audit-file', accept: '.json,application/json' });
  const output = h('div', { id: 'draw-audit-result', 'aria-live': 'polite' });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    fill(output);
    let audit;
    try {
      audit = JSON.parse(await chosen.text());
    } catch {
      fill(output, h('p', { role: 'alert', class: 'warn' }, t('draw.auditNotJson', { name: chosen.name })));
      return;
    }
    try {
      const report = await ctx.call('verify', audit);
      const key = report.ok ? 'draw.verified' : report.code === 'inputs_withheld' ? 'draw.withheld' : 'draw.auditDiffers';
      fill(output,
        h('p', { class: `result ${report.ok ? 'passed' : 'failed'}`, id: 'draw-audit-check', 'data-code': report.code, 'data-ok': String(report.ok) },
          t(key, { name: chosen.name, kind: report.kind, version: report.audit_version })),
        report.differences.length ? h('ul', { id: 'draw-audit-differences' }, report.differences.map((d) =>
          h('li', { 'data-code': d.code }, h('code', {}, d.code), ' ', d.path,
            d.expected != null ? ` (${d.expected} → ${d.found ?? '—'})` : ''))) : null);
      ctx.announce(t(key, { name: chosen.name, kind: report.kind, version: report.audit_version }));
    } catch (err) { ctx.showError(output, err); }
  });
  return [tx('h3', 'draw.auditHeading'), tx('p', 'draw.auditLead'),
    h('div', { class: 'field' }, tx('label', 'draw.auditFile', { for: file.id }), file, tx('p', 'draw.auditFileHint', { class: 'hint' })),
    output];
}

/** The order: the first hundred shown, the rest (up to 20,000) behind a disclosure. */
function orderList(order) {
  const items = order.slice(0, 20_000).map((x) => h('li', { 'data-id': x }, x));
  const list = h('ol', { class: 'order', id: 'draw-order' }, items.slice(0, 100));
  if (order.length <= 100) return list;
  return [list, h('details', {}, h('summary', {}, t('draw.rest', { last: Math.min(order.length, 20_000) })),
    h('ol', { class: 'order', start: 101 }, items.slice(100))),
    order.length > 20_000 ? h('p', {}, t('enrol.more', { count: order.length - 20_000 })) : null];
}

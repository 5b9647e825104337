// View 1, the plan: sections, goals and targets; the programs; a week's and a month's
// timetable by venue; the validation findings; the plan as an iCalendar file.
import { h, fill, table, download } from '../dom.mjs';
import { t, tx, code, date, fmt, language } from '../i18n.mjs';
import { range, weekTable, monthTable } from './timetable.mjs';

const field = (key, control, hint) => h('div', { class: 'field' },
  tx('label', key, { for: control.id }), control, hint ? tx('p', hint, { class: 'hint' }) : null);

/** The view's controls and the places its results go. */
function controls(day) {
  return {
    head: h('div'),
    body: h('div'),
    timetable: h('div', { 'aria-live': 'polite', id: 'plan-timetable' }),
    findings: h('div', { id: 'plan-findings', 'aria-live': 'polite' }),
    message: h('div'),
    upload: h('input', { type: 'file', id: 'plan-file', accept: '.toml,.json,text/plain,application/json' }),
    span: h('select', { id: 'plan-span' },
      h('option', { value: 'week', 'data-i18n': 'plan.week' }, t('plan.week')),
      h('option', { value: 'month', 'data-i18n': 'plan.month' }, t('plan.month'))),
    day: h('input', { type: 'date', id: 'plan-day', value: day }),
    venue: h('select', { id: 'plan-venue' }),
    icsProgram: h('select', { id: 'plan-ics-program' }),
  };
}

function layout(el, view) {
  return [el.head,
    h('fieldset', { class: 'panel' }, tx('legend', 'plan.source'),
      h('div', { class: 'row' },
        field('plan.upload', el.upload, 'plan.uploadHint'),
        h('div', { class: 'field' },
          button('plan.useSeed', () => view.use(null), 'secondary', 'plan-seed'),
          button('plan.useDraft', () => view.use(draftWithMistakes(view.ctx.plan)), 'secondary', 'plan-draft'))),
      el.message),
    el.body,
    tx('h3', 'plan.timetable', { id: 'plan-timetable-heading' }),
    h('div', { class: 'row' }, field('plan.span', el.span), field('plan.day', el.day), field('plan.venue', el.venue)),
    el.timetable,
    tx('h3', 'plan.validation'),
    el.findings,
    tx('h3', 'plan.ics'),
    h('div', { class: 'row' }, field('plan.icsProgram', el.icsProgram),
      h('div', { class: 'field' }, button('plan.download', () => view.downloadIcs(), null, 'plan-ics')))];
}

class PlanView {
  constructor(panel, ctx) {
    this.ctx = ctx;
    this.seed = ctx.plan;
    this.state = { report: null, occurrences: [], span: 'week', day: '2006-03-06', venue: '', error: null };
    this.el = controls(this.state.day);
    const { upload, span, day, venue } = this.el;
    upload.addEventListener('change', () => this.uploaded());
    for (const control of [span, day, venue]) {
      control.addEventListener('change', () => {
        Object.assign(this.state, { span: span.value, day: day.value || this.state.day, venue: venue.value });
        this.refreshTimetable();
      });
    }
    fill(panel, layout(this.el, this));
    ctx.onPlan(() => this.render());
    this.use(null);
  }

  async uploaded() {
    const file = this.el.upload.files[0];
    if (!file) return;
    try {
      const text = await file.text();
      const plan = file.name.endsWith('.json') ? JSON.parse(text) : await this.ctx.call('planFromToml', text);
      await this.use(plan);
    } catch (err) { this.ctx.showError(this.el.message, err); }
  }

  /** Uses `plan` (the Huaideyuan plan when null) in every view, validated. */
  async use(plan) {
    fill(this.el.message);
    const next = plan ?? this.seed;
    try {
      this.state.report = await this.ctx.call('validatePlan', next);
      this.ctx.setPlan(next);
      await this.refreshTimetable();
      this.render();
      this.ctx.announce(t('plan.loaded', { title: next.title ?? next.id }));
    } catch (err) { this.ctx.showError(this.el.message, err); }
  }

  async refreshTimetable() {
    const { from, to } = range(this.state);
    const venue = this.state.venue ? { venue: this.state.venue } : {};
    try {
      this.state.occurrences = await this.ctx.call('planOccurrences', this.ctx.plan, { from, to, ...venue });
      this.state.error = null;
    } catch (err) { Object.assign(this.state, { error: err, occurrences: [] }); }
    this.renderTimetable();
  }

  async downloadIcs() {
    const stamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const program = this.el.icsProgram.value;
    try {
      const text = await this.ctx.call('planToIcs', this.ctx.plan, { stamp, ...(program ? { program } : {}) });
      download(text, `${program || this.ctx.plan.id}.ics`, 'text/calendar');
      this.ctx.announce(t('plan.icsReady'));
    } catch (err) { this.ctx.showError(this.el.message, err); }
  }

  render() {
    const plan = this.ctx.plan;
    const { head, body, venue, icsProgram } = this.el;
    fill(head, h('h2', {}, plan.title ?? plan.id),
      h('p', { class: 'lead' }, t('plan.meta', { community: plan.community, year: String(plan.year), timezone: plan.timezone })),
      plan.description ? h('p', { lang: 'en' }, plan.description) : null);
    fill(body, sections(plan), programs(plan));
    const venues = [['', t('plan.allVenues')], ...(plan.venues ?? []).map((v) => [v.id, v.name])];
    fill(venue, venues.map(([id, name]) => h('option', { value: id, selected: id === this.state.venue }, name)));
    fill(icsProgram, [['', t('plan.allPrograms')],
      ...plan.programs.filter((p) => p.schedule).map((p) => [p.id, p.title])]
      .map(([id, name]) => h('option', { value: id }, name)));
    this.renderTimetable();
    this.renderFindings();
  }

  renderFindings() {
    const r = this.state.report;
    if (!r) return;
    const rows = r.findings.map((f) => [
      h('span', { class: `badge ${f.severity === 'error' ? 'bad' : 'warn'}` }, code('severity', f.severity)),
      h('code', {}, f.path), h('code', { 'data-finding': f.path }, f.code), findingText(f)]);
    fill(this.el.findings,
      h('p', { class: r.ok ? 'ok' : 'bad', 'data-errors': r.errors, 'data-warnings': r.warnings },
        t('plan.findingsSummary', { errors: r.errors, warnings: r.warnings })),
      rows.length ? table({ caption: t('plan.findings'), head: [t('plan.severity'), t('plan.path'), t('plan.code'), t('plan.message')], rows }) : null);
  }

  renderTimetable() {
    const { state, el } = this;
    if (state.error) { this.ctx.showError(el.timetable, state.error); return; }
    const plan = this.ctx.plan;
    const { from, to } = range(state);
    const venueName = (id) => (plan.venues ?? []).find((v) => v.id === id)?.name ?? id;
    const caption = state.span === 'week'
      ? t('plan.weekCaption', { from: date(from), to: date(to) })
      : t('plan.monthCaption', { month: date(from, { year: 'numeric', month: 'long' }) });
    const count = h('p', { class: 'hint', 'data-sessions': state.occurrences.length },
      t('plan.sessions', { count: state.occurrences.length }));
    fill(el.timetable, count, state.span === 'week'
      ? weekTable(state.occurrences, from, caption, venueName, state.venue)
      : monthTable(state.occurrences, from, to, caption, venueName));
  }
}

export function mount(panel, ctx) {
  const view = new PlanView(panel, ctx);
  return { render: () => view.render(), shown() {} };
}

/**
 * A finding in words: the page's label for its code, then the library's message, which is
 * English today (LANG: once the library takes `lang`, ask validatePlan for the current one).
 */
function findingText(f) {
  const label = code('finding', f.code);
  const text = h('span', { lang: 'en' }, f.message);
  return language() === 'en' || label === f.code ? text : [label, h('br'), text];
}

function button(key, onclick, className, id) {
  const b = tx('button', key, { type: 'button', class: className, id });
  b.addEventListener('click', onclick);
  return b;
}

function sections(plan) {
  const programTitle = (id) => plan.programs.find((p) => p.id === id)?.title ?? id;
  return h('div', {}, tx('h3', 'plan.sections'), (plan.sections ?? []).map((section) => h('div', { class: 'card' },
    h('h4', {}, section.title),
    section.description ? h('p', { lang: 'en', class: 'hint' }, section.description) : null,
    h('ul', {}, (section.goals ?? []).map((goal) => h('li', {}, h('strong', {}, goal.title),
      goal.description ? [' — ', h('span', { lang: 'en' }, goal.description)] : '',
      goal.targets?.length ? h('ul', {}, goal.targets.map((target) => h('li', { 'data-target': target.id },
        t('plan.target', { measure: code('measure', target.measure), at_least: target.at_least }),
        target.programs?.length ? t('plan.targetIn', { programs: target.programs.map(programTitle).join('、') }) : '',
        target.by ? t('plan.targetBy', { by: date(target.by, { year: 'numeric', month: 'long', day: 'numeric' }) }) : ''))) : null))))));
}

function programs(plan) {
  const venueName = (id) => (plan.venues ?? []).find((v) => v.id === id)?.name ?? id;
  const rows = plan.programs.map((p) => [
    { th: [p.title, h('br'), h('code', {}, p.id)] },
    code('kind', p.kind),
    schedule(p.schedule, plan.calendar?.periods ?? []),
    p.capacity ? (p.capacity.min ? `${fmt(p.capacity.min)}–${fmt(p.capacity.max)}` : t('plan.upTo', { max: p.capacity.max })) : '—',
    (p.venues ?? []).map(venueName).join('、') || '—',
    [p.conditions?.length ? h('span', { class: 'badge warn' }, t('plan.conditional')) : '',
      p.confidential ? [' ', h('span', { class: 'badge warn' }, t('plan.confidential'))] : '',
      p.audience ? [' ', h('span', { class: 'badge' }, t('plan.restricted'))] : ''],
  ]);
  return h('div', {}, tx('h3', 'plan.programs'),
    table({ caption: t('plan.programsCaption', { count: plan.programs.length }),
      head: [t('plan.program'), t('plan.kind'), t('plan.when'), t('plan.seats'), t('plan.venues'), t('plan.notes')], rows }));
}

function schedule(s, periods) {
  if (!s) return '—';
  const parts = [t('plan.from', { first: date(s.first, { year: 'numeric', month: 'numeric', day: 'numeric' }) })];
  if (s.time) parts.push(`${s.time.from.slice(0, 5)}–${s.time.to.slice(0, 5)}`);
  if (s.days) parts.push(t('plan.days', { days: s.days }));
  if (s.within?.length) parts.push(t('plan.within', { periods: s.within.map((id) => periods.find((x) => x.id === id)?.title ?? id).join('、') }));
  return h('span', {}, parts.join(' · '), s.rrule ? [h('br'), h('code', {}, s.rrule)] : '',
    s.dates?.length ? [h('br'), t('plan.dates', { count: s.dates.length })] : '');
}

/**
 * The plan with two mistakes a draft might have: the chorus moved into the meeting room
 * (which holds 20 of its 40) at the time of the policy study there. For the findings.
 */
function draftWithMistakes(plan) {
  const draft = structuredClone(plan);
  const chorus = draft.programs.find((p) => p.id === 'chorus');
  const study = draft.programs.find((p) => p.id === 'policy_study');
  if (chorus && study?.schedule && chorus.schedule) {
    chorus.venues = [...(study.venues ?? [])];
    chorus.schedule = { ...chorus.schedule, first: study.schedule.first, time: study.schedule.time, rrule: study.schedule.rrule };
  }
  draft.title = `${draft.title ?? draft.id} ${language() === 'zh' ? '（草稿）' : '(draft)'}`;
  return draft;
}

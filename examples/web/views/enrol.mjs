// View 2, enrolment: residents and applications (the Huaideyuan files, uploads read by the
// package's table readers, or a generated sample of any size), the published seed, the
// allocation in the Web Worker with its stages shown, then rosters, waiting lists,
// cancellations, conditional programs, why anyone got what they got, and the workbook.
import { h, fill, table, download, fileInput, ownBytes } from '../dom.mjs';
import { t, tx, code, fmt } from '../i18n.mjs';
import { explainPerson } from './why.mjs';

const PUBLISHED_SEED = '懷德苑 2006 enrolment draw, council meeting of 2006-03-06';

const id = (name) => `enrol-${name}`;
const field = (key, control, hint) => h('div', { class: 'field' },
  tx('label', key, { for: control.id }), control, hint ? tx('p', hint, { class: 'hint' }) : null);
const radio = (value, key, checked) => h('label', { class: 'check' },
  h('input', { type: 'radio', name: 'enrol-source', value, id: id(`source-${value}`), checked }), tx('span', key));

/** The view's controls (built once; `translate` keeps their labels in the language). */
function controls() {
  return {
    peopleFile: h('input', { type: 'file', id: id('people'), accept: '.csv,.xlsx,.xls,.ods,text/csv' }),
    applicationsFile: h('input', { type: 'file', id: id('applications'), accept: '.csv,.xlsx,.xls,.ods,text/csv' }),
    size: h('input', { type: 'number', id: id('size'), min: 10, max: 200000, step: 10, value: 5000 }),
    sampleSeed: h('input', { type: 'text', id: id('sample-seed'), value: 'sample 2006' }),
    seed: h('input', { type: 'text', id: id('seed'), value: PUBLISHED_SEED }),
    asOf: h('input', { type: 'date', id: id('as-of'), value: '2006-03-06' }),
    mechanism: h('select', { id: id('mechanism') },
      ['', 'deferred_acceptance', 'serial_dictatorship', 'first_come'].map((m) => h('option', { value: m }))),
    run: tx('button', 'enrol.run', { type: 'submit', id: id('run') }),
    // The stage is a live region (said when it changes); the elapsed time beside it is not.
    stage: h('span', { id: id('stage'), role: 'status' }),
    elapsed: h('span', { class: 'hint', 'aria-hidden': 'true' }),
    bar: h('progress', { id: id('bar'), max: 1, hidden: true, 'aria-labelledby': id('stage') }),
    message: h('div'),
    results: h('div', { id: id('results') }),
  };
}

/** The form: where the residents and applications come from, the draw, the progress. */
function layout(el) {
  return h('form', { id: id('form') },
    h('fieldset', {}, tx('legend', 'enrol.source'),
      h('div', { class: 'row' },
        radio('example', 'enrol.example', true), radio('upload', 'enrol.upload'), radio('sample', 'enrol.sample')),
      h('div', { class: 'row' }, field('enrol.peopleFile', el.peopleFile, 'enrol.peopleHint'),
        field('enrol.applicationsFile', el.applicationsFile, 'enrol.applicationsHint')),
      h('div', { class: 'row' }, field('enrol.size', el.size), field('enrol.sampleSeed', el.sampleSeed, 'enrol.sampleHint'))),
    h('fieldset', {}, tx('legend', 'enrol.draw'),
      h('div', { class: 'row' }, field('enrol.seed', el.seed, 'enrol.seedHint'), field('enrol.asOf', el.asOf),
        field('enrol.mechanism', el.mechanism))),
    h('div', { class: 'row' }, el.run),
    h('div', { class: 'progress' }, el.bar, h('p', {}, el.stage, ' ', el.elapsed)),
    el.message);
}

class EnrolView {
  constructor(panel, ctx) {
    this.ctx = ctx;
    this.state = { result: null, progress: null, person: '', plan: null };
    this.el = controls();
    this.form = layout(this.el);
    // Choosing a file selects the upload source; changing the sample, the sample.
    for (const input of [this.el.peopleFile, this.el.applicationsFile]) {
      input.addEventListener('change', () => { this.form.querySelector(`#${id('source-upload')}`).checked = true; });
    }
    for (const input of [this.el.size, this.el.sampleSeed]) {
      input.addEventListener('input', () => { this.form.querySelector(`#${id('source-sample')}`).checked = true; });
    }
    this.form.addEventListener('submit', (event) => { event.preventDefault(); this.start(); });
    fill(panel, tx('h2', 'enrol.title'), tx('p', 'enrol.lead', { class: 'lead' }), this.form, this.el.results);
    this.render();
  }

  /** The job's source: the example's files, the uploads, or a sample to generate. */
  async source() {
    const { peopleFile, applicationsFile, size, sampleSeed } = this.el;
    const kind = this.form.querySelector('input[name="enrol-source"]:checked').value;
    if (kind === 'sample') return { kind, size: Math.max(1, Math.min(200_000, Number(size.value) || 1000)), seed: sampleSeed.value };
    if (kind === 'upload') {
      if (!peopleFile.files[0] || !applicationsFile.files[0]) throw Object.assign(new Error(t('enrol.needFiles')), { code: 'missing_file' });
      return { kind: 'files', people: await fileInput(peopleFile.files[0]), applications: await fileInput(applicationsFile.files[0]) };
    }
    return { kind: 'files', people: { name: 'people.csv', bytes: await ownBytes('data/people.csv') },
      applications: { name: 'applications.xlsx', bytes: await ownBytes('data/applications.xlsx') } };
  }

  /** Runs the enrolment job in the worker, showing its stages as they come. */
  async start() {
    const { message, run, bar, stage, elapsed, seed, asOf, mechanism, results } = this.el;
    const { ctx, state } = this;
    fill(message);
    state.progress = null;
    run.disabled = true;
    const began = performance.now();
    const timer = setInterval(() => this.showProgress(state.progress, began), 250);
    try {
      const input = { plan: ctx.plan, source: await this.source(),
        options: { seed: seed.value, as_of: asOf.value, ...(mechanism.value ? { mechanism: mechanism.value } : {}) } };
      state.result = await ctx.job('enrol', input, (p) => { state.progress = p; this.showProgress(p, began); });
      state.plan = ctx.plan;
      // The draw view replays the shared draw from this allocation.
      ctx.allocation = state.result.allocation;
      state.person = '';
      this.render();
      results.dataset.run = String((Number(results.dataset.run) || 0) + 1);
      ctx.announce(t('enrol.done', summaryParams(state.result)));
    } catch (err) {
      ctx.showError(message, err);
      fill(stage);
      fill(elapsed);
    } finally {
      clearInterval(timer);
      bar.hidden = true;
      run.disabled = false;
    }
  }

  showProgress(p, began) {
    if (!p) return;
    const { bar, stage, elapsed } = this.el;
    const seconds = ((performance.now() - began) / 1000).toFixed(1);
    bar.hidden = p.stage === 'done';
    if (p.stage === 'generate') { bar.max = p.total; bar.value = p.done; } else bar.removeAttribute('value');
    const text = t(`enrol.stage.${p.stage}`, p);
    if (stage.textContent !== text) stage.textContent = text;
    elapsed.textContent = p.stage === 'done' ? '' : `· ${t('enrol.elapsed', { seconds })}`;
    stage.dataset.stage = p.stage;
  }

  render() {
    const { mechanism, stage, results } = this.el;
    const { state } = this;
    mechanism.options[0].textContent = t('enrol.mechanismPlan');
    for (const option of [...mechanism.options].slice(1)) option.textContent = code('mechanism', option.value);
    if (state.progress) stage.textContent = t(`enrol.stage.${state.progress.stage}`, state.progress);
    if (!state.result) return;
    const { allocation, read } = state.result;
    const plan = state.plan;
    fill(results,
      tx('h3', 'enrol.summary'),
      h('p', { id: id('summary') }, t('enrol.summaryText', summaryParams(state.result))),
      readerFindings(read),
      tx('h3', 'enrol.programs'),
      programTable(plan, allocation),
      conditional(plan, allocation),
      tx('h3', 'enrol.rosters'),
      rosters(plan, allocation),
      tx('h3', 'enrol.why'),
      this.why(),
      tx('h3', 'enrol.results'),
      this.downloadButton());
  }

  /** The person's id, and why they got what they got. */
  why() {
    const { allocation, people } = this.state.result;
    const plan = this.state.plan;
    const personInput = h('input', { type: 'text', id: id('person'), list: id('people-list'), value: this.state.person, autocomplete: 'off' });
    const out = h('div', { id: id('why'), 'aria-live': 'polite' });
    const explain = () => {
      this.state.person = personInput.value.trim();
      fill(out, this.state.person ? explainPerson(this.state.person, { allocation, people, plan }) : null);
    };
    personInput.addEventListener('change', explain);
    const button = tx('button', 'enrol.explain', { type: 'button', id: id('explain'), class: 'secondary' });
    button.addEventListener('click', explain);
    if (this.state.person) explain();
    return [h('div', { class: 'row' },
      h('div', { class: 'field' }, tx('label', 'enrol.person', { for: id('person') }), personInput,
        tx('p', 'enrol.personHint', { class: 'hint' })), button),
    h('datalist', { id: id('people-list') }, Object.keys(allocation.decisions).slice(0, 2000).map((p) => h('option', { value: p }))),
    out];
  }

  /** The allocation as a workbook (the package's writeTable), offered as a download. */
  downloadButton() {
    const button = tx('button', 'enrol.download', { type: 'button', id: id('xlsx') });
    button.addEventListener('click', async () => {
      try {
        download(await this.ctx.call('writeTable', 'allocation', this.state.result.allocation), 'enrolment.xlsx',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        this.ctx.announce(t('enrol.xlsxReady'));
      } catch (err) { this.ctx.showError(this.el.message, err); }
    });
    return button;
  }
}

export function mount(panel, ctx) {
  const view = new EnrolView(panel, ctx);
  return { render: () => view.render(), shown() {} };
}

function summaryParams({ people, applications, allocation, ms }) {
  return {
    people: people.length,
    households: new Set(people.map((p) => p.household).filter(Boolean)).size,
    applications: applications.length,
    choices: applications.reduce((n, a) => n + a.choices.length, 0),
    mechanism: code('mechanism', allocation.mechanism),
    iterations: allocation.iterations,
    seed: allocation.seed,
    ms,
  };
}

// LANG: the readers' messages are English; once readPeople/readApplications take `lang`, pass it.
function readerFindings(read) {
  const rows = [];
  for (const [file, r] of [['people', read.people], ['applications', read.applications]]) {
    for (const f of r?.findings ?? []) rows.push([t(`enrol.file.${file}`), h('code', {}, f.path), h('code', {}, f.code), h('span', { lang: 'en' }, f.message ?? '')]);
  }
  if (!read.people) return null;
  const sheet = read.applications?.sheet ? t('enrol.sheet', { sheet: read.applications.sheet, row: read.applications.header_row }) : '';
  return h('div', {},
    h('p', { class: 'hint' }, t('enrol.columns', { columns: Object.values(read.people.columns).join('、') }), ' ', sheet),
    rows.length
      ? table({ caption: t('enrol.findings'), head: [t('enrol.fileCol'), t('plan.path'), t('plan.code'), t('plan.message')], rows })
      : h('p', { class: 'ok' }, t('enrol.noFindings')));
}

function status(outcome) {
  if (outcome.status === 'running') return h('span', { class: 'badge ok' }, code('status', 'running'));
  return h('span', { class: 'badge bad' }, code('status', outcome.status), outcome.reason ? ` · ${code('reason', outcome.reason)}` : '');
}

function programTable(plan, allocation) {
  const rows = [];
  for (const program of plan.programs.filter((p) => p.capacity)) {
    const o = allocation.programs[program.id];
    const seats = program.capacity.min ? `${program.capacity.min}–${program.capacity.max}` : t('plan.upTo', { max: program.capacity.max });
    if (!o) {
      rows.push([{ th: program.title }, h('span', { class: 'badge warn' }, t('plan.confidential')), { class: 'num', td: seats }, '—', '—', '—']);
      continue;
    }
    rows.push([{ th: program.title }, status(o), { class: 'num', td: seats },
      { class: 'num', td: h('span', { 'data-applicants': program.id }, fmt(o.applicants)) },
      { class: 'num', td: h('span', { 'data-enrolled': program.id }, fmt(o.enrolled.length)) },
      { class: 'num', td: h('span', { 'data-waitlist': program.id }, fmt(o.waitlist.length)) }]);
  }
  const confidential = plan.programs.filter((p) => p.capacity && !allocation.programs[p.id]);
  return h('div', {},
    table({ caption: t('enrol.programsCaption'), head: [t('plan.program'), t('enrol.status'), t('plan.seats'),
      t('enrol.applicants'), t('enrol.enrolled'), t('enrol.waiting')], rows }),
    confidential.length ? h('p', { class: 'hint' }, t('enrol.confidentialNote', { programs: confidential.map((p) => p.title).join('、') })) : null);
}

/** Conditional programs: each condition in words with what was counted, and the outcome. */
function conditional(plan, allocation) {
  const programs = plan.programs.filter((p) => p.conditions?.length && allocation.programs[p.id]);
  if (!programs.length) return null;
  const describe = (c) => {
    if (c.demand_at_least) {
      const { program, applicants } = c.demand_at_least;
      return t('enrol.demand', { program: titleOf(plan, program), applicants, had: allocation.programs[program]?.applicants ?? 0 });
    }
    if (c.fill_at_least) {
      const { program, percent } = c.fill_at_least;
      const max = plan.programs.find((p) => p.id === program)?.capacity?.max ?? 0;
      return t('enrol.fill', { program: titleOf(plan, program), percent, had: allocation.programs[program]?.enrolled.length ?? 0, max });
    }
    const [kind, list] = c.all ? ['and', c.all] : ['or', c.any ?? []];
    return list.map(describe).join(t(`enrol.${kind}`));
  };
  return h('div', {}, tx('h4', 'enrol.conditional'), h('ul', {}, programs.map((p) => {
    const opened = allocation.programs[p.id].reason !== 'conditions_not_met';
    return h('li', { 'data-conditional': p.id, 'data-opened': String(opened) }, h('strong', {}, p.title), ': ',
      p.conditions.map(describe).join(t('enrol.and')), ' — ',
      h('span', { class: `badge ${opened ? 'ok' : 'bad'}` }, t(opened ? 'enrol.opened' : 'enrol.notOpened')));
  })));
}

const titleOf = (plan, id) => plan.programs.find((p) => p.id === id)?.title ?? id;

function rosters(plan, allocation) {
  const list = (ids) => (ids.length ? h('ol', { class: 'order' }, ids.slice(0, 500).map((p) => h('li', {}, p)),
    ids.length > 500 ? h('li', {}, t('enrol.more', { count: ids.length - 500 })) : null) : h('p', {}, '—'));
  return plan.programs.filter((p) => p.capacity && allocation.programs[p.id]).map((p) => {
    const o = allocation.programs[p.id];
    return h('details', { 'data-roster': p.id },
      h('summary', {}, p.title, ' — ', t('enrol.rosterSummary', { enrolled: o.enrolled.length, waiting: o.waitlist.length })),
      tx('h4', 'enrol.roster'), list(o.enrolled),
      o.waitlist.length ? [tx('h4', 'enrol.waitlist'), list(o.waitlist)] : null);
  });
}

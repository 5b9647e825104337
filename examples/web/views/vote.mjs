// View 3, the exhibition vote: the plan's categories (one election each, built by the
// package from the works entered), ballots typed, or read from a ballot file or a form
// export, any counting method, then the winners, a round-by-round bar chart and a Sankey
// of the transfers (with tables of the same numbers), rejected ballots and ties.
import { h, fill, table, fileInput, ownText } from '../dom.mjs';
import { t, tx, code, fmt } from '../i18n.mjs';
import { roundsChart, sankeyChart, countsChart } from '../charts.mjs';

const METHODS = ['irv', 'stv', 'plurality', 'approval', 'borda', 'schulze', 'ranked_pairs', 'copeland'];
const APPROVAL = new Set(['approval', 'sav', 'pav', 'cc', 'seq_pav', 'seq_cc', 'rev_seq_pav', 'seq_phragmen', 'slav', 'seq_slav', 'geom2']);
const FORMATS = ['blt', 'preflib', 'csv', 'rctab_csv', 'cdf_json', 'cdf_xml', 'google_forms', 'microsoft_forms', 'wjx', 'tencent_forms'];
const SEED = '懷德苑 2006 art exhibition, public draw of 28 September';

/** The format a file's name suggests; form exports and workbooks need choosing. */
function guessFormat(name) {
  const ext = name.toLowerCase().split('.').pop();
  return { blt: 'blt', toi: 'preflib', soi: 'preflib', toc: 'preflib', soc: 'preflib', csv: 'csv', json: 'cdf_json', xml: 'cdf_xml' }[ext] ?? null;
}

const id = (name) => `vote-${name}`;

/** The view's controls (built once; `translate` keeps their labels in the language). */
function controls() {
  return {
    category: h('select', { id: id('category') }),
    method: h('select', { id: id('method') }, METHODS.map((m) => h('option', { value: m }))),
    seats: h('input', { type: 'number', id: id('seats'), min: 1, max: 50, value: 1 }),
    seed: h('input', { type: 'text', id: id('seed'), value: SEED }),
    typed: h('textarea', { id: id('typed'), rows: 8, spellcheck: 'false', 'data-i18n-attr': 'placeholder:vote.typedPlaceholder' }),
    file: h('input', { type: 'file', id: id('file'), accept: '.blt,.toi,.soi,.toc,.soc,.csv,.json,.xml,.xlsx,.xls' }),
    format: h('select', { id: id('format') }, h('option', { value: '' }), FORMATS.map((f) => h('option', { value: f }))),
    question: h('input', { type: 'text', id: id('question') }),
    message: h('div'),
    results: h('div', { id: id('results'), 'aria-live': 'polite' }),
  };
}

const field = (key, control, hint) => h('div', { class: 'field' },
  tx('label', key, { for: control.id }), control, hint ? tx('p', hint, { class: 'hint' }) : null);
const radio = (value, key, checked) => h('label', { class: 'check' },
  h('input', { type: 'radio', name: 'vote-source', value, id: id(`source-${value}`), checked }), tx('span', key));
function button(key, onclick, attrs = {}) {
  const b = tx('button', key, { type: 'button', class: 'secondary', ...attrs });
  b.addEventListener('click', onclick);
  return b;
}

/** The form: the election, then the ballots (typed or a file). */
function layout(el, view) {
  return h('form', { id: id('form') },
    h('fieldset', {}, tx('legend', 'vote.election'),
      h('div', { class: 'row' }, field('vote.category', el.category, 'vote.categoryHint'), field('vote.method', el.method),
        field('vote.seats', el.seats), field('vote.seed', el.seed, 'vote.seedHint'))),
    h('fieldset', {}, tx('legend', 'vote.ballots'),
      h('div', { class: 'row' }, radio('typed', 'vote.typed', true), radio('file', 'vote.file')),
      field('vote.typedLabel', el.typed, 'vote.typedHint'),
      h('div', { class: 'row' }, button('vote.exampleTyped', () => view.exampleTyped(), { id: id('example-typed') }),
        button('vote.exampleFile', () => view.exampleFile(), { id: id('example-file') })),
      h('div', { class: 'row' }, field('vote.fileLabel', el.file, 'vote.fileHint'), field('vote.format', el.format),
        field('vote.question', el.question, 'vote.questionHint'))),
    h('div', { class: 'row' }, tx('button', 'vote.count', { type: 'submit', id: id('count') })),
    el.message);
}

class VoteView {
  constructor(panel, ctx) {
    this.ctx = ctx;
    this.state = { built: null, result: null, file: null, election: null, read: null };
    this.el = controls();
    this.form = layout(this.el, this);
    const { file, typed, category, format } = this.el;
    file.addEventListener('change', () => {
      this.state.file = null;
      this.source('file');
      const guess = file.files[0] && guessFormat(file.files[0].name);
      if (guess && !format.value) format.value = guess;
    });
    typed.addEventListener('input', () => this.source('typed'));
    category.addEventListener('change', () => {
      const chosen = this.electionOf(category.value);
      if (chosen) {
        this.el.method.value = METHODS.includes(chosen.method) ? chosen.method : 'approval';
        this.el.seats.value = chosen.seats;
      }
    });
    this.form.addEventListener('submit', (event) => { event.preventDefault(); this.count(); });
    fill(panel, tx('h2', 'vote.title'), tx('p', 'vote.lead', { class: 'lead' }), this.form, this.el.results);
    ctx.onPlan(() => this.build());
    this.build();
  }

  /** Selects the ballot source `typed` or `file`. */
  source(value) {
    if (value) this.form.querySelector(`#${id(`source-${value}`)}`).checked = true;
    return this.form.querySelector('input[name="vote-source"]:checked').value;
  }

  electionOf(category) {
    return this.state.built?.elections.find((e) => e.category === category)?.election ?? null;
  }

  /** The exhibition's elections, from the plan and the works entered (data/exhibition.json). */
  async build() {
    try {
      const exhibition = JSON.parse(await ownText('data/exhibition.json'));
      this.state.built = await this.ctx.call('exhibitionElections', { plan: this.ctx.plan, program: 'art_exhibition',
        entries: exhibition.entries, options: exhibition.options });
    } catch (err) {
      this.state.built = { elections: [], findings: [] };
      this.ctx.showError(this.el.message, err);
    }
    this.renderCategories();
    this.el.category.dispatchEvent(new Event('change'));
  }

  renderCategories() {
    const { category, method, format } = this.el;
    const chosen = category.value || this.state.built?.elections[0]?.category || '';
    fill(category, (this.state.built?.elections ?? []).map((e) => h('option', { value: e.category, selected: e.category === chosen },
      `${e.title} (${t('vote.works', { count: e.entries.length })})`)),
    h('option', { value: '', selected: chosen === '' }, t('vote.fileElection')));
    for (const option of method.options) option.textContent = code('method', option.value);
    format.options[0].textContent = t('vote.formatAuto');
    for (const option of [...format.options].slice(1)) option.textContent = code('format', option.value);
  }

  async exampleTyped() {
    this.el.typed.value = await ownText('samples/photography-ballots.csv');
    this.setElection('photography', 'irv', 1);
    this.source('typed');
    this.ctx.announce(t('vote.exampleLoaded'));
  }

  async exampleFile() {
    const text = await ownText('samples/calligraphy.blt');
    this.state.file = { name: 'calligraphy.blt', bytes: new TextEncoder().encode(text) };
    this.el.file.value = '';
    this.el.question.value = '';
    this.el.format.value = 'blt';
    this.setElection('', 'stv', 3);
    this.source('file');
    this.count();
  }

  setElection(category, method, seats) {
    this.el.category.value = category;
    this.el.method.value = method;
    this.el.seats.value = seats;
  }

  async readBallots() {
    const { typed, file, format, question } = this.el;
    if (this.source() === 'typed') return this.ctx.call('readBallots', typed.value, 'csv');
    const upload = file.files[0] ? await fileInput(file.files[0]) : this.state.file;
    if (!upload) throw Object.assign(new Error(t('vote.needFile')), { code: 'missing_file' });
    const chosen = format.value || guessFormat(upload.name);
    if (!chosen) throw Object.assign(new Error(t('vote.needFormat')), { code: 'missing_format' });
    return this.ctx.call('readBallots', upload, chosen, question.value ? { question: question.value } : {});
  }

  /** The election to count: the category's (or the file's candidates) with the chosen method. */
  election(read) {
    const base = this.electionOf(this.el.category.value);
    const method = this.el.method.value;
    const seats = Number(this.el.seats.value);
    const election = base
      ? { ...base, method, seats }
      : { id: read.title ?? 'ballot-file', method, seats, candidates: read.candidates,
        ...(read.withdrawn?.length ? { withdrawn: read.withdrawn } : {}) };
    if (!APPROVAL.has(method)) delete election.max_choices;
    // Ties: the file's order (BLT `[tie]`) where it gives one, then the published seed's lot.
    election.tie_break = { ...(base?.tie_break ?? {}), ...(!base && read.tie_order ? { order: read.tie_order } : {}),
      ...(this.el.seed.value ? { seed: this.el.seed.value } : {}) };
    return election;
  }

  async count() {
    fill(this.el.message);
    try {
      const read = await this.readBallots();
      const election = this.election(read);
      const ballots = read.ballots.map((b) => (APPROVAL.has(election.method) && b.ranking ? approvals(b) : b));
      const result = await this.ctx.call('tally', election, ballots);
      Object.assign(this.state, { result, election, read });
      this.render();
      const { results } = this.el;
      results.dataset.run = String((Number(results.dataset.run) || 0) + 1);
      this.ctx.announce(t('vote.done', { winners: result.winners.map((w) => this.nameOf(w)).join('、') }));
    } catch (err) { this.ctx.showError(this.el.message, err); }
  }

  nameOf(cid) {
    const c = this.state.election?.candidates.find((x) => (typeof x === 'string' ? x : x.id) === cid);
    return c && typeof c === 'object' && c.name ? c.name : cid;
  }

  render() {
    this.renderCategories();
    const r = this.state.result;
    if (!r) return;
    const nameOf = (c) => this.nameOf(c);
    const b = r.ballots;
    fill(this.el.results,
      tx('h3', 'vote.winners'),
      h('ol', { id: id('winners') }, r.winners.map((w) => h('li', { 'data-winner': w }, h('strong', {}, nameOf(w)), ` (${w})`))),
      h('p', { id: id('ballot-summary') }, t('vote.ballotSummary', { cast: b.cast, valid: b.valid, rejected: b.rejected, method: code('method', r.method), seats: r.seats })),
      r.complete ? null : h('p', { class: 'warn' }, t('vote.incomplete')),
      ties(r, nameOf),
      r.rounds?.length
        ? [tx('h3', 'vote.roundsHeading'), roundsChart(r, nameOf, 'vote-rounds'), tx('h3', 'vote.sankeyHeading'), sankeyChart(r, nameOf, 'vote-sankey')]
        : [tx('h3', 'vote.countsHeading'), countsChart(r, nameOf, 'vote-counts')],
      rejected(r),
      findings(this.state.read));
  }
}

export function mount(panel, ctx) {
  const view = new VoteView(panel, ctx);
  return { render: () => view.render(), shown() {} };
}

/** A ranking read as approvals of every candidate it marks. */
function approvals({ ranking, ...rest }) {
  return { ...rest, approve: ranking.flat() };
}

function ties(r, nameOf) {
  if (!r.ties.length) return null;
  const how = (res) => {
    if (res.lot) return t('vote.tieLot', { order: res.lot.order.map(nameOf).join(' > ') });
    if (res.order) return t('vote.tieOrder', { order: res.order.order.map(nameOf).join(' > ') });
    if (res.previous_rounds) return t('vote.tiePrevious', { round: res.previous_rounds.round });
    if (res.no_effect) return t('vote.tieNoEffect', { count: res.no_effect.branches });
    return t('vote.tieUnresolved');
  };
  return h('div', {}, tx('h4', 'vote.ties'), h('ul', {}, r.ties.map((tie) => h('li', {},
    t('vote.tie', { candidates: tie.candidates.map(nameOf).join('、'), votes: tie.votes }), ' — ', how(tie.resolution)))));
}

function rejected(r) {
  if (!r.rejected.length) return null;
  return table({ caption: t('vote.rejected', { count: r.rejected.length }),
    head: [t('vote.ballotNo'), t('vote.voter'), t('plan.code'), t('plan.message')],
    rows: r.rejected.map((x) => [{ class: 'num', td: fmt(x.index) }, x.voter ?? '—', h('code', {}, x.code), code('rejection', x.code)]) });
}

// LANG: the reader's messages are English; once readBallots takes `lang`, pass it.
function findings(read) {
  if (!read?.findings?.length) return null;
  return table({ caption: t('vote.findings', { count: read.findings.length }),
    head: [t('plan.path'), t('plan.code'), t('plan.message')],
    rows: read.findings.map((f) => [h('code', {}, f.path), h('code', {}, f.code), h('span', { lang: 'en' }, f.message)]) });
}

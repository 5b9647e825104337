// View 4, a council motion calculator: members, attendance, the vote, the quorum and the
// threshold; the decision (the package's tallyMotion) with its explanation in the chosen
// language, recalculated as the numbers change.
import { h, fill, ownText } from '../dom.mjs';
import { t, tx, code, language, LIBRARY_LANGS } from '../i18n.mjs';

const id = (name) => `motion-${name}`;
const number = (name, value, min = 0) => h('input', { type: 'number', id: id(name), min, max: 100000, step: 1, value, inputmode: 'numeric' });
const select = (name, values) => h('select', { id: id(name) }, values.map((v) => h('option', { value: v })));
const field = (key, control) => h('div', { class: 'field' }, tx('label', key, { for: control.id }), control);

/** The view's controls, with the example motion's numbers until votes.json is read. */
function controls() {
  return {
    votes: { members: number('members', 15, 1), present: number('present', 12), yes: number('yes', 8), no: number('no', 3), abstain: number('abstain', 1) },
    quorum: select('quorum', ['present_at_least', 'present_more_than', 'none']),
    quorumAmount: select('quorum-amount', ['fraction', 'count']),
    quorumN: number('quorum-n', 1),
    quorumD: number('quorum-d', 2, 1),
    quorumCount: number('quorum-count', 8),
    threshold: select('threshold', ['simple', 'absolute', 'two_thirds', 'unanimous', 'at_least', 'more_than']),
    shareN: number('share-n', 3),
    shareD: number('share-d', 5, 1),
    shareOf: select('share-of', ['cast', 'present', 'members']),
    abstentions: h('input', { type: 'checkbox', id: id('abstentions') }),
    output: h('div', { id: id('result'), 'aria-live': 'polite' }),
    title: h('p', { class: 'hint', id: id('title') }),
  };
}

function layout(el) {
  el.quorumFraction = h('div', { class: 'row' }, field('motion.numerator', el.quorumN), field('motion.denominator', el.quorumD));
  el.quorumNumber = h('div', { class: 'row' }, field('motion.count', el.quorumCount));
  el.share = h('div', { class: 'row' }, field('motion.numerator', el.shareN), field('motion.denominator', el.shareD), field('motion.of', el.shareOf));
  el.amountField = field('motion.amount', el.quorumAmount);
  return h('form', { id: id('form') },
    h('fieldset', {}, tx('legend', 'motion.vote'), el.title,
      h('div', { class: 'row' }, Object.entries(el.votes).map(([name, input]) => field(`motion.${name}`, input))),
      h('label', { class: 'check' }, el.abstentions, tx('span', 'motion.abstentionsCount'))),
    h('fieldset', {}, tx('legend', 'motion.quorumRule'),
      h('div', { class: 'row' }, field('motion.quorum', el.quorum), el.amountField), el.quorumFraction, el.quorumNumber),
    h('fieldset', {}, tx('legend', 'motion.thresholdRule'), h('div', { class: 'row' }, field('motion.threshold', el.threshold)), el.share),
    h('div', { class: 'row' }, tx('button', 'motion.decide', { type: 'submit', id: id('decide') })));
}

class MotionView {
  constructor(panel, ctx) {
    this.ctx = ctx;
    this.state = { motion: null, result: null, error: null, title: '' };
    this.pending = 0;
    this.el = controls();
    const form = layout(this.el);
    for (const control of form.querySelectorAll('input, select')) control.addEventListener('input', () => this.decide());
    form.addEventListener('submit', (event) => { event.preventDefault(); this.decide(); });
    fill(panel, tx('h2', 'motion.title'), tx('p', 'motion.lead', { class: 'lead' }), form, this.el.output);
    this.load();
  }

  /** The example motion of the Huaideyuan files (data/votes.json), then its decision. */
  async load() {
    try {
      const { motion } = JSON.parse(await ownText('data/votes.json'));
      this.set(motion.vote);
      this.state.title = motion.title;
    } catch { /* the defaults are the same vote */ }
    this.decide();
  }

  /** The motion document of the form. */
  read() {
    const el = this.el;
    const n = (input) => Math.max(0, Math.floor(Number(input.value) || 0));
    const amount = el.quorumAmount.value === 'count' ? { count: n(el.quorumCount) } : { fraction: [n(el.quorumN), n(el.quorumD)] };
    const custom = el.threshold.value === 'at_least' || el.threshold.value === 'more_than';
    return {
      ...Object.fromEntries(Object.entries(el.votes).map(([name, input]) => [name, n(input)])),
      quorum: el.quorum.value === 'none' ? 'none' : { [el.quorum.value]: amount },
      threshold: custom ? { [el.threshold.value]: { fraction: [n(el.shareN), n(el.shareD)], of: el.shareOf.value } } : el.threshold.value,
      abstentions_count_as_cast: el.abstentions.checked,
    };
  }

  /** Fills the form from a motion document. */
  set(v) {
    const el = this.el;
    for (const name of Object.keys(el.votes)) el.votes[name].value = v[name] ?? 0;
    el.abstentions.checked = Boolean(v.abstentions_count_as_cast);
    if (v.quorum === 'none') el.quorum.value = 'none';
    else {
      const [kind, amount] = Object.entries(v.quorum)[0];
      el.quorum.value = kind;
      el.quorumAmount.value = amount.count != null ? 'count' : 'fraction';
      if (amount.count != null) el.quorumCount.value = amount.count;
      else [el.quorumN.value, el.quorumD.value] = amount.fraction;
    }
    if (typeof v.threshold === 'string') el.threshold.value = v.threshold;
    else {
      const [kind, share] = Object.entries(v.threshold)[0];
      el.threshold.value = kind;
      [el.shareN.value, el.shareD.value] = share.fraction;
      el.shareOf.value = share.of;
    }
  }

  showRules() {
    const el = this.el;
    el.quorumFraction.hidden = el.quorum.value === 'none' || el.quorumAmount.value !== 'fraction';
    el.quorumNumber.hidden = el.quorum.value === 'none' || el.quorumAmount.value !== 'count';
    el.amountField.hidden = el.quorum.value === 'none';
    el.share.hidden = !['at_least', 'more_than'].includes(el.threshold.value);
  }

  /** Decides the motion in the package (the last request wins when several are in flight). */
  async decide() {
    this.showRules();
    const motion = this.read();
    const ticket = ++this.pending;
    // LANG: once tallyMotion takes `lang`, pass language() here and add 'zh' to LIBRARY_LANGS.
    const outcome = await this.ctx.call('tallyMotion', motion).then((result) => ({ result, error: null }), (error) => ({ result: null, error }));
    if (ticket !== this.pending) return;
    Object.assign(this.state, { motion, ...outcome });
    this.render();
  }

  render() {
    const el = this.el;
    for (const [control, kind] of [[el.quorum, 'quorum'], [el.quorumAmount, 'amount'], [el.threshold, 'threshold'], [el.shareOf, 'base']]) {
      for (const option of control.options) option.textContent = code(kind, option.value);
    }
    el.title.textContent = this.state.title ? t('motion.example', { title: this.state.title }) : '';
    if (this.state.error) { this.ctx.showError(el.output, this.state.error); return; }
    const r = this.state.result;
    if (r) fill(el.output, decision(this.state.motion, r));
  }
}

/** The decision: passed or not, the quorum, the votes counted, the yes votes required, why. */
function decision(motion, r) {
  const own = !LIBRARY_LANGS.includes(language());
  return h('div', { class: `result ${r.passed ? 'passed' : 'failed'}` },
    h('p', { class: 'big', id: id('verdict'), 'data-passed': String(r.passed) }, t(r.passed ? 'motion.passed' : 'motion.failed')),
    h('ul', {},
      h('li', {}, t('motion.quorumLine', { required: r.quorum_required, present: motion.present }), ' ',
        h('span', { class: `badge ${r.quorum_met ? 'ok' : 'bad'}`, 'data-quorum-met': String(r.quorum_met) }, t(r.quorum_met ? 'motion.met' : 'motion.notMet'))),
      h('li', {}, t('motion.castLine'), ' ', h('strong', { 'data-cast': r.cast }, String(r.cast))),
      h('li', {}, t('motion.requiredLine'), ' ', h('strong', { 'data-required': r.required }, String(r.required)))),
    h('p', { id: id('explanation'), lang: own ? undefined : 'en' }, own ? explain(motion, r) : r.explanation),
    own ? h('details', {}, tx('summary', 'motion.libraryText'), h('p', { lang: 'en' }, r.explanation)) : null);
}

export function mount(panel, ctx) {
  const view = new MotionView(panel, ctx);
  return { render: () => view.render(), shown() {} };
}

/**
 * The decision explained by the page, for a language the library does not write yet: the
 * same sentences as the library's explanation, from the rule and the result's numbers.
 */
function explain(m, r) {
  const parts = [];
  if (m.quorum === 'none') parts.push(t('explain.noQuorum'));
  else {
    const [kind, amount] = Object.entries(m.quorum)[0];
    const rule = amount.count != null
      ? t(`explain.${kind}.count`, { count: amount.count })
      : t(`explain.${kind}.fraction`, { n: amount.fraction[0], d: amount.fraction[1], members: m.members });
    parts.push(t('explain.quorum', { rule, required: r.quorum_required, present: m.present,
      met: t(r.quorum_met ? 'explain.met' : 'explain.notMet') }));
  }
  parts.push(t('explain.votes', { yes: m.yes, no: m.no, abstain: m.abstain, cast: r.cast,
    counted: t(m.abstentions_count_as_cast ? 'explain.counted' : 'explain.notCounted') }));
  if (typeof m.threshold === 'string') parts.push(t(`explain.threshold.${m.threshold}`, { cast: r.cast, members: m.members, required: r.required }));
  else {
    const [kind, s] = Object.entries(m.threshold)[0];
    const base = t(`explain.base.${s.of}`, { cast: r.cast, present: m.present, members: m.members });
    parts.push(t(`explain.threshold.${kind}`, { n: s.fraction[0], d: s.fraction[1], base, required: r.required }));
  }
  if (!r.quorum_met) parts.push(t('explain.noQuorumFails'));
  else parts.push(t(r.passed ? 'explain.passes' : 'explain.fails', { yes: m.yes, required: r.required }));
  return parts.join(t('explain.join'));
}

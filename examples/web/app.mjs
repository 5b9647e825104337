// The demo page: five views in tabs (the plan, enrolment, the exhibition vote, a council
// motion, replaying a draw), in Chinese and English. Every call into the package runs in
// the Web Worker (client.mjs), so the page never freezes.
import { h, fill, ownText } from './dom.mjs';
import { call, job } from './client.mjs';
import { initialLanguage, language, onLanguage, otherLanguage, setLanguage, t } from './i18n.mjs';
import * as planView from './views/plan.mjs';
import * as enrolView from './views/enrol.mjs';
import * as voteView from './views/vote.mjs';
import * as motionView from './views/motion.mjs';
import * as drawView from './views/draw.mjs';

const VIEWS = [
  ['plan', planView], ['enrol', enrolView], ['vote', voteView], ['motion', motionView], ['draw', drawView],
];

/** What the views share: the worker, the plan in use, the last allocation, messages. */
const ctx = {
  call,
  job,
  plan: null,
  planListeners: [],
  allocation: null,
  /** Replaces the plan in use (the plan view's upload) and tells every view. */
  setPlan(plan) {
    ctx.plan = plan;
    for (const fn of ctx.planListeners) fn(plan);
  },
  onPlan: (fn) => ctx.planListeners.push(fn),
  /** Says `text` to screen readers (the page's polite live region). */
  announce(text) {
    const region = document.getElementById('announce');
    region.textContent = '';
    setTimeout(() => { region.textContent = text; }, 50);
  },
  /**
   * Shows a package error (its code and path) in `el`, as an alert. LANG: the message is the
   * library's English; the code and path are what a reader can rely on.
   */
  showError(el, err) {
    fill(el, h('p', { role: 'alert', class: 'error' }, t('error.prefix'), ' ',
      err.code ? h('code', {}, err.code) : null, err.path ? [' · ', h('code', {}, err.path)] : null,
      ' — ', err.message));
  },
};

function setUpTabs(views) {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  const select = (tab, focus) => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      document.getElementById(other.getAttribute('aria-controls')).hidden = !selected;
    }
    if (focus) tab.focus();
    const id = tab.id.replace('tab-', '');
    if (location.hash !== `#${id}`) history.replaceState(null, '', `${location.search}#${id}`);
    views[id]?.shown?.();
  };
  for (const tab of tabs) {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (event) => {
      const i = tabs.indexOf(tab);
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (to === undefined) return;
      event.preventDefault();
      select(tabs[(to + tabs.length) % tabs.length], true);
    });
  }
  const first = tabs.find((tab) => `#${tab.id.replace('tab-', '')}` === location.hash) ?? tabs[0];
  select(first, false);
}

function setUpLanguage() {
  const button = document.getElementById('lang');
  const label = () => {
    button.textContent = t('app.switch', {}, otherLanguage());
    button.lang = otherLanguage() === 'zh' ? 'zh-CN' : 'en';
    button.setAttribute('aria-label', t('app.switchLabel', {}, otherLanguage()));
  };
  button.addEventListener('click', () => {
    setLanguage(otherLanguage());
    ctx.announce(t('app.switched'));
  });
  onLanguage(label);
  setLanguage(initialLanguage());
}

async function start() {
  setUpLanguage();
  const status = document.getElementById('loading');
  try {
    ctx.plan = await call('planFromToml', await ownText('data/plan.toml'));
    const views = {};
    for (const [id, view] of VIEWS) {
      views[id] = view.mount(document.getElementById(`view-${id}`), ctx);
      onLanguage(() => views[id].render?.());
    }
    setUpTabs(views);
    status.hidden = true;
    document.body.dataset.ready = language();
  } catch (err) {
    ctx.showError(status, err);
  }
}

start();

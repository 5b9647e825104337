// The page's two languages: its own strings (strings.mjs) in Chinese and English, the
// switch, and the `lang` attribute that follows it. Elements built with `data-i18n="key"`
// (text) or `data-i18n-attr="attribute:key;…"` are translated in place by `translate`, so
// the switch keeps whatever the user typed; views re-render their results on `onLanguage`.
import { strings } from './strings.mjs';

const LANGS = ['zh', 'en'];
const HTML_LANG = { zh: 'zh-CN', en: 'en' };
let lang = 'zh';
const listeners = [];

/** The language the page starts in: `?lang=`, then the last choice, then the browser's. */
export function initialLanguage() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (LANGS.includes(asked)) return asked;
  try {
    const saved = localStorage.getItem('huaide.lang');
    if (LANGS.includes(saved)) return saved;
  } catch { /* storage may be disabled */ }
  return (navigator.language || '').toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** The current language, `zh` or `en`. */
export const language = () => lang;

/** The other language (the switch's target). */
export const otherLanguage = () => (lang === 'zh' ? 'en' : 'zh');

/** Switches the language: the `lang` attribute, every tagged element, then the views. */
export function setLanguage(next) {
  lang = LANGS.includes(next) ? next : 'zh';
  document.documentElement.lang = HTML_LANG[lang];
  try { localStorage.setItem('huaide.lang', lang); } catch { /* ignore */ }
  translate(document);
  document.title = t('app.title');
  for (const fn of listeners) fn(lang);
}

/** Calls `fn(lang)` after every switch. */
export const onLanguage = (fn) => listeners.push(fn);

/**
 * The string `key` in the current language, `{name}` placeholders filled from `params`.
 * A missing key shows as itself (the test fails on any it sees).
 */
export function t(key, params = {}, inLang = lang) {
  const text = strings[inLang][key] ?? strings.en[key];
  if (text === undefined) return key;
  const value = typeof text === 'function' ? text(params) : text;
  return value.replace(/\{(\w+)\}/g, (_, name) => (name in params ? fmt(params[name]) : `{${name}}`));
}

/** A code of the library (decision, finding, method, status…) in words, else the code. */
export function code(kind, value) {
  const key = `${kind}.${value}`;
  return strings[lang][key] ?? strings.en[key] ?? String(value);
}

/** Numbers with the locale's grouping; anything else as it is. */
export function fmt(value) {
  if (typeof value !== 'number') return String(value);
  // Groups of digits only from 10,000: years, places and small counts read better plain.
  return value.toLocaleString(HTML_LANG[lang], { useGrouping: Math.abs(value) >= 10_000, maximumFractionDigits: 3 });
}

/** An ISO date (`2006-03-06`) written for the current language. */
export function date(iso, options = { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' }) {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString(HTML_LANG[lang], { ...options, timeZone: 'UTC' });
}

/** Translates every element under `root` tagged with `data-i18n` or `data-i18n-attr`. */
export function translate(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      el.setAttribute(attr, t(key));
    }
  }
}

/** An element whose text is the string `key`, kept translated: `tx('h2', 'plan.sections')`. */
export function tx(tag, key, attrs = {}) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value != null && value !== false) el.setAttribute(name, value === true ? '' : String(value));
  }
  el.dataset.i18n = key;
  el.textContent = t(key);
  return el;
}

/**
 * The languages the library's own texts (the motion's explanation, validation messages,
 * reader findings) are written in. English only today; when the library takes a `lang`
 * option, add `zh` here and pass `lang` at the places marked `LANG:` in the views.
 */
export const LIBRARY_LANGS = ['en'];

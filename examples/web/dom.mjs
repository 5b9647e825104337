// Small DOM helpers: elements, tables, downloads, number formatting. No framework.

/**
 * Creates an element: `h('p', {class: 'x', 'aria-live': 'polite'}, 'text', child, …)`.
 * Attributes starting with `on` become listeners; `null`/`false` children are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const ns = tag === 'svg' || attrs?.xmlns ? 'http://www.w3.org/2000/svg' : null;
  const el = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'xmlns') continue;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** An SVG element (children appended like `h`). */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value != null && value !== false) el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces the children of `el`. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * A table: `caption`, `head` (cells), `rows` (arrays of cells; a cell may be a node or
 * `{th: text}` for a row header). Wrapped in a focusable scroll box for narrow screens.
 */
export function table({ caption, head, rows, className, label }) {
  const cell = (c, tag) => {
    if (c && typeof c === 'object' && !(c instanceof Node) && 'th' in c) {
      return h('th', { scope: 'row', class: c.class }, c.th);
    }
    if (c && typeof c === 'object' && !(c instanceof Node) && 'td' in c) {
      return h(tag, { class: c.class }, c.td);
    }
    return h(tag, {}, c);
  };
  const t = h('table', { class: className },
    caption ? h('caption', {}, caption) : null,
    head ? h('thead', {}, h('tr', {}, head.map((c) => (c instanceof Node ? c : h('th', { scope: 'col' }, c))))) : null,
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => cell(c, 'td'))))));
  return h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': label ?? caption ?? '' }, t);
}

/** Offers `data` (bytes or text) as a file download. */
export function download(data, name, type) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The bytes of an uploaded file, with its name, as the package's readers take them. */
export async function fileInput(file) {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Fetches a file of the page's own folder as bytes. */
export async function ownBytes(path) {
  const response = await fetch(new URL(path, document.baseURI));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Fetches a file of the page's own folder as text. */
export async function ownText(path) {
  return new TextDecoder().decode(await ownBytes(path));
}

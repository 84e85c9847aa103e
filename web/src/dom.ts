/**
 * The only way the UI builds markup: elements are created with DOM APIs and every piece of data
 * becomes a text node. Article text is untrusted, so nothing here ever parses a string as HTML,
 * event-handler attributes are refused, and links only go to http(s) URLs or the app's own routes.
 */

/** What `h` accepts as children. */
export type Child = Node | string | number | null | undefined | false | Child[];
/** Attributes for `h`; functions are listeners (`onclick`). */
export type Attrs = Record<string, string | number | boolean | null | undefined | ((ev: Event) => void)>;

/** Creates an element; string children become text nodes, `on…` attrs become listeners. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') {
      if (!name.startsWith('on')) throw new Error(`listener attribute must start with "on": ${name}`);
      el.addEventListener(name.slice(2).toLowerCase(), value);
      continue;
    }
    if (/^on/i.test(name)) throw new Error(`refusing event-handler attribute ${name}`);
    if (name === 'href' && !safeHref(String(value))) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children, turning strings and numbers into text nodes. */
export function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

/** Replaces an element's content. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** True for links the UI may render: its own hash routes and http(s) URLs. */
export function safeHref(href: string): boolean {
  if (href.startsWith('#')) return true;
  try {
    const u = new URL(href, location.href);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A link to an external source, opened without giving it access to this page. */
export function sourceLink(url: string, label: string): HTMLElement {
  if (!/^https?:\/\//i.test(url) || !safeHref(url)) return h('span', { class: 'origin' }, label);
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'origin' }, label);
}

/** Text with marked ranges (offsets into `text`) wrapped in `<mark>`. */
export function marked(text: string, marks: { start: number; end: number }[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    if (m.start < at) continue;
    frag.append(text.slice(at, m.start), h('mark', {}, text.slice(m.start, m.end)));
    at = m.end;
  }
  frag.append(text.slice(at));
  return frag;
}

/** A paragraph explaining that there is nothing to show yet, and why. */
export function empty(message: string): HTMLElement {
  return h('p', { class: 'empty' }, message);
}

/** Announces a short message to screen readers. */
export function announce(message: string): void {
  const s = document.getElementById('status');
  if (s) s.textContent = message;
}

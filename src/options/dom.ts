// A few lines of DOM building so the page reads as markup, without a framework (the page is one
// form; a framework would be most of its bundle). Text always goes in as text nodes, never HTML,
// so an address or a file's content can never become markup.

type Child = Node | string | number | null | undefined | false;
/** A child, or (nested) lists of them: sections build their bodies from lists of parts. */
export type Children = Child | readonly Children[];
type Attrs = Record<string, string | number | boolean | undefined | null>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Children[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Children[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(el: Element, children: readonly Children[]): void {
  for (const child of (children as Children[]).flat(Infinity as 1) as Child[]) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'number' ? String(child) : child);
  }
}

/** Text only screen readers read (NHS design system's visually hidden class). */
export function hidden(text: string): HTMLSpanElement {
  return h('span', { class: 'nhsuk-u-visually-hidden' }, text);
}

/** Replace an element's children. */
export function fill(el: Element, ...children: Children[]): void {
  el.replaceChildren();
  append(el, children);
}

/** Ids unique within the page, readable in tests and in the error summary's links. */
export function idFor(...parts: string[]): string {
  return parts.join('-').replace(/[^A-Za-z0-9_-]/g, '-');
}

/** Run `fn` once typing has paused for `ms`; `flush` runs a pending call now. */
export function debounce(fn: () => void, ms: number): { (): void; flush(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    fn();
  };
  const debounced = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  debounced.flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      run();
    }
  };
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return debounced;
}

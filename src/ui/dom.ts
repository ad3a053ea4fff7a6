// The dialog's only way of making DOM. Text always goes in as text nodes and attributes through
// setAttribute, never through innerHTML: names, addresses and subjects come from the draft and
// may contain markup (a display name `<img src=x onerror=…>` must appear literally — tested in
// test/dom/ui/dialog.test.ts).

export type Child = Node | string | false | null | undefined;
export type Attrs = Record<string, string | number | boolean | null | undefined>;

/** Creates `tag` in `doc` (the compose window's document: pop-outs have their own). */
export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (attrs) setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** `false`/`null`/`undefined` remove the attribute, `true` sets it empty. */
export function setAttrs(el: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) el.removeAttribute(name);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
}

export function append(parent: Node, children: readonly Child[]): void {
  const doc = parent.ownerDocument ?? (parent as Document);
  for (const child of children) {
    if (child === false || child == null) continue;
    parent.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
}

/** Unique ids inside one shadow root (ids are scoped to it, so a counter is enough). */
let nextId = 0;
export function uid(prefix: string): string {
  nextId += 1;
  return `ss-${prefix}-${nextId}`;
}

// Small DOM helpers for reading OWA's compose form: "is it on screen?" and "what text does it
// show?". Everything here works on elements of any document (pop-out windows are about:blank
// documents written by the opener, outlook-web.md), so the window is always taken from the element.

/**
 * True when the element takes part in layout: connected, and neither it nor an ancestor is
 * `hidden`, `display: none` or `visibility: hidden`. Stale compose panes that OWA keeps in the DOM
 * are hidden this way (fixture variant b). `checkVisibility()` is not used: it is false for
 * `display: contents` wrappers, which would hide a whole compose form that is on screen.
 */
export function isRendered(el: Element): boolean {
  if (!el.isConnected) return false;
  const view = el.ownerDocument.defaultView;
  for (let e: Element | null = el; e; e = e.parentElement) {
    if ((e as HTMLElement).hidden) return false;
    if (view && view.getComputedStyle(e).display === 'none') return false;
  }
  return !view || view.getComputedStyle(el).visibility !== 'hidden';
}

/** Every element under `root` matching any of `selectors`, in document order. */
export function queryAll(root: ParentNode, selectors: readonly string[] | string): Element[] {
  return [...root.querySelectorAll(typeof selectors === 'string' ? selectors : selectors.join(','))];
}

/**
 * The first rendered element under `root` matching the selectors, trying each alternative in
 * order (the selectors file lists the most trustworthy first).
 */
export function firstRendered(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    for (const el of root.querySelectorAll(selector)) if (isRendered(el)) return el;
  }
  return null;
}

const BLOCK = /^(?:ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DIV|DL|DT|FIELDSET|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TR|UL)$/;
const SKIP = /^(?:SCRIPT|STYLE|TEMPLATE|NOSCRIPT|HEAD|TITLE)$/;

/** Ends the current line unless it is already ended (trailing collapsible spaces dropped). */
function endLine(out: { text: string }): void {
  out.text = out.text.replace(/ +$/, '');
  if (out.text && !out.text.endsWith('\n')) out.text += '\n';
}

/**
 * Appends the text of `node` to `out` with line breaks where the page shows them (a simplified
 * innerText: source whitespace collapses as CSS collapses it, a block starts and ends a line,
 * `<br>` is a line break), so paragraph breaks survive for the rules' phrase matching. `visit`
 * may prune a subtree ('skip') or redirect output (the body reader splits off the quoted thread).
 */
export function appendText(node: Node, out: { text: string }, visit?: (el: Element) => 'skip' | void): void {
  if (node.nodeType === 3) {
    out.text += (node as Text).data.replace(/[ \t\n\r\f]+/g, ' ');
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as Element;
  if (SKIP.test(el.tagName) || visit?.(el) === 'skip') return;
  if (el.tagName === 'BR') {
    out.text = out.text.replace(/ +$/, '') + '\n';
    return;
  }
  const block = BLOCK.test(el.tagName);
  if (block) endLine(out);
  for (const child of el.childNodes) appendText(child, out, visit);
  if (block) endLine(out);
}

/** Collapses runs of spaces (and non-breaking spaces), trims each line and the whole text. */
export function tidyText(text: string): string {
  return text
    .replace(/[ \t\u00a0\u200b]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The visible text of an element on one line (pills, cards, labels). */
export function lineText(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

// Keyboard focus inside the dialog: what Tab can reach, and moving through it in a cycle.
//
// `showModal()` makes the page inert in real browsers, but Tab from the last control still
// leaves for the browser's own toolbar, and happy-dom (the DOM test environment) does not make
// anything inert. So Tab and Shift+Tab are handled here for every step, not only at the ends:
// the order is the dialog's own and the same in every environment.

/** Controls the dialog may contain. `aria-disabled` buttons stay reachable on purpose. */
const CANDIDATES = 'button, input, summary, a[href], [tabindex]';

/** The elements Tab visits inside `container`, in document order. */
export function tabbables(container: ParentNode): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(CANDIDATES)].filter((el) => {
    if ((el as HTMLButtonElement).disabled) return false;
    if (el.getAttribute('tabindex') === '-1') return false;
    if (el.hidden || el.closest('[hidden]')) return false;
    // Content of a closed <details> is not rendered; its <summary> is.
    const closed = el.closest('details:not([open])');
    if (closed && !(el.tagName === 'SUMMARY' && el.parentElement === closed)) return false;
    return true;
  });
}

/** The focused element, looking through open shadow roots (ours included). */
export function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Moves focus one step forward (or back) through `container`'s tabbables, wrapping at the ends.
 * Focus on something that is not itself tabbable (a heading given focus, or outside the dialog)
 * goes to the next (previous) tabbable after it in document order.
 */
export function cycleFocus(container: Element, active: Element | null, backwards: boolean): void {
  const list = tabbables(container);
  if (list.length === 0) return;
  let index = active ? list.indexOf(active as HTMLElement) : -1;
  let target: HTMLElement | undefined;
  if (index >= 0) {
    index = (index + (backwards ? -1 : 1) + list.length) % list.length;
    target = list[index];
  } else if (active && container.contains(active)) {
    const following = (el: Element) => (active.compareDocumentPosition(el) & 4) !== 0; // FOLLOWING
    target = backwards ? list.filter((el) => !following(el)).pop() : list.find(following);
    target ??= backwards ? list[list.length - 1] : list[0];
  } else {
    target = backwards ? list[list.length - 1] : list[0];
  }
  target?.focus();
}

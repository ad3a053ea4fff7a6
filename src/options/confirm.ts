// "Are you sure?" in the page, next to the button that asked (not window.confirm, which blocks
// the page, cannot be styled, reads badly in screen readers and is switched off by some kiosk
// policies). Focus moves to the question; Cancel or Escape puts it back on the button.
import { h, idFor } from './dom';

export interface ConfirmWords {
  heading: string;
  body: string;
  confirm: string;
  cancel: string;
}

/**
 * Show the question in `slot` (an empty element placed after `trigger`); resolves true when the
 * user confirms. Only one question per slot: asking again while one is open keeps the first.
 */
export function confirmInPage(slot: HTMLElement, trigger: HTMLElement, words: ConfirmWords): Promise<boolean> {
  if (slot.firstElementChild) {
    slot.querySelector<HTMLElement>('[tabindex="-1"]')?.focus();
    return Promise.resolve(false);
  }
  const headingId = idFor(slot.id || 'confirm', 'heading');
  return new Promise((resolve) => {
    const heading = h('h3', { class: 'nhsuk-heading-s ss-confirm__heading', id: headingId, tabindex: -1 }, words.heading);
    const yes = h('button', { class: 'nhsuk-button nhsuk-button--warning', type: 'button' }, words.confirm);
    const no = h('button', { class: 'nhsuk-button nhsuk-button--secondary', type: 'button' }, words.cancel);
    const box = h('div', { class: 'ss-confirm', role: 'group', 'aria-labelledby': headingId },
      heading,
      h('p', {}, words.body),
      h('div', { class: 'nhsuk-button-group' }, yes, no),
    );
    const finish = (answer: boolean) => {
      slot.replaceChildren();
      trigger.setAttribute('aria-expanded', 'false');
      if (!answer || trigger.isConnected) trigger.focus();
      resolve(answer);
    };
    yes.addEventListener('click', () => finish(true));
    no.addEventListener('click', () => finish(false));
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        finish(false);
      }
    });
    slot.replaceChildren(box);
    trigger.setAttribute('aria-expanded', 'true');
    heading.focus();
    // Focus brings the heading into view; the buttons under it should be in view too.
    box.scrollIntoView?.({ block: 'nearest' });
  });
}

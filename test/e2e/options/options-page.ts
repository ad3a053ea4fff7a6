// Reading the options page the way a person reads it: what a labelled list holds, which choice of
// a group is picked, what a status line or error box says, and which controls can still be changed.
import type { BrowserTab } from '../harness';

export const OPTIONS_READY = '#policy-form';

/** The entries listed under the list whose "add" box has this label. */
export function listEntries(tab: BrowserTab, addLabel: string): Promise<string[]> {
  return tab.run((addLabel) => {
    const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const found = [...document.querySelectorAll('label')].find((l) => norm(l.textContent) === addLabel);
    const group = found?.closest('.nhsuk-form-group');
    if (!group) throw new Error(`no list labelled "${addLabel}"`);
    return [...group.querySelectorAll('.ss-entry__text')].map((e) => norm(e.textContent));
  }, addLabel);
}

/** The label of the checked choice in the group (fieldset) whose legend reads `legend`, and whether it can be changed. */
export function choiceIn(tab: BrowserTab, legend: string): Promise<{ checked: string | undefined; disabled: boolean }> {
  return tab.run((legend) => {
    const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const fieldset = [...document.querySelectorAll('fieldset')].find((f) => norm(f.querySelector(':scope > legend')?.textContent) === legend);
    if (!fieldset) throw new Error(`no group "${legend}"`);
    const inputs = [...fieldset.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    const checked = inputs.find((i) => i.checked);
    return {
      checked: checked ? norm(document.querySelector(`label[for="${checked.id}"]`)?.textContent) : undefined,
      disabled: inputs.every((i) => i.disabled),
    };
  }, legend);
}

/** The value of the text box with this label. */
export function valueOf(tab: BrowserTab, labelText: string): Promise<string> {
  return tab.run((labelText) => {
    const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const found = [...document.querySelectorAll('label')].find((l) => norm(l.textContent) === labelText);
    const input = found && document.getElementById(found.htmlFor);
    if (!(input instanceof HTMLInputElement)) throw new Error(`no text box labelled "${labelText}"`);
    return input.value;
  }, labelText);
}

/** The text shown in `selector` (lines joined by one space), or undefined when it is missing or hidden. */
export function textOf(tab: BrowserTab, selector: string): Promise<string | undefined> {
  return tab.run((selector) => {
    const element = document.querySelector<HTMLElement>(selector);
    if (!element || element.getClientRects().length === 0) return undefined;
    return element.innerText.replace(/\s+/g, ' ').trim();
  }, selector);
}

/** The lines of the list in the error box `boxSelector`, its heading, and whether it has focus. */
export function errorBox(tab: BrowserTab, boxSelector: string): Promise<{ heading: string; intro: string; lines: string[]; focused: boolean } | undefined> {
  return tab.run((boxSelector) => {
    const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const box = document.querySelector<HTMLElement>(boxSelector);
    if (!box || box.getClientRects().length === 0) return undefined;
    return {
      heading: norm(box.querySelector('h2')?.textContent),
      intro: norm(box.querySelector('.nhsuk-error-summary__body > p')?.textContent),
      lines: [...box.querySelectorAll('li')].map((li) => norm(li.textContent)),
      focused: document.activeElement === box,
    };
  }, boxSelector);
}

/**
 * The settings form's controls a person could still change: rendered, not disabled, not
 * read-only. (A list's "find" box only filters what is shown, so it is left out.)
 */
export function changeableSettings(tab: BrowserTab): Promise<string[]> {
  return tab.run(() => {
    const form = document.getElementById('policy-form');
    if (!form) throw new Error('no settings form');
    return [...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLButtonElement>('input, textarea, button, select')]
      .filter((el) => el.getClientRects().length > 0 && !el.disabled && !('readOnly' in el && el.readOnly))
      .filter((el) => el.getAttribute('type') !== 'search')
      .map((el) => el.id || el.getAttribute('name') || (el.textContent ?? '').trim());
  });
}

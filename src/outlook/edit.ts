// Applies a one-click fix (rules/types.ts `Fix`) to the real compose fields of one compose form,
// the way a user would: remove a pill with its own remove button, type an address into a well and
// end it with `;` (OWA's separator, which commits typed text without picking a suggestion), set
// the subject through the native value setter plus an `input` event (React-controlled inputs
// ignore a plain `.value =`, fixture owa.js imitates React's value tracker to prove it).
// Each fix resolves once the DOM shows the change, or rejects with a sentence the user can act on.
import type { Field, Fix, Recipient } from '../rules/types';
import { t } from '../i18n/index';
import { sameName } from './address';
import { isRendered, lineText } from './dom';
import { findSubject } from './index';
import { findWells, isPill, readRecipientsWithElements, type RecipientEntry } from './recipients';
import { BCC_TOGGLE, BCC_TOGGLE_TEXT, PILL_REMOVE, any } from './selectors';

export interface EditOptions {
  /** How long to wait for OWA to show a change (it renders asynchronously). Default 3000 ms. */
  timeoutMs?: number;
}

const who = (r: Recipient) => r.name ?? r.address ?? t('fix.thisRecipient');
const sameAddress = (a: string | undefined, b: string | undefined) => !!a && !!b && a.toLowerCase() === b.toLowerCase();

function matches(entry: RecipientEntry, field: Field, r: { address?: string; name?: string }): boolean {
  if (entry.recipient.field !== field) return false;
  return r.address ? sameAddress(entry.recipient.address, r.address) : sameName(entry.recipient.name, r.name);
}

/** The entry (pill or typed text) of a recipient, matched by field and address, else by name. */
export function findRecipientEntry(root: Element, r: Recipient): RecipientEntry | undefined {
  return readRecipientsWithElements(root).find((e) => matches(e, r.field, r));
}

const count = (root: Element, field: Field, r: { address?: string; name?: string }) =>
  readRecipientsWithElements(root).filter((e) => matches(e, field, r)).length;

/** Resolves with the first truthy `check()`, re-checking on every DOM change; rejects on timeout. */
function waitFor<T>(root: Element, check: () => T | undefined | null | false, reason: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const first = check();
    if (first) return resolve(first);
    const observer = new MutationObserver(() => {
      const result = check();
      if (result) finish(() => resolve(result));
    });
    const timer = setTimeout(() => {
      const result = check();
      finish(() => (result ? resolve(result) : reject(new Error(reason))));
    }, timeoutMs);
    const finish = (then: () => void) => {
      observer.disconnect();
      clearTimeout(timer);
      then();
    };
    observer.observe(root.ownerDocument, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** Lets the page's own handlers run (React re-renders after an event in the same task or the next). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function fire(target: Element, type: 'input' | 'change', data?: string): void {
  const init = { bubbles: true, cancelable: type === 'input' };
  target.dispatchEvent(
    type === 'input' && typeof InputEvent === 'function'
      ? new InputEvent('input', { ...init, inputType: data ? 'insertText' : 'deleteContent', data: data ?? null })
      : new Event(type, init),
  );
}

/** Types `text` at the end of a well: the browser's own insertText when it works, else a text node
 * plus the input event the browser would have sent (test DOMs have no execCommand). */
function typeInto(well: Element, text: string): void {
  const doc = well.ownerDocument;
  (well as HTMLElement).focus();
  const selection = doc.getSelection();
  if (selection) {
    const range = doc.createRange();
    range.selectNodeContents(well);
    range.collapse(false);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  const typed = typeof doc.execCommand === 'function' && doc.execCommand('insertText', false, text);
  if (!typed) {
    well.append(doc.createTextNode(text));
    fire(well, 'input', text);
  }
}

/** The typed (not yet pill) text of a well, rewritten by `change`, as one text node at its end. */
function rewriteTyped(entry: RecipientEntry, replacement: string): void {
  const { well, typed = '' } = entry;
  const loose = [...well.childNodes].filter((n) => !(n.nodeType === 1 && isPill(n as Element)));
  const text = loose.map((n) => n.textContent ?? '').join('');
  const at = text.indexOf(typed);
  if (at < 0) throw new Error(t('fix.typedNotFound', { typed }));
  const after = text.slice(at + typed.length);
  const rest = replacement ? after : after.replace(/^\s*[;,]\s*/, '');
  for (const n of loose) n.remove();
  const next = text.slice(0, at) + replacement + rest;
  if (next) well.append(well.ownerDocument.createTextNode(next));
  fire(well, 'input', replacement || undefined);
}

/** Takes a recipient off the email: its pill's remove button, or its typed text. */
async function removeEntry(root: Element, entry: RecipientEntry, timeoutMs: number): Promise<void> {
  const { recipient } = entry;
  const before = count(root, recipient.field, recipient);
  if (entry.pill) {
    const buttons = [...entry.pill.querySelectorAll('button, [role="button"]')];
    const remove = entry.pill.querySelector(any(PILL_REMOVE)) ?? (buttons.length > 1 ? buttons.at(-1) : undefined);
    if (!remove) throw new Error(t('fix.noRemoveButton', { who: who(recipient) }));
    (remove as HTMLElement).click();
  } else {
    rewriteTyped(entry, '');
  }
  await waitFor(
    root,
    () => count(root, recipient.field, recipient) < before,
    t('fix.stillOn', { who: who(recipient) }),
    timeoutMs,
  );
}

/** The rendered well for a field; for Bcc, opens it with its toggle first (OWA adds it later). */
async function openWell(root: Element, field: Field, timeoutMs: number): Promise<Element> {
  const shown = () => {
    const well = findWells(root)[field];
    return well && isRendered(well) ? well : undefined;
  };
  const well = shown();
  if (well) return well;
  if (field !== 'bcc') throw new Error(field === 'to' ? t('fix.noToBox') : t('fix.noCcBox'));
  const buttons = [...root.querySelectorAll('button')].filter(isRendered);
  const toggle =
    buttons.find((b) => b.matches(any(BCC_TOGGLE))) ?? buttons.find((b) => BCC_TOGGLE_TEXT.test(lineText(b)));
  if (!toggle) throw new Error(t('fix.noBccButton'));
  toggle.click();
  return waitFor(root, shown, t('fix.bccDidNotOpen'), timeoutMs);
}

/** Types addresses into a field's well and waits until each is on the email there. */
async function addAddresses(root: Element, field: Field, addresses: string[], timeoutMs: number): Promise<void> {
  const well = await openWell(root, field, timeoutMs);
  const missing = addresses.filter((a) => count(root, field, { address: a }) === 0);
  if (missing.length === 0) return;
  const pillsBefore = readRecipientsWithElements(root).filter((e) => e.well === well && e.pill).length;
  typeInto(well, `${missing.join('; ')};`);
  const isOn = () => {
    if (missing.every((a) => count(root, field, { address: a }) > 0)) return true;
    // OWA may show a directory contact's name instead of the typed address: accept new pills when
    // the typed text has gone (the page bridge, when installed, confirms the address itself).
    const entries = readRecipientsWithElements(root).filter((e) => e.well === well);
    const typedLeft = entries.some((e) => !e.pill && missing.some((a) => sameAddress(e.recipient.address, a)));
    return !typedLeft && entries.filter((e) => e.pill).length >= pillsBefore + missing.length;
  };
  await waitFor(root, isOn, t('fix.couldNotAdd', { addresses: missing.join(', ') }), timeoutMs);
}

function entryOrFail(root: Element, r: Recipient): RecipientEntry {
  const entry = findRecipientEntry(root, r);
  if (!entry) throw new Error(t('fix.noLongerOn', { who: who(r) }));
  return entry;
}

/** Replaces a recipient with `address` in the same field (typed text is corrected in place). */
async function replaceRecipient(root: Element, r: Recipient, address: string, timeoutMs: number): Promise<void> {
  const entry = entryOrFail(root, r);
  if (!entry.pill) {
    rewriteTyped(entry, address);
    await waitFor(root, () => count(root, r.field, { address }) > 0, t('fix.couldNotChange', { who: who(r) }), timeoutMs);
    return;
  }
  // Add the right address before removing the wrong one: a failure never loses a recipient.
  await addAddresses(root, r.field, [address], timeoutMs);
  await removeEntry(root, entryOrFail(root, r), timeoutMs);
}

/** Sets an input's value the way typing does, so React's value tracker sees a change. */
function setNativeValue(input: HTMLInputElement, value: string): void {
  for (let proto = Object.getPrototypeOf(input); proto; proto = Object.getPrototypeOf(proto)) {
    const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
    if (setter) return setter.call(input, value);
  }
  input.value = value;
}

/** Applies `fix` to the compose form `root`; resolves when the page shows the change. */
export async function applyFix(root: Element, fix: Fix, options: EditOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 3000;
  switch (fix.kind) {
    case 'add-secure-tag': {
      const subject = findSubject(root);
      if (!subject) throw new Error(t('fix.noSubject'));
      if (subject.value.toLowerCase().includes(fix.tag.toLowerCase())) return;
      const value = `${fix.tag} ${subject.value}`.trimEnd();
      setNativeValue(subject, value);
      fire(subject, 'input', fix.tag);
      fire(subject, 'change');
      await settle();
      if (subject.value !== value) throw new Error(t('fix.subjectUnchanged', { tag: fix.tag }));
      return;
    }
    case 'remove-recipient':
      return removeEntry(root, entryOrFail(root, fix.recipient), timeoutMs);
    case 'replace-address':
      return replaceRecipient(root, fix.recipient, fix.to, timeoutMs);
    case 'replace-domain': {
      const address = fix.recipient.address;
      if (!address?.includes('@')) throw new Error(t('fix.unreadAddress', { who: who(fix.recipient) }));
      return replaceRecipient(root, fix.recipient, `${address.slice(0, address.lastIndexOf('@'))}@${fix.to}`, timeoutMs);
    }
    case 'move-to-bcc': {
      const entries = fix.recipients.map((r) => entryOrFail(root, r));
      const unread = entries.filter((e) => !e.recipient.address);
      if (unread.length > 0) {
        throw new Error(t('fix.cannotMoveUnread', { who: unread.map((e) => who(e.recipient)).join(', ') }));
      }
      // Bcc first, then take them off To/Cc: a failure leaves a recipient twice, never lost.
      await addAddresses(root, 'bcc', entries.map((e) => e.recipient.address!), timeoutMs);
      for (const r of fix.recipients) {
        if (r.field === 'bcc') continue;
        await removeEntry(root, entryOrFail(root, r), timeoutMs);
      }
      return;
    }
  }
}

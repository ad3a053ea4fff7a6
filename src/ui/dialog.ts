// The in-page warning: "Check before you send". Shown by the guard when checkDraft finds
// something; resolves with what the user decided. No UI framework (content-script budget).
//
// Public contract (product.md): an element with role="alertdialog" named "Check before you send",
// in an OPEN shadow root, whose two main buttons are named "Edit email" and "Send anyway".
//
// Structure: <safe-send-dialog> (the host, appended to <html>, outside OWA's React root) → open
// shadow root → <style> + <dialog role="alertdialog">. `showModal()` puts the dialog in the top
// layer and makes OWA inert; where it is missing (jsdom) or throws, the dialog is opened
// non-modally and still sits above the page (host z-index), with focus kept in by the Tab cycle.
//
// KEYBOARD AND OWA — Esc in OWA's compose discards the draft (outlook-web.md), so no key event
// from the open dialog may reach OWA:
//   1. The guard's window capture `keydown` listener, registered first at document_start, should
//      call `handleKeydown(event)` for every key event and `event.stopPropagation()` when it
//      returns true. That runs before any page listener, so OWA never sees the key.
//      (Don't call preventDefault for us: Space/Enter on our buttons and checkboxes need it.)
//   2. On its own, while open, the dialog also listens in the capture phase on the window for
//      keydown/keyup/keypress (later than the guard, but before every document, body or element
//      listener of OWA's) and stops them, and stops them again at the host. So tests, the preview
//      and a guard that forgets step 1 are still safe from all but earlier window listeners.
//   Both routes call the same handler once per event (Esc → 'edit', Tab → focus cycle).
//   While a dialog is open, EVERY key event in its document is treated as the dialog's, not
//   only those whose composedPath includes the host: the page is inert behind a modal, and a
//   stray focus on <body> must not let Esc through to OWA.
//
// ONE DIALOG PER DOCUMENT: calling showWarning while one is open for the same document returns
// the open dialog's promise and ignores the new options (one user action can produce pointerdown
// + click, and both must land on one decision). Each pop-out window has its own document.
import type { Finding, Fix, Recipient } from '../rules/types';
import { append, h, setAttrs, uid } from './dom';
import { renderEvidence } from './evidence';
import { foldFollowOns } from './fold';
import { cycleFocus, deepActiveElement, tabbables } from './focus';
import { findingMessage } from '../i18n/finding';
import { fieldLabel, fixLabel, recipientFull, recipientShort } from './labels';
import { messages as m } from './messages';
import { css } from './styles';

export type WarningChoice = 'send' | 'edit';

export interface WarningDialogOptions {
  /** The compose window's document (pop-outs have their own). */
  doc: Document;
  /** From checkDraft, sorted block → warn → notice (grouped here whatever the order). */
  findings: Finding[];
  /** The policy's tag, for "Add [secure] to the subject" when a fix carries none. */
  secureTag: string;
  /**
   * Apply `fix` to the draft and check it again. Resolve with the new findings, or reject with
   * an Error whose message says, in plain words, why it could not be done (the draft must then
   * be left as it was: the dialog tells the user it has not been changed).
   */
  onFix(fix: Fix): Promise<Finding[]>;
  /** Aborting closes the dialog as 'edit' (nothing sent), e.g. when the compose form goes away. */
  signal?: AbortSignal;
}

/** The tag name of the shadow host (for the guard's composedPath checks and for tests). */
export const HOST_TAG = 'safe-send-dialog';

const SEVERITIES = [
  ['block', m.groupBlock],
  ['warn', m.groupWarn],
  ['notice', m.groupNotice],
] as const;
/** Recipient lists longer than this fold the rest behind "Show N more". */
const SHOWN_RECIPIENTS = 5;

interface OpenWarning {
  promise: Promise<WarningChoice>;
  onKeydown(event: KeyboardEvent): void;
}
const openWarnings = new WeakMap<Document, OpenWarning>();
/** Events already acted on: the guard's route and the dialog's own can both see one event. */
const handledEvents = new WeakSet<Event>();

/** The document an event belongs to, whatever its target (node, document or window). */
function documentOf(target: EventTarget | null): Document | undefined {
  const t = target as { ownerDocument?: Document | null; document?: Document; nodeType?: number } | null;
  return t?.ownerDocument ?? t?.document ?? (t?.nodeType === 9 ? (t as Document) : undefined);
}

export function isWarningOpen(doc: Document): boolean {
  return openWarnings.has(doc);
}

/**
 * For the guard's first window capture listener (see the top of this file). Returns true when a
 * Safe Send dialog is open in the event's document: the event is the dialog's, and the caller
 * must stop its propagation. Acts on keydown only (Esc closes as 'edit', Tab cycles focus);
 * keyup and keypress may be passed too and are just claimed.
 */
export function handleKeydown(event: KeyboardEvent): boolean {
  const warning = openWarnings.get(documentOf(event.target) as Document);
  if (!warning) return false;
  if (event.type === 'keydown' && !handledEvents.has(event)) {
    handledEvents.add(event);
    warning.onKeydown(event);
  }
  return true;
}

/** Shows the warning and resolves when the user decides: 'send' or 'edit' (nothing sent). */
export function showWarning(opts: WarningDialogOptions): Promise<WarningChoice> {
  const { doc } = opts;
  const existing = openWarnings.get(doc);
  if (existing) return existing.promise;
  if (opts.signal?.aborted) return Promise.resolve('edit');

  // One mistake, one warning: follow-on findings about a mistaken address are left out (fold.ts).
  let findings = foldFollowOns(opts.findings);
  let busy = false;
  let settled = false;
  /** Recipients ticked "I have checked"; survives re-renders after a fix. */
  const confirmed = new Set<string>();
  const life = new AbortController();
  const { signal } = life;
  const win = doc.defaultView;
  const previousFocus = deepActiveElement(doc);

  const titleId = uid('title');
  const introId = uid('intro');
  const whyId = uid('why');
  const intro = h(doc, 'p', { id: introId, class: 'intro' });
  const body = h(doc, 'div', { class: 'body' });
  // Polite live region for fix results; present (empty) from the start so changes are announced.
  const status = h(doc, 'p', { role: 'status', class: 'status' });
  const why = h(doc, 'p', { id: whyId, class: 'why' });
  const editButton = h(doc, 'button', { type: 'button', autofocus: true }, m.editEmail);
  // aria-disabled rather than `disabled`: a disabled button drops out of the Tab order, and then
  // keyboard and screen reader users never hear it exists or why it is unavailable (the reason
  // is its description). Clicks are ignored while it is set.
  const sendButton = h(doc, 'button', { type: 'button', 'aria-describedby': whyId }, m.sendAnyway);

  const dialog = h(
    doc,
    'dialog',
    { role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': titleId, 'aria-describedby': introId },
    h(
      doc,
      'div',
      { class: 'head' },
      h(doc, 'p', { class: 'brand' }, shieldIcon(doc), m.appName),
      h(doc, 'h2', { id: titleId }, m.title),
      intro,
    ),
    body,
    h(doc, 'div', { class: 'foot' }, status, why, h(doc, 'div', { class: 'actions' }, editButton, sendButton)),
  );

  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  append(root, [h(doc, 'style', null, css), dialog]);

  let resolve!: (choice: WarningChoice) => void;
  const promise = new Promise<WarningChoice>((r) => (resolve = r));

  function finish(choice: WarningChoice): void {
    if (settled) return;
    settled = true;
    life.abort();
    openWarnings.delete(doc);
    try {
      if (dialog.open) dialog.close();
    } catch {
      // Closing can only fail on a document that is going away; removing the host is enough.
    }
    host.remove();
    if (previousFocus?.isConnected) (previousFocus as HTMLElement).focus?.({ preventScroll: true });
    resolve(choice);
  }

  function onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' || event.key === 'Esc') {
      // preventDefault also stops the browser's own close request for the modal dialog.
      event.preventDefault();
      finish('edit');
    } else if (event.key === 'Tab' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      cycleFocus(dialog, deepActiveElement(doc), event.shiftKey);
    }
  }

  const needsAttention = () => findings.filter((f) => f.severity !== 'notice').length;
  const unconfirmed = () =>
    findings
      .filter((f) => f.confirmEach)
      .flatMap((f) => f.recipients ?? [])
      .filter((r) => !confirmed.has(recipientKey(r))).length;

  function updateFooter(): void {
    const blocked = findings.some((f) => f.severity === 'block');
    const waiting = unconfirmed() > 0;
    setAttrs(sendButton, { 'aria-disabled': blocked || waiting || busy ? 'true' : null });
    why.textContent = blocked ? m.whyBlocked : waiting ? m.whyUnconfirmed : '';
    // Editing is the safe choice and leads while anything needs attention; once nothing does,
    // sending leads. The user still presses it: nothing is sent for them.
    const sendLeads = needsAttention() === 0;
    sendButton.classList.toggle('primary', sendLeads);
    editButton.classList.toggle('primary', !sendLeads);
  }

  function render(): void {
    const top = findings.find((f) => f.severity === 'block') ?? findings.find((f) => f.severity === 'warn');
    intro.textContent = top?.severity === 'block' ? m.introBlock : top ? m.introWarn : findings.length ? m.introNotice : '';
    body.replaceChildren();
    for (const [severity, heading] of SEVERITIES) {
      const group = findings.filter((f) => f.severity === severity);
      if (group.length === 0) continue;
      body.append(
        h(doc, 'div', { class: severity }, h(doc, 'h3', null, heading), h(doc, 'ul', null, ...group.map(renderFinding))),
      );
    }
    updateFooter();
    updateScrollable();
  }

  function renderFinding(finding: Finding): HTMLLIElement {
    const error = h(doc, 'p', { class: 'error', role: 'alert', id: uid('error') });
    const shownAsEvidence = new Set(
      (finding.evidence ?? []).filter((e) => e.source === 'address').map((e) => e.text.toLowerCase()),
    );
    const others = (finding.recipients ?? []).filter((r) => !shownAsEvidence.has((r.address ?? '').toLowerCase()));
    return h(
      doc,
      'li',
      // data-rule: which rule said it, for tools that read the dialog (npm run demo, e2e tests).
      { class: 'finding', 'data-rule': finding.ruleId },
      h(doc, 'p', null, findingMessage(finding)),
      ...(finding.evidence ?? []).map((evidence) => renderEvidence(doc, evidence)),
      finding.confirmEach ? renderConfirm(finding) : others.length > 0 && renderRecipients(others),
      !!finding.fixes?.length &&
        h(doc, 'div', { class: 'fixes' }, ...finding.fixes.map((fix) => fixButton(fix, error))),
      error,
    );
  }

  function renderRecipients(recipients: Recipient[]): HTMLElement {
    const item = (r: Recipient) =>
      h(doc, 'li', null, recipientFull(r), h(doc, 'span', { class: 'field' }, fieldLabel(r.field)));
    const folded = recipients.length > SHOWN_RECIPIENTS + 1;
    const shown = folded ? recipients.slice(0, SHOWN_RECIPIENTS) : recipients;
    const rest = folded ? recipients.slice(SHOWN_RECIPIENTS) : [];
    return h(
      doc,
      'div',
      { class: 'who' },
      h(doc, 'ul', { 'aria-label': m.recipientsLabel }, ...shown.map(item)),
      folded &&
        h(doc, 'details', null, h(doc, 'summary', null, m.showMore(rest.length)), h(doc, 'ul', null, ...rest.map(item))),
    );
  }

  function renderConfirm(finding: Finding): HTMLElement {
    return h(
      doc,
      'ul',
      { class: 'confirm', 'aria-label': m.recipientsLabel },
      ...(finding.recipients ?? []).map((recipient) => {
        const key = recipientKey(recipient);
        const box = h(doc, 'input', { type: 'checkbox' });
        box.checked = confirmed.has(key);
        box.addEventListener(
          'change',
          () => {
            if (box.checked) confirmed.add(key);
            else confirmed.delete(key);
            updateFooter();
          },
          { signal },
        );
        return h(doc, 'li', null, h(doc, 'label', null, box, h(doc, 'span', null, m.confirmAddress(recipientShort(recipient)))));
      }),
    );
  }

  function fixButton(fix: Fix, error: HTMLElement): HTMLButtonElement {
    const label = fixLabel(fix, opts.secureTag);
    const button = h(doc, 'button', { type: 'button', 'aria-describedby': error.id }, label);
    button.addEventListener('click', () => void applyFix(button, fix, label, error), { signal });
    return button;
  }

  function setFixesEnabled(enabled: boolean): void {
    for (const button of body.querySelectorAll('.fixes button')) setAttrs(button, { 'aria-disabled': enabled ? null : 'true' });
  }

  async function applyFix(button: HTMLButtonElement, fix: Fix, label: string, error: HTMLElement): Promise<void> {
    if (busy || settled) return;
    busy = true;
    // One fix at a time: each one changes the draft the next would be judged against. The busy
    // button keeps focus (a `disabled` one would drop it to <body>).
    setFixesEnabled(false);
    setAttrs(button, { 'aria-busy': 'true' });
    error.textContent = '';
    setStatus('', false);
    updateFooter();
    let next: Finding[];
    try {
      next = await opts.onFix(fix);
    } catch (reason) {
      if (settled) return;
      busy = false;
      button.removeAttribute('aria-busy');
      setFixesEnabled(true);
      updateFooter();
      error.textContent = failureText(reason);
      return;
    }
    if (settled) return;
    busy = false;
    findings = foldFollowOns(next);
    render();
    const left = needsAttention();
    setStatus(`${m.fixDone(label)} ${left ? m.stillToCheck(left) : m.allSorted}`, left === 0);
    // Keep the user's place: the same fix if it is still offered, else the next thing to deal
    // with, else "Send anyway" (they still have to press it).
    const same = [...body.querySelectorAll<HTMLElement>('.fixes button')].find((b) => b.textContent === label);
    (same ?? (left ? tabbables(body)[0] : sendButton) ?? editButton).focus();
  }

  function setStatus(text: string, ok: boolean): void {
    status.textContent = text;
    status.classList.toggle('ok', ok);
  }

  // A long list at 200% zoom scrolls inside the dialog; a scroller with nothing focusable in it
  // can't be scrolled from the keyboard, so it becomes a tab stop only while it overflows.
  function updateScrollable(): void {
    setAttrs(body, { tabindex: body.scrollHeight > body.clientHeight + 1 ? 0 : null });
  }

  editButton.addEventListener('click', () => finish('edit'), { signal });
  sendButton.addEventListener('click', () => sendButton.getAttribute('aria-disabled') !== 'true' && finish('send'), {
    signal,
  });
  // The browser's own close request (Esc when our keydown handler did not run) means "edit".
  dialog.addEventListener('cancel', (event) => (event.preventDefault(), finish('edit')), { signal });
  dialog.addEventListener('close', () => finish('edit'), { signal });
  const claim = (event: Event) => {
    if (handleKeydown(event as KeyboardEvent)) event.stopPropagation();
  };
  for (const type of ['keydown', 'keyup', 'keypress']) {
    win?.addEventListener(type, claim, { capture: true, signal });
    host.addEventListener(type, (event) => event.stopPropagation(), { signal });
  }
  win?.addEventListener('resize', updateScrollable, { signal });
  opts.signal?.addEventListener('abort', () => finish('edit'), { signal });

  openWarnings.set(doc, { promise, onKeydown });
  render();
  doc.documentElement.append(host);
  try {
    dialog.showModal();
  } catch {
    dialog.setAttribute('open', '');
  }
  updateScrollable();
  editButton.focus({ preventScroll: true });
  // In the short layout (200% zoom) the whole dialog scrolls, and focusing "Edit email" (here or
  // by showModal's autofocus) scrolled to the bottom: the title and the first finding should be
  // what is seen first.
  dialog.scrollTop = 0;
  return promise;
}

/** Identifies a recipient across re-renders (the guard's fixes return fresh objects). */
function recipientKey(recipient: Recipient): string {
  return (recipient.address ?? `name:${recipient.name ?? ''}`).toLowerCase();
}

/** The guard rejects with an Error whose message is already in plain words. */
function failureText(reason: unknown): string {
  const text = (typeof reason === 'string' ? reason : ((reason as Error | null)?.message ?? '')).trim();
  if (!text) return m.fixFailedNoReason;
  return m.fixFailed(/[.!?]$/.test(text) ? text : `${text}.`);
}

/** A small shield beside "Safe Send" (decorative: the text says the name). */
function shieldIcon(doc: Document): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(ns, 'svg');
  setAttrs(svg, { viewBox: '0 0 16 16', 'aria-hidden': 'true', focusable: 'false' });
  const path = doc.createElementNS(ns, 'path');
  path.setAttribute('d', 'M8 1 2 3.2V7.5c0 3.4 2.5 6.4 6 7.5 3.5-1.1 6-4.1 6-7.5V3.2L8 1Zm-1 10L4.3 8.3l1-1L7 9l3.7-3.7 1 1L7 11Z');
  svg.append(path);
  return svg;
}

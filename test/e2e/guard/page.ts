// What the guard tests read from, and do to, an OWA fixture page. Each function runs in the page
// (BrowserTab.run serialises it), so each is self-contained.
import type { BrowserTab, Target } from '../harness';

/** What a send did, as the fixture's OWA recorded it (test/fixtures/owa/README.md). */
export interface OwaSend {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  via: string;
}

export interface DialogState {
  role: string | null;
  /** The accessible name, from aria-labelledby. */
  name: string;
  /** True when shown with showModal() (OWA behind it is inert). */
  modal: boolean;
  /** Each finding's first paragraph, with its group: 'block', 'warn' or 'notice'. */
  findings: Array<{ group: string; text: string }>;
  /** The one-click fix buttons' labels. */
  fixes: string[];
  sendAnywayDisabled: boolean;
  /** The polite status line (what a fix did). */
  status: string;
  /** The text of the focused element inside the dialog. */
  focused: string;
}

/** The open Safe Send dialog, or null. */
export function readDialog(tab: BrowserTab): Promise<DialogState | null> {
  return tab.run(() => {
    const host = document.querySelector('safe-send-dialog');
    const root = host?.shadowRoot;
    const dialog = root?.querySelector('dialog');
    if (!root || !dialog || !dialog.open) return null;
    const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const name = (dialog.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .map((id) => norm(root.getElementById(id)?.textContent))
      .join(' ');
    const sendAnyway = [...dialog.querySelectorAll('button')].find((b) => norm(b.textContent) === 'Send anyway');
    return {
      role: dialog.getAttribute('role'),
      name,
      modal: dialog.matches(':modal'),
      findings: [...dialog.querySelectorAll('li.finding')].map((li) => ({
        group: li.closest('.block, .warn, .notice')?.className ?? '',
        text: norm(li.querySelector('p')?.textContent),
      })),
      fixes: [...dialog.querySelectorAll('.fixes button')].map((b) => norm(b.textContent)),
      sendAnywayDisabled: sendAnyway?.getAttribute('aria-disabled') === 'true',
      status: norm(dialog.querySelector('[role="status"]')?.textContent),
      focused: norm(root.activeElement?.textContent),
    };
  });
}

export async function dialogOpen(tab: BrowserTab): Promise<void> {
  try {
    await tab.until('the Safe Send dialog', () => !!document.querySelector('safe-send-dialog')?.shadowRoot?.querySelector('dialog[open]'));
  } catch (error) {
    // Say what the page shows instead: a send that went through, a notice, where the focus was.
    const seen = await tab.run(() => ({
      sent: (window as unknown as { __owaSent?: unknown[] }).__owaSent?.length ?? 0,
      notice: document.querySelector('safe-send-notice')?.shadowRoot?.textContent ?? null,
      focus: document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName,
      page: document.querySelector('[role="status"]')?.textContent ?? null,
    }));
    throw new Error(`${(error as Error).message}\npage: ${JSON.stringify(seen)}`);
  }
}

export const dialogClosed = (tab: BrowserTab) =>
  tab.until('the Safe Send dialog to close', () => !document.querySelector('safe-send-dialog'));

/** Waits for the dialog's status line to say a fix is done: it starts with `done` ("Done: …"). */
export const fixDone = (tab: BrowserTab, done = 'Done:') =>
  tab.until(
    'the fix to finish',
    (done) => (document.querySelector('safe-send-dialog')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '').startsWith(done),
    done,
  );

/** A button of the dialog, by its visible text. */
export const inDialog = (text: string): Target => ({ selector: 'button', text, inDialog: true });

export const sends = (tab: BrowserTab): Promise<OwaSend[]> =>
  // A pop-out's window gets its list with its first send.
  tab.run(() => (window as unknown as { __owaSent?: OwaSend[] }).__owaSent ?? []);

export const discards = (tab: BrowserTab): Promise<number> =>
  tab.run(() => (window as unknown as { __owaDiscarded: number }).__owaDiscarded);

/** Waits for OWA's own send handler to have run `count` times in total. */
export const sent = (tab: BrowserTab, count = 1) =>
  tab.until(`${count} send(s)`, (n) => (window as unknown as { __owaSent: unknown[] }).__owaSent.length >= n, count);

/**
 * Lets a moment pass for anything still in flight (a dialog the guard might be about to show, a
 * second send) — used only before asserting that something did NOT happen. Two animation frames
 * and a macrotask: the guard decides synchronously inside the event, so this is ample.
 */
export const settle = (tab: BrowserTab) =>
  tab.run(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))),
  );

/** Focuses the first rendered element matching `selector` (as a user's Tab or click would). */
export const focus = (tab: BrowserTab, selector: string) =>
  tab.run((selector) => {
    const el = [...document.querySelectorAll<HTMLElement>(selector)].find((e) => e.getClientRects().length > 0);
    if (!el) throw new Error(`nothing rendered matches ${selector}`);
    el.focus();
    if (el.isContentEditable) {
      // Put the caret at the end, as clicking into the field would.
      const range = document.createRange();
      range.selectNodeContents(el);
      range.collapse(false);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }
  }, selector);

/** A description of the focused element: its tag, aria-label and whether it is inside `within`. */
export const focusedIn = (tab: BrowserTab, within: string) =>
  tab.run((within) => {
    const el = document.activeElement;
    return { label: el?.getAttribute('aria-label') ?? el?.tagName ?? '', inside: !!el?.closest(within) };
  }, within);

/** The recipients shown in a well (pill text, or aria-label for compact pills), by field label. */
export const wellText = (tab: BrowserTab, scope: string, field: 'To' | 'Cc' | 'Bcc') =>
  tab.run(
    ({ scope, field }) => {
      const well = document.querySelector(`${scope} [aria-label="${field}"]`);
      return well ? (well.textContent ?? '').replace(/×/g, ' ').replace(/\s+/g, ' ').trim() : null;
    },
    { scope, field },
  );

export const subjectOf = (tab: BrowserTab, scope: string) =>
  tab.run((scope) => (document.querySelector(`${scope} input[aria-label="Subject"], ${scope} input[aria-label="Add a subject"]`) as HTMLInputElement | null)?.value ?? null, scope);

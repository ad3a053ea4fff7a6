// The warning UI as a chunk loaded on demand (src/ui/warning.ts, issue 3): the guard loads it when
// a compose screen opens, waits for it when a send comes first, and — when it cannot be loaded —
// still holds the send and says in the page what is wrong (never silent, never sent unseen).
// The loader is the guard's seam; in the browser it is src/ui/load-warning.ts
// (test/e2e/warning-chunk.test.ts covers that half).
import { within } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startGuard } from '../../../src/outlook/guard';
import { BUILTIN_POLICY } from '../../../src/policy/builtin';
import { parsePolicy } from '../../../src/policy/index';
import type { Policy } from '../../../src/policy/schema';
import type { GuardMessage } from '../../../src/activity/protocol';
import { HOST_TAG, isWarningOpen } from '../../../src/ui/dialog';
import * as realWarningUi from '../../../src/ui/warning';
import type { WarningUi } from '../../../src/ui/warning';
import { loadPage, owa, tick } from '../outlook/fixture';

const FORGOT_ATTACHMENT = 4;
const ALL_FINE = 5;
/** The self-check's quiet period in these tests. */
const SELF_CHECK_MS = 10;

let controller = new AbortController();
afterEach(() => controller.abort());

function start(sample: number, loader: () => Promise<WarningUi>, policy: Policy = BUILTIN_POLICY) {
  const page = loadPage('demo', { bridge: true, search: `?sample=${sample}` });
  controller = new AbortController();
  const reports: GuardMessage[] = [];
  startGuard({
    win: window,
    signal: AbortSignal.any([controller.signal, page.signal]),
    watchPolicy: (cb) => cb(policy),
    watchKnownAddresses: (cb) => cb([]),
    report: (m) => reports.push(m),
    warningUi: loader,
    selfCheckDelayMs: SELF_CHECK_MS,
  });
  return { page, reports };
}

const send = () => (document.querySelector('[data-testid="ComposeSendButton"] i') as HTMLElement).click();
const dialog = () => {
  const host = document.querySelector(HOST_TAG);
  return host?.shadowRoot ? within(host.shadowRoot as unknown as HTMLElement) : undefined;
};
const noticeText = () => document.querySelector('safe-send-notice')?.shadowRoot?.textContent ?? null;
const failing = () => vi.fn(() => Promise.reject(new Error('chunk missing')));

describe('loading the warning UI', () => {
  it('loads it once when a compose screen is open, before any send', async () => {
    const loader = vi.fn(() => Promise.resolve(realWarningUi as WarningUi));
    const { page } = start(ALL_FINE, loader);
    expect(loader).not.toHaveBeenCalled(); // not at start: only once the self-check sees a compose
    await page.ready();
    await tick(SELF_CHECK_MS * 5);
    expect(loader).toHaveBeenCalledTimes(1);
    // More page changes (OWA re-renders on every keystroke) do not load it again.
    document.querySelector('[aria-label="Subject"]')!.setAttribute('data-touched', '1');
    await tick(SELF_CHECK_MS * 5);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('once loaded, the warning opens in the same task as the send', async () => {
    const { page } = start(FORGOT_ATTACHMENT, () => Promise.resolve(realWarningUi as WarningUi));
    await page.ready();
    await tick(SELF_CHECK_MS * 5);
    send();
    expect(dialog()!.getByRole('alertdialog', { name: 'Check before you send' })).toBeTruthy();
    expect(owa().__owaSent).toHaveLength(0);
  });

  it('a send before it has loaded is held, further presses are swallowed, and one warning opens when it arrives', async () => {
    let arrive!: (ui: WarningUi) => void;
    const pending = new Promise<WarningUi>((resolve) => (arrive = resolve));
    const { page } = start(FORGOT_ATTACHMENT, () => pending);
    await page.ready();
    send();
    send();
    expect(isWarningOpen(document)).toBe(false);
    expect(owa().__owaSent).toHaveLength(0);
    arrive(realWarningUi as WarningUi);
    await tick();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    dialog()!.getByRole('button', { name: 'Send anyway' }).click();
    await tick();
    expect(owa().__owaSent).toHaveLength(1);
  });
});

describe('when the warning UI cannot be loaded', () => {
  it('holds the send, says what is wrong in the page, and the next press of Send sends it', async () => {
    const loader = failing();
    const { page, reports } = start(FORGOT_ATTACHMENT, loader);
    await page.ready();
    send();
    await tick();
    expect(owa().__owaSent).toHaveLength(0);
    const text = noticeText();
    expect(text).toContain('Safe Send could not open its warning, so this email has not been sent.');
    expect(text).toMatch(/attach/i); // the missing-attachment finding's own words
    expect(text).toContain('press Send again to send it anyway');
    expect(reports).toContainEqual({ type: 'warning-shown', ruleIds: ['missing-attachment'] });

    send();
    expect(owa().__owaSent).toHaveLength(1);
    expect(noticeText()).toBeNull();
    expect(reports.filter((r) => r.type === 'sent')).toEqual([
      { type: 'sent', recipients: ['lch.districtnurses@nhs.net'], warned: [] },
    ]);
  });

  it('a changed email is checked again rather than sent on the earlier press', async () => {
    const loader = failing();
    const { page } = start(FORGOT_ATTACHMENT, loader);
    await page.ready();
    send();
    await tick();
    document.querySelector('[aria-label="Message body"]')!.append(' One more thing.');
    await tick();
    send();
    await tick();
    expect(owa().__owaSent).toHaveLength(0);
    expect(noticeText()).toContain('could not open its warning');
    expect(loader.mock.calls.length).toBeGreaterThanOrEqual(2); // tried again at the second send
  });

  it('never sends what the policy blocks, however often Send is pressed', async () => {
    const parsed = parsePolicy({ blockedDomains: ['lch.districtnurses@nhs.net'] });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const { page } = start(FORGOT_ATTACHMENT, failing(), parsed.policy);
    await page.ready();
    send();
    await tick();
    expect(noticeText()).toContain('Change the email to fix this, then send it.');
    send();
    await tick();
    send();
    await tick();
    expect(owa().__owaSent).toHaveLength(0);
  });

  it('a compose form it cannot read is held with the notice too, and the next press sends it', async () => {
    const { page } = start(ALL_FINE, failing());
    await page.ready();
    for (const well of document.querySelectorAll('[contenteditable]:not([aria-multiline="true"])')) {
      well.removeAttribute('aria-label');
      well.setAttribute('contenteditable', 'false');
    }
    send();
    await tick();
    expect(owa().__owaSent).toHaveLength(0);
    expect(noticeText()).toContain("can't read this email (To field)");
    send();
    expect(owa().__owaSent).toHaveLength(1);
  });
});

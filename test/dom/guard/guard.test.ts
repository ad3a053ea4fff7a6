// The guard on the OWA fixtures (happy-dom): what a care worker sees when they press Send.
// The extension APIs are replaced by the guard's own seams (watchPolicy, watchKnownAddresses,
// report), so this is the guard's logic end to end on the page, without a browser.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { within } from '@testing-library/dom';
import { startGuard } from '../../../src/outlook/guard';
import { HOST_TAG, isWarningOpen } from '../../../src/ui/dialog';
import * as warningUi from '../../../src/ui/warning';
import { BUILTIN_POLICY } from '../../../src/policy/builtin';
import { parsePolicy } from '../../../src/policy/index';
import type { Policy, PolicyDocument } from '../../../src/policy/schema';
import type { GuardMessage } from '../../../src/activity/protocol';
import { loadPage, owa, tick, type PageName } from '../outlook/fixture';

const SAMPLES = { wrongDomain: 0, familiesInCc: 1, gpNoSecure: 2, nhsNumberInSubject: 3, forgotAttachment: 4, allFine: 5 };

let controller: AbortController;
let reports: GuardMessage[];
let setPolicy: (p: Policy) => void;

/** The guard on a demo sample (by number) or on another fixture page (by name). */
function start(sample: number | PageName, policy: Policy = BUILTIN_POLICY) {
  const page =
    typeof sample === 'number'
      ? loadPage('demo', { bridge: true, search: `?sample=${sample}` })
      : loadPage(sample, { bridge: true });
  controller = new AbortController();
  reports = [];
  startGuard({
    win: window,
    signal: AbortSignal.any([controller.signal, page.signal]),
    watchPolicy(cb) {
      setPolicy = cb;
      cb(policy);
    },
    watchKnownAddresses: (cb) => cb([]),
    report: (m) => reports.push(m),
    warningUi,
    selfCheckDelayMs: 10,
  });
  return page;
}

function policyWith(doc: PolicyDocument): Policy {
  const parsed = parsePolicy(doc);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.policy;
}

const send = () => (document.querySelector('[data-testid="ComposeSendButton"] i') as HTMLElement).click();
const dialog = () => {
  const host = document.querySelector(HOST_TAG);
  return host?.shadowRoot ? within(host.shadowRoot as unknown as HTMLElement) : undefined;
};

beforeEach(() => {
  controller = new AbortController();
});
afterEach(() => controller.abort());

describe('the guard on the demo drafts', () => {
  it('sends an internal-only draft at once, with no dialog, and reports the send', async () => {
    const page = start(SAMPLES.allFine);
    await page.ready();
    send();
    expect(isWarningOpen(document)).toBe(false);
    expect(owa().__owaSent).toHaveLength(1);
    expect(reports).toContainEqual({ type: 'sent', recipients: ['oakwood.manager@nhs.net'], warned: [] });
  });

  it('stops a mistyped domain and names the fix', async () => {
    const page = start(SAMPLES.wrongDomain);
    await page.ready();
    send();
    expect(owa().__owaSent).toHaveLength(0);
    const d = dialog()!;
    expect(d.getByRole('alertdialog', { name: 'Check before you send' })).toBeTruthy();
    expect(d.getByRole('button', { name: /nhs\.nte.*nhs\.net/ })).toBeTruthy();
    expect(reports).toContainEqual({ type: 'warning-shown', ruleIds: expect.arrayContaining(['mistyped-domain']) });
  });

  it('"Edit email" sends nothing; "Send anyway" sends exactly once', async () => {
    const page = start(SAMPLES.forgotAttachment);
    await page.ready();
    send();
    dialog()!.getByRole('button', { name: 'Edit email' }).click();
    await tick();
    expect(isWarningOpen(document)).toBe(false);
    expect(owa().__owaSent).toHaveLength(0);
    expect(reports).toContainEqual({ type: 'edited-after-warning' });

    send();
    dialog()!.getByRole('button', { name: 'Send anyway' }).click();
    await tick();
    expect(owa().__owaSent).toHaveLength(1);
    expect(reports.filter((r) => r.type === 'sent')).toEqual([
      { type: 'sent', recipients: ['lch.districtnurses@nhs.net'], warned: ['missing-attachment'] },
    ]);
  });

  it('a one-click fix edits the draft and the dialog re-checks it', async () => {
    const page = start(SAMPLES.wrongDomain);
    await page.ready();
    send();
    dialog()!.getByRole('button', { name: /nhs\.nte.*nhs\.net/ }).click();
    await tick(300);
    expect(document.querySelector('[aria-label="To"]')!.textContent).toContain('ward12.discharge@nhs.net');
    expect(reports).toContainEqual({ type: 'fix-used', kind: 'replace-domain' });
    expect(dialog()!.getByText(/All sorted/)).toBeTruthy();
  });

  it('uses a changed policy at the next send, without a reload', async () => {
    const page = start(SAMPLES.forgotAttachment);
    await page.ready();
    setPolicy(policyWith({ rules: { 'missing-attachment': { severity: 'off' } } }));
    send();
    expect(isWarningOpen(document)).toBe(false);
    expect(owa().__owaSent).toHaveLength(1);
  });

  it('keeps "Send anyway" unavailable while a block finding remains', async () => {
    const page = start(SAMPLES.forgotAttachment, policyWith({ blockedDomains: ['lch.districtnurses@nhs.net'] }));
    await page.ready();
    send();
    const sendAnyway = dialog()!.getByRole('button', { name: 'Send anyway' });
    expect(sendAnyway.getAttribute('aria-disabled')).toBe('true');
    sendAnyway.click();
    await tick();
    expect(owa().__owaSent).toHaveLength(0);
  });

  it('holds the send and says so when the To field cannot be found', async () => {
    const page = start(SAMPLES.allFine);
    await page.ready();
    // OWA changed its markup: no labelled To well, and no editable well at all.
    for (const well of document.querySelectorAll('[contenteditable]:not([aria-multiline="true"])')) {
      well.removeAttribute('aria-label');
      well.setAttribute('contenteditable', 'false');
    }
    send();
    expect(owa().__owaSent).toHaveLength(0);
    expect(dialog()!.getByText(/can't read this email \(To field\)/)).toBeTruthy();
    expect(reports).toContainEqual({ type: 'guard-status', state: 'unreadable', missing: ['To field'] });
  });

  it('reports the compose screen’s status for the toolbar badge', async () => {
    const page = start(SAMPLES.allFine);
    await page.ready();
    await tick(50);
    expect(reports).toContainEqual({ type: 'guard-status', state: 'ok', missing: [] });
  });
});

describe('the guard when OWA’s markup changes', () => {
  it('never reads a hidden Cc as the To field: the send is held and reported (e2e finding)', async () => {
    const page = start('new-message');
    await page.ready();
    // The labels are gone and the To box is no longer an editable: only the hidden Cc is left.
    for (const well of document.querySelectorAll('[aria-label="To"], [aria-label="Cc"]')) well.removeAttribute('aria-label');
    document.querySelector('[contenteditable]:not([aria-multiline="true"])')!.setAttribute('contenteditable', 'false');
    send();
    await tick();
    expect(owa().__owaSent).toHaveLength(0);
    expect(reports).toContainEqual({ type: 'guard-status', state: 'unreadable', missing: ['To field'] });
  });
});

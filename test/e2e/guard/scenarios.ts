// The in-page guard, end to end: the PRODUCTION build, unchanged, in a real browser, on the OWA
// fixtures served at https://outlook.office.com/mail/ (test/fixtures/owa/README.md). One set of
// scenarios, run by chromium.test.ts (Playwright) and firefox.test.ts (Puppeteer), one browser per
// file, a new tab per test.
//
// What "sent" means here: the fixture's OWA pushes a record onto `window.__owaSent` from its own
// send handler (React-like, on the app root, bubble phase; hotkeys on the document), so a record
// there is exactly what real OWA would have sent, and its absence is a send the guard stopped.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditDialog } from './axe-dialog';
import {
  dialogClosed,
  dialogOpen,
  discards,
  fixDone,
  focus,
  focusedIn,
  inDialog,
  readDialog,
  sends,
  sent,
  settle,
  subjectOf,
  wellText,
} from './page';
import {
  formatViolations,
  startBrowser,
  startFixtureServer,
  type BrowserName,
  type BrowserTab,
  type Modifier,
  type OwaServer,
  type StartBrowserOptions,
  type Target,
  type TestBrowser,
} from '../harness';
import { NEW_MESSAGE_TO } from '../../fixtures/owa/sends';

const SEND_ICON: Target = { selector: '.owaPane [data-testid="ComposeSendButton"] i[data-icon-name="Send"]', exact: true };
const SEND_BUTTON: Target = { selector: '.owaPane .fui-SplitButton__primaryActionButton', exact: true };
const SEND_BUTTON_SELECTOR = '.owaPane .fui-SplitButton__primaryActionButton';
const BODY = '.owaPane [aria-label="Message body"][contenteditable]';
const SEND_ANYWAY = inDialog('Send anyway');
const EDIT_EMAIL = inDialog('Edit email');

/** A finding of the unsecured-recipient rule, of visible-recipients, and so on, as the dialog words them. */
const UNSECURED = /will not be encrypted for/;
const VISIBLE = /will see each other’s addresses/;
const MISTYPED = /looks like a mistake for/;
const UNVERIFIED = /could not read the email address of Chris Taylor/;
const UNREADABLE = /can't read this email \(To field\)/;

const texts = (state: Awaited<ReturnType<typeof readDialog>>) => state?.findings.map((f) => f.text) ?? [];

/**
 * What a test leaves behind that a later one must not see: the saved policy and the sent-to history
 * (a sent-to address becomes "known" to lookalike-address). Removed before every test.
 */
const GUARD_STATE_KEYS = ['policy', 'policy$', 'sentToHistory'];

const GUARD_BROWSER: StartBrowserOptions = {
  // The scenarios wait on the tab in front, where checking every animation frame is quickest.
  waits: { timeoutMs: 5000, polling: 'raf' },
  waitForManagedStorage: true,
};

const SUITE_TITLE: Record<BrowserName, string> = {
  chromium: 'Chromium: the in-page guard on OWA',
  firefox: 'Firefox ESR: the in-page guard on OWA',
};

/** The scenarios below in one browser, with the fixture server; one browser per test file. */
export function guardSuite(name: BrowserName): void {
  let server: OwaServer | undefined;
  let browser: TestBrowser | undefined;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await startBrowser(name, server, GUARD_BROWSER);
  });

  afterAll(async () => {
    await browser?.close(); // the browser first, then the server (and its certificate folder)
    await server?.close();
  });

  describe(SUITE_TITLE[name], () => guardScenarios(() => browser!));
}

function guardScenarios(current: () => TestBrowser): void {
  const browser = () => current();

  /** Opens `page`, runs `body` with the tab, closes the tab whatever happens. */
  async function withTab(page: string, body: (tab: BrowserTab) => Promise<void>): Promise<void> {
    const tab = await browser().openOwa(page);
    try {
      await body(tab);
    } finally {
      await tab.close();
    }
  }

  /** The dialog is the public contract's (product.md): role alertdialog, its name, modal. */
  async function expectWarning(tab: BrowserTab) {
    await dialogOpen(tab);
    const state = await readDialog(tab);
    expect(state).toMatchObject({ role: 'alertdialog', name: 'Check before you send', modal: true });
    return state!;
  }

  /** Presses Send anyway and checks OWA's own send ran exactly once. */
  async function sendAnyway(tab: BrowserTab) {
    await tab.click(SEND_ANYWAY);
    await dialogClosed(tab);
    await sent(tab);
    await settle(tab);
    const records = await sends(tab);
    expect(records).toHaveLength(1);
    return records[0]!;
  }

  beforeEach(async () => {
    await browser().removeStorage(GUARD_STATE_KEYS);
  });

  describe('every send path is stopped, and "Send anyway" then sends exactly once', () => {
    async function stopsAndSendsOnce(trigger: (tab: BrowserTab) => Promise<void>, via = 'click') {
      await withTab('new-message.html', async (tab) => {
        await trigger(tab);
        await expectWarning(tab);
        expect(await sends(tab), 'OWA must not have sent while the warning is up').toEqual([]);
        const record = await sendAnyway(tab);
        expect(record).toMatchObject({ to: NEW_MESSAGE_TO, cc: [], bcc: [], via });
      });
    }
    const key = (key: string, modifiers: Modifier[] = []) => async (tab: BrowserTab) => {
      await focus(tab, BODY);
      await tab.press(key, modifiers);
    };

    it('click on the icon inside Send', () => stopsAndSendsOnce((tab) => tab.click(SEND_ICON)));
    it('click on the Send button itself', () => stopsAndSendsOnce((tab) => tab.click(SEND_BUTTON)));
    it('Enter on the focused Send button', () =>
      stopsAndSendsOnce(async (tab) => {
        await focus(tab, SEND_BUTTON_SELECTOR);
        await tab.press('Enter');
      }));
    it('Space on the focused Send button', () =>
      stopsAndSendsOnce(async (tab) => {
        await focus(tab, SEND_BUTTON_SELECTOR);
        await tab.press('Space');
      }));
    // The shortcuts are stopped before OWA's document-level hotkeys; the re-send after "Send
    // anyway" is a click on the re-queried Send button, so OWA records it as a click.
    it('Ctrl+Enter in the message body', () => stopsAndSendsOnce(key('Enter', ['Control'])));
    it('Alt+S in the message body', () => stopsAndSendsOnce(key('KeyS', ['Alt'])));
    it('⌘+Enter (Meta) in the message body', () => stopsAndSendsOnce(key('Enter', ['Meta'])));
    it('More send options → Schedule send → the dialog’s Send', () =>
      stopsAndSendsOnce(async (tab) => {
        await tab.click({ selector: '.owaPane [aria-label="More send options"]' });
        await tab.click({ selector: '[role="menuitem"]', text: 'Schedule send' });
        await tab.click({ selector: '[role="dialog"] button', text: 'Send' });
      }, 'schedule'));
  });

  describe('every kind of compose screen', () => {
    it('inline reply beside a stale hidden draft: the reply is checked, not the stale draft', async () => {
      await withTab('inline-reply.html', async (tab) => {
        // Add an outside address to the reply's Cc, as a user would: show Cc, click into it, type
        // (`;` makes it a pill). (Chromium can't put a caret after the last pill of To.)
        await tab.click({ selector: '#ReadingPaneContainerId .owaToggle', text: 'Cc' });
        await tab.click({ selector: '#ReadingPaneContainerId [aria-label="Cc"]' });
        await tab.type('bob@example.org;');
        await tab.until('the typed address to become a pill', () =>
          document.querySelector('#ReadingPaneContainerId [aria-label="Cc"] .owaPill')?.textContent?.includes('bob@example.org'),
        );
        await tab.click({ selector: '#ReadingPaneContainerId .fui-SplitButton__primaryActionButton' });
        const state = await expectWarning(tab);
        expect(texts(state).join('\n')).toContain('bob@example.org');
        expect(texts(state).join('\n'), 'the hidden stale draft must not be read').not.toContain('stale.person@example.com');
        const record = await sendAnyway(tab);
        expect(record).toMatchObject({ to: ['jane.smith@nhs.net'], cc: ['bob@example.org'], subject: 'RE: Hospital transport for Mrs Brown' });
      });
    });

    it('inline reply to nhs.net only: sent at once, although the stale draft beside it goes outside', async () => {
      await withTab('inline-reply.html', async (tab) => {
        await tab.click({ selector: '#ReadingPaneContainerId .fui-SplitButton__primaryActionButton' });
        await sent(tab);
        await settle(tab);
        expect(await readDialog(tab)).toBeNull();
        expect(await sends(tab)).toEqual([
          { to: ['jane.smith@nhs.net'], cc: [], bcc: [], subject: 'RE: Hospital transport for Mrs Brown', via: 'click' },
        ]);
      });
    });

    it('older-era labels (Fluent v8, button[name="Send"])', async () => {
      await withTab('older-era.html', async (tab) => {
        await tab.click({ selector: 'button[name="Send"]' });
        const state = await expectWarning(tab);
        expect(texts(state).join('\n')).toMatch(/will not be encrypted for priya\.patel@oakwoodcare\.org\.uk/);
        expect(await sends(tab)).toEqual([]);
        const record = await sendAnyway(tab);
        expect(record).toMatchObject({ to: ['jane.smith@nhs.net', 'priya.patel@oakwoodcare.org.uk'], cc: ['lucy.green@nhs.net'] });
      });
    });

    it('narrow layout: the icon-only Send', async () => {
      await withTab('narrow.html', async (tab) => {
        await tab.click({ selector: 'i[aria-label="Send"]', exact: true });
        const state = await expectWarning(tab);
        expect(texts(state).join('\n')).toMatch(/will not be encrypted for gp\.reception@oakfieldsurgery\.co\.uk/);
        expect(await sends(tab)).toEqual([]);
        const record = await sendAnyway(tab);
        expect(record).toMatchObject({ to: ['mark.jones@nhs.net', 'gp.reception@oakfieldsurgery.co.uk'] });
      });
    });

    it('pop-out compose window (about:blank, built by the opener)', async () => {
      await withTab('popout.html', async (tab) => {
        const popup = await tab.popup(() => tab.click({ selector: '#popOut' }));
        try {
          await popup.until('the pop-out compose form', () => !!document.querySelector('.owaCompose button[aria-label="Send"]'));
          // Priya Patel's address is only in OWA's traffic, which the opener makes after the pop-out opens.
          await tab.run(() => (window as unknown as { __owaReady: Promise<void> }).__owaReady);
          await popup.click({ selector: '.owaCompose [data-testid="ComposeSendButton"] i[data-icon-name="Send"]', exact: true });
          const state = await expectWarning(popup);
          expect(texts(state).join('\n')).toMatch(/will not be encrypted for priya\.patel@oakwoodcare\.org\.uk/);
          expect(await tab.run(() => !!document.querySelector('safe-send-dialog')), 'the warning belongs in the pop-out').toBe(false);
          expect(await sends(popup)).toEqual([]);
          const record = await sendAnyway(popup);
          expect(record).toMatchObject({ to: ['jane.smith@nhs.net', 'priya.patel@oakwoodcare.org.uk'], via: 'click' });
          expect(await sends(tab), 'the opener saw the same single send').toHaveLength(1);
        } finally {
          await popup.close();
        }
      });
    });

    it('shared mailbox', async () => {
      await withTab('shared-mailbox.html', async (tab) => {
        await tab.click({ selector: '[data-testid="ComposeSendButton"] i[data-icon-name="Send"]', exact: true });
        const state = await expectWarning(tab);
        expect(texts(state).join('\n')).toMatch(/will not be encrypted for referrals@leedscommunityhealthcare\.nhs\.uk/);
        expect(await sends(tab)).toEqual([]);
        const record = await sendAnyway(tab);
        expect(record).toMatchObject({ to: ['referrals@leedscommunityhealthcare.nhs.uk'] });
      });
    });
  });

  describe('Ctrl+Enter in the message body of every kind of compose screen', () => {
    // The shortcut's compose form is found from the focus, not from a clicked button.
    for (const [page, body] of [
      ['older-era.html', '[aria-label^="Message body"][contenteditable]'],
      ['narrow.html', '[aria-label="Message body"][contenteditable]'],
      ['shared-mailbox.html', '[aria-label="Message body"][contenteditable]'],
    ] as const) {
      it(`${page}: stopped, nothing sent`, async () => {
        await withTab(page, async (tab) => {
          await focus(tab, body);
          await tab.press('Enter', ['Control']);
          await expectWarning(tab);
          await settle(tab);
          expect(await sends(tab)).toEqual([]);
        });
      });
    }

    it('inline reply to nhs.net only: sent at once (the focused reply is checked, not the stale draft)', async () => {
      await withTab('inline-reply.html', async (tab) => {
        await focus(tab, '#ReadingPaneContainerId [aria-label="Message body"][contenteditable]');
        await tab.press('Enter', ['Control']);
        await sent(tab);
        await settle(tab);
        expect(await readDialog(tab)).toBeNull();
        expect(await sends(tab)).toMatchObject([{ to: ['jane.smith@nhs.net'], via: 'ctrl+enter' }]);
      });
    });

    it('pop-out compose window: stopped in the pop-out, nothing sent', async () => {
      await withTab('popout.html', async (tab) => {
        const popup = await tab.popup(() => tab.click({ selector: '#popOut' }));
        try {
          await popup.until('the pop-out compose form', () => !!document.querySelector('.owaCompose [aria-label="Message body"]'));
          await tab.run(() => (window as unknown as { __owaReady: Promise<void> }).__owaReady);
          await focus(popup, '[aria-label="Message body"][contenteditable]');
          await popup.press('Enter', ['Control']);
          await expectWarning(popup);
          await settle(popup);
          expect(await sends(tab)).toEqual([]);
        } finally {
          await popup.close();
        }
      });
    });
  });

  describe('the dialog', () => {
    it('"Edit email" sends nothing and puts the focus back in the draft; the next Send asks again', async () => {
      await withTab('new-message.html', async (tab) => {
        await focus(tab, BODY);
        await tab.press('Enter', ['Control']);
        await expectWarning(tab);
        await tab.click(EDIT_EMAIL);
        await dialogClosed(tab);
        await settle(tab);
        expect(await sends(tab)).toEqual([]);
        expect(await focusedIn(tab, '.owaCompose')).toEqual({ label: 'Message body', inside: true });
        await tab.click(SEND_ICON);
        await expectWarning(tab);
        expect(await sends(tab)).toEqual([]);
      });
    });

    it('Esc closes the dialog and does not discard the draft; no key reaches OWA while it is open', async () => {
      await withTab('new-message.html', async (tab) => {
        await tab.click(SEND_ICON);
        await expectWarning(tab);
        // OWA's hotkeys are on the document: Alt+S here must neither send nor open a second dialog.
        await tab.press('KeyS', ['Alt']);
        await settle(tab);
        expect(await sends(tab)).toEqual([]);
        expect(await tab.run(() => document.querySelectorAll('safe-send-dialog').length)).toBe(1);
        await tab.press('Escape');
        await dialogClosed(tab);
        await settle(tab);
        expect(await discards(tab), 'Esc in OWA discards the draft: it must not get there').toBe(0);
        expect(await tab.run(() => !!document.querySelector('.owaPane .owaCompose'))).toBe(true);
        expect(await sends(tab)).toEqual([]);
      });
    });

    it('has no axe-core violations, and its colours are measured and pass (WCAG 2.2 AA)', async () => {
      await withTab('new-message.html', async (tab) => {
        await tab.click(SEND_ICON);
        await expectWarning(tab);
        const inPlace = await auditDialog(tab, false);
        expect(inPlace.violations, formatViolations(inPlace.violations)).toEqual([]);
        expect(inPlace.rulesChecked).toBeGreaterThan(10);
        // Where it really is (host on <html>), axe can't measure contrast: it leaves it
        // "incomplete" (axe-dialog.ts). Measured again with the host in <body>:
        const inBody = await auditDialog(tab, true);
        expect(inBody.violations, formatViolations(inBody.violations)).toEqual([]);
        expect(inBody.contrastIncomplete).toEqual([]);
        expect(inBody.contrastPassed).toBeGreaterThan(5);
      });
    });
  });

  describe('one-click fixes change the draft, and the dialog follows', () => {
    it('Move 3 to Bcc: the families are in Bcc, out of Cc, and that finding is gone', async () => {
      await withTab('demo.html?sample=1', async (tab) => {
        await tab.click(SEND_ICON);
        const before = await expectWarning(tab);
        expect(texts(before).join('\n')).toMatch(VISIBLE);
        await tab.click(inDialog('Move 3 to Bcc'));
        await fixDone(tab, 'Done: Move 3 to Bcc.');
        const after = await readDialog(tab);
        expect(texts(after).join('\n')).not.toMatch(VISIBLE);
        expect(after!.fixes).not.toContain('Move 3 to Bcc');
        const bcc = await wellText(tab, '.owaPane', 'Bcc');
        for (const a of ['john.brown65@gmail.com', 'sarah.k.brown@outlook.com', 'mike_brown@yahoo.co.uk']) expect(bcc).toContain(a);
        expect(await wellText(tab, '.owaPane', 'Cc')).toBe('');
        const record = await sendAnyway(tab);
        expect(record.cc).toEqual([]);
        expect(record.bcc.toSorted()).toEqual(['john.brown65@gmail.com', 'mike_brown@yahoo.co.uk', 'sarah.k.brown@outlook.com']);
        expect(record.to).toEqual(['oakwood.manager@nhs.net']);
      });
    });

    it('Add [secure] to the subject: the subject starts with "[secure] " and both encryption findings are gone', async () => {
      await withTab('demo.html?sample=2', async (tab) => {
        await tab.click(SEND_ICON);
        const before = await expectWarning(tab);
        expect(before.findings.filter((f) => f.group === 'warn')).toHaveLength(2);
        await tab.click(inDialog('Add [secure] to the subject'));
        await fixDone(tab);
        expect(await subjectOf(tab, '.owaPane')).toBe('[secure] Medication query for Mr Arthur Brown');
        const after = await readDialog(tab);
        expect(after!.findings.filter((f) => f.group === 'warn')).toEqual([]);
        expect(after!.status).toMatch(/All sorted/);
        const record = await sendAnyway(tab);
        expect(record.subject).toBe('[secure] Medication query for Mr Arthur Brown');
      });
    });

    it('Change nhs.nte to nhs.net: the address is corrected and nothing is left to check', async () => {
      await withTab('demo.html?sample=0', async (tab) => {
        await tab.click(SEND_ICON);
        const before = await expectWarning(tab);
        expect(texts(before).join('\n')).toMatch(MISTYPED);
        await tab.click(inDialog('Change nhs.nte to nhs.net'));
        await fixDone(tab);
        const to = await wellText(tab, '.owaPane', 'To');
        expect(to).toContain('ward12.discharge@nhs.net');
        expect(to).not.toContain('nhs.nte');
        const after = await readDialog(tab);
        expect(texts(after).join('\n')).not.toMatch(MISTYPED);
        expect(after!.status).toMatch(/All sorted/);
        const record = await sendAnyway(tab);
        expect(record.to).toEqual(['ward12.discharge@nhs.net']);
      });
    });

    it('Remove a recipient: Chris Taylor (address unreadable) is taken off and that finding is gone', async () => {
      await withTab('new-message.html', async (tab) => {
        await tab.click(SEND_ICON);
        const before = await expectWarning(tab);
        expect(texts(before).join('\n')).toMatch(UNVERIFIED);
        await tab.click(inDialog('Remove Chris Taylor'));
        await fixDone(tab);
        expect(await wellText(tab, '.owaPane', 'To')).not.toContain('Chris Taylor');
        const after = await readDialog(tab);
        expect(texts(after).join('\n')).not.toMatch(UNVERIFIED);
        expect(texts(after).join('\n')).toMatch(UNSECURED);
        const record = await sendAnyway(tab);
        expect(record.to).toEqual(NEW_MESSAGE_TO.filter((a) => a !== 'chris.taylor@nhs.net'));
      });
    });
  });

  describe('silence when all is well', () => {
    it('an internal-only draft (all @nhs.net) is sent at once, with no dialog', async () => {
      await withTab('demo.html?sample=5', async (tab) => {
        await tab.click(SEND_ICON);
        await sent(tab);
        await settle(tab);
        expect(await tab.run(() => document.querySelector('safe-send-dialog'))).toBeNull();
        expect(await sends(tab)).toEqual([{ to: ['oakwood.manager@nhs.net'], cc: [], bcc: [], subject: 'Rota for next week', via: 'click' }]);
      });
    });
  });

  describe('policy', () => {
    const BLOCK_OAKFIELD = { version: 1, blockedDomains: ['oakfieldsurgery.co.uk'] };

    /**
     * Presses Send until the warning shows a "Can't send yet" finding, pressing "Edit email"
     * between tries. The guard gets the policy from the background asynchronously (start.ts), so
     * the first send after a change may still see the old one; the deadline bounds "live".
     */
    async function sendUntilBlocked(tab: BrowserTab, deadlineMs = 3000) {
      const until = performance.now() + deadlineMs;
      for (;;) {
        await tab.click(SEND_ICON);
        const state = await expectWarning(tab);
        if (state.findings.some((f) => f.group === 'block')) return state;
        if (performance.now() > until) throw new Error(`no blocked finding within ${deadlineMs} ms: ${texts(state).join(' | ')}`);
        await tab.click(EDIT_EMAIL);
        await dialogClosed(tab);
        await new Promise((done) => setTimeout(done, 50));
      }
    }

    it('a blocked domain keeps "Send anyway" disabled until that recipient is removed', async () => {
      await browser().setPolicy(BLOCK_OAKFIELD);
      await withTab('new-message.html', async (tab) => {
        const state = await sendUntilBlocked(tab);
        expect(state.sendAnywayDisabled).toBe(true);
        expect(state.findings.filter((f) => f.group === 'block').map((f) => f.text).join('\n')).toContain('d.khan@oakfieldsurgery.co.uk');
        // Pressing it does nothing: the dialog stays, OWA sends nothing.
        await tab.click(SEND_ANYWAY);
        await settle(tab);
        expect(await readDialog(tab)).toMatchObject({ sendAnywayDisabled: true });
        expect(await sends(tab)).toEqual([]);
        await tab.click(inDialog('Remove d.khan@oakfieldsurgery.co.uk'));
        await fixDone(tab);
        const after = await readDialog(tab);
        expect(after!.findings.filter((f) => f.group === 'block')).toEqual([]);
        expect(after!.sendAnywayDisabled).toBe(false);
        const record = await sendAnyway(tab);
        expect(record.to).toEqual(NEW_MESSAGE_TO.filter((a) => a !== 'd.khan@oakfieldsurgery.co.uk'));
      });
    });

    it('a policy saved while the page is open applies to the next send, without a reload', async () => {
      await withTab('new-message.html', async (tab) => {
        await tab.run(() => ((window as unknown as { __samePage: boolean }).__samePage = true));
        await tab.click(SEND_ICON);
        const before = await expectWarning(tab);
        expect(before.findings.filter((f) => f.group === 'block')).toEqual([]);
        await tab.click(EDIT_EMAIL);
        await dialogClosed(tab);
        await browser().setPolicy(BLOCK_OAKFIELD);
        const after = await sendUntilBlocked(tab);
        expect(after.sendAnywayDisabled).toBe(true);
        expect(await tab.run(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
        expect(await sends(tab)).toEqual([]);
      });
    });
  });

  describe('a compose screen Safe Send cannot read', () => {
    it('holds the send with a notice, shows a notice in the page and "!" on the toolbar badge', async () => {
      await withTab('new-message.html?unreadable', async (tab) => {
        // As if OWA changed the To field: its label is gone and it is no longer an editable box
        // itself, so neither the label nor the language-neutral fallback (the editables in order,
        // used only when no field is labelled — Cc still is) can find it.
        await tab.run(() => {
          const to = document.querySelector('.owaPane [aria-label="To"]')!;
          to.removeAttribute('aria-label');
          to.removeAttribute('contenteditable');
        });
        await tab.until('the page notice', () =>
          /can't read this compose screen \(To field not found\)/.test(document.querySelector('safe-send-notice')?.shadowRoot?.textContent ?? ''),
        );
        await expect.poll(() => browser().badgeText('new-message.html?unreadable'), { timeout: 3000 }).toBe('!');
        await tab.click(SEND_ICON);
        const state = await expectWarning(tab);
        expect(texts(state).join('\n')).toMatch(UNREADABLE);
        expect(await sends(tab)).toEqual([]);
        // The user stays in control: after checking it themselves, they can still send.
        const record = await sendAnyway(tab);
        expect(record.to).toEqual(NEW_MESSAGE_TO);
      });
    });
  });
}

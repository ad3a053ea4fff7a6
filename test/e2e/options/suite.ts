// The options page and the popup end to end (issue 4, §5), in one browser per test file:
// options.chromium.test.ts and options.firefox.test.ts each call `optionsSuite` with their browser.
//
// Every test drives the production build through its real pages: the options page and the popup
// as extension pages, the compose screen as an OWA fixture at https://outlook.office.com/mail/.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { button, formatViolations, label, startBrowser, startFixtureServer, type BrowserName, type BrowserTab, type OwaServer, type TestBrowser } from '../harness';
import * as M from '../../../src/options/messages';
import { POPUP_TEXT } from '../../../src/popup/messages';
import { parsePolicyText } from '../../../src/policy/index';
import { axePage } from './axe-page';
import { editEmail, FORGOT_ATTACHMENT, pressSend, RECIPIENT, sendUntilWarningShows, sentMessages, type Warning } from './compose';
import { choiceIn, errorBox, listEntries, OPTIONS_READY, textOf, valueOf } from './options-page';

/** FORGOT_ATTACHMENT (compose.ts) with the default policy. */
const DEFAULT_WARNING: Warning = {
  title: 'Check before you send',
  groups: ['Check these'],
  rules: ['missing-attachment'],
  sendAnywayDisabled: false,
};
const BLOCKED_WARNING: Warning = {
  title: 'Check before you send',
  groups: ['Can’t send yet'],
  rules: ['blocked-recipient'],
  sendAnywayDisabled: true,
};

const BLOCKED_LABEL = M.lists.blockedDomains.label;
const ATTACHMENTS_RULE = M.ruleNames['missing-attachment'];
const THRESHOLD_LABEL = M.ruleSettings.largeThreshold.label;

/** The policy a manager saved earlier, as the options page stores it (src/policy/storage.ts). */
const SAVED_BLOCKING_RECIPIENT = { policy: { version: 1, blockedDomains: [RECIPIENT] }, policy$: { v: 1 } };

/**
 * A policy file with many mistakes of every kind — and valid settings that WOULD change what the
 * compose tab does if any part of it were used (an empty block list, the attachment check off).
 */
const BAD_POLICY = {
  version: 2,
  blockedDomains: [],
  secureTag: 5,
  // 60 web addresses where domains belong: more problems than the 50 the parser once listed.
  secureDomains: Array.from({ length: 60 }, (_, i) => `https://partner${i + 1}.example.org/`),
  trustedDomains: ['council.gov.uk', '*.co.uk', 'gp surgery.nhs.uk'],
  rules: {
    'large-audiance': { severity: 'warn' },
    'large-audience': { threshold: 'lots' },
    'missing-attachment': { severity: 'off' },
    'blocked-recipient': { severity: 'sometimes' },
  },
  history: { retentionDays: 0 },
  inactivityReminder: { afterDays: 30, enabled: 'yes' },
};
const BAD_POLICY_TEXT = `${JSON.stringify(BAD_POLICY, null, 2)}\n`;
/** Written out by hand (not taken from the parser) so the test cannot agree with a wrong parser. */
const SOME_EXPECTED_LINES = [
  'version: must be 1; a policy made for a newer Safe Send needs that newer version',
  'secureTag: must be text in quotes, such as "[secure]"',
  'secureDomains[0]: "https://partner1.example.org/" is a web address; type only the domain, such as "partner1.example.org"',
  'secureDomains[59]: "https://partner60.example.org/" is a web address; type only the domain, such as "partner60.example.org"',
  'trustedDomains[2]: "gp surgery.nhs.uk" has a space, comma or semicolon in it; put each domain in its own quotes, such as "a.org", "b.org"',
  'rules.large-audiance: is not a rule Safe Send knows; did you mean large-audience?',
  'rules.large-audience.threshold: must be a whole number from 2 to 1000',
  'rules.blocked-recipient.severity: must be one of "off", "notice", "warn" or "block"',
  'history.retentionDays: must be a whole number from 1 to 3650',
  'inactivityReminder.enabled: must be true or false',
  'inactivityReminder.afterDays: must be a whole number from 1 to 29',
];
const SYNTAX_ERROR_TEXT = '{\n  "version": 1,\n  "blockedDomains": ["a.org",]\n}\n';

export function optionsSuite(name: BrowserName): void {
  let server: OwaServer | undefined;
  let browser: TestBrowser | undefined;
  let files: string | undefined;
  let opened: BrowserTab[] = [];

  beforeAll(async () => {
    files = mkdtempSync(join(tmpdir(), 'safe-send-options-e2e-'));
    server = await startFixtureServer();
    browser = await startBrowser(name, server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await browser!.clearStorage();
  });
  afterEach(async () => {
    for (const tab of opened) await tab.close().catch(() => {});
    opened = [];
  });

  const track = (tab: BrowserTab) => (opened.push(tab), tab);
  const openCompose = async (page = FORGOT_ATTACHMENT) => track(await browser!.openOwa(page));
  const openOptions = async () => track(await browser!.openExtensionPage('options.html', OPTIONS_READY));
  const openPopup = async () => track(await browser!.openExtensionPage('popup.html', '#status-heading'));
  const fileWith = (fileName: string, text: string) => {
    const path = join(files!, fileName);
    writeFileSync(path, text);
    return path;
  };
  /** The saved policy exactly as stored: the document and WXT's version meta. */
  const storedPolicy = async () => JSON.stringify(await browser!.storage(['policy', 'policy$']));

  it('a rule switched off and an address blocked on the options page apply to an open compose at its next send, without a reload', async ({ annotate }) => {
    const compose = await openCompose();
    const baseline = await pressSend(compose);
    expect(baseline).toEqual({ sent: false, warning: DEFAULT_WARNING });
    await editEmail(compose);

    const options = await openOptions();
    await options.click(label(M.severityNames.off, ATTACHMENTS_RULE));
    await options.fillLabelled(BLOCKED_LABEL, RECIPIENT);
    await options.press('Enter');
    expect(await textOf(options, '#blockedDomains-status')).toBe(
      `${M.lists.added([RECIPIENT], M.lists.blockedDomains.name)} ${M.lists.unsaved}`,
    );
    expect(await textOf(options, '#page-status')).toBe(M.saving.unsaved);
    await options.click(button(M.saving.save));
    await options.until('"Settings saved"', (saved) => document.getElementById('page-status')?.textContent === saved, M.saving.saved);
    const savedAt = performance.now();
    expect(await browser!.storage(['policy'])).toEqual({
      policy: { version: 1, blockedDomains: [RECIPIENT], rules: { 'missing-attachment': { severity: 'off' } } },
    });

    // Back to the compose tab, which was never reloaded.
    await compose.bringToFront();
    const { warning, attempts } = await sendUntilWarningShows(compose, BLOCKED_WARNING.rules);
    await annotate(`${name}: the new policy was used ${Math.round(performance.now() - savedAt)} ms after Save, at send ${attempts}`);
    expect(warning).toEqual(BLOCKED_WARNING);
    // "Send anyway" is refused while the block stands: clicking it sends nothing.
    await compose.click({ selector: 'button', text: 'Send anyway', inDialog: true });
    expect(await sentMessages(compose)).toBe(0);
    expect(await compose.run(() => document.querySelector('[role="status"]')?.textContent ?? '')).not.toBe('Message sent');
  });

  it('a bad policy file is refused with every problem and where it is, and nothing changes', async () => {
    await browser!.setStorage(SAVED_BLOCKING_RECIPIENT);
    const compose = await openCompose();
    const before = await pressSend(compose);
    expect(before).toEqual({ sent: false, warning: { ...BLOCKED_WARNING, groups: ['Can’t send yet', 'Check these'], rules: ['blocked-recipient', 'missing-attachment'] } });
    await editEmail(compose);
    const storedBefore = await storedPolicy();

    const options = await openOptions();
    expect(await listEntries(options, BLOCKED_LABEL)).toEqual([RECIPIENT]);
    await options.chooseFile(M.importExport.importLabel, fileWith('bad-policy.json', BAD_POLICY_TEXT));
    await options.until('the import errors', () => document.querySelector('#import-errors li') !== null);

    const parsed = parsePolicyText(BAD_POLICY_TEXT);
    if (parsed.ok) throw new Error('the bad policy file parsed');
    const shown = await errorBox(options, '#import-errors');
    expect(shown).toMatchObject({
      heading: M.importExport.notImported('bad-policy.json'),
      intro: M.importExport.notImportedIntro,
      focused: true,
    });
    // Every problem the parser found, each on its own line, starting with where it is.
    expect(shown!.lines).toEqual(parsed.errors);
    expect(shown!.lines).toHaveLength(70);
    expect(shown!.lines).toEqual(expect.arrayContaining(SOME_EXPECTED_LINES));
    for (const line of shown!.lines) expect(line).toMatch(/^[A-Za-z][\w.-]*(\[\d+\])?(\.[\w-]+)*: \S/);

    // Nothing changed: the stored policy (byte for byte), the page, and the compose tab's checks.
    expect(await storedPolicy()).toBe(storedBefore);
    expect(await listEntries(options, BLOCKED_LABEL)).toEqual([RECIPIENT]);
    expect(await choiceIn(options, ATTACHMENTS_RULE)).toEqual({ checked: M.severityNames.warn, disabled: false });
    expect(await textOf(options, '#page-status')).not.toBe(M.saving.unsaved);

    // A file that is not JSON at all: one line, saying where the mistake is.
    await options.chooseFile(M.importExport.importLabel, fileWith('typo.json', SYNTAX_ERROR_TEXT));
    await options.until('the syntax error', () => document.querySelector('#import-errors h2')?.textContent?.startsWith('typo.json'));
    expect((await errorBox(options, '#import-errors'))!.lines).toEqual([
      'This file is not valid JSON. Line 3, column 29: remove this comma: JSON allows no comma after the last item before "]".',
    ]);
    expect(await storedPolicy()).toBe(storedBefore);

    await compose.bringToFront();
    expect(await pressSend(compose)).toEqual(before);
    expect(await sentMessages(compose)).toBe(0);
  });

  it('the popup says "Not an NHSmail page" when the active tab is not NHSmail', async () => {
    const popup = await openPopup();
    expect(await textOf(popup, 'h1')).toBe(POPUP_TEXT.heading);
    expect(await textOf(popup, '.status__headline')).toBe(POPUP_TEXT.notNhsmail);
    expect(await textOf(popup, '#today-heading')).toBe(POPUP_TEXT.todayHeading);
    const violations = await axePage(popup);
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it('the popup shows "Can’t read this compose screen" for an NHSmail tab whose compose Safe Send cannot read, and the badge says "!"', async ({ annotate }) => {
    const compose = await openCompose('new-message.html');
    const popup = await openPopup();
    // The popup describes the active tab of its window (src/popup/popup.ts): opened as a page it
    // would describe itself, so the compose tab is brought to the front and the popup reloaded.
    await compose.bringToFront();
    await reloadUntil(popup, POPUP_TEXT.checking);

    // OWA changes its markup so that the subject box is no longer found (selector drift).
    await compose.run(() => document.querySelector('input[aria-label="Subject"]')?.remove());
    const started = performance.now();
    await waitForBadge(browser!, 'new-message.html', '!');
    await annotate(`${name}: badge "!" ${Math.round(performance.now() - started)} ms after the subject box went`);
    await reloadUntil(popup, POPUP_TEXT.unreadable);
    await popup.click({ selector: 'summary', text: POPUP_TEXT.unreadableDetails });
    expect(await popup.run(() => [...document.querySelectorAll('ul.missing li')].map((li) => li.textContent))).toEqual(['subject']);
    const violations = await axePage(popup);
    expect(violations, formatViolations(violations)).toEqual([]);
  });

  it('the options page passes axe: as it opens, with errors shown, and with the reset question open', async () => {
    const options = await openOptions();
    let violations = await axePage(options);
    expect(violations, `as it opens:\n${formatViolations(violations)}`).toEqual([]);

    // Errors: a threshold that is not a number, saved; and a bad policy file imported.
    await options.fillLabelled(THRESHOLD_LABEL, 'lots');
    await options.click(button(M.saving.save));
    await options.until('the error summary', () => document.getElementById('error-summary') !== null);
    expect((await errorBox(options, '#error-summary'))!.lines).toEqual([
      `${M.ruleSettings.largeThreshold.errorName} must be a whole number from 2 to 1000`,
    ]);
    await options.chooseFile(M.importExport.importLabel, fileWith('bad-policy.json', BAD_POLICY_TEXT));
    await options.until('the import errors', () => document.querySelector('#import-errors li') !== null);
    violations = await axePage(options);
    expect(violations, `with errors shown:\n${formatViolations(violations)}`).toEqual([]);

    await options.click(button(M.reset.button));
    await options.until('the reset question', () => document.querySelector('#reset-confirm [role="group"]') !== null);
    violations = await axePage(options);
    expect(violations, `with the reset question open:\n${formatViolations(violations)}`).toEqual([]);
    expect(await valueOf(options, THRESHOLD_LABEL)).toBe('lots');
  });
}

/** Reloads the popup until its headline reads `headline` (the guard reports a moment after load). */
async function reloadUntil(popup: BrowserTab, headline: string, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    await popup.reload('#status-heading');
    const shown = await textOf(popup, '.status__headline');
    if (shown === headline) return;
    if (performance.now() > deadline) expect(shown, 'the popup headline').toBe(headline);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function waitForBadge(browser: TestBrowser, urlPart: string, text: string, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const shown = await browser.badgeText(urlPart);
    if (shown === text) return;
    if (performance.now() > deadline) expect(shown, 'the toolbar badge').toBe(text);
    await new Promise((done) => setTimeout(done, 50));
  }
}

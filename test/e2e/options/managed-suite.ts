// An organisation's (managed) policy, set the real way (managed-policy.ts) and read by the real
// browser, end to end (issue 4, §5): the options page shows it read-only with "Set by your
// organisation", a compose send uses it over the policy saved on the PC, and a policy with bad
// settings is reported on the options page and in the popup while those settings take their
// defaults. managed.chromium.test.ts and managed.firefox.test.ts each call `managedSuite`.
//
// Each test starts its own browser: both browsers read the policy when they start.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatViolations, label, startBrowser, startFixtureServer, type BrowserName, type BrowserTab, type OwaServer, type TestBrowser } from '../harness';
import * as M from '../../../src/options/messages';
import { POPUP_TEXT } from '../../../src/popup/messages';
import { repairPolicy } from '../../../src/policy/index';
import { axePage } from './axe-page';
import { FORGOT_ATTACHMENT, pressSend, RECIPIENT, sentMessages } from './compose';
import { managedPolicyUnavailable, prepareManagedPolicy, type ManagedPolicy } from './managed-policy';
import { changeableSettings, choiceIn, errorBox, listEntries, OPTIONS_READY, textOf, valueOf } from './options-page';

/**
 * What a member of staff saved on this PC: blocking switched off, the attachment check raised to
 * block. The organisation's policy must win over all of it.
 */
const SAVED_ON_THIS_PC = {
  policy: { version: 1, rules: { 'blocked-recipient': { severity: 'off' }, 'missing-attachment': { severity: 'block' } } },
  policy$: { v: 1 },
};

const ORGANISATION_POLICY = {
  version: 1,
  blockedDomains: [RECIPIENT],
  rules: { 'missing-attachment': { severity: 'off' }, 'large-audience': { severity: 'block', threshold: 20 } },
};

/**
 * Three settings wrong in ways Chrome's own schema check lets through (managed_schema.json types
 * severity as any string, threshold as any integer, list entries as any string), so the extension
 * is the one that must catch them. The valid parts must still apply.
 */
const FAULTY_ORGANISATION_POLICY = {
  blockedDomains: [RECIPIENT, 'https://gmail.com/'],
  rules: {
    'blocked-recipient': { severity: 'sometimes' },
    'large-audience': { threshold: 5000 },
    'missing-attachment': { severity: 'off' },
  },
};
/** Written out by hand, so the test cannot agree with a wrong parser. */
const FAULTY_POLICY_PROBLEMS = [
  'blockedDomains[1]: "https://gmail.com/" is a web address; type only the domain, such as "gmail.com"',
  'rules.blocked-recipient.severity: must be one of "off", "notice", "warn" or "block"',
  'rules.large-audience.threshold: must be a whole number from 2 to 1000',
];

const BLOCK_ONLY = { title: 'Check before you send', groups: ['Can’t send yet'], rules: ['blocked-recipient'], sendAnywayDisabled: true };

export function managedSuite(name: BrowserName): void {
  const unavailable = managedPolicyUnavailable(name);
  // A skip says why, and where the same behaviour is still covered.
  const title = (what: string) =>
    unavailable ? `${what} — SKIPPED: ${unavailable}; covered by test/unit/policy/managed.test.ts and test/dom/options/page.test.ts` : what;

  let server: OwaServer | undefined;
  let managed: ManagedPolicy | undefined;
  beforeAll(async () => {
    if (unavailable) return;
    server = await startFixtureServer();
    managed = prepareManagedPolicy(name);
  });
  afterAll(async () => {
    managed?.dispose();
    await server?.close();
  });

  /** Sets `document` as the organisation's policy, starts the browser, runs `body`, cleans up. */
  async function withOrganisationPolicy(document: object, body: (browser: TestBrowser) => Promise<void>): Promise<void> {
    managed!.write(document);
    let browser: TestBrowser | undefined;
    try {
      browser = await startBrowser(name, server!, { extensionDir: managed!.extensionDir });
      expect(browser.extensionId, 'the policy is filed under the id the browser gave the extension').toBe(managed!.extensionId);
      await browser.setStorage(SAVED_ON_THIS_PC);
      await body(browser);
    } finally {
      await browser?.close();
      managed!.remove();
    }
  }

  const openOptions = (browser: TestBrowser) => browser.openExtensionPage('options.html', OPTIONS_READY);

  /** The popup describing `compose`: brought to the front, so it is the active tab. */
  async function popupFor(browser: TestBrowser, compose: BrowserTab): Promise<BrowserTab> {
    const popup = await browser.openExtensionPage('popup.html', '#status-heading');
    await compose.bringToFront();
    await popup.reload('#status-heading');
    return popup;
  }

  it.skipIf(unavailable !== undefined)(
    title('an organisation’s policy is shown read-only as “Set by your organisation”, and a compose send uses it over the one saved on this PC'),
    async () => {
      await withOrganisationPolicy(ORGANISATION_POLICY, async (browser) => {
        const options = await openOptions(browser);
        expect(await textOf(options, '#managed-banner')).toBe(
          `${M.managed.bannerTitle} ${M.managed.heading} ${M.managed.body} ${M.managed.ask}`,
        );
        expect(await textOf(options, '#managed-problem')).toBeUndefined();
        // Every setting shows the organisation's value, and none can be changed.
        expect(await listEntries(options, M.lists.blockedDomains.label)).toEqual([RECIPIENT]);
        expect(await choiceIn(options, M.ruleNames['missing-attachment'])).toEqual({ checked: M.severityNames.off, disabled: true });
        expect(await choiceIn(options, M.ruleNames['blocked-recipient'])).toEqual({ checked: M.severityNames.block, disabled: true });
        expect(await valueOf(options, M.ruleSettings.largeThreshold.label)).toBe('20');
        expect(await changeableSettings(options)).toEqual([]);
        // Nothing to save with, nothing to import or reset.
        for (const hidden of ['#savebar', '#import-group', '#reset', '#dcb1596-group']) expect(await textOf(options, hidden), hidden).toBeUndefined();
        // Trying anyway: typing into the threshold and clicking another level change nothing.
        await options.click(label(M.ruleSettings.largeThreshold.label));
        await options.type('5');
        await options.click(label(M.severityNames.warn, M.ruleNames['missing-attachment']));
        expect(await valueOf(options, M.ruleSettings.largeThreshold.label)).toBe('20');
        expect(await choiceIn(options, M.ruleNames['missing-attachment'])).toEqual({ checked: M.severityNames.off, disabled: true });

        // The compose tab uses the organisation's policy: the recipient is blocked (saved here:
        // blocking off), the forgotten attachment is not mentioned (saved here: block).
        const compose = await browser.openOwa(FORGOT_ATTACHMENT);
        expect(await pressSend(compose)).toEqual({ sent: false, warning: BLOCK_ONLY });
        expect(await sentMessages(compose)).toBe(0);
        // The saved policy is untouched, and the popup reports no problem.
        expect(await browser.storage(['policy'])).toEqual({ policy: SAVED_ON_THIS_PC.policy });
        const popup = await popupFor(browser, compose);
        expect(await textOf(popup, '.notice--policy')).toBeUndefined();
      });
    },
  );

  it.skipIf(unavailable !== undefined)(
    title('an organisation’s policy with bad settings is reported on the options page and in the popup, and those settings take their defaults'),
    async () => {
      expect(repairPolicy(FAULTY_ORGANISATION_POLICY).errors).toEqual(FAULTY_POLICY_PROBLEMS);
      await withOrganisationPolicy(FAULTY_ORGANISATION_POLICY, async (browser) => {
        const options = await openOptions(browser);
        expect(await errorBox(options, '#managed-problem')).toMatchObject({ heading: M.managed.problemHeading, lines: FAULTY_POLICY_PROBLEMS });
        expect(await textOf(options, '#managed-problem')).toContain(M.managed.problemRepaired);
        expect(await textOf(options, '#managed-banner')).toContain(M.managed.heading);
        // The bad settings show their defaults — not what was saved on this PC (blocking off) …
        expect(await choiceIn(options, M.ruleNames['blocked-recipient'])).toEqual({ checked: M.severityNames.block, disabled: true });
        expect(await valueOf(options, M.ruleSettings.largeThreshold.label)).toBe('25');
        // … the bad entry is dropped, and the good settings beside them apply.
        expect(await listEntries(options, M.lists.blockedDomains.label)).toEqual([RECIPIENT]);
        expect(await choiceIn(options, M.ruleNames['missing-attachment'])).toEqual({ checked: M.severityNames.off, disabled: true });
        expect(await changeableSettings(options)).toEqual([]);
        // Read-only, with the problem box: disabled controls and focusable scrolled lists.
        const violations = await axePage(options);
        expect(violations, formatViolations(violations)).toEqual([]);

        const compose = await browser.openOwa(FORGOT_ATTACHMENT);
        expect(await pressSend(compose)).toEqual({ sent: false, warning: BLOCK_ONLY });
        const popup = await popupFor(browser, compose);
        expect(await textOf(popup, '.notice--policy')).toBe(POPUP_TEXT.policyProblemManaged);
      });
    },
  );
}

import { getByRole, queryByRole, queryByText, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordActivity } from '../../../src/activity/activity';
import { recordLastSend } from '../../../src/activity/last-send';
import { setFrameStatus } from '../../../src/activity/tab-status';
import { POPUP_TEXT } from '../../../src/popup/messages';
import { isNhsmailUrl, loadPopupState, renderPopup, startPopup } from '../../../src/popup/popup';
import { savePolicy } from '../../../src/policy/storage';

const TAB_ID = 42;
const june10 = new Date(2025, 5, 10, 12);
let controller: AbortController;
let root: HTMLElement;

/** The active tab as the browser reports it to us: `url` only on the OWA hosts. */
function activeTab(url: string | undefined) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
    { id: TAB_ID, index: 0, pinned: false, highlighted: true, windowId: 1, active: true, incognito: false, discarded: false, autoDiscardable: true, groupId: -1, ...(url ? { url } : {}) },
  ]);
}

async function open(now = june10) {
  vi.setSystemTime(now);
  await startPopup(root, controller.signal);
  return root;
}

/** The "This tab" section. */
const statusRegion = () => getByRole(root, 'region', { name: POPUP_TEXT.statusHeading });

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.useFakeTimers({ toFake: ['Date'] });
  controller = new AbortController();
  document.body.innerHTML = '<main id="popup"></main>';
  root = document.getElementById('popup')!;
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
});

describe('status of the current tab', () => {
  it('says it is checking an NHSmail tab whose guard is running', async () => {
    activeTab('https://outlook.office.com/mail/inbox');
    await setFrameStatus(TAB_ID, 0, { state: 'idle', missing: [], blankPage: false });
    await open();
    expect(within(statusRegion()).getByText(POPUP_TEXT.checking)).toBeTruthy();
    expect(getByRole(root, 'heading', { level: 1, name: 'Safe Send' })).toBeTruthy();
  });

  it('says "Not an NHSmail page" for any other page (the browser gives us no url)', async () => {
    activeTab(undefined);
    await open();
    expect(within(statusRegion()).getByText(POPUP_TEXT.notNhsmail)).toBeTruthy();
    expect(queryByText(root, POPUP_TEXT.checking)).toBeNull();
  });

  it('says what is wrong and what to do when the compose screen cannot be read', async () => {
    activeTab('https://outlook.office365.com/mail/deeplink/compose');
    await setFrameStatus(TAB_ID, 0, { state: 'unreadable', missing: ['To field', 'Send button'], blankPage: false });
    await open();
    const status = within(statusRegion());
    expect(status.getByText(POPUP_TEXT.unreadable)).toBeTruthy();
    expect(status.getByText(/Reload the page \(press F5\)\. If this keeps happening, tell your IT contact/)).toBeTruthy();
    // The details for IT sit behind a disclosure a keyboard can open.
    expect(status.getByText(POPUP_TEXT.unreadableDetails).tagName).toBe('SUMMARY');
    const missing = status.getByRole('list');
    expect(within(missing).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['To field', 'Send button']);
  });

  it('shows an unreadable pop-out compose window by its status, though the browser gives no url', async () => {
    activeTab(undefined);
    await setFrameStatus(TAB_ID, 0, { state: 'unreadable', missing: ['Subject'], blankPage: true });
    await open();
    expect(within(statusRegion()).getByText(POPUP_TEXT.unreadable)).toBeTruthy();
  });

  it('asks for a reload on an NHSmail tab where Safe Send is not running yet', async () => {
    activeTab('https://email.nhs.net/owa/');
    await open();
    expect(within(statusRegion()).getByText(POPUP_TEXT.notStarted)).toBeTruthy();
    expect(within(statusRegion()).getByText(/Reload this page \(press F5\)/)).toBeTruthy();
  });

  it('shows missing details as text, never as markup', async () => {
    activeTab('https://outlook.office.com/mail/');
    await setFrameStatus(TAB_ID, 0, { state: 'unreadable', missing: ['<img src=x onerror=alert(1)>'], blankPage: false });
    await open();
    expect(root.querySelector('img')).toBeNull();
    expect(within(statusRegion()).getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });
});

describe("today's counts", () => {
  it('shows warnings shown, sends after a warning and fixes used for today only', async () => {
    activeTab(undefined);
    await recordActivity({ type: 'warning-shown', ruleIds: ['unsecured-recipient', 'large-audience'] }, june10);
    await recordActivity({ type: 'fix-used', kind: 'move-to-bcc' }, june10);
    await recordActivity({ type: 'sent', afterWarning: true }, june10);
    await recordActivity({ type: 'sent', afterWarning: true }, new Date(2025, 5, 9, 12)); // yesterday
    await open();
    const today = getByRole(root, 'region', { name: POPUP_TEXT.todayHeading });
    const count = (label: string) => within(today).getByText(label).nextElementSibling?.textContent;
    // One warning that listed two rules is one warning shown.
    expect(count(POPUP_TEXT.warningsShown)).toBe('1');
    expect(count(POPUP_TEXT.sentAfterWarning)).toBe('1');
    expect(count(POPUP_TEXT.fixesUsed)).toBe('1');
  });
});

describe('NHSmail inactivity reminder', () => {
  it('appears from day 21 with the days left', async () => {
    activeTab(undefined);
    await recordLastSend(june10);
    await open(new Date(2025, 6, 1, 12)); // 21 days later
    const reminder = getByRole(root, 'region', { name: POPUP_TEXT.reminderHeading });
    expect(
      within(reminder).getByText('Sign in and send an email within 9 days or NHSmail will deactivate your account.'),
    ).toBeTruthy();
    expect(within(reminder).getByText(/deletes them after 60 days/)).toBeTruthy();
  });

  it('is absent before day 21, and on a fresh install', async () => {
    activeTab(undefined);
    await open();
    expect(queryByRole(root, 'region', { name: POPUP_TEXT.reminderHeading })).toBeNull();
    await recordLastSend(june10);
    await open(new Date(2025, 5, 30, 12)); // 20 days later
    expect(queryByRole(root, 'region', { name: POPUP_TEXT.reminderHeading })).toBeNull();
  });

  it('says "1 day", not "1 days"', () => {
    expect(POPUP_TEXT.reminder(1)).toBe('Sign in and send an email within 1 day or NHSmail will deactivate your account.');
  });
});

describe('policy problems', () => {
  it("says when the organisation's policy has a problem", async () => {
    activeTab(undefined);
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue({ organisationDomains: 'nhs.net' });
    await open();
    expect(queryByText(root, POPUP_TEXT.policyProblemManaged)).not.toBeNull();
  });

  it('says when the policy saved on this computer has a problem', async () => {
    activeTab(undefined);
    await savePolicy({});
    await fakeBrowser.storage.local.set({ policy: { secureTag: 42 } });
    await open();
    expect(queryByText(root, POPUP_TEXT.policyProblemLocal)).not.toBeNull();
    expect(queryByText(root, POPUP_TEXT.policyProblemManaged)).toBeNull();
  });

  it('says nothing when the policy is fine', async () => {
    activeTab(undefined);
    await open();
    expect(queryByText(root, POPUP_TEXT.policyProblemManaged)).toBeNull();
    expect(queryByText(root, POPUP_TEXT.policyProblemLocal)).toBeNull();
  });
});

describe('settings', () => {
  it('opens the options page from a real, keyboard-reachable button', async () => {
    activeTab(undefined);
    const openOptions = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    vi.spyOn(window, 'close').mockImplementation(() => undefined);
    await open();
    const button = getByRole(root, 'button', { name: POPUP_TEXT.openOptions });
    expect(button.tagName).toBe('BUTTON'); // focusable, Enter/Space activate it
    button.click();
    expect(openOptions).toHaveBeenCalledTimes(1);
  });
});

describe('NHSmail hosts', () => {
  it('are exactly the hosts the content script runs on', () => {
    for (const url of [
      'https://outlook.office.com/mail/',
      'https://outlook.office365.com/mail/inbox',
      'https://outlook.cloud.microsoft/mail/',
      'https://email.nhs.net/',
    ])
      expect(isNhsmailUrl(url), url).toBe(true);
    for (const url of ['https://outlook.live.com/mail/', 'https://example.org/', 'http://outlook.office.com/mail/', undefined])
      expect(isNhsmailUrl(url), String(url)).toBe(false);
  });
});

describe('rendering', () => {
  it('says so when its status cannot be read, rather than showing an empty window', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockRejectedValue(new Error('tabs unavailable'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await open();
    expect(queryByText(root, POPUP_TEXT.loadFailed)).not.toBeNull();
  });

  it('replaces what was there, so opening twice does not duplicate anything', async () => {
    activeTab(undefined);
    const state = await loadPopupState(june10);
    renderPopup(root, state, controller.signal);
    renderPopup(root, state, controller.signal);
    expect(root.querySelectorAll('h1')).toHaveLength(1);
  });
});

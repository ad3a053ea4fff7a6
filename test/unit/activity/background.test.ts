import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { getActivity } from '../../../src/activity/activity';
import { startBackground } from '../../../src/activity/background';
import { BADGE_TEXT } from '../../../src/activity/badge';
import { getHistory, knownAddresses, recordSent } from '../../../src/activity/history';
import { getLastSend, recordLastSend } from '../../../src/activity/last-send';
import type { GuardMessage } from '../../../src/activity/protocol';
import { getTabStatus } from '../../../src/activity/tab-status';
import { savePolicy } from '../../../src/policy/storage';
import { daysAfter, localDay, policyWith } from './helpers';

const june10 = localDay(2025, 6, 10);
let controller: AbortController;

function contentScript(tabId: number, frame: { frameId?: number; url?: string } = {}): Browser.runtime.MessageSender {
  return {
    id: fakeBrowser.runtime.id,
    tab: { id: tabId, index: 0, pinned: false, highlighted: false, windowId: 1, active: true, incognito: false, selected: true, discarded: false, autoDiscardable: true, groupId: -1, frozen: false },
    frameId: frame.frameId ?? 0,
    url: frame.url ?? 'https://outlook.office.com/mail/',
  };
}

/** Deliver a message the way the browser does, and wait until the background has handled it. */
async function deliver(message: unknown, sender: Browser.runtime.MessageSender) {
  return fakeBrowser.runtime.onMessage.trigger(message, sender);
}

async function badge(tabId?: number) {
  const scope = tabId === undefined ? {} : { tabId };
  const colour = await fakeBrowser.action.getBadgeBackgroundColor(scope);
  return {
    text: await fakeBrowser.action.getBadgeText(scope),
    title: await fakeBrowser.action.getTitle(scope),
    colour: `#${colour.slice(0, 3).map((c: number) => c.toString(16).padStart(2, '0')).join('')}`,
  };
}

async function start(now = june10) {
  vi.setSystemTime(now);
  controller = new AbortController();
  await startBackground(controller.signal);
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
});

afterEach(() => {
  controller?.abort();
  vi.useRealTimers();
});

describe('recording what content scripts report', () => {
  it('records a send: addresses in the history, a count, and the day', async () => {
    await start();
    await deliver({ type: 'sent', recipients: ['Jane@NHS.net', 'bob@example.org'], warned: [] }, contentScript(3));
    expect(await knownAddresses()).toEqual(['jane@nhs.net', 'bob@example.org']);
    expect((await getActivity(june10)).at(-1)).toMatchObject({ sentWithoutWarning: 1, sentAfterWarning: 0 });
    expect(await getLastSend()).toBe('2025-06-10');
  });

  it('counts warnings, edits, fixes and sends after a warning', async () => {
    await start();
    const tab = contentScript(3);
    await deliver({ type: 'warning-shown', ruleIds: ['unsecured-recipient'] }, tab);
    await deliver({ type: 'edited-after-warning' }, tab);
    await deliver({ type: 'fix-used', kind: 'add-secure-tag' }, tab);
    await deliver({ type: 'sent', recipients: ['bob@example.org'], warned: ['unsecured-recipient'] }, tab);
    expect((await getActivity(june10)).at(-1)).toMatchObject({
      warningsShown: expect.objectContaining({ 'unsecured-recipient': 1 }),
      editedAfterWarning: 1,
      fixesUsed: expect.objectContaining({ 'add-secure-tag': 1 }),
      sentAfterWarning: 1,
      sentWithoutWarning: 0,
    });
  });

  it('loses no count when many tabs report at once', async () => {
    await start();
    const sends = Array.from({ length: 20 }, (_, i) =>
      deliver({ type: 'sent', recipients: [`person${i}@nhs.net`], warned: [] }, contentScript(100 + i)),
    );
    await Promise.all(sends);
    expect((await getActivity(june10)).at(-1)!.sentWithoutWarning).toBe(20);
    expect((await knownAddresses()).length).toBe(20);
  });

  it('records no history when the policy switches history off', async () => {
    await savePolicy({ history: { enabled: false } });
    await start();
    await deliver({ type: 'sent', recipients: ['jane@nhs.net'], warned: [] }, contentScript(3));
    expect(await getHistory()).toEqual([]);
    expect((await getActivity(june10)).at(-1)!.sentWithoutWarning).toBe(1);
  });
});

describe('messages the background ignores', () => {
  const sendMessage: GuardMessage = { type: 'sent', recipients: ['jane@nhs.net'], warned: [] };

  async function nothingRecorded() {
    expect(await getHistory()).toEqual([]);
    expect(await getLastSend()).toBeUndefined();
    expect((await getActivity(june10)).at(-1)!.sentWithoutWarning).toBe(0);
  }

  it('ignores another extension', async () => {
    await start();
    const [reply] = await deliver(sendMessage, { ...contentScript(3), id: 'another-extension' });
    expect(reply).toBeUndefined();
    await nothingRecorded();
  });

  it('ignores our own pages (no tab) pretending to be a content script', async () => {
    await start();
    await deliver(sendMessage, { id: fakeBrowser.runtime.id, url: 'chrome-extension://test-extension-id/popup.html' });
    await nothingRecorded();
  });

  it.each([
    ['malformed', { type: 'sent', recipients: 'jane@nhs.net' }],
    ['carrying content', { ...sendMessage, subject: 'Mrs Jones, DOB 01/02/1934' }],
    ['of an unknown type', { type: 'reset-history' }],
  ])('ignores a message that is %s', async (_what, message) => {
    await start();
    const [reply] = await deliver(message, contentScript(3));
    expect(reply).toBeUndefined();
    await nothingRecorded();
    expect(await getTabStatus(3)).toBeUndefined();
  });

  it('stops listening when its signal aborts', async () => {
    await start();
    await deliver({ type: 'guard-status', state: 'unreadable', missing: [] }, contentScript(3));
    controller.abort();
    await deliver(sendMessage, contentScript(3));
    await fakeBrowser.tabs.onRemoved.trigger(3, { windowId: 1, isWindowClosing: false });
    await nothingRecorded();
    expect((await getTabStatus(3))?.state).toBe('unreadable');
  });
});

describe('toolbar badge', () => {
  it('shows "!" on a tab whose compose screen cannot be read, and only on that tab', async () => {
    await start();
    await deliver({ type: 'guard-status', state: 'unreadable', missing: ['To field'] }, contentScript(3));
    await deliver({ type: 'guard-status', state: 'ok' }, contentScript(4));
    expect(await badge(3)).toEqual({ text: '!', title: BADGE_TEXT.unreadable, colour: '#d5281b' });
    expect((await badge(4)).text).toBe('');
    expect((await badge()).text).toBe('');
    expect(await getTabStatus(3)).toEqual({ state: 'unreadable', missing: ['To field'], fromBlankPage: false });
  });

  it('clears the "!" once the compose screen can be read again', async () => {
    await start();
    await deliver({ type: 'guard-status', state: 'unreadable', missing: ['Send button'] }, contentScript(3));
    await deliver({ type: 'guard-status', state: 'ok' }, contentScript(3));
    expect(await badge(3)).toMatchObject({ text: '', title: BADGE_TEXT.name });
    expect(await getTabStatus(3)).toEqual({ state: 'ok', missing: [], fromBlankPage: false });
  });

  it('keeps the "!" when another frame of the tab reports that all is well', async () => {
    await start();
    await deliver({ type: 'guard-status', state: 'unreadable', missing: ['Subject'] }, contentScript(3));
    await deliver({ type: 'guard-status', state: 'unreadable', missing: ['Subject', 'Body'] }, contentScript(3, { frameId: 6 }));
    await deliver({ type: 'guard-status', state: 'idle' }, contentScript(3, { frameId: 9 }));
    expect((await badge(3)).text).toBe('!');
    expect(await getTabStatus(3)).toMatchObject({ state: 'unreadable', missing: ['Subject', 'Body'] });
  });

  it('keeps tab status when the service worker restarts', async () => {
    await start();
    await deliver({ type: 'guard-status', state: 'unreadable', missing: [] }, contentScript(3));
    controller.abort();
    await fakeBrowser.action.setBadgeText({ tabId: 3, text: null });
    await start();
    expect((await badge(3)).text).toBe('!');
  });

  it('forgets a tab when it closes', async () => {
    await start();
    await deliver({ type: 'guard-status', state: 'unreadable', missing: [] }, contentScript(3));
    await fakeBrowser.tabs.onRemoved.trigger(3, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await getTabStatus(3)).toBeUndefined());
  });

  it('forgets a tab that leaves NHSmail, but not an NHSmail pop-out', async () => {
    await start();
    await deliver({ type: 'guard-status', state: 'unreadable', missing: [] }, contentScript(3));
    await deliver({ type: 'guard-status', state: 'unreadable', missing: [] }, contentScript(4, { url: 'about:blank' }));
    // Without the "tabs" permission the browser gives a tab's url only for our hosts.
    const otherSite = { ...contentScript(3).tab!, url: undefined };
    await fakeBrowser.tabs.onUpdated.trigger(3, { status: 'loading' }, otherSite);
    await fakeBrowser.tabs.onUpdated.trigger(4, { status: 'loading' }, { ...otherSite, id: 4 });
    await vi.waitFor(async () => expect(await getTabStatus(3)).toBeUndefined());
    expect((await badge(3)).text).toBe('');
    expect((await getTabStatus(4))?.state).toBe('unreadable');

    const stillNhsmail = { ...contentScript(4).tab!, url: 'https://outlook.office.com/mail/inbox' };
    await deliver({ type: 'guard-status', state: 'unreadable', missing: [] }, contentScript(5));
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading' }, { ...stillNhsmail, id: 5 });
    expect((await getTabStatus(5))?.state).toBe('unreadable');
  });

  it('puts the "!" back after OWA navigates within the tab (Chrome clears it on every navigation)', async () => {
    await start();
    await deliver({ type: 'guard-status', state: 'unreadable', missing: [] }, contentScript(3));
    await fakeBrowser.action.setBadgeText({ tabId: 3, text: null }); // what Chrome does on pushState
    const owaTab = { ...contentScript(3).tab!, url: 'https://outlook.office.com/mail/compose/1' };
    await fakeBrowser.tabs.onUpdated.trigger(3, { status: 'loading', url: owaTab.url }, owaTab);
    await fakeBrowser.tabs.onUpdated.trigger(3, { status: 'complete' }, owaTab);
    await vi.waitFor(async () => expect((await badge(3)).text).toBe('!'));
  });

  it('reminds the user from day 21 after the last send, with the days left', async () => {
    await recordLastSend(june10);
    await start(daysAfter(june10, 20));
    expect((await badge()).text).toBe('');

    controller.abort();
    await start(daysAfter(june10, 21));
    expect(await badge()).toEqual({ text: '9d', title: BADGE_TEXT.reminder(9), colour: '#005eb8' });
    expect(BADGE_TEXT.reminder(9)).toMatch(/sign in to NHSmail and send an email within 9 days/);
  });

  it('shows "!" before the reminder on an unreadable tab, the reminder on the others', async () => {
    await recordLastSend(june10);
    await start(daysAfter(june10, 25));
    await deliver({ type: 'guard-status', state: 'unreadable', missing: [] }, contentScript(3));
    await deliver({ type: 'guard-status', state: 'idle' }, contentScript(4));
    expect((await badge(3)).text).toBe('!');
    expect((await badge(4)).text).toBe('5d');
    expect((await badge()).text).toBe('5d');
  });

  it('drops the reminder as soon as the user sends an email', async () => {
    await recordLastSend(june10);
    await start(daysAfter(june10, 22));
    await deliver({ type: 'guard-status', state: 'ok' }, contentScript(3));
    expect((await badge(3)).text).toBe('8d');
    await deliver({ type: 'sent', recipients: ['jane@nhs.net'], warned: [] }, contentScript(3));
    await vi.waitFor(async () => expect((await badge()).text).toBe(''));
    expect((await badge(3)).text).toBe('');
  });

  it('updates the days left on the first tab switch of a new day', async () => {
    await recordLastSend(june10);
    await start(daysAfter(june10, 22));
    expect((await badge()).text).toBe('8d');
    vi.setSystemTime(daysAfter(june10, 23));
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 3, windowId: 1 });
    await vi.waitFor(async () => expect((await badge()).text).toBe('7d'));
  });

  it('has no reminder when the policy switches it off, and follows policy changes', async () => {
    await recordLastSend(june10);
    await savePolicy({ inactivityReminder: { enabled: false } });
    await start(daysAfter(june10, 25));
    expect((await badge()).text).toBe('');
    await savePolicy({});
    await vi.waitFor(async () => expect((await badge()).text).toBe('5d'));
  });
});

describe('policy changes', () => {
  it('clears the history when history is switched off', async () => {
    await recordSent(['jane@nhs.net'], policyWith(), june10);
    await start();
    expect(await knownAddresses()).toEqual(['jane@nhs.net']);
    await savePolicy({ history: { enabled: false } });
    await vi.waitFor(async () => expect(await knownAddresses()).toEqual([]));
  });

  it('applies retention when the background starts', async () => {
    await recordSent(['old@nhs.net'], policyWith(), june10);
    await recordSent(['new@nhs.net'], policyWith(), daysAfter(june10, 300));
    await savePolicy({ history: { retentionDays: 30 } });
    await start(daysAfter(june10, 301));
    expect(await knownAddresses()).toEqual(['new@nhs.net']);
  });
});

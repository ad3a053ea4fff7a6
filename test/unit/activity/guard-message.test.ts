import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_SENT_RECIPIENTS, guardSender, parseGuardMessage } from '../../../src/activity/guard-message';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('guard messages', () => {
  it.each([
    { type: 'guard-status', state: 'ok' },
    { type: 'guard-status', state: 'unreadable', missing: ['send button', 'To field'] },
    { type: 'sent', recipients: ['jane@nhs.net'], warned: [] },
    { type: 'sent', recipients: [], warned: ['unsecured-recipient'] },
    { type: 'warning-shown', ruleIds: ['large-audience', 'visible-recipients'] },
    { type: 'edited-after-warning' },
    { type: 'fix-used', kind: 'move-to-bcc' },
  ])('accepts $type', (message) => {
    expect(parseGuardMessage(message)).toEqual(message);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'sent'],
    ['an unknown type', { type: 'delete-everything' }],
    ['a status that does not exist', { type: 'guard-status', state: 'fine' }],
    ['a send without its fields', { type: 'sent' }],
    ['recipients that are not a list', { type: 'sent', recipients: 'jane@nhs.net', warned: [] }],
    ['a recipient that is not text', { type: 'sent', recipients: [42], warned: [] }],
    ['an unknown rule id', { type: 'warning-shown', ruleIds: ['made-up-rule'] }],
    ['an unknown fix', { type: 'fix-used', kind: 'delete-draft' }],
    // Extra fields are refused, so message content can never ride along into storage.
    ['a subject riding along', { type: 'edited-after-warning', subject: 'Re: Mrs Jones' }],
    ['a body riding along', { type: 'sent', recipients: [], warned: [], body: 'Dear …' }],
    [
      'more recipients than any message has',
      { type: 'sent', recipients: Array.from({ length: MAX_SENT_RECIPIENTS + 1 }, (_, i) => `p${i}@nhs.net`), warned: [] },
    ],
  ])('refuses %s', (_what, message) => {
    expect(parseGuardMessage(message)).toBeUndefined();
  });
});

describe('who may send guard messages', () => {
  const tab = { id: 7, index: 0, pinned: false, highlighted: false, windowId: 1, active: true, incognito: false, selected: true, discarded: false, autoDiscardable: true, groupId: -1, frozen: false };

  it('is our own content script: our extension id, in a tab', () => {
    expect(guardSender({ id: fakeBrowser.runtime.id, tab, frameId: 2, url: 'https://outlook.office.com/mail/' })).toEqual({
      tabId: 7,
      frameId: 2,
      blankPage: false,
    });
    expect(guardSender({ id: fakeBrowser.runtime.id, tab, url: 'about:blank' })).toEqual({ tabId: 7, frameId: 0, blankPage: true });
  });

  it('is not another extension', () => {
    expect(guardSender({ id: 'someone-else', tab })).toBeUndefined();
  });

  it('is not one of our own pages (no tab), nor a sender with no id', () => {
    expect(guardSender({ id: fakeBrowser.runtime.id })).toBeUndefined();
    expect(guardSender({ tab })).toBeUndefined();
    expect(guardSender({ id: fakeBrowser.runtime.id, tab: { ...tab, id: -1 } })).toBeUndefined();
  });
});

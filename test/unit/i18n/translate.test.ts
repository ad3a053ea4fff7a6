// src/i18n's `t` is @wxt-dev/i18n's `i18n.t` without the argument checks and console warnings
// that cost content.js 0.5 kB (src/i18n/index.ts says why). It must give the same results for
// every kind of call the code makes: plain, `{name}`s, plural forms by a count, a count written
// for the reader (1,500) with `{name}`s as well.
import { createI18n } from '@wxt-dev/i18n';
import { describe, expect, it } from 'vitest';
import { formatNumber, lang, t } from '../../../src/i18n/index';

const library = createI18n().t as (key: string, ...args: unknown[]) => string;
const ours = t as unknown as (key: string, ...args: unknown[]) => string;

const calls: Array<[string, ...unknown[]]> = [
  ['dialog.title'],
  ['appName'],
  // Values that look like message syntax are inserted as they are.
  ['dialog.confirmAddress', { address: 'a {address} $1 $$ | b' }],
  ['dialog.fixReplaceDomain', { from: 'nhs.nte', to: 'nhs.net' }],
  ...[0, 1, 2, 25].map((n): [string, number] => ['dialog.stillToCheck', n]),
  ...[0, 1, 2, 1500].map((n): [string, number, string[]] => ['options.lists.secureDomains.count', n, [formatNumber(n)]]),
  ...[0, 1, 7].map((n): [string, number, string[], Record<string, string>] => ['options.dcb1596.summaryAdded', n, [String(n)], { column: 'Email | domain' }]),
  ...[1, 9].map((n): [string, number, string[]] => ['popup.reminderWithin', n, [String(n)]]),
];

describe('t', () => {
  it.each(calls)('%s gives what @wxt-dev/i18n gives', (key, ...args) => {
    expect(ours(key, ...args)).toBe(library(key, ...args));
  });

  it('reads the words from the locale file', () => {
    expect(t('dialog.title')).toBe('Check before you send');
    expect(t('dialog.stillToCheck', 1)).toBe('1 thing still to check.');
    expect(t('options.lists.secureDomains.count', 0, ['0'])).toBe('No secure domains yet.');
    expect(t('options.lists.secureDomains.count', 1500, [formatNumber(1500)])).toBe('1,500 secure domains');
    expect(t('dialog.confirmAddress', { address: 'x {address}' })).toBe('I have checked x {address}');
  });

  it('writes numbers in the language of the words', () => {
    expect(lang()).toBe('en-GB');
    expect(formatNumber(1234567)).toBe('1,234,567');
  });
});

// What each check says is written once, in English, in the rule (`meta.messages` and
// `meta.description`, pure code that tests and the docs read); the warning and the settings page
// show it through the browser's i18n from the generated part of assets/locales/en_GB.yml, so a
// translation can word it too (src/i18n/finding.ts). These tests keep the two the same: the
// file is what `npm run locales` makes from the rules, and every message, shown through i18n with
// a finding's data, reads exactly as the rule's own.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LOCALE, localeFile, readLocale, ruleMessagePath, withRuleMessages } from '../../../scripts/lib/locales';
import { findingMessage } from '../../../src/i18n/finding';
import { ruleDescriptions } from '../../../src/options/messages';
import { defaultPolicy } from '../../../src/policy/index';
import { checkDraft } from '../../../src/rules/index';
import { formatMessage } from '../../../src/rules/lib/format';
import { RULES } from '../../../src/rules/registry';
import type { Finding, RuleId } from '../../../src/rules/types';

const rules = Object.values(RULES);
/** Every rule's every message, with sample data for each of its `{{placeholders}}`. */
const ruleMessages = rules.flatMap((rule) =>
  Object.entries(rule.meta.messages).map(([messageId, template]) => {
    const names = [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);
    // Values that could be mistaken for message syntax, to show they are inserted as they are.
    const data = Object.fromEntries(names.map((name, i) => [name, i % 2 ? `${name} $1 {x}` : 40 + i]));
    return { ruleId: rule.meta.id, messageId, template, data };
  }),
);

describe('rule messages in the locale files', () => {
  it('are what `npm run locales` makes from the rules', () => {
    const current = readFileSync(localeFile(DEFAULT_LOCALE), 'utf8');
    expect(current, 'assets/locales/en_GB.yml is out of date: run `npm run locales` and commit it').toBe(
      withRuleMessages(current, rules),
    );
  });

  it('has a message for every message of every rule, under a name browsers accept', () => {
    const messages = readLocale();
    const missing = ruleMessages
      .map(({ ruleId, messageId }) => ruleMessagePath(ruleId, messageId).join('_'))
      .filter((name) => !/^[A-Za-z0-9_]+$/.test(name) || !(name in messages));
    expect(missing).toEqual([]);
    expect(ruleMessages.length).toBeGreaterThan(20);
  });

  it('gives the settings page each rule\'s own description', () => {
    for (const rule of rules) expect(ruleDescriptions[rule.meta.id]).toBe(rule.meta.description);
  });

  it.each(ruleMessages)('shows $ruleId/$messageId in en_GB exactly as the rule words it', ({ ruleId, messageId, template, data }) => {
    const finding: Finding = { ruleId, severity: 'warn', messageId, data, message: formatMessage(template, data) };
    // The rule's English, not a copy of it: a different `message` shows which one was used.
    expect(findingMessage({ ...finding, message: 'not from the locale file' })).toBe(finding.message);
  });
});

describe('findingMessage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('words a real draft\'s findings as checkDraft does', () => {
    const findings = checkDraft(
      {
        recipients: [
          { field: 'to', address: 'jane.smith@nhs.nte' },
          { field: 'to', address: 'pat@gmail.com' },
          { field: 'cc', address: 'sam@outlook.com' },
          { field: 'to', name: 'Dr Who' },
        ],
        subject: 'Discharge 999 000 0018',
        body: 'Please find attached the letter.',
        attachments: [],
      },
      defaultPolicy,
    );
    expect(findings.length).toBeGreaterThan(3);
    for (const finding of findings) expect(findingMessage(finding)).toBe(finding.message);
  });

  it('says "could not finish one of its checks" when a rule breaks, as checkDraft does', () => {
    vi.spyOn(RULES['large-audience'], 'check').mockImplementation(() => {
      throw new Error('broken');
    });
    const recipients = Array.from({ length: 30 }, (_, i) => ({ field: 'to' as const, address: `p${i}@nhs.net` }));
    const broken = checkDraft({ recipients, subject: '', body: '', attachments: [] }, defaultPolicy).find(
      (f) => f.ruleId === 'large-audience',
    )!;
    expect(broken.messageId).toBe('rule-failed');
    expect(findingMessage(broken)).toBe(broken.message);
  });

  it('keeps the English of a finding that is not a rule\'s, or has no message in the files', () => {
    const guards: Finding = { ruleId: 'unreadable-compose', severity: 'warn', messageId: 'unreadable', data: { parts: 'subject' }, message: 'As the guard said it.' };
    expect(findingMessage(guards)).toBe('As the guard said it.');
    const unknown: Finding = { ruleId: 'large-audience' satisfies RuleId, severity: 'warn', messageId: 'noSuchMessage', message: 'English.' };
    expect(findingMessage(unknown)).toBe('English.');
    const noId: Finding = { ruleId: 'large-audience', severity: 'warn', message: 'Hand-made.' };
    expect(findingMessage(noId)).toBe('Hand-made.');
  });

  it('keeps the English when the finding lacks a {name} its message fills in', () => {
    const finding: Finding = { ruleId: 'large-audience', severity: 'warn', messageId: 'tooMany', data: { count: 30 }, message: 'English.' };
    expect(findingMessage(finding)).toBe('English.');
  });
});

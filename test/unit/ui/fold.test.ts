import { describe, expect, it } from 'vitest';
import { foldFollowOns } from '../../../src/ui/fold';
import { checkDraft } from '../../../src/rules/index';
import { parsePolicy } from '../../../src/policy/index';
import type { PolicyDocument } from '../../../src/policy/schema';
import { makeDraft, type DraftShorthand } from '../rules/tester';

function shown(draft: DraftShorthand, doc: PolicyDocument = {}, known: string[] = []) {
  const parsed = parsePolicy(doc);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return foldFollowOns(checkDraft(makeDraft(draft), parsed.policy, { knownAddresses: known })).map((f) => f.ruleId);
}

describe('foldFollowOns: one mistake, one warning', () => {
  it('a mistyped nhs.nte address shows only the typo, not "not secure" and "external" too', () => {
    expect(shown({ to: ['ward12.discharge@nhs.nte'] })).toEqual(['mistyped-domain']);
  });

  it('keeps what is said about other recipients', () => {
    expect(shown({ to: ['ward12.discharge@nhs.nte', 'gp@oakfieldsurgery.co.uk'] })).toEqual([
      'mistyped-domain',
      'unsecured-recipient',
      'visible-recipients',
      'external-recipients',
    ]);
  });

  it('keeps findings about the subject and the body', () => {
    expect(shown({ to: ['ward12@nhs.nte'], subject: 'Referral 943 476 5919' })).toEqual([
      'mistyped-domain',
      'patient-identifier',
    ]);
  });

  it('a look-alike of a known address folds its follow-ons the same way', () => {
    expect(shown({ to: ['jane.smith@gmail.com'] }, {}, ['jane.smith@nhs.net'])).toEqual(['lookalike-address']);
  });

  it('never hides a follow-on more serious than the mistake it follows', () => {
    expect(
      shown({ to: ['ward12@nhs.nte'] }, { rules: { 'unsecured-recipient': { severity: 'block' } } }),
    ).toEqual(['unsecured-recipient', 'mistyped-domain']);
  });

  it('keeps confirm-each ticks an organisation asks for', () => {
    expect(
      shown({ to: ['ward12@nhs.nte'] }, { rules: { 'external-recipients': { severity: 'warn', confirmEach: true } } }),
    ).toEqual(['external-recipients', 'mistyped-domain']);
  });

  it('changes nothing when no address is mistaken', () => {
    expect(shown({ to: ['gp@oakfieldsurgery.co.uk'] })).toEqual(['unsecured-recipient', 'external-recipients']);
  });
});

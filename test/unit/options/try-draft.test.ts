// "Try a draft": the typed form becomes the Draft the guard would read, and is checked by the
// real rule engine under whatever policy it is given.
import { describe, expect, test } from 'vitest';
import { draftFromForm, parseRecipients, tryDraft, type TryDraftForm } from '../../../src/options/try-draft';
import { describeFix } from '../../../src/options/messages';
import { defaultPolicy, parsePolicy } from '../../../src/policy/index';

const form = (fields: Partial<TryDraftForm>): TryDraftForm => ({ to: '', cc: '', bcc: '', subject: '', body: '', attachments: '', ...fields });

describe('parseRecipients', () => {
  test('one per line or separated by semicolons, with or without a display name', () => {
    expect(parseRecipients('Jane Smith <jane.smith@nhs.net>; bob@example.org\n\n  carol@nhs.net  ', 'to')).toEqual([
      { field: 'to', address: 'jane.smith@nhs.net', name: 'Jane Smith' },
      { field: 'to', address: 'bob@example.org' },
      { field: 'to', address: 'carol@nhs.net' },
    ]);
  });

  test('a comma in a quoted display name does not split it (Outlook separates with semicolons)', () => {
    expect(parseRecipients('"Smith, Jane" <jane.smith@nhs.net>', 'cc')).toEqual([
      { field: 'cc', address: 'jane.smith@nhs.net', name: 'Smith, Jane' },
    ]);
  });

  test('a name with no address stands for a recipient Safe Send could not read', () => {
    expect(parseRecipients('Jane Smith', 'bcc')).toEqual([{ field: 'bcc', name: 'Jane Smith' }]);
  });
});

test('draftFromForm: To, Cc and Bcc in order; one attachment per non-blank line', () => {
  const draft = draftFromForm(form({ to: 'a@nhs.net', cc: 'b@nhs.net', bcc: 'c@nhs.net', subject: 'Hello', body: 'Text', attachments: 'care plan.pdf\n\n notes.docx ' }));
  expect(draft).toEqual({
    recipients: [
      { field: 'to', address: 'a@nhs.net' },
      { field: 'cc', address: 'b@nhs.net' },
      { field: 'bcc', address: 'c@nhs.net' },
    ],
    subject: 'Hello',
    body: 'Text',
    attachments: [{ name: 'care plan.pdf' }, { name: 'notes.docx' }],
  });
});

describe('tryDraft', () => {
  test('nothing is checked until there is a recipient', () => {
    expect(tryDraft(form({ subject: 'Hello' }), defaultPolicy)).toEqual({ checked: false, findings: [], stops: false });
  });

  test('an internal email under the default policy: nothing to say', () => {
    expect(tryDraft(form({ to: 'jane.smith@nhs.net', subject: 'Rota' }), defaultPolicy)).toEqual({ checked: true, findings: [], stops: false });
  });

  test('a mistyped nhs.net: a warning with the fix in words', () => {
    const result = tryDraft(form({ to: 'jane.smith@nhs.nte' }), defaultPolicy);
    expect(result.stops).toBe(true);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'mistyped-domain', severity: 'warn', fixes: expect.arrayContaining(['Change nhs.nte to nhs.net']) }),
    );
  });

  test('the policy given is the one used: a lowered threshold fires, a rule switched off does not', () => {
    const strict = parsePolicy({ rules: { 'large-audience': { threshold: 2 } } });
    const off = parsePolicy({ rules: { 'large-audience': { severity: 'off', threshold: 2 } } });
    if (!strict.ok || !off.ok) throw new Error('test policies must parse');
    const threeInternal = form({ to: 'a@nhs.net; b@nhs.net; c@nhs.net' });
    expect(tryDraft(threeInternal, strict.policy).findings.map((f) => f.ruleId)).toEqual(['large-audience']);
    expect(tryDraft(threeInternal, off.policy).findings).toEqual([]);
  });

  test('known addresses (the sent-to history) reach the look-alike check', () => {
    const draft = form({ to: 'jane.smith@gmail.com' });
    const without = tryDraft(draft, defaultPolicy).findings.map((f) => f.ruleId);
    const withHistory = tryDraft(draft, defaultPolicy, ['jane.smith@nhs.net']).findings.map((f) => f.ruleId);
    expect(without).not.toContain('lookalike-address');
    expect(withHistory).toContain('lookalike-address');
  });
});

test('describeFix words every kind of fix', () => {
  const jane = { field: 'to' as const, address: 'jane@nhs.nte' };
  expect(describeFix({ kind: 'move-to-bcc', recipients: [jane, jane, jane] })).toBe('Move 3 recipients to Bcc');
  expect(describeFix({ kind: 'move-to-bcc', recipients: [jane] })).toBe('Move 1 recipient to Bcc');
  expect(describeFix({ kind: 'add-secure-tag', tag: '[secure]' })).toBe('Add [secure] to the subject');
  expect(describeFix({ kind: 'replace-domain', recipient: jane, to: 'nhs.net' })).toBe('Change nhs.nte to nhs.net');
  expect(describeFix({ kind: 'replace-address', recipient: jane, to: 'jane@nhs.net' })).toBe('Change jane@nhs.nte to jane@nhs.net');
  expect(describeFix({ kind: 'remove-recipient', recipient: jane })).toBe('Remove jane@nhs.nte');
  expect(describeFix({ kind: 'remove-recipient', recipient: { field: 'cc', name: 'Jane Smith' } })).toBe('Remove Jane Smith');
});

// Findings as checkDraft would report them, for the dialog's DOM tests and the preview page.
// Written out by hand (not produced by the rules) so the dialog is tested on its own contract:
// src/rules/types.ts `Finding`, `Fix`, `Evidence`.
import type { Finding, Recipient } from '../../../src/rules/types';

export const jane: Recipient = { field: 'to', address: 'jane@nhs.nte', name: 'Jane Smith' };
export const gp: Recipient = { field: 'cc', address: 'reception@gmial.com' };
export const family1: Recipient = { field: 'to', address: 'pat.jones@gmail.com', name: 'Pat Jones' };
export const family2: Recipient = { field: 'to', address: 'sam.jones@outlook.com' };

export function mistypedDomain(recipient: Recipient = jane): Finding {
  const at = recipient.address!.lastIndexOf('@');
  return {
    ruleId: 'mistyped-domain',
    severity: 'warn',
    message: `${recipient.address} looks like a mistyped nhs.net address. Check it before sending.`,
    recipients: [recipient],
    evidence: [
      {
        source: 'address',
        text: recipient.address!,
        // `nhs.n` then the two transposed letters `te`.
        marks: [[at + 6, at + 8]],
        suggestion: 'nhs.net',
        recipient,
      },
    ],
    fixes: [
      { kind: 'replace-domain', recipient, to: 'nhs.net' },
      { kind: 'remove-recipient', recipient },
    ],
  };
}

export const blockedRecipient: Finding = {
  ruleId: 'blocked-recipient',
  severity: 'block',
  message: 'Your organisation does not allow email to reception@gmial.com. Remove it to send.',
  recipients: [gp],
  fixes: [{ kind: 'remove-recipient', recipient: gp }],
};

export const externalConfirm: Finding = {
  ruleId: 'external-recipients',
  severity: 'warn',
  message: 'Two people outside your organisation will get this email. Check each address.',
  recipients: [family1, family2],
  confirmEach: true,
};

export const patientInSubject: Finding = {
  ruleId: 'patient-identifier',
  severity: 'block',
  message: 'The subject has an NHS number in it. Take it out: subjects are not encrypted.',
  evidence: [{ source: 'subject', text: 'Discharge 943 476 5919 Mrs Smith', marks: [[10, 22]] }],
};

export const unsecured: Finding = {
  ruleId: 'unsecured-recipient',
  severity: 'warn',
  message: 'pat.jones@gmail.com is not a secure address. Add [secure] to the subject so NHSmail encrypts it.',
  recipients: [family1],
  fixes: [{ kind: 'add-secure-tag', tag: '[secure]' }],
};

export const lookalike: Finding = {
  ruleId: 'lookalike-address',
  severity: 'warn',
  message: 'jane.smlth@nhs.net looks like jane.smith@nhs.net, whom you have emailed before.',
  recipients: [{ field: 'to', address: 'jane.smlth@nhs.net' }],
  fixes: [
    { kind: 'replace-address', recipient: { field: 'to', address: 'jane.smlth@nhs.net' }, to: 'jane.smith@nhs.net' },
  ],
};

export function audience(count: number): Recipient[] {
  return Array.from({ length: count }, (_, i) => ({ field: i % 3 ? 'to' : 'cc', address: `family${i + 1}@example.org` }));
}

export function largeAudience(count = 30): Finding {
  const visible = audience(count);
  return {
    ruleId: 'large-audience',
    severity: 'warn',
    message: `This email is going to ${count} people in To and Cc. Everyone can see everyone else’s address.`,
    recipients: visible,
    fixes: [{ kind: 'move-to-bcc', recipients: visible }],
  };
}

export const notice: Finding = {
  ruleId: 'missing-attachment',
  severity: 'notice',
  message: 'You wrote “attached” but nothing is attached.',
};

import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from './tester';

// 9434765919 (the NHS Digital example) and 9990000018 (the never-issued 999 range) are valid;
// 9434765910 has the wrong check digit. Every "not a number" case below contains ten digits that
// WOULD pass the check digit, so only the rule's boundaries keep it quiet.
const gp = 'gp.practice@nhs.net';
const family = 'daughter@gmail.com';

ruleTester('patient-identifier', {
  valid: [
    // Not an NHS number
    { name: 'wrong check digit in the subject', draft: { to: [gp], subject: 'Referral 943 476 5910' } },
    { name: 'a landline whose last ten digits look 3 3 4', draft: { to: [gp], subject: 'Call me on 0161 496 0003' } },
    { name: 'a 12-digit invoice reference', draft: { to: [gp], subject: 'Invoice 943476591912' } },
    { name: 'mixed separators are not an NHS form', draft: { to: [gp], subject: 'Ref 943 476-5919' } },
    { name: 'a date-time stamp in a file name', draft: { to: [gp], attachments: ['scan_20240115001530.pdf'] } },
    // A number in the body is fine when the email is secure
    { name: 'body to NHSmail only', draft: { to: [gp], cc: ['ward7@nhs.net'], body: 'NHS no 943 476 5919' } },
    { name: 'body to gmail with [secure] in the subject', draft: { to: [family], subject: '[secure] Mum', body: 'Her NHS number is 9434765919.' } },
    { name: 'the secure tag in any letter case, anywhere', draft: { to: [family], subject: 'Update on Mum [SECURE]', body: 'NHS number 943-476-5919' } },
    {
      name: 'body to an accredited (DCB1596) domain from the policy',
      draft: { to: ['referrals@care.example-accredited.org.uk'], body: 'NHS 9990000018' },
      policy: { secureDomains: ['nhs.net', '*.example-accredited.org.uk'] },
    },
    {
      name: 'the organisation’s own tag',
      draft: { to: [family], subject: 'Mum [encrypt]', body: 'NHS 9990000018' },
      policy: { secureTag: '[encrypt]' },
    },
    // Only the new text: the quoted thread was someone else's email
    { name: 'a number only in the quoted thread', draft: { to: [family], body: 'Thanks!', quoted: 'NHS number 943 476 5919' } },
    { name: 'a number in the body with nobody to send to yet', draft: { body: 'NHS 9434765919' } },
  ],
  invalid: [
    // Subject: always, whoever the email goes to (NHS guidance)
    {
      name: 'spaced number in the subject',
      draft: { to: [gp], subject: 'Referral for 943 476 5919' },
      findings: [
        {
          messageId: 'inSubject',
          message: ['Remove the NHS number from the subject', 'put it in the body of an encrypted email instead'],
          marks: ['943 476 5919'],
        },
      ],
    },
    { name: 'dashed number in the subject', draft: { to: [gp], subject: 'Bloods 943-476-5919' }, findings: [{ marks: ['943-476-5919'] }] },
    { name: 'plain number in the subject', draft: { to: [gp], subject: 'Pt 9434765919 discharge' }, findings: [{ marks: ['9434765919'] }] },
    {
      name: 'the secure tag does not make a subject safe',
      draft: { to: [family], subject: '[secure] 9434765919 update', body: 'See below' },
      findings: [{ messageId: 'inSubject', marks: ['9434765919'] }],
    },
    {
      name: 'two numbers in the subject',
      draft: { to: [gp], subject: 'Transfers 9434765919 and 999 000 0018' },
      findings: [{ messageId: 'inSubjectMany', message: ['2 NHS numbers'], marks: ['9434765919', '999 000 0018'] }],
    },
    // Attachment names: always
    {
      name: 'an attachment name',
      draft: { to: [gp], attachments: ['Discharge_9434765919.pdf', 'Leaflet.pdf'] },
      findings: [
        { messageId: 'inAttachmentName', message: ['“Discharge_9434765919.pdf”', 'Rename the file'], marks: ['9434765919'] },
      ],
    },
    {
      name: 'two attachment names',
      draft: { to: [gp], attachments: ['9434765919 MAR.docx', 'Care plan 999-000-0018.pdf'] },
      findings: [
        {
          messageId: 'inAttachmentNames',
          message: ['“9434765919 MAR.docx” and “Care plan 999-000-0018.pdf”'],
          marks: ['9434765919', '999-000-0018'],
        },
      ],
    },
    // Body: only when it may go unencrypted
    {
      name: 'body to a gmail address without the tag',
      draft: { to: [family], body: 'Hello, Mum’s NHS number is 943 476 5919 if the pharmacy asks.' },
      findings: [
        {
          messageId: 'inBody',
          recipients: [family],
          message: ['daughter@gmail.com', 'Add [secure] to the subject'],
          fixes: [{ kind: 'add-secure-tag', tag: '[secure]' }],
          marks: ['943 476 5919'],
        },
      ],
    },
    {
      name: 'body names only the recipients who are not secure, Bcc included',
      draft: { to: [gp], bcc: ['social.worker@council.example.gov.uk'], body: 'NHS 9990000018' },
      findings: [{ recipients: ['social.worker@council.example.gov.uk'], marks: ['9990000018'] }],
    },
    {
      name: 'a recipient without an address is not assumed secure',
      draft: { to: [gp, { name: 'Jane Smith' }], body: 'NHS 9990000018' },
      findings: [{ recipients: ['Jane Smith'], message: ['Jane Smith'] }],
    },
    {
      name: 'a trusted partner is not secure',
      draft: { to: ['office@partner.example.org'], body: 'NHS 9990000018' },
      policy: { trustedDomains: ['partner.example.org'] },
      findings: [{ recipients: ['office@partner.example.org'] }],
    },
    {
      name: 'two numbers in the body',
      draft: { to: [family], body: 'Mum 9434765919, Dad 9990000018' },
      findings: [{ messageId: 'inBodyMany', message: ['2 NHS numbers'], marks: ['9434765919', '9990000018'] }],
    },
    {
      name: 'the other organisation’s tag does not count',
      draft: { to: [family], subject: '[secure] Mum', body: 'NHS 9990000018' },
      policy: { secureTag: '[encrypt]' },
      findings: [{ message: ['Add [encrypt] to the subject'], fixes: [{ kind: 'add-secure-tag', tag: '[encrypt]' }] }],
    },
    // Everywhere at once: one finding per place, subject first
    {
      name: 'subject, attachment and body',
      draft: { to: [family], subject: '9434765919', attachments: ['9990000018.pdf'], body: 'Also 9876543210' },
      findings: [
        { messageId: 'inSubject', marks: ['9434765919'] },
        { messageId: 'inAttachmentName', marks: ['9990000018'] },
        { messageId: 'inBody', marks: ['9876543210'] },
      ],
    },
  ],
});

// What the table cannot express: how much of the body the dialog is given, and that the message
// itself never repeats the number (it is read aloud and may be shown over a shoulder; the
// highlighted extract is enough).
describe('patient-identifier body extracts', () => {
  const longBody = `${'Dear colleague, some background. '.repeat(20)}Her NHS number is 943 476 5919 as discussed. ${'More news follows here. '.repeat(20)}`;

  it('shows a short extract around the number, not the whole body', () => {
    const [finding] = runRule('patient-identifier', { name: 'long', draft: { to: [family], body: longBody } });
    const [evidence] = finding!.evidence!;
    expect(evidence!.source).toBe('body');
    expect(evidence!.text.length).toBeLessThan(120);
    expect(evidence!.text).toContain('NHS number is 943 476 5919 as');
    expect(finding!.message).not.toContain('5919');
  });

  it('shows at most five extracts for a list of numbers, and counts them all', () => {
    const list = Array.from({ length: 8 }, () => '9434765919').join('\n');
    const [finding] = runRule('patient-identifier', { name: 'list', draft: { to: [family], body: list } });
    expect(finding!.evidence).toHaveLength(5);
    expect(finding!.message).toContain('8 NHS numbers');
  });
});

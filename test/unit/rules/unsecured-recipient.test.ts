import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../../src/rules/index';
import { parsePolicy } from '../../../src/policy/index';
import { makeDraft, ruleTester } from './tester';

const family = 'daughter@gmail.com';
const council = 'duty.team@council.example.gov.uk';
const sensitive = { rules: { 'unsecured-recipient': { when: 'sensitive' as const } } };
const sensitiveWith = (keywords: string[]) => ({ rules: { 'unsecured-recipient': { when: 'sensitive' as const, keywords } } });

ruleTester('unsecured-recipient', {
  valid: [
    // Secure destinations
    { name: 'NHSmail only, To, Cc and Bcc', draft: { to: ['gp@nhs.net'], cc: ['ward@NHS.NET'], bcc: ['me@nhs.net'] } },
    {
      name: 'an accredited (DCB1596) subdomain from the policy',
      draft: { to: ['referrals@care.example-accredited.org.uk'] },
      policy: { secureDomains: ['nhs.net', '*.example-accredited.org.uk'] },
    },
    {
      name: 'the organisation’s own domain',
      draft: { to: ['manager@oakhouse.example.co.uk'] },
      policy: { organisationDomains: ['nhs.net', 'oakhouse.example.co.uk'] },
    },
    // The secure tag
    { name: '[secure] at the start of the subject', draft: { to: [family], subject: '[secure] Mum' } },
    { name: '[SECURE] at the end, in capitals', draft: { to: [family, council], subject: 'Update on Mum [SECURE]' } },
    { name: 'RE: [Secure] in a reply', draft: { to: [family], subject: 'RE: [Secure] Mum' } },
    { name: 'the organisation’s own tag', draft: { to: [family], subject: '[encrypt] Mum' }, policy: { secureTag: '[encrypt]' } },
    // Nobody yet
    { name: 'no recipients', draft: { subject: 'Draft' } },
    // when: sensitive — nothing sensitive
    { name: 'sensitive mode, an ordinary email', draft: { to: [family], body: 'See you on Sunday.' }, policy: sensitive },
    {
      name: 'sensitive mode, a number with the wrong check digit',
      draft: { to: [family], body: 'Room 943 476 5910' },
      policy: sensitive,
    },
    {
      name: 'sensitive mode, an NHS number only in the quoted thread',
      draft: { to: [family], body: 'Thanks', quoted: 'NHS number 9434765919' },
      policy: sensitive,
    },
    {
      name: 'sensitive mode, a keyword only inside a longer word',
      draft: { to: [family], subject: 'Idols night', body: 'Wandsworth trip' },
      policy: sensitiveWith(['DoLS', 'HIV']),
    },
    {
      name: 'sensitive mode, a keyword only in the quoted thread',
      draft: { to: [family], body: 'Thanks', quoted: 'The safeguarding meeting is on Monday' },
      policy: sensitiveWith(['safeguarding']),
    },
  ],
  invalid: [
    // Always (the default)
    {
      name: 'a gmail address',
      draft: { to: [family] },
      findings: [
        {
          messageId: 'notSecure',
          recipients: [family],
          message: ['will not be encrypted for daughter@gmail.com', 'Add [secure] to the subject before you send'],
          fixes: [{ kind: 'add-secure-tag', tag: '[secure]' }],
          marks: ['gmail.com'],
        },
      ],
    },
    {
      name: 'one finding for all of them, Bcc included, NHSmail left out',
      draft: { to: ['gp@nhs.net', family], cc: [council], bcc: ['friend@hotmail.co.uk'] },
      findings: [
        {
          recipients: [family, council, 'friend@hotmail.co.uk'],
          message: ['daughter@gmail.com, duty.team@council.example.gov.uk and friend@hotmail.co.uk'],
          marks: ['gmail.com', 'council.example.gov.uk', 'hotmail.co.uk'],
        },
      ],
    },
    { name: 'Bcc only', draft: { to: ['me@nhs.net'], bcc: [council] }, findings: [{ recipients: [council] }] },
    {
      name: 'a trusted partner is still reported unless also secure',
      draft: { to: ['office@partner.example.org'] },
      policy: { trustedDomains: ['partner.example.org'] },
      findings: [{ recipients: ['office@partner.example.org'] }],
    },
    {
      name: 'a subdomain of an exact secure entry is not secure',
      draft: { to: ['someone@mail.nhs.net.example.com'] },
      findings: [{ marks: ['mail.nhs.net.example.com'] }],
    },
    { name: 'the word secure without brackets', draft: { to: [family], subject: 'Secure: Mum' }, findings: [{ messageId: 'notSecure' }] },
    {
      name: 'the policy’s tag, not [secure]',
      draft: { to: [family], subject: '[secure] Mum' },
      policy: { secureTag: '[encrypt]' },
      findings: [{ message: ['without [encrypt] in the subject'], fixes: [{ kind: 'add-secure-tag', tag: '[encrypt]' }] }],
    },
    {
      name: 'the same address twice is named once',
      draft: { to: [family], bcc: ['Daughter@Gmail.com'] },
      findings: [{ recipients: [family, 'Daughter@Gmail.com'], message: ['encrypted for daughter@gmail.com:'] }],
    },
    {
      name: 'a recipient without an address is listed when nothing else reports it',
      draft: { to: [{ name: 'Jane Smith' }, family] },
      findings: [{ recipients: [family, 'Jane Smith'], message: ['daughter@gmail.com and Jane Smith (address not checked)'] }],
    },
    // when: sensitive
    {
      name: 'sensitive mode, an NHS number in the body',
      draft: { to: [family], body: 'Her NHS number is 943 476 5919.' },
      policy: sensitive,
      findings: [
        {
          messageId: 'notSecureNhsNumber',
          message: ['contains an NHS number', 'daughter@gmail.com'],
          fixes: [{ kind: 'add-secure-tag', tag: '[secure]' }],
          marks: ['943 476 5919', 'gmail.com'],
        },
      ],
    },
    {
      name: 'sensitive mode, an NHS number in an attachment name',
      draft: { to: [council], attachments: ['Referral 9990000018.pdf'] },
      policy: sensitive,
      findings: [{ messageId: 'notSecureNhsNumber', marks: ['9990000018', 'council.example.gov.uk'] }],
    },
    {
      name: 'sensitive mode, an NHS number in the subject',
      draft: { to: [council], subject: 'Pt 999-000-0018' },
      policy: sensitive,
      findings: [{ messageId: 'notSecureNhsNumber', marks: ['999-000-0018', 'council.example.gov.uk'] }],
    },
    {
      name: 'sensitive mode, a keyword in the subject in another letter case',
      draft: { to: [council], subject: 'SAFEGUARDING concern' },
      policy: sensitiveWith(['safeguarding']),
      findings: [{ messageId: 'notSecureKeyword', message: ['mentions “SAFEGUARDING”'], marks: ['SAFEGUARDING', 'council.example.gov.uk'] }],
    },
    {
      name: 'sensitive mode, a two-word keyword in the body',
      draft: { to: [family], body: 'We talked about her end of\nlife wishes today.' },
      policy: sensitiveWith(['DoLS', 'end of life']),
      findings: [{ messageId: 'notSecureKeyword', message: ['mentions “end of life”'], marks: ['end of life', 'gmail.com'] }],
    },
    {
      name: 'sensitive mode, an NHS number wins over a keyword',
      draft: { to: [family], subject: 'DoLS', body: 'NHS 9434765919' },
      policy: sensitiveWith(['DoLS']),
      findings: [{ messageId: 'notSecureNhsNumber' }],
    },
  ],
});

// Recipients without a readable address: never safe, but not reported twice. `unverified-recipient`
// reports them when it is on at least as firmly as this rule; the table above runs this rule alone.
describe('unsecured-recipient and recipients without an address', () => {
  const run = (unverified: 'off' | 'notice' | 'warn' | 'block', own: 'warn' | 'block' = 'warn') => {
    const parsed = parsePolicy({
      rules: { 'unsecured-recipient': { severity: own }, 'unverified-recipient': { severity: unverified } },
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    return checkDraft(makeDraft({ to: [{ name: 'Jane Smith' }, family] }), parsed.policy).filter(
      (f) => f.ruleId === 'unsecured-recipient',
    );
  };
  const names = (findings: ReturnType<typeof run>) => findings.flatMap((f) => (f.recipients ?? []).map((r) => r.address ?? r.name));

  it('leaves them out when unverified-recipient already stops the send for them', () => {
    expect(names(run('warn'))).toEqual([family]);
    expect(names(run('block'))).toEqual([family]);
  });

  it('lists them when unverified-recipient is off or milder than this rule', () => {
    expect(names(run('off'))).toEqual([family, 'Jane Smith']);
    expect(names(run('notice'))).toEqual([family, 'Jane Smith']);
    expect(names(run('warn', 'block'))).toEqual([family, 'Jane Smith']);
  });
});

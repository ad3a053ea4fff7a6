import { ruleTester } from './tester';

const people = (n: number, domain: string) => Array.from({ length: n }, (_, i) => `person${i}@${domain}`);
const move = (...recipients: Array<[field: 'to' | 'cc', address: string]>) => [
  { kind: 'move-to-bcc' as const, recipients: recipients.map(([field, address]) => ({ field, address })) },
];

ruleTester('visible-recipients', {
  valid: [
    // Nobody external can see anybody
    { name: 'internal only', draft: { to: people(10, 'nhs.net') } },
    { name: 'one external recipient with colleagues', draft: { to: ['a@nhs.net', 'mum@gmail.com'], cc: ['b@nhs.net'] } },
    // A Bcc'd newsletter done right
    { name: 'externals in Bcc', draft: { to: ['me@nhs.net'], bcc: people(200, 'gmail.com') } },
    { name: 'one external in To and the rest in Bcc', draft: { to: ['mum@gmail.com'], bcc: ['dad@hotmail.co.uk'] } },
    // One external organisation: its people already know each other's addresses
    { name: 'several people at one council', draft: { to: people(4, 'leeds.gov.uk') } },
    {
      name: 'subdomains of one trust are one organisation',
      draft: { to: ['a@leedsth.nhs.uk', 'b@mail.leedsth.nhs.uk'], cc: ['c@x.leedsth.nhs.uk'] },
    },
    // Trusted partners are not reported (product.md)
    {
      name: 'two trusted partners',
      draft: { to: ['a@leeds.gov.uk', 'b@carehome.co.uk'] },
      policy: { trustedDomains: ['leeds.gov.uk', 'carehome.co.uk'] },
    },
    {
      name: 'a *.suffix organisation domain is internal',
      draft: { to: ['a@leedsth.nhs.uk', 'b@sth.nhs.uk'] },
      policy: { organisationDomains: ['nhs.net', '*.nhs.uk'] },
    },
    // The same person twice is one person
    { name: 'one external person in both To and Cc', draft: { to: ['mum@gmail.com'], cc: ['Mum@Gmail.com'] } },
    // Unread addresses are left to unverified-recipient (most are internal contacts or groups)
    { name: 'one external and two recipients without an address', draft: { to: ['mum@gmail.com', { name: 'Ward 5' }, { name: 'Jane Smith' }] } },
    // The policy's threshold
    {
      name: 'three externals under a threshold of 4',
      draft: { to: ['a@gmail.com', 'b@leeds.gov.uk', 'c@sth.nhs.uk'] },
      policy: { rules: { 'visible-recipients': { threshold: 4 } } },
    },
  ],
  invalid: [
    {
      name: 'two families at gmail.com are strangers, not one organisation',
      draft: { to: ['mum@gmail.com', 'son@gmail.com'] },
      findings: [
        {
          messageId: 'visible',
          recipients: ['mum@gmail.com', 'son@gmail.com'],
          message: ['2 people outside your organisation', 'mum@gmail.com and son@gmail.com', 'Move them to Bcc'],
          fixes: move(['to', 'mum@gmail.com'], ['to', 'son@gmail.com']),
        },
      ],
    },
    {
      name: 'two trusts under nhs.uk are two organisations',
      draft: { to: ['a@leedsth.nhs.uk'], cc: ['b@sth.nhs.uk'] },
      findings: [{ fixes: move(['to', 'a@leedsth.nhs.uk'], ['cc', 'b@sth.nhs.uk']) }],
    },
    {
      name: 'the fix moves the externals and leaves colleagues visible',
      draft: { to: ['a@nhs.net', 'mum@gmail.com'], cc: ['b@nhs.net', 'x@leeds.gov.uk'], bcc: ['c@hotmail.com'] },
      findings: [{ recipients: ['mum@gmail.com', 'x@leeds.gov.uk'], fixes: move(['to', 'mum@gmail.com'], ['cc', 'x@leeds.gov.uk']) }],
    },
    {
      name: 'a trusted partner stays visible while the others move',
      draft: { to: ['a@carehome.co.uk', 'mum@gmail.com', 'dad@btinternet.com'] },
      policy: { trustedDomains: ['carehome.co.uk'] },
      findings: [{ recipients: ['mum@gmail.com', 'dad@btinternet.com'] }],
    },
    {
      name: 'one council plus one family',
      draft: { to: people(3, 'leeds.gov.uk'), cc: ['mum@gmail.com'] },
      findings: [{ message: ['4 people'], recipients: [...people(3, 'leeds.gov.uk'), 'mum@gmail.com'] }],
    },
    {
      name: 'a newsletter in To (56 Dean Street)',
      draft: { to: people(30, 'gmail.com') },
      findings: [{ message: ['30 people', 'person0@gmail.com, person1@gmail.com, person2@gmail.com and 27 others'] }],
    },
    {
      name: 'recipients without an address are not moved or counted',
      draft: { to: ['mum@gmail.com', { name: 'Ward 5' }], cc: ['dad@hotmail.com'] },
      findings: [{ message: ['2 people'], fixes: move(['to', 'mum@gmail.com'], ['cc', 'dad@hotmail.com']) }],
    },
    {
      name: 'the same person in To and Cc counts once and moves from both',
      draft: { to: ['mum@gmail.com', 'dad@gmail.com'], cc: ['MUM@gmail.com'] },
      findings: [
        {
          message: ['2 people', 'mum@gmail.com and dad@gmail.com'],
          fixes: move(['to', 'mum@gmail.com'], ['to', 'dad@gmail.com'], ['cc', 'MUM@gmail.com']),
        },
      ],
    },
    {
      name: 'a higher threshold reached',
      draft: { to: ['a@gmail.com', 'b@leeds.gov.uk', 'c@sth.nhs.uk'] },
      policy: { rules: { 'visible-recipients': { threshold: 3, severity: 'block' } } },
      findings: [{ severity: 'block', message: ['3 people'] }],
    },
  ],
});

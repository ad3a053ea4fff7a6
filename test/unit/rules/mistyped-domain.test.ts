import { ruleTester } from './tester';

const fixesFor = (address: string, domain: string, field: 'to' | 'cc' | 'bcc' = 'to') => {
  const recipient = { field, address };
  return [
    { kind: 'replace-domain' as const, recipient, to: domain },
    { kind: 'remove-recipient' as const, recipient },
  ];
};

// A DCB1596-sized secure list: 3,000 accredited domains (NHS England's CSV has thousands).
const accredited = Array.from({ length: 3000 }, (_, i) => `care-provider-${i}.org.uk`);

ruleTester('mistyped-domain', {
  valid: [
    // The domains themselves
    { name: 'nhs.net', draft: { to: ['jane.smith@nhs.net'] } },
    { name: 'a consumer domain on the bundled list', draft: { to: ['mum@btinternet.com', 'son@hotmail.co.uk'] } },
    { name: 'no address to check', draft: { to: [{ name: 'Jane Smith' }] } },
    // Real NHS and government domains are not typos of nhs.net (nhs.uk is 3 edits away)
    { name: 'nhs.uk', draft: { to: ['x@nhs.uk'] } },
    { name: 'a trust domain under nhs.uk', draft: { to: ['x@leedsth.nhs.uk', 'y@mail.sth.nhs.uk'] } },
    { name: 'NHS Scotland, Wales and Northern Ireland', draft: { to: ['a@nhs.scot', 'b@wales.nhs.uk', 'c@hscni.net'] } },
    { name: 'gov.uk and council domains', draft: { to: ['a@gov.uk', 'b@leeds.gov.uk', 'c@dwp.gov.uk'] } },
    { name: 'a subdomain of nhs.net is nhs.net’s own business', draft: { to: ['a@mail.nhs.net'] } },
    // Real domains a letter away from a consumer domain
    { name: 'ymail.com is Yahoo’s, not a typo of gmail.com', draft: { to: ['a@ymail.com'] } },
    { name: 'aon.com is a company, not a typo of aol.com (short names must match)', draft: { to: ['a@aon.com', 'b@ska.com'] } },
    { name: 'hotmail.co.jp is Japan’s Hotmail, not a typo of hotmail.co.uk', draft: { to: ['a@hotmail.co.jp'] } },
    { name: 'yahoo.com.au is Yahoo’s own, not yahoo.com with a suffix added', draft: { to: ['a@yahoo.com.au', 'b@outlook.com.br'] } },
    {
      name: 'a policy domain with a suffix added can be another organisation (mind.org, mind.org.uk)',
      draft: { to: ['a@mind.org.uk'] },
      policy: { trustedDomains: ['mind.org'] },
    },
    { name: 'a domain unlike anything known', draft: { to: ['manager@sunnyside-care.co.uk'] } },
    // Domains the policy names, exactly or by *.suffix
    {
      name: 'a trusted domain one letter from nhs.net is known, so not a typo',
      draft: { to: ['a@nhs.nez'] },
      policy: { trustedDomains: ['nhs.nez'] },
    },
    {
      name: 'a blocked domain is left to blocked-recipient',
      draft: { to: ['a@nhs.nett'] },
      policy: { blockedDomains: ['nhs.nett'] },
    },
    {
      name: 'a subdomain matched by a *.suffix secure entry',
      draft: { to: ['team@leeds.example-accredited.org.uk'] },
      policy: { secureDomains: ['nhs.net', '*.example-accredited.org.uk'] },
    },
    {
      name: 'an accredited domain from a 3,000-entry list',
      draft: { to: ['a@care-provider-1234.org.uk'] },
      policy: { secureDomains: ['nhs.net', ...accredited] },
    },
  ],
  invalid: [
    // Near misses of nhs.net
    {
      name: 'two letters swapped (a transposition is one edit)',
      draft: { to: ['jane.smith@nhs.nte'] },
      findings: [
        {
          messageId: 'mistyped',
          recipients: ['jane.smith@nhs.nte'],
          message: ['jane.smith@nhs.nte', '“nhs.nte”', '“nhs.net”', 'Change it to jane.smith@nhs.net'],
          fixes: fixesFor('jane.smith@nhs.nte', 'nhs.net'),
          marks: ['te'],
        },
      ],
    },
    { name: 'one wrong letter', draft: { to: ['a@nhs.met'] }, findings: [{ marks: ['m'], fixes: fixesFor('a@nhs.met', 'nhs.net') }] },
    { name: 'a missing letter', draft: { to: ['a@nhs.ne'] }, findings: [{ message: ['“nhs.net”'], marks: ['e'] }] },
    { name: 'a doubled letter', draft: { to: ['a@nhs.nett'] }, findings: [{ message: ['“nhs.net”'], marks: ['t'] }] },
    { name: 'a digit for a letter', draft: { to: ['a@nhs.ne7'] }, findings: [{ message: ['“nhs.net”'], marks: ['7'] }] },
    {
      name: 'capitals do not hide a typo',
      draft: { cc: ['Jane.Smith@NHS.NTE'] },
      findings: [{ fixes: fixesFor('Jane.Smith@NHS.NTE', 'nhs.net', 'cc'), marks: ['te'] }],
    },
    {
      name: 'a typo in the last labels keeps the subdomain',
      draft: { to: ['a@mail.nhs.nte'] },
      findings: [{ message: ['“mail.nhs.net”'], fixes: fixesFor('a@mail.nhs.nte', 'mail.nhs.net'), marks: ['te'] }],
    },
    {
      name: 'nhs.net with a suffix added (nhs.net and nhs.uk mixed up)',
      draft: { to: ['a@nhs.net.uk'] },
      findings: [{ message: ['“nhs.net”'], fixes: fixesFor('a@nhs.net.uk', 'nhs.net'), marks: ['.uk'] }],
    },
    // Look-alike letters (IDN homographs), as typed or as punycode
    {
      name: 'a Cyrillic е in nhs.net',
      draft: { to: ['jane@nhs.nеt'] },
      findings: [
        {
          messageId: 'lookalike',
          message: ['jane@nhs.nеt', 'letters from another alphabet', 'jane@nhs.net'],
          fixes: fixesFor('jane@nhs.nеt', 'nhs.net'),
          marks: ['е'],
        },
      ],
    },
    {
      name: 'the same look-alike given as punycode',
      draft: { to: ['jane@nhs.xn--nt-nlc'] },
      findings: [{ messageId: 'lookalike', fixes: fixesFor('jane@nhs.xn--nt-nlc', 'nhs.net'), marks: ['е'] }],
    },
    { name: 'a Cyrillic а in gmail.com', draft: { to: ['mum@gmаil.com'] }, findings: [{ messageId: 'lookalike', message: ['gmail.com'] }] },
    { name: 'rn drawn as m', draft: { to: ['a@hotrnail.com'] }, findings: [{ message: ['“hotmail.com”'], marks: ['rn'] }] },
    { name: 'a zero for an o, even in a short domain', draft: { to: ['a@a0l.com'] }, findings: [{ message: ['“aol.com”'], marks: ['0'] }] },
    // Near misses of consumer domains
    { name: 'gmial.com', draft: { to: ['mum@gmial.com'] }, findings: [{ message: ['“gmail.com”'], marks: ['ia'] }] },
    { name: 'gmail.co', draft: { to: ['mum@gmail.co'] }, findings: [{ message: ['“gmail.com”'] }] },
    { name: 'two edits in a long domain', draft: { to: ['dad@btinterent.cm'] }, findings: [{ message: ['“btinternet.com”'] }] },
    { name: 'a swap next to rn (compared as written too)', draft: { to: ['dad@btintrenet.com'] }, findings: [{ message: ['“btinternet.com”'] }] },
    { name: 'a short name spelt right under a mistyped suffix', draft: { to: ['a@aol.cmo'] }, findings: [{ message: ['“aol.com”'] }] },
    // Near misses of policy domains
    {
      name: 'one of 3,000 accredited domains, mistyped',
      draft: { to: ['a@care-provider-1234.org.ukk'] },
      policy: { secureDomains: ['nhs.net', ...accredited] },
      findings: [{ message: ['“care-provider-1234.org.uk”'], fixes: fixesFor('a@care-provider-1234.org.ukk', 'care-provider-1234.org.uk') }],
    },
    {
      name: 'a mistyped *.suffix keeps the organisation’s own label',
      draft: { to: ['a@leedsth.nsh.uk'] },
      policy: { secureDomains: ['nhs.net', '*.nhs.uk'] },
      findings: [{ message: ['“leedsth.nhs.uk”'], marks: ['sh'] }],
    },
    // Every field, every recipient
    {
      name: 'Bcc recipients are checked too, each one reported',
      draft: { to: ['a@nhs.net'], bcc: ['b@nhs.nte', 'c@nhs.nte'] },
      findings: [{ recipients: ['b@nhs.nte'] }, { recipients: ['c@nhs.nte'] }],
    },
    {
      name: 'the policy’s severity',
      draft: { to: ['a@nhs.ent'] },
      policy: { rules: { 'mistyped-domain': { severity: 'block' } } },
      findings: [{ severity: 'block', fixes: fixesFor('a@nhs.ent', 'nhs.net') }],
    },
  ],
});

import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../../src/policy/index';
import { ruleTester, runRule } from './tester';

ruleTester('external-recipients', {
  valid: [
    { name: 'NHSmail only', draft: { to: ['gp@nhs.net'], cc: ['Ward7@NHS.net'] } },
    {
      name: 'a second organisation domain',
      draft: { to: ['manager@oakhouse.example.co.uk'] },
      policy: { organisationDomains: ['nhs.net', 'oakhouse.example.co.uk'] },
    },
    // Trusted partners are emailed routinely: not reported (product.md)
    {
      name: 'a trusted partner',
      draft: { to: ['office@partner.example.org'] },
      policy: { trustedDomains: ['partner.example.org'] },
    },
    {
      name: 'a trusted *.suffix partner',
      draft: { to: ['duty@adults.council.example.gov.uk'] },
      policy: { trustedDomains: ['*.council.example.gov.uk'] },
    },
    // Not known to be external: unverified-recipient reports it
    { name: 'a recipient without an address', draft: { to: [{ name: 'Jane Smith' }] } },
  ],
  invalid: [
    {
      name: 'a gmail address',
      draft: { to: ['gp@nhs.net', 'daughter@gmail.com'] },
      findings: [
        {
          messageId: 'external',
          recipients: ['daughter@gmail.com'],
          message: ['outside your organisation to 1 person: daughter@gmail.com', 'Check that each of them should get it'],
          fixes: [{ kind: 'remove-recipient', recipient: { field: 'to', address: 'daughter@gmail.com' } }],
          marks: ['gmail.com'],
        },
      ],
    },
    {
      name: 'a secure (DCB1596) domain is still outside the organisation',
      draft: { cc: ['referrals@care.example-accredited.org.uk'] },
      policy: { secureDomains: ['nhs.net', '*.example-accredited.org.uk'] },
      findings: [{ recipients: ['referrals@care.example-accredited.org.uk'] }],
    },
    {
      name: 'Bcc counts, trusted partners are left out',
      draft: { to: ['office@partner.example.org', 'a@gmail.com'], bcc: ['b@hotmail.co.uk'] },
      policy: { trustedDomains: ['partner.example.org'] },
      findings: [{ recipients: ['a@gmail.com', 'b@hotmail.co.uk'], message: ['2 people', 'a@gmail.com and b@hotmail.co.uk'] }],
    },
    {
      name: 'a long list is shortened in the message but every recipient is on the finding',
      draft: { to: ['a@x.example', 'b@x.example', 'c@x.example', 'd@x.example', 'e@x.example'] },
      findings: [
        {
          recipients: ['a@x.example', 'b@x.example', 'c@x.example', 'd@x.example', 'e@x.example'],
          message: ['5 people: a@x.example, b@x.example, c@x.example and 2 others'],
        },
      ],
    },
    {
      name: 'a subdomain of the organisation domain is external (entries are exact)',
      draft: { to: ['x@nhs.net.example.com'] },
      findings: [{ marks: ['nhs.net.example.com'] }],
    },
  ],
});

// Informational by default: most external email is meant, and a warning on each would be ignored.
describe('external-recipients default', () => {
  it('is a notice, which does not stop the send', () =>
    expect(defaultPolicy.rules['external-recipients'].severity).toBe('notice'));
});

// confirmEach asks the dialog for a tick per recipient; it is a flag on the finding.
describe('external-recipients confirmEach', () => {
  const draft = { to: ['a@gmail.com', 'gp@nhs.net'] };
  it('is set when the policy asks for it', () => {
    const [finding] = runRule('external-recipients', {
      name: 'on',
      draft,
      policy: { rules: { 'external-recipients': { confirmEach: true } } },
    });
    expect(finding!.confirmEach).toBe(true);
  });
  it('is absent by default', () => {
    const [finding] = runRule('external-recipients', { name: 'off', draft });
    expect(finding!.confirmEach).toBeUndefined();
  });
});

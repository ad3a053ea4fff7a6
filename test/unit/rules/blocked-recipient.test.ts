import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../../src/policy/index';
import { ruleTester } from './tester';

// The one rule a manager sets up precisely so that a send cannot happen.
describe('blocked-recipient default', () => {
  it('blocks the send by default', () => expect(defaultPolicy.rules['blocked-recipient'].severity).toBe('block'));
});

const blocklist = { blockedDomains: ['blocked.example.com', '*.badmail.example', 'ex.employee@gmail.com'] };

ruleTester('blocked-recipient', {
  valid: [
    { name: 'no block list', draft: { to: ['anyone@blocked.example.com'] } },
    { name: 'nobody on the list', draft: { to: ['gp@nhs.net', 'daughter@gmail.com'] }, policy: blocklist },
    // A `*.suffix` entry is any subdomain, not the suffix itself (product.md, policy document)
    { name: 'the bare domain of a *.suffix entry', draft: { to: ['x@badmail.example'] }, policy: blocklist },
    { name: 'a domain that merely ends in the same letters', draft: { to: ['x@notblocked.example.com'] }, policy: blocklist },
    // An address entry blocks that address only
    { name: 'another address at the same domain as a blocked address', draft: { to: ['someone.else@gmail.com'] }, policy: blocklist },
    { name: 'a recipient without an address (left to unverified-recipient)', draft: { to: [{ name: 'Blocked Person' }] }, policy: blocklist },
  ],
  invalid: [
    {
      name: 'an exact domain',
      draft: { to: ['gp@nhs.net', 'sales@blocked.example.com'] },
      policy: blocklist,
      findings: [
        {
          messageId: 'blockedOne',
          recipients: ['sales@blocked.example.com'],
          message: ['does not allow email to sales@blocked.example.com', 'Remove this recipient'],
          fixes: [{ kind: 'remove-recipient', recipient: { field: 'to', address: 'sales@blocked.example.com' } }],
          marks: ['blocked.example.com'],
        },
      ],
    },
    {
      name: 'a subdomain of a *.suffix entry, in Bcc',
      draft: { bcc: ['x@mail.badmail.example'] },
      policy: blocklist,
      findings: [{ recipients: ['x@mail.badmail.example'], marks: ['mail.badmail.example'] }],
    },
    {
      name: 'a whole address, in any letter case, is highlighted whole',
      draft: { cc: ['Ex.Employee@GMAIL.com'] },
      policy: blocklist,
      findings: [{ recipients: ['Ex.Employee@GMAIL.com'], marks: ['Ex.Employee@GMAIL.com'] }],
    },
    {
      name: 'the domain in capitals',
      draft: { to: ['SALES@Blocked.Example.COM'] },
      policy: blocklist,
      findings: [{ marks: ['Blocked.Example.COM'] }],
    },
    {
      name: 'several: one finding, one remove fix each',
      draft: { to: ['a@blocked.example.com'], cc: ['b@x.badmail.example'] },
      policy: blocklist,
      findings: [
        {
          messageId: 'blockedMany',
          message: ['a@blocked.example.com and b@x.badmail.example', 'Remove these recipients'],
          fixes: [
            { kind: 'remove-recipient', recipient: { field: 'to', address: 'a@blocked.example.com' } },
            { kind: 'remove-recipient', recipient: { field: 'cc', address: 'b@x.badmail.example' } },
          ],
        },
      ],
    },
    {
      name: 'an IDN domain blocked in its Unicode form',
      draft: { to: ['info@xn--bcher-kva.example'] },
      policy: { blockedDomains: ['bücher.example'] },
      findings: [{ marks: ['xn--bcher-kva.example'] }],
    },
  ],
});

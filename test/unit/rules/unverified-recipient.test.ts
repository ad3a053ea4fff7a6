import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../../src/policy/index';
import { ruleTester } from './tester';

describe('unverified-recipient default', () => {
  it('stops the send for the user to decide by default', () =>
    expect(defaultPolicy.rules['unverified-recipient'].severity).toBe('warn'));
});

ruleTester('unverified-recipient', {
  valid: [
    { name: 'every address read', draft: { to: ['gp@nhs.net'], cc: ['a@gmail.com'], bcc: ['b@hotmail.co.uk'] } },
    { name: 'a re-opened draft: name and address', draft: { to: ['Jane Smith <jane.smith@nhs.net>'] } },
    { name: 'no recipients', draft: {} },
    { name: 'an address with surrounding spaces', draft: { to: [' jane.smith@nhs.net '] } },
  ],
  invalid: [
    {
      name: 'a directory contact shown by display name only',
      draft: { to: ['gp@nhs.net', { name: 'Jane Smith (LEEDS TEACHING HOSPITALS NHS TRUST)' }] },
      findings: [
        {
          messageId: 'unverifiedOne',
          recipients: ['Jane Smith (LEEDS TEACHING HOSPITALS NHS TRUST)'],
          message: [
            'could not read the email address of Jane Smith (LEEDS TEACHING HOSPITALS NHS TRUST)',
            'Open the contact card or retype the address to check it',
          ],
          fixes: [
            { kind: 'remove-recipient', recipient: { field: 'to', name: 'Jane Smith (LEEDS TEACHING HOSPITALS NHS TRUST)' } },
          ],
        },
      ],
    },
    {
      name: 'in Bcc too',
      draft: { bcc: [{ name: 'Bob Jones' }] },
      findings: [{ recipients: ['Bob Jones'] }],
    },
    {
      name: 'typed text with no domain',
      draft: { to: ['jane.smith'] },
      findings: [{ recipients: ['jane.smith'], message: ['jane.smith'] }],
    },
    {
      name: 'an empty address with a name',
      draft: { cc: [{ name: 'Ward 7', address: '' }] },
      findings: [{ message: ['address of Ward 7'] }],
    },
    {
      name: 'no name and no address',
      draft: { to: [{}] },
      findings: [{ message: ['address of a recipient'] }],
    },
    {
      name: 'several: one finding, one remove fix each',
      draft: { to: [{ name: 'Jane Smith' }], cc: ['ok@nhs.net', { name: 'Bob Jones' }] },
      findings: [
        {
          messageId: 'unverifiedMany',
          recipients: ['Jane Smith', 'Bob Jones'],
          message: ['addresses of Jane Smith and Bob Jones', 'remove these recipients'],
          fixes: [
            { kind: 'remove-recipient', recipient: { field: 'to', name: 'Jane Smith' } },
            { kind: 'remove-recipient', recipient: { field: 'cc', name: 'Bob Jones' } },
          ],
        },
      ],
    },
  ],
});

import { ruleTester } from './tester';

const people = (n: number, domain = 'nhs.net') => Array.from({ length: n }, (_, i) => `person${i}@${domain}`);

ruleTester('large-audience', {
  valid: [
    // At or under the default threshold of 25
    { name: 'one recipient', draft: { to: ['a@nhs.net'] } },
    { name: 'exactly 25 in To', draft: { to: people(25) } },
    { name: '20 in To and 5 in Cc make 25', draft: { to: people(20), cc: people(5, 'gmail.com') } },
    // Bcc does not count: those recipients cannot see each other (a newsletter done right)
    { name: '500 in Bcc', draft: { to: ['me@nhs.net'], bcc: people(500, 'gmail.com') } },
    // The policy's threshold
    { name: '40 in To under a threshold of 50', draft: { to: people(40) }, policy: { rules: { 'large-audience': { threshold: 50 } } } },
  ],
  invalid: [
    {
      name: '26 in To',
      draft: { to: people(26) },
      findings: [{ messageId: 'tooMany', message: ['26 people', 'more than 25', 'Bcc'] }],
    },
    {
      name: '13 in To and 13 in Cc',
      draft: { to: people(13), cc: people(13, 'gmail.com') },
      findings: [{ message: ['26 people'] }],
    },
    {
      name: 'lower threshold from the policy',
      draft: { to: people(6) },
      policy: { rules: { 'large-audience': { threshold: 5, severity: 'block' } } },
      findings: [{ severity: 'block', message: ['6 people', 'more than 5'] }],
    },
    {
      name: 'the fix moves every To/Cc recipient to Bcc, not the Bcc ones',
      draft: { to: people(2), cc: ['x@gmail.com'], bcc: ['y@gmail.com'] },
      policy: { rules: { 'large-audience': { threshold: 2 } } },
      findings: [
        {
          recipients: ['person0@nhs.net', 'person1@nhs.net', 'x@gmail.com'],
          fixes: [
            {
              kind: 'move-to-bcc',
              recipients: [
                { field: 'to', address: 'person0@nhs.net' },
                { field: 'to', address: 'person1@nhs.net' },
                { field: 'cc', address: 'x@gmail.com' },
              ],
            },
          ],
        },
      ],
    },
  ],
});

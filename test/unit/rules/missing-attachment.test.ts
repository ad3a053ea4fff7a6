import { ruleTester } from './tester';

const to = ['gp@nhs.net'];

ruleTester('missing-attachment', {
  valid: [
    // Something is attached
    { name: 'says attached and is', draft: { to, body: 'Please find attached the care plan.', attachments: ['Care plan.pdf'] } },
    { name: 'subject says attached and is', draft: { to, subject: 'Rota attached', attachments: [{ name: 'Rota.xlsx', size: 12000 }] } },
    // Not the sender's words
    { name: 'only the quoted thread says attached', draft: { to, body: 'Thanks, received.', quoted: 'Please find attached the referral.' } },
    { name: 'a reply to an email whose subject said attached', draft: { to, subject: 'RE: Referral form attached', body: 'Thanks, will do.' } },
    { name: 'a forward whose subject said attached', draft: { to, subject: 'Fwd: Minutes attached', body: 'For info.' } },
    // Care-home English that is not about files
    { name: 'a doctor attached to the ward', draft: { to, body: 'Dr Patel is attached to Ward 7 from Monday.' } },
    { name: 'attachment as a feeling', draft: { to, body: 'She is very attached to her key worker; attachment theory says why.' } },
    { name: 'an enclosed garden', draft: { to, body: 'The garden is enclosed, so residents can walk safely.' } },
    // Negated, or someone else's
    { name: 'says there is no attachment', draft: { to, body: 'No attachment this time, just a reminder about Friday.' } },
    { name: 'about the attachment they sent', draft: { to, body: 'The attachment you sent will not open, could you resend it?' } },
    // The confidentiality footer in NHS signatures
    {
      name: 'a signature footer about attachments',
      draft: {
        to,
        body: 'See you Friday.\n\nJo Bloggs\nCare Home Manager\nThis email and any attachments are confidential and intended solely for the addressee.',
      },
    },
  ],
  invalid: [
    {
      name: 'please find attached, nothing attached',
      draft: { to, body: 'Hi,\nPlease find attached the discharge summary.\nThanks' },
      findings: [
        { messageId: 'nothingAttached', message: ['says something is attached', 'Attach the file before you send'], marks: ['Please find attached'] },
      ],
    },
    { name: 'I’ve attached', draft: { to, body: 'I’ve attached the MAR chart for Mrs B.' }, findings: [{ marks: ['I’ve attached'] }] },
    { name: 'see attached', draft: { to, body: 'See attached.' }, findings: [{ marks: ['See attached'] }] },
    { name: 'PFA', draft: { to, body: 'PFA rota' }, findings: [{ marks: ['PFA'] }] },
    { name: 'please find enclosed', draft: { to, body: 'Please find enclosed the invoice.' }, findings: [{ marks: ['Please find enclosed'] }] },
    { name: 'attached to this email', draft: { to, body: 'The form is attached to this email.' }, findings: [{ marks: ['attached'] }] },
    { name: 'the subject says attached', draft: { to, subject: 'Referral form attached', body: 'Hello' }, findings: [{ marks: ['attached'] }] },
    {
      name: 'the new text says attached above a quoted thread that does not',
      draft: { to, body: 'Updated version attached.', quoted: 'Can you send the updated version?' },
      findings: [{ marks: ['attached'] }],
    },
    {
      name: 'a phrase from the policy',
      draft: { to, body: 'Herewith the rota for March.' },
      policy: { rules: { 'missing-attachment': { phrases: ['herewith'] } } },
      findings: [{ marks: ['Herewith'] }],
    },
    {
      name: 'the body is highlighted before the subject',
      draft: { to, subject: 'Minutes attached', body: 'I attach the agenda too.' },
      findings: [{ marks: ['I attach'] }],
    },
  ],
});

// A recipient whose address Safe Send could not read from the page (outlook-web.md: a directory
// contact's pill may show only a display name, and every way of reaching its address can break).
// Such a recipient is never treated as safe: the user is asked to check it instead.
import { defineRule } from './types';
import { listRecipients } from './lib/format';
import { isUnverified } from './lib/unverified';

export default defineRule({
  meta: {
    id: 'unverified-recipient',
    description: 'A recipient whose email address could not be read from the page, so it cannot be checked.',
    defaultSeverity: 'warn',
    messages: {
      unverifiedOne:
        'Safe Send could not read the email address of {{recipients}}, so it cannot check where this email is going. Open the contact card or retype the address to check it, or remove this recipient.',
      unverifiedMany:
        'Safe Send could not read the email addresses of {{recipients}}, so it cannot check where this email is going. Open each contact card or retype the addresses to check them, or remove these recipients.',
    },
  },
  check(draft) {
    const unread = draft.recipients.filter(isUnverified);
    if (unread.length === 0) return [];
    return [
      {
        messageId: unread.length === 1 ? 'unverifiedOne' : 'unverifiedMany',
        data: { recipients: listRecipients(unread) },
        recipients: unread,
        fixes: unread.map((recipient) => ({ kind: 'remove-recipient' as const, recipient })),
      },
    ];
  },
});

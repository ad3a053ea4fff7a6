// More than N people in To/Cc: the pattern behind the ICO's CC fines (56 Dean Street, 781 in To;
// HIV Scotland, 105 in CC). Bcc'd recipients do not count: they cannot see each other.
import { defineRule } from './types';

export default defineRule({
  meta: {
    id: 'large-audience',
    description: 'More than a set number of people (25 by default) in To and Cc.',
    defaultSeverity: 'warn',
    messages: {
      tooMany:
        'This email is going to {{count}} people in To and Cc, more than {{threshold}}. Everyone can see everyone else’s address. Put them in Bcc, or check this is meant to go to so many.',
    },
  },
  check(draft, settings) {
    const visible = draft.recipients.filter((r) => r.field !== 'bcc');
    if (visible.length <= settings.threshold) return [];
    return [
      {
        messageId: 'tooMany',
        data: { count: visible.length, threshold: settings.threshold },
        recipients: visible,
        fixes: [{ kind: 'move-to-bcc', recipients: visible }],
      },
    ];
  },
});

// Addresses and domains the organisation has barred (product.md, "blocked-recipient"): the
// policy's `blockedDomains` holds exact domains, `*.suffix` patterns and whole addresses. Blocked
// by default: this is the one rule a manager sets up precisely so that a send cannot happen.
import { defineRule, type Evidence, type Recipient } from './types';
import { domainOf, policyDomains } from './lib/domains';
import { listRecipients } from './lib/format';

export default defineRule({
  meta: {
    id: 'blocked-recipient',
    description: 'A recipient whose address or domain is on the policy’s block list.',
    defaultSeverity: 'block',
    messages: {
      blockedOne: 'Your organisation does not allow email to {{recipients}}. Remove this recipient before you send.',
      blockedMany: 'Your organisation does not allow email to {{recipients}}. Remove these recipients before you send.',
    },
  },
  check(draft, _settings, { policy }) {
    const blocked = policyDomains(policy).blocked;
    const concerned: Recipient[] = [];
    const evidence: Evidence[] = [];
    for (const recipient of draft.recipients) {
      if (!blocked.has(recipient.address)) continue;
      const address = recipient.address!.trim();
      concerned.push(recipient);
      // Highlight what the list names: the domain, or the whole address for an address entry.
      const byDomain = blocked.hasDomain(domainOf(address));
      const from = byDomain ? address.lastIndexOf('@') + 1 : 0;
      evidence.push({ source: 'address', text: address, marks: [[from, address.length]], recipient });
    }
    if (concerned.length === 0) return [];
    return [
      {
        messageId: concerned.length === 1 ? 'blockedOne' : 'blockedMany',
        data: { recipients: listRecipients(concerned) },
        recipients: concerned,
        fixes: concerned.map((recipient) => ({ kind: 'remove-recipient' as const, recipient })),
        evidence,
      },
    ];
  },
});

// External people in To/Cc see each other's addresses: the breach behind the ICO's fines for
// HIV Scotland (105 in CC) and Central YMCA (270 in CC) — and, for a care home, a family seeing
// every other family's address. Bcc fits better.
//
// Who counts (product.md): external = not at an organisation domain and not at a trusted one
// (trusted partners are emailed routinely and not reported). Several people at one external
// organisation already know each other's addresses, so they are not reported; "one
// organisation" is one registrable domain (a.leedsth.nhs.uk and b.leedsth.nhs.uk are one;
// leedsth.nhs.uk and sth.nhs.uk are two, nhs.uk being a public suffix), except that people at a
// consumer domain (gmail.com) are strangers to each other. Recipients whose address the page did
// not give are not counted: most are internal contacts or groups shown by name, and
// `unverified-recipient` already stops the send for them.
import { defineRule } from './types';
import type { Recipient } from './types';
import { domainOf, normaliseAddress, policyDomains } from './lib/domains';
import { isConsumerDomain } from './lib/consumer-domains';
import { registrableDomain } from './lib/organisation';
import { listRecipients } from './lib/format';

export default defineRule({
  meta: {
    id: 'visible-recipients',
    description: 'Two or more people outside the organisation in To and Cc can see each other’s addresses.',
    defaultSeverity: 'warn',
    messages: {
      visible:
        '{{count}} people outside your organisation are in To and Cc, so they will see each other’s addresses: {{people}}. Move them to Bcc unless they need to know who else got this email.',
    },
  },
  check(draft, settings, { policy }) {
    const lists = policyDomains(policy);
    const external: Recipient[] = [];
    const people: Recipient[] = [];
    const seen = new Set<string>();
    const organisations = new Set<string>();
    for (const recipient of draft.recipients) {
      if (recipient.field === 'bcc' || !recipient.address) continue;
      const domain = domainOf(recipient.address);
      if (!domain || lists.organisation.hasDomain(domain) || lists.trusted.hasDomain(domain)) continue;
      // The same person in To and Cc is one pair of eyes; both entries still move to Bcc.
      const address = normaliseAddress(recipient.address);
      external.push(recipient);
      if (seen.has(address)) continue;
      seen.add(address);
      people.push(recipient);
      organisations.add(isConsumerDomain(domain) ? address : (registrableDomain(domain) ?? domain));
    }
    if (seen.size < settings.threshold || organisations.size < 2) return [];
    return [
      {
        messageId: 'visible',
        data: { count: seen.size, people: listRecipients(people) },
        recipients: external,
        fixes: [{ kind: 'move-to-bcc', recipients: external }],
      },
    ];
  },
});

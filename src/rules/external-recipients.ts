// Who outside the organisation will get this email (product.md, "external-recipients"). A notice
// by default: most external email is meant, and a warning on every one would teach people to click
// through. Trusted partners (`trustedDomains`) are not reported. With `confirmEach` the dialog asks
// for each external recipient to be ticked before the email can go.
// Recipients without a readable address are not known to be external: `unverified-recipient`
// reports them.
import { defineRule, type Evidence, type Recipient } from './types';
import { isInternal, policyDomains } from './lib/domains';
import { listRecipients, plural } from './lib/format';
import { isUnverified } from './lib/unverified';

export default defineRule({
  meta: {
    id: 'external-recipients',
    description: 'Recipients outside the organisation’s domains (trusted partners excepted).',
    defaultSeverity: 'notice',
    messages: {
      external:
        'This email is going outside your organisation to {{count}}: {{recipients}}. Check that each of them should get it.',
    },
  },
  check(draft, settings, { policy }) {
    const trusted = policyDomains(policy).trusted;
    const external: Recipient[] = draft.recipients.filter(
      (r) => !isUnverified(r) && !isInternal(r.address, policy) && !trusted.has(r.address),
    );
    if (external.length === 0) return [];
    const evidence: Evidence[] = external.map((recipient) => {
      const address = recipient.address!.trim();
      return { source: 'address', text: address, marks: [[address.lastIndexOf('@') + 1, address.length]], recipient };
    });
    return [
      {
        messageId: 'external',
        data: { count: plural(external.length, 'person', 'people'), recipients: listRecipients(external) },
        recipients: external,
        fixes: external.map((recipient) => ({ kind: 'remove-recipient' as const, recipient })),
        evidence,
        ...(settings.confirmEach && { confirmEach: true }),
      },
    ];
  },
});

// Email that will leave secure email unencrypted (product.md, "unsecured-recipient"; the Secure
// Email Standard DCB1596). NHSmail encrypts a message to an address outside NHSmail and the
// accredited domains only when the subject carries the secure tag, so every such recipient —
// To, Cc or Bcc alike, and trusted partners too unless they are also on a secure domain — is
// reported while the tag is missing. One finding lists them all; the fix adds the tag.
//
// `when: "sensitive"` narrows this to emails that look like they carry health or care
// information: a valid NHS number (subject, attachment names or new body text) or one of the
// policy's `keywords` (subject or new body text, whole words, any letter case).
//
// Recipients without a readable address are never treated as secure. They are left out here only
// when `unverified-recipient` already stops the send for them at least as firmly, so the user is
// not told twice about the same person; otherwise they are listed here too.
import { defineRule, type Evidence, type Recipient, type SeveritySetting } from './types';
import { isSecure, normaliseAddress } from './lib/domains';
import { formatMessage, listOf, recipientLabel } from './lib/format';
import { findNhsNumbers } from './lib/nhs-number';
import { hasSecureTag } from './lib/secure-tag';
import { phrasePattern, snippetAround } from './lib/text';
import { isUnverified } from './lib/unverified';

const RANK: Record<SeveritySetting, number> = { off: 0, notice: 1, warn: 2, block: 3 };

const messages = {
  notSecure:
    'This email will not be encrypted for {{recipients}}: only NHSmail and DCB1596 accredited addresses are secure without {{tag}} in the subject. Add {{tag}} to the subject before you send.',
  notSecureNhsNumber:
    'This email contains an NHS number and will not be encrypted for {{recipients}}: only NHSmail and DCB1596 accredited addresses are secure without {{tag}} in the subject. Add {{tag}} to the subject before you send.',
  notSecureKeyword:
    'This email mentions “{{keyword}}” and will not be encrypted for {{recipients}}: only NHSmail and DCB1596 accredited addresses are secure without {{tag}} in the subject. Add {{tag}} to the subject before you send.',
  /** How a recipient without a readable address is named in the list above. */
  unreadRecipient: '{{name}} (address not checked)',
};

type Reason = { messageId: 'notSecureNhsNumber' | 'notSecureKeyword'; keyword?: string; evidence: Evidence };

/** Why an email counts as sensitive, with what to highlight; undefined when it does not. */
function sensitiveReason(
  draft: { subject: string; body: string; attachments: { name: string }[] },
  keywords: readonly string[],
): Reason | undefined {
  const subjectNumber = findNhsNumbers(draft.subject)[0];
  if (subjectNumber)
    return {
      messageId: 'notSecureNhsNumber',
      evidence: { source: 'subject', text: draft.subject, marks: [[subjectNumber.start, subjectNumber.end]] },
    };
  for (const { name } of draft.attachments) {
    const found = findNhsNumbers(name)[0];
    if (found)
      return { messageId: 'notSecureNhsNumber', evidence: { source: 'attachment', text: name, marks: [[found.start, found.end]] } };
  }
  const bodyNumber = findNhsNumbers(draft.body)[0];
  if (bodyNumber)
    return {
      messageId: 'notSecureNhsNumber',
      evidence: { source: 'body', ...snippetAround(draft.body, bodyNumber.start, bodyNumber.end) },
    };
  const pattern = phrasePattern(keywords);
  if (!pattern) return undefined;
  for (const source of ['subject', 'body'] as const) {
    pattern.lastIndex = 0;
    const match = pattern.exec(draft[source]);
    if (!match) continue;
    const start = match.index;
    const end = start + match[0].length;
    const evidence: Evidence =
      source === 'subject'
        ? { source, text: draft.subject, marks: [[start, end]] }
        : { source, ...snippetAround(draft.body, start, end) };
    return { messageId: 'notSecureKeyword', keyword: match[0].replace(/\s+/g, ' '), evidence };
  }
  return undefined;
}

/** The domain of an address, highlighted: it is the domain that is not secure. */
function addressEvidence(recipient: Recipient): Evidence {
  const address = recipient.address!.trim();
  return { source: 'address', text: address, marks: [[address.lastIndexOf('@') + 1, address.length]], recipient };
}

export default defineRule({
  meta: {
    id: 'unsecured-recipient',
    description:
      'A recipient outside NHSmail and the secure (DCB1596) domains, and no secure tag such as [secure] in the subject.',
    defaultSeverity: 'warn',
    messages,
  },
  check(draft, settings, { policy }) {
    if (hasSecureTag(draft.subject, policy.secureTag)) return [];

    const unverifiedReportedElsewhere =
      RANK[policy.rules['unverified-recipient'].severity] >= RANK[settings.severity];
    const known: Recipient[] = [];
    const unread: Recipient[] = [];
    for (const r of draft.recipients) {
      if (isUnverified(r)) {
        if (!unverifiedReportedElsewhere) unread.push(r);
      } else if (!isSecure(r.address, policy)) known.push(r);
    }
    if (known.length === 0 && unread.length === 0) return [];

    let reason: Reason | undefined;
    if (settings.when === 'sensitive') {
      reason = sensitiveReason(draft, settings.keywords);
      if (!reason) return [];
    }

    // The same address in To and Bcc (in any letter case) is one person to the reader.
    const labels = new Map<string, string>();
    for (const r of known) {
      const key = normaliseAddress(r.address!);
      if (!labels.has(key)) labels.set(key, recipientLabel(r));
    }
    for (const r of unread) {
      const label = formatMessage(messages.unreadRecipient, { name: recipientLabel(r) });
      if (!labels.has(label)) labels.set(label, label);
    }
    return [
      {
        messageId: reason?.messageId ?? 'notSecure',
        data: {
          recipients: listOf([...labels.values()]),
          tag: policy.secureTag,
          ...(reason?.keyword !== undefined && { keyword: reason.keyword }),
        },
        recipients: [...known, ...unread],
        fixes: [{ kind: 'add-secure-tag', tag: policy.secureTag }],
        evidence: [...(reason ? [reason.evidence] : []), ...known.map(addressEvidence)],
      },
    ];
  },
});

// "Please find attached…" with nothing attached (product.md, "missing-attachment"). Only the
// sender's own words count: the new body text (never the quoted thread, where the attachment
// belonged to someone else's email) and the subject — unless the subject is a reply or forward,
// whose words are the original sender's ("RE: Referral form attached"). Which phrases count, and
// the care-home English that must not, is in lib/attachment-phrases.ts.
import { defineRule, type Evidence } from './types';
import { findAttachmentClaim } from './lib/attachment-phrases';
import { snippetAround } from './lib/text';

/** "RE:", "FW:", "Fwd:" and the prefixes other mail clients write (AW, WG, SV, TR), repeated. */
const REPLY_OR_FORWARD = /^\s*(?:re|fw|fwd|aw|wg|sv|vs|tr)\s*(?:\[\d+\])?\s*:/i;

export default defineRule({
  meta: {
    id: 'missing-attachment',
    description: 'The email says something is attached, but nothing is.',
    defaultSeverity: 'warn',
    messages: {
      nothingAttached:
        'This email says something is attached, but there is no attachment. Attach the file before you send, or change the words that say it is attached.',
    },
  },
  check(draft, settings) {
    if (draft.attachments.length > 0) return [];
    let evidence: Evidence | undefined;
    const inBody = findAttachmentClaim(draft.body, settings.phrases);
    if (inBody) evidence = { source: 'body', ...snippetAround(draft.body, inBody.start, inBody.end) };
    else if (!REPLY_OR_FORWARD.test(draft.subject)) {
      const inSubject = findAttachmentClaim(draft.subject, settings.phrases);
      if (inSubject) evidence = { source: 'subject', text: draft.subject, marks: [[inSubject.start, inSubject.end]] };
    }
    if (!evidence) return [];
    return [{ messageId: 'nothingAttached', evidence: [evidence] }];
  },
});

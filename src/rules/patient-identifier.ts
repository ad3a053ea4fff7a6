// NHS numbers where they must not be (product.md, "patient-identifier"). NHS guidance: no
// person-identifiable information in subject lines or attachment names, whoever the email goes
// to — those are shown in inboxes, notifications and file listings. In the body a number is fine
// when the message is secure (every recipient on an organisation or DCB1596 secure domain, or the
// subject carries the secure tag), so the body is checked only when it is not.
import { defineRule, type Evidence, type Recipient, type Report } from './types';
import { isSecure } from './lib/domains';
import { listOf, listRecipients } from './lib/format';
import { findNhsNumbers, type NhsNumberMatch } from './lib/nhs-number';
import { hasSecureTag } from './lib/secure-tag';
import { snippetAround } from './lib/text';

/** A body full of NHS numbers (a list) shows this many extracts; the message gives the count. */
const MAX_BODY_EXTRACTS = 5;

const marksOf = (matches: readonly NhsNumberMatch[]): Array<[number, number]> =>
  matches.map((m) => [m.start, m.end]);

export default defineRule({
  meta: {
    id: 'patient-identifier',
    description:
      'An NHS number in the subject or an attachment name, or in the body of an email that will not be encrypted.',
    defaultSeverity: 'warn',
    messages: {
      inSubject:
        'The subject contains an NHS number. NHS guidance is to keep patient identifiers out of subject lines. Remove the NHS number from the subject; put it in the body of an encrypted email instead.',
      inSubjectMany:
        'The subject contains {{count}} NHS numbers. NHS guidance is to keep patient identifiers out of subject lines. Remove the NHS numbers from the subject; put them in the body of an encrypted email instead.',
      inAttachmentName:
        'The attachment {{files}} has an NHS number in its name. NHS guidance is to keep patient identifiers out of file names. Rename the file without it and attach it again.',
      inAttachmentNames:
        'The attachments {{files}} have NHS numbers in their names. NHS guidance is to keep patient identifiers out of file names. Rename the files without them and attach them again.',
      inBody:
        'This email contains an NHS number and is going to {{recipients}} without {{tag}} in the subject, so it may not be encrypted. Add {{tag}} to the subject, or take the number out.',
      inBodyMany:
        'This email contains {{count}} NHS numbers and is going to {{recipients}} without {{tag}} in the subject, so it may not be encrypted. Add {{tag}} to the subject, or take the numbers out.',
    },
  },
  check(draft, _settings, { policy }) {
    const reports: Report[] = [];

    const inSubject = findNhsNumbers(draft.subject);
    if (inSubject.length > 0) {
      reports.push({
        messageId: inSubject.length === 1 ? 'inSubject' : 'inSubjectMany',
        data: { count: inSubject.length },
        evidence: [{ source: 'subject', text: draft.subject, marks: marksOf(inSubject) }],
      });
    }

    const namedFiles: Evidence[] = [];
    for (const attachment of draft.attachments) {
      const found = findNhsNumbers(attachment.name);
      if (found.length === 0) continue;
      namedFiles.push({ source: 'attachment', text: attachment.name, marks: marksOf(found) });
    }
    if (namedFiles.length > 0) {
      reports.push({
        messageId: namedFiles.length === 1 ? 'inAttachmentName' : 'inAttachmentNames',
        data: { files: listOf(namedFiles.map((e) => `“${e.text}”`)) },
        evidence: namedFiles,
      });
    }

    // The body only matters when the email may leave secure email unencrypted. A recipient with
    // no readable address cannot be shown to be secure (isSecure is false without a domain), so
    // it counts as not secure.
    if (!hasSecureTag(draft.subject, policy.secureTag)) {
      const unsecured: Recipient[] = draft.recipients.filter((r) => !isSecure(r.address, policy));
      const inBody = unsecured.length > 0 ? findNhsNumbers(draft.body) : [];
      if (inBody.length > 0) {
        reports.push({
          messageId: inBody.length === 1 ? 'inBody' : 'inBodyMany',
          data: { count: inBody.length, recipients: listRecipients(unsecured), tag: policy.secureTag },
          recipients: unsecured,
          fixes: [{ kind: 'add-secure-tag', tag: policy.secureTag }],
          evidence: inBody.slice(0, MAX_BODY_EXTRACTS).map((m) => ({
            source: 'body' as const,
            ...snippetAround(draft.body, m.start, m.end),
          })),
        });
      }
    }
    return reports;
  },
});

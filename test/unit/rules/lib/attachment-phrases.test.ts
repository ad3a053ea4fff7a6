import { describe, expect, it } from 'vitest';
import { findAttachmentClaim } from '../../../../src/rules/lib/attachment-phrases';

/** The words found, as written, or undefined. */
function claim(text: string, extra: string[] = []): string | undefined {
  const m = findAttachmentClaim(text, extra);
  return m && text.slice(m.start, m.end);
}

describe('findAttachmentClaim', () => {
  it.each([
    ['Please find attached the care plan.', 'Please find attached'],
    ['please find enclosed the invoice', 'please find enclosed'],
    ['PFA the rota for next week', 'PFA'],
    ["I've attached the discharge letter.", "I've attached"],
    ['I’ve attached the MAR chart', 'I’ve attached'],
    ['We have now attached the minutes', 'We have now attached'],
    ['I attach the referral form', 'I attach'],
    ["I'm attaching the photos", "I'm attaching"],
    ['I enclose a copy of the assessment', 'I enclose'],
    ['See attached.', 'See attached'],
    ['Please see the attachment for details', 'see the attachment'],
    ['Attached is the updated risk assessment', 'Attached'],
    ['Referral form attached', 'attached'],
    ['The report has been attached below', 'attached'],
    ['Enclosed is the signed consent form', 'Enclosed is'],
    ['I have sent it as an attachment', 'as an attachment'],
    ['The attachment contains the new rota', 'The attachment contains'],
    ['Attaching the minutes from today', 'Attaching'],
    ['The form is attached to this email', 'attached'],
    // The earliest phrase wins, and it is the whole phrase.
    ['Hello, please find attached. I have attached two.', 'please find attached'],
  ])('finds %j', (text, words) => expect(claim(text)).toBe(words));

  it.each([
    // Negated
    ['There is no attachment on this one, just a reminder.', 'no attachment'],
    ['Nothing is attached yet, I will send it tomorrow.', 'nothing attached'],
    ["I haven't attached the letter as it is not signed.", "haven't attached"],
    ['The form is not attached.', 'not attached'],
    // Someone else's attachment (a reply)
    ['Thanks, the attachment you sent will not open.', 'the attachment you sent'],
    ['Thank you for the attached, all received.', 'thanks for the attached'],
    ['I could not open your attachment.', 'your attachment'],
    ["I can't find the attachment you mentioned.", "can't find the attachment"],
    ['The attached that you sent last week is out of date', 'the attached that you sent'],
    // Not about files at all
    ['Dr Patel is attached to the ward from Monday.', 'attached to the ward'],
    ['She is very attached to her key worker.', 'a feeling'],
    ['Happy to help, no strings attached.', 'no strings attached'],
    ['He has become attached to the routine.', 'become attached'],
    ['We discussed attachment theory in supervision.', 'attachment theory'],
    ['The garden is enclosed and safe for residents.', 'an enclosed garden'],
    ['Residents enjoy the enclosed courtyard.', 'the enclosed courtyard'],
    // The confidentiality footer in nearly every NHS signature
    [
      'This email and any attachments are confidential. If you are not the intended recipient, tell the sender.',
      'footer: any attachments',
    ],
    ['The information in this message and any attached files is confidential.', 'footer: any attached files'],
    ['Attachments over 25 MB are not accepted by NHSmail.', 'a general remark about attachments'],
  ])('finds nothing in %j (%s)', (text) => expect(claim(text)).toBeUndefined());

  it('uses the policy’s own phrases, as whole words, with the same negation', () => {
    expect(claim('Herewith the care plan', ['herewith'])).toBe('Herewith');
    expect(claim('Copy sent separately by post', ['copy included'])).toBeUndefined();
    expect(claim('No copy included this time', ['copy included'])).toBeUndefined();
    expect(claim('Copy  included', ['copy included'])).toBe('Copy  included');
    // Without the policy phrase the same text says nothing is attached.
    expect(claim('Herewith the care plan')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { hasSecureTag } from '../../../../src/rules/lib/secure-tag';

describe('hasSecureTag', () => {
  it.each([
    ['[secure] Discharge summary', '[secure]'],
    ['Discharge summary [SECURE]', '[secure]'],
    ['RE: [Secure] referral', '[secure]'],
    ['[encrypt] rota', '[encrypt]'],
  ])('finds the tag in %j', (subject, tag) => expect(hasSecureTag(subject, tag)).toBe(true));

  it.each([
    // NHSmail needs the square brackets: the bare word does not encrypt.
    ['Secure discharge summary', '[secure]'],
    ['(secure) referral', '[secure]'],
    ['[secure ] referral', '[secure]'],
    ['[secure] rota', '[encrypt]'],
    ['', '[secure]'],
  ])('does not find it in %j', (subject, tag) => expect(hasSecureTag(subject, tag)).toBe(false));
});

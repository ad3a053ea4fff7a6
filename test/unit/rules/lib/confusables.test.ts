import { describe, expect, it } from 'vitest';
import { skeleton, toUnicodeDomain } from '../../../../src/rules/lib/confusables';

/** The browser's own IDNA encoding (what normaliseDomain uses): the other half of the round trip. */
const toAscii = (domain: string) => new URL(`http://${domain}/`).hostname;

describe('toUnicodeDomain (RFC 3492 decoding)', () => {
  it.each([
    'nhs.nеt', // Cyrillic е
    'gmаil.com', // Cyrillic а
    'bücher.de',
    'münchen.de',
    'παράδειγμα.δοκιμή',
    'пример.рф',
    '例え.テスト',
    'مثال.إختبار',
    'ñandú.com.ar',
    'aaaaaaaaaaäaaaaaaaaaaaaaaaaaaa.example', // long runs exercise the bias adaptation
  ])('decodes what the URL parser encoded: %s', (unicode) => {
    const ascii = toAscii(unicode);
    expect(ascii).toMatch(/xn--/);
    expect(toUnicodeDomain(ascii)).toBe(unicode);
  });

  it('leaves ASCII domains and invalid punycode alone', () => {
    expect(toUnicodeDomain('nhs.net')).toBe('nhs.net');
    expect(toUnicodeDomain('xn--!!.net')).toBe('xn--!!.net');
    expect(toUnicodeDomain('xn--zzzzzzzzzzzzzzzzzzzzzzzz.net')).toBe('xn--zzzzzzzzzzzzzzzzzzzzzzzz.net');
  });
});

describe('skeleton', () => {
  it.each([
    ['nhs.nеt', 'nhs.net'], // Cyrillic е
    ['nhs.nеt'.replace('n', 'п'), 'nhs.net'], // Cyrillic п for n
    ['һѕс.net', 'hsc.net'], // Cyrillic һ, ѕ, с
    ['gmαil.com', 'gmail.com'], // Greek α
    ['nhs.nеt'.normalize('NFC'), 'nhs.net'],
    ['hotrnail.com', 'hotmail.com'], // rn drawn as m
    ['g00gle.com', 'google.com'], // zero for o
    ['paypa1.com', 'paypal.com'], // one for l
    ['vvebmail.com', 'webmail.com'],
    ['café.com', 'cafe.com'], // accents dropped
  ])('%s looks like %s', (domain, expected) => {
    expect(skeleton(domain)).toBe(expected);
  });

  it('keeps ordinary domains as they are', () => {
    for (const domain of ['nhs.net', 'gmail.com', 'leedsth.nhs.uk', 'virginmedia.com', 'hscni.net'])
      expect(skeleton(domain)).toBe(domain);
  });

  it('folds rn in real domains too, so both sides of a comparison look the same', () => {
    // Hence mistyped-domain also compares domains as written: btintrenet.com is one swap from
    // btinternet.com but two edits from its skeleton btintemet.com.
    expect(skeleton('btinternet.com')).toBe('btintemet.com');
  });
});

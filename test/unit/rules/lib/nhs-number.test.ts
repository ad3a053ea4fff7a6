import { describe, expect, it } from 'vitest';
import { findNhsNumbers, formatNhsNumber, isValidNhsNumber } from '../../../../src/rules/lib/nhs-number';

/** The numbers found, as written in the text. */
const found = (text: string) => findNhsNumbers(text).map((m) => text.slice(m.start, m.end));

describe('isValidNhsNumber', () => {
  it.each([
    // product.md's test numbers: the 999 range is never issued, and 943 476 5919 is the
    // NHS Digital example.
    '9990000018',
    '9434765919',
    '943 476 5919',
    '943-476-5919',
    // Check digit 0: the remainder is 0, so 11 − 0 = 11, which stands for 0.
    '9876543210',
    ' 9990000026 ',
  ])('accepts %j', (input) => expect(isValidNhsNumber(input)).toBe(true));

  it.each([
    ['9434765910', 'wrong check digit'],
    ['9990000019', 'wrong check digit'],
    ['1234567890', 'the check digit would be 10, which no NHS number has'],
    ['943476591', 'nine digits'],
    ['94347659190', 'eleven digits'],
    ['943 476-5919', 'mixed separators'],
    ['9434 765 919', 'not grouped 3 3 4'],
    ['943 476 591X', 'a letter'],
    ['', 'empty'],
  ])('rejects %j (%s)', (input) => expect(isValidNhsNumber(input)).toBe(false));
});

describe('findNhsNumbers', () => {
  it('finds each written form and gives the digits and where they are', () => {
    const text = 'Patients 943 476 5919, 999-000-0018 and 9876543210.';
    expect(findNhsNumbers(text)).toEqual([
      { start: 9, end: 21, digits: '9434765919' },
      { start: 23, end: 35, digits: '9990000018' },
      { start: 40, end: 50, digits: '9876543210' },
    ]);
  });

  it('finds numbers joined to words and file-name punctuation', () => {
    expect(found('Referral_9434765919_discharge.pdf')).toEqual(['9434765919']);
    expect(found('NHS:9990000018')).toEqual(['9990000018']);
    expect(found('(943 476 5919)')).toEqual(['943 476 5919']);
    // A comma-separated list without spaces still yields both.
    expect(found('9434765919,9990000018')).toEqual(['9434765919', '9990000018']);
  });

  it('accepts the no-break space and hyphens that rich-text editors put in', () => {
    expect(found('NHS no 943\u00a0476\u00a05919')).toEqual(['943\u00a0476\u00a05919']);
    expect(found('NHS no 943\u2011476\u20115919')).toEqual(['943\u2011476\u20115919']);
  });

  it('skips numbers whose check digit is wrong', () => {
    expect(found('943 476 5910 and 1234567890')).toEqual([]);
  });

  // Each of these contains ten digits that WOULD pass the check, so only the boundary rule keeps
  // them out (product.md: "phone numbers are 11 digits in the UK").
  it.each([
    ['01234 9434765919 7', 'a longer run continued across spaces'],
    ['943476591912', 'a 12-digit reference'],
    ['Call 07700900000', 'an 11-digit mobile number written without spaces'],
    ['Tel 0161 496 0003', 'an 11-digit landline whose last ten digits look 3 3 4'],
    ['Tel 02079460005', 'a London number written without spaces'],
    ['Logged 20240115001530', 'a date-time stamp'],
    ['Account 19434765919', 'an 11-digit account number'],
    ['Ratio 0.9434765919', 'a decimal'],
    ['943-476-5919-2', 'a dashed number with another group after it'],
    ['943 476-5919', 'mixed separators'],
  ])('does not find one in %j (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('finds a number at a sentence end or before a full stop in a file name', () => {
    expect(found('NHS number 9434765919.')).toEqual(['9434765919']);
    expect(found('9434765919.pdf')).toEqual(['9434765919']);
  });
});

describe('formatNhsNumber', () => {
  it('writes the digits 3 3 4, the way the NHS prints them', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
  });
});

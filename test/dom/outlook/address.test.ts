// Reading one pill's or typed entry's text (address.ts): NHSmail display names are not RFC 5322.
import { describe, expect, test } from 'vitest';
import { parseEntry, splitTyped, stripPresence } from '../../../src/outlook/address';

describe('parseEntry', () => {
  test.each([
    ['jane.smith@nhs.net', { address: 'jane.smith@nhs.net' }],
    ['  ward12@nhs.nte ', { address: 'ward12@nhs.nte' }],
    ['jane@nhsnet', { address: 'jane@nhsnet' }], // a dropped dot is still an address, so the rules see the typo
    ['Jane Smith <jane.smith@nhs.net>', { name: 'Jane Smith', address: 'jane.smith@nhs.net' }],
    ['SMITH, Jane (LEEDS TEACHING HOSPITALS NHS TRUST) <jane.smith@nhs.net>', { name: 'SMITH, Jane (LEEDS TEACHING HOSPITALS NHS TRUST)', address: 'jane.smith@nhs.net' }],
    ['"Smith, Jane" <jane@nhs.net>', { name: 'Smith, Jane', address: 'jane@nhs.net' }],
    ['<jane@nhs.net>', { address: 'jane@nhs.net' }],
    ['mailto:jane@nhs.net', { address: 'jane@nhs.net' }],
    ['Jane Smith (LEEDS TEACHING HOSPITALS NHS TRUST)', { name: 'Jane Smith (LEEDS TEACHING HOSPITALS NHS TRUST)' }],
    ['Jane <not an address>', { name: 'Jane <not an address>' }],
    ['', {}],
  ])('%j', (text, expected) => {
    expect(parseEntry(text)).toEqual(expected);
  });
});

describe('splitTyped', () => {
  test('splits on ; and , outside quotes and angle brackets, drops empty entries', () => {
    expect(splitTyped('a@x.org; b@y.org,, "Smith, Jane" <j@nhs.net> ; <odd,one@z.org>;')).toEqual([
      'a@x.org',
      'b@y.org',
      '"Smith, Jane" <j@nhs.net>',
      '<odd,one@z.org>',
    ]);
  });
});

describe('stripPresence', () => {
  test.each([
    ['Available Jane Smith', 'Jane Smith'],
    ['Do not disturb Jane Smith', 'Jane Smith'],
    ['Jane Smith, Away', 'Jane Smith'],
    ['Busy', ''],
    ['Availability Team', 'Availability Team'], // a name that only starts like a presence word
  ])('%s → %s', (label, name) => {
    expect(stripPresence(label)).toBe(name);
  });
});

import { describe, expect, it } from 'vitest';
import { isUnverified } from '../../../../src/rules/lib/unverified';
import type { Recipient } from '../../../../src/rules/types';

describe('isUnverified', () => {
  const unread: Array<[Recipient, string]> = [
    [{ field: 'to', name: 'Jane Smith (LEEDS TEACHING HOSPITALS NHS TRUST)' }, 'a display name only'],
    [{ field: 'cc', address: '' }, 'an empty address'],
    [{ field: 'to', address: 'jane.smith' }, 'no domain'],
    [{ field: 'to', address: 'jane.smith@' }, 'an @ with nothing after it'],
  ];
  it.each(unread)('is true for %j (%s)', (recipient) => expect(isUnverified(recipient)).toBe(true));

  const read: Recipient[] = [
    { field: 'to', address: 'jane.smith@nhs.net' },
    { field: 'bcc', address: ' Bob@Example.org ', name: 'Bob' },
  ];
  it.each(read)('is false for %j', (recipient) => expect(isUnverified(recipient)).toBe(false));
});

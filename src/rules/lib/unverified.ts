// A recipient whose address the page did not give us (a directory contact shown by display name
// only, outlook-web.md "Where the recipient's address lives"), or gave as something with no
// domain to check (`jane.smith`, an unresolved typed entry). Such a recipient is never treated
// as safe: `unverified-recipient` reports it, and the other rules must not count it as internal,
// secure or trusted.
import type { Recipient } from '../types';
import { domainOf } from './domains';

export function isUnverified(recipient: Recipient): boolean {
  return domainOf(recipient.address?.trim()) === undefined;
}

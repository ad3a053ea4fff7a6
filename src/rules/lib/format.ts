// How findings name things in plain text. Every message a person reads comes from a rule's
// `meta.messages`; these helpers only fill in its placeholders.
import type { Recipient } from '../types';

/** `Fill {{this}} in` with data; unknown placeholders are left visible so a test catches them. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    key in data ? String(data[key]) : whole,
  );
}

/** How one recipient is named in a message: the address, or the name when there is none. */
export function recipientLabel(recipient: Recipient): string {
  if (recipient.address) return recipient.address;
  if (recipient.name) return recipient.name;
  return 'a recipient';
}

/** `a`, `a and b`, `a, b and c`, `a, b, c and 4 others` (long lists stay readable). */
export function listOf(items: readonly string[], max = 3): string {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0]!;
  if (items.length > max + 1) {
    const rest = items.length - max;
    return `${items.slice(0, max).join(', ')} and ${rest} others`;
  }
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function listRecipients(recipients: readonly Recipient[], max = 3): string {
  return listOf(recipients.map(recipientLabel), max);
}

/** `1 recipient`, `3 recipients`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

// How the dialog names recipients and one-click fixes. The words come from messages.ts; this
// file only decides which message fits (product.md: "Move these 3 to Bcc", "Add [secure] to the
// subject", "Change nhs.nte to nhs.net", "Remove this recipient").
import type { Field, Fix, Recipient } from '../rules/types';
import { messages as m } from './messages';

/** Short name for a button or checkbox: the address (exact and unambiguous), else the name. */
export function recipientShort(recipient: Recipient): string {
  return recipient.address || recipient.name || m.someone;
}

/** Full name for a list: `Jane Smith <jane@nhs.net>`, or what the page gave us. */
export function recipientFull(recipient: Recipient): string {
  const { address, name } = recipient;
  if (!address) return name ? m.addressUnknown(name) : m.someone;
  if (!name || name.trim().toLowerCase() === address.toLowerCase()) return address;
  return `${name} <${address}>`;
}

export function fieldLabel(field: Field): string {
  return field === 'to' ? m.fieldTo : field === 'cc' ? m.fieldCc : m.fieldBcc;
}

/**
 * The domain exactly as typed (not normalised), so the label shows what the user sees:
 * `Change nhs.nte to nhs.net`.
 */
function typedDomain(recipient: Recipient): string {
  const address = recipient.address ?? '';
  const at = address.lastIndexOf('@');
  return at >= 0 ? address.slice(at + 1) : address;
}

/** The button label for a fix. One or two recipients are named; more are counted. */
export function fixLabel(fix: Fix, secureTag: string): string {
  switch (fix.kind) {
    case 'move-to-bcc': {
      const names = fix.recipients.map(recipientShort);
      if (names.length === 1) return m.fixMoveToBccNamed(names[0]!);
      if (names.length === 2) return m.fixMoveToBccNamed(m.twoNames(names[0]!, names[1]!));
      return m.fixMoveToBccCount(names.length);
    }
    case 'add-secure-tag':
      return m.fixAddSecureTag(fix.tag || secureTag);
    case 'replace-domain':
      return m.fixReplaceDomain(typedDomain(fix.recipient), fix.to);
    case 'replace-address':
      return m.fixReplaceAddress(fix.to);
    case 'remove-recipient':
      return m.fixRemoveRecipient(recipientShort(fix.recipient));
  }
}

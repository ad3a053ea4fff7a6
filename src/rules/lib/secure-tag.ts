// NHSmail encrypts a message to a non-secure address only when the subject carries the secure
// tag: `[secure]` by default, with the square brackets, in any letter case and anywhere in the
// subject (NHSmail "Encryption guide for NHSmail"; product.md). Some organisations configure
// another tag (`[encrypt]`), which the policy's `secureTag` holds.

/** True when `subject` contains `tag`, ignoring letter case. */
export function hasSecureTag(subject: string, tag: string): boolean {
  const wanted = tag.trim().toLowerCase();
  return wanted !== '' && subject.toLowerCase().includes(wanted);
}

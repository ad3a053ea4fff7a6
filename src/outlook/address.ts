// What the text of a pill or of typed, not yet resolved well text says about a recipient: an
// address, `Name <address>` (a re-opened draft), or a display name only (a directory contact).
// The installed `email-addresses` package (RFC 5322) is not used: it reads NHSmail's display names
// wrongly — `SMITH, Jane <j@nhs.net>` is rejected (an unquoted comma) and the organisation in
// `Jane Smith (LEEDS TEACHING HOSPITALS NHS TRUST)` is dropped as a comment — and it would add about
// 14 kB to a content script with a 60 kB budget. OWA's pills are not RFC 5322 text anyway.

export interface NameAndAddress {
  name?: string;
  address?: string;
}

/**
 * An address as OWA accepts it: something@something, no spaces or angle brackets. No dot is
 * required after the @: `jane@nhsnet` is a typo the rules must see as an address, not as a name.
 */
export const ADDRESS = /^[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+$/;

/** Presence words OWA puts before (or after) the name in a pill's aria-label (English UI). */
const PRESENCE =
  /^(?:available|away|busy|do not disturb|be right back|appear away|appear offline|offline|out of office|in a call|in a meeting|presenting|focusing|blocked|presence unknown|status unknown)(?:[\s,:-]+|$)/i;
const PRESENCE_AFTER =
  /[,;]\s*(?:available|away|busy|do not disturb|be right back|appear away|appear offline|offline|out of office|in a call|in a meeting|presenting|focusing|blocked|presence unknown|status unknown)$/i;

/** `Available Jane Smith` → `Jane Smith`; `Jane Smith, Away` → `Jane Smith`. */
export function stripPresence(label: string): string {
  return label.replace(PRESENCE, '').replace(PRESENCE_AFTER, '').trim();
}

/** Reads one entry: `Name <address>`, `address`, or a name. */
export function parseEntry(raw: string): NameAndAddress {
  const text = raw.replace(/\s+/g, ' ').trim().replace(/^mailto:/i, '');
  const angled = /^(.*?)\s*<([^<>]+)>$/.exec(text);
  if (angled) {
    const address = angled[2]!.trim().replace(/^mailto:/i, '');
    const name = angled[1]!.trim().replace(/^"(.*)"$/, '$1').trim();
    if (ADDRESS.test(address)) return name ? { name, address } : { address };
  }
  if (ADDRESS.test(text)) return { address: text };
  return text ? { name: text } : {};
}

/**
 * Typed text split the way OWA splits it into recipients: on `;` and `,`, but not inside quotes or
 * angle brackets (`"Smith, Jane" <jane@nhs.net>` stays one entry).
 */
export function splitTyped(text: string): string[] {
  return (text.match(/(?:"[^"]*"|<[^>]*>|[^;,])+/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

/** Display names compare without case or spacing differences. */
export function sameName(a: string | undefined, b: string | undefined): boolean {
  const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) !== '' && norm(a) === norm(b);
}

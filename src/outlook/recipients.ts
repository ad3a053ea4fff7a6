// Reading the To, Cc and Bcc wells of one compose form, pill by pill, with the element each
// recipient came from (edit.ts needs it to remove or replace that recipient).
//
// Address resolution is layered (outlook-web.md, "the hardest part"):
//   L1  the pill's own text and aria-label: an address, `Name <address>`, or a name only;
//   L2/L3 for a name-only pill, the MAIN-world page bridge (React props, then OWA's traffic);
//   L4  otherwise the recipient has no address and the rules report it as unverified.
import type { Field, Recipient } from '../rules/types';
import { parseEntry, splitTyped, stripPresence, type NameAndAddress } from './address';
import { resolveViaPageBridge } from './bridge';
import { isRendered, lineText } from './dom';
import { BODY, PILL, PILL_REMOVE, PILL_TEXT, WELL, WELL_ANY, any } from './selectors';

export interface RecipientEntry {
  recipient: Recipient;
  /** The well (To, Cc or Bcc editable) the recipient is in. */
  well: Element;
  /** The pill element; null for typed text OWA has not turned into a pill yet. */
  pill: Element | null;
  /** For typed text: the exact entry as typed (`bob@example.org`), to find and edit it. */
  typed?: string;
}

const FIELDS: readonly Field[] = ['to', 'cc', 'bcc'];

/**
 * The wells of a compose form by field. Labels first; when none is labelled (a language other
 * than English), the single-line editables in document order are To, Cc and Bcc.
 */
export function findWells(root: Element): Partial<Record<Field, Element>> {
  const wells: Partial<Record<Field, Element>> = {};
  for (const field of FIELDS) {
    const well = root.querySelector(any(WELL[field]));
    if (well) wells[field] = well;
  }
  if (Object.keys(wells).length > 0) return wells;
  const body = root.querySelector(any(BODY));
  const editables = [...root.querySelectorAll(WELL_ANY)].filter(
    (el) => !body?.contains(el) && !el.parentElement?.closest(WELL_ANY),
  );
  // The To well is always on screen. When the first editable is not, it is a hidden Cc or Bcc
  // and the real To well was not found (its markup changed): say nothing rather than read the
  // wrong box as To, so the guard reports the form as unreadable instead of sending unchecked.
  if (editables[0] && !isRendered(editables[0])) return wells;
  editables.slice(0, 3).forEach((well, i) => (wells[FIELDS[i]!] = well));
  return wells;
}

/** A direct child of a well that is a pill rather than typed text. */
export function isPill(child: Element): boolean {
  return child.matches(any(PILL)) || child.querySelector('button, [role="button"]') !== null;
}

/** Name and address as the pill shows them (L1). */
export function readPill(pill: Element): NameAndAddress {
  const shown = lineText(pill.querySelector(any(PILL_TEXT)));
  if (shown) return parseEntry(shown);
  // No text container: the pill's accessible name, which may start with a presence word.
  const label = pill.getAttribute('aria-label') ?? pill.querySelector('[aria-label]:not(button)')?.getAttribute('aria-label');
  if (label) return parseEntry(stripPresence(label));
  const clone = pill.cloneNode(true) as Element;
  clone.querySelectorAll(any(PILL_REMOVE)).forEach((b) => b.remove());
  return parseEntry(lineText(clone));
}

function recipientOf(field: Field, entry: NameAndAddress): Recipient {
  const recipient: Recipient = { field };
  if (entry.name) recipient.name = entry.name;
  if (entry.address) recipient.address = entry.address;
  return recipient;
}

/** Every recipient of the compose form, To then Cc then Bcc, each in the order shown. */
export function readRecipientsWithElements(root: Element): RecipientEntry[] {
  const entries: RecipientEntry[] = [];
  const wells = findWells(root);
  for (const field of FIELDS) {
    const well = wells[field];
    if (!well) continue;
    let typedText = '';
    for (const node of well.childNodes) {
      if (node.nodeType === 1 && isPill(node as Element)) {
        const pill = node as Element;
        let found = readPill(pill);
        if (!found.address) {
          // L2/L3: only the MAIN world can see what OWA knows about a name-only pill.
          const resolved = resolveViaPageBridge(pill, found.name);
          if (resolved?.address) found = { name: found.name ?? resolved.name, address: resolved.address };
        }
        if (found.name || found.address) entries.push({ recipient: recipientOf(field, found), well, pill });
        typedText += ';';
      } else {
        typedText += node.textContent ?? '';
      }
    }
    // Typed text OWA resolves during send: every entry counts, split as OWA splits it.
    for (const typed of splitTyped(typedText.replace(/[\u200b\ufeff]/g, ''))) {
      entries.push({ recipient: recipientOf(field, parseEntry(typed)), well, pill: null, typed });
    }
  }
  return entries;
}

// Reading Outlook on the web's compose screen (product.md, "Public contracts"):
//   findComposeRoots(doc) → every open, rendered compose form
//   readDraft(root)       → what that form would send, as a Draft for the rules
// Everything is scoped to one compose root, because several drafts can be in the DOM at once
// (an inline reply beside a stale hidden one, fixture variant b), and every element read must be
// rendered. Selectors live in selectors.ts; recipients and their address layers in recipients.ts.
import type { Draft } from '../rules/types';
import { parseEntry } from './address';
import { appendText, firstRendered, isRendered, lineText, queryAll, tidyText } from './dom';
import { readRecipientsWithElements } from './recipients';
import {
  ATTACHMENT,
  BODY,
  DIALOG,
  DIALOG_SEND_TEXT,
  FROM_MENU,
  QUOTE_START,
  SCHEDULE_DIALOG_FIELD,
  SEND,
  SIGNATURE,
  SUBJECT,
  SUBJECT_ANY,
  WELL_ANY,
  any,
} from './selectors';

export { isRendered } from './dom';
export { readRecipientsWithElements, type RecipientEntry } from './recipients';
export { resolveViaPageBridge } from './bridge';

/**
 * The control a click or key press on `el` activates, when it is a Send: the compose Send (its
 * icon or label are the usual event targets, so this climbs), or the Send of the "Schedule send"
 * dialog. Null otherwise: the "More send options" half of the split button, and the "Send" of
 * OWA's own confirmations (missing subject), which come after our check and must not loop back.
 */
export function closestSendControl(el: Element): Element | null {
  const send = el.closest(any(SEND));
  if (send) return send.closest('button, [role="button"]') ?? send;
  const button = el.closest('button');
  const dialog = button?.closest(DIALOG);
  if (button && dialog?.querySelector(SCHEDULE_DIALOG_FIELD) && DIALOG_SEND_TEXT.test(button.getAttribute('aria-label') ?? lineText(button))) {
    return button;
  }
  return null;
}

/** The rendered Send control of a compose form, re-queried every time (OWA re-renders it). */
export function findSendButton(root: Element): Element | null {
  const send = firstRendered(root, SEND);
  return send ? (send.closest('button, [role="button"]') ?? send) : null;
}

/**
 * The compose form `el` belongs to: the nearest ancestor holding both a rendered message body
 * and a rendered Send. There is no single marker for a compose form (outlook-web.md), and a Send
 * in the Schedule send dialog (a portal) climbs to the container that also holds the form.
 */
export function composeRootOf(el: Element): Element | null {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (firstRendered(node, BODY) && firstRendered(node, SEND)) return node;
  }
  return null;
}

/** Every open, rendered compose form of the document, in document order. */
export function findComposeRoots(doc: Document): Element[] {
  const roots: Element[] = [];
  for (const body of queryAll(doc, BODY)) {
    if (!isRendered(body)) continue;
    const root = composeRootOf(body);
    if (root && !roots.includes(root)) roots.push(root);
  }
  return roots;
}

/** The subject line: by id or label, else the last plain text input (language-neutral). */
export function findSubject(root: Element): HTMLInputElement | null {
  const labelled = firstRendered(root, SUBJECT);
  if (labelled) return labelled as HTMLInputElement;
  const inputs = queryAll(root, SUBJECT_ANY).filter(isRendered);
  return (inputs.at(-1) as HTMLInputElement | undefined) ?? null;
}

/** The new text (signature excluded) and the quoted thread below OWA's reply marker. */
function readBody(root: Element): { body: string; quoted?: string } {
  const editor = firstRendered(root, BODY);
  if (!editor) return { body: '' };
  // One walk in document order: at the first quote marker, what was read so far is the new text
  // and the rest is the quoted thread.
  const sink = { text: '' };
  let fresh: string | undefined;
  const quoteStart = any(QUOTE_START);
  const signature = any(SIGNATURE);
  appendText(editor, sink, (el) => {
    if (fresh !== undefined) return;
    if (el.matches(quoteStart)) {
      fresh = sink.text;
      sink.text = '';
    } else if (el.matches(signature)) {
      // The sender's own signature is not what the rules judge (it is the same on every email).
      return 'skip';
    }
  });
  return fresh === undefined ? { body: tidyText(sink.text) } : { body: tidyText(fresh), quoted: tidyText(sink.text) };
}

const SIZE = /^(\d+(?:[.,]\d+)?)\s*(bytes?|B|KB|MB|GB)$/i;
const UNIT: Record<string, number> = { b: 1, byte: 1, bytes: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** `205 KB` → 209920 (OWA counts in binary units). */
function parseSize(text: string): number | undefined {
  const m = SIZE.exec(text.trim());
  return m ? Math.round(parseFloat(m[1]!.replace(',', '.')) * UNIT[m[2]!.toLowerCase()]!) : undefined;
}

/** Attachment names (the full name from `title` when the card shows it ellipsised) and sizes. */
function readAttachments(root: Element): Draft['attachments'] {
  // The first alternative that matches wins, so a card inside a list option is not read twice.
  const selector = ATTACHMENT.find((sel) => root.querySelector(sel));
  const cards = selector ? queryAll(root, selector).filter(isRendered) : [];
  return cards.map((card) => {
    let size: number | undefined;
    const texts: string[] = [];
    for (const leaf of [card, ...card.querySelectorAll('*')]) {
      if (leaf.children.length > 0 || leaf.closest('button')) continue;
      const text = lineText(leaf);
      const bytes = parseSize(text);
      if (bytes !== undefined && size === undefined) size = bytes;
      else if (text) texts.push(text);
    }
    const titled = [card, ...card.querySelectorAll('[title]')].find(
      (el) => el.getAttribute('title') && !el.closest('button'),
    );
    const name = titled?.getAttribute('title')?.trim() || texts.join(' ');
    return size === undefined ? { name } : { name, size };
  });
}

/** The From row (only while it is shown): the menu button whose row shows an address. */
function readFrom(root: Element): Draft['from'] {
  for (const button of queryAll(root, FROM_MENU)) {
    const row = button.parentElement;
    if (!row || !isRendered(button) || row.querySelector(WELL_ANY)) continue;
    const label = lineText(button);
    const rest = lineText(row);
    // The row reads "From" (the button) then "Name <address>" or the address alone.
    const text = rest.startsWith(label) && !label.includes('@') ? rest.slice(label.length) : rest;
    const found = parseEntry(text.replace(/^\W+/, ''));
    if (found.address) return found.name ? { name: found.name, address: found.address } : { address: found.address };
  }
  return undefined;
}

/** What the compose form would send, read from the page (layers: recipients.ts). */
export function readDraft(composeRoot: Element): Draft {
  const subject = findSubject(composeRoot);
  const draft: Draft = {
    recipients: readRecipientsWithElements(composeRoot).map((e) => e.recipient),
    subject: subject?.value ?? '',
    ...readBody(composeRoot),
    attachments: readAttachments(composeRoot),
  };
  const from = readFrom(composeRoot);
  if (from) draft.from = from;
  return draft;
}

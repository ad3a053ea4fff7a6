// The self-check (outlook-web.md: "Build a self-check that notices when a compose screen is open
// but the extension can't find what it needs"). Selectors drift — Briskine needed about 25
// Outlook fixes in seven years — so the guard asks, for every compose-like thing on screen,
// whether it can find everything a check needs, and says so instead of failing silently.
import { composeRootOf, findComposeRoots, findSubject, isRendered } from './index';
import { findWells } from './recipients';
import { BODY, SEND, any } from './selectors';
import type { GuardState } from '../activity/protocol';

/** The parts of a compose form a check needs, named for the person who reports the problem. */
export type ComposePart = 'message body' | 'Send button' | 'To field' | 'subject';

/** What a compose form lacks; empty when Safe Send can read all of it. */
export function missingParts(root: Element): ComposePart[] {
  const missing: ComposePart[] = [];
  if (!findWells(root).to) missing.push('To field');
  if (!findSubject(root)) missing.push('subject');
  return missing;
}

export interface DocumentStatus {
  state: GuardState;
  missing: ComposePart[];
}

/**
 * The guard's state for a document: `idle` with no compose on screen, `ok` when every compose
 * can be read, `unreadable` when something that looks like a compose (a rendered message-body
 * editor or a Send button) can't be matched to a complete compose form.
 */
export function documentStatus(doc: Document): DocumentStatus {
  const missing = new Set<ComposePart>();
  const roots = findComposeRoots(doc);
  for (const root of roots) for (const part of missingParts(root)) missing.add(part);
  // A body editor with no Send near it (the Send selectors have drifted) …
  for (const body of doc.querySelectorAll(any(BODY))) {
    if (isRendered(body) && !composeRootOf(body)) missing.add('Send button');
  }
  // … or a Send with no body editor near it (the body selectors have drifted).
  for (const send of doc.querySelectorAll(any(SEND))) {
    if (isRendered(send) && !send.closest('[role="dialog"]') && !composeRootOf(send)) missing.add('message body');
  }
  if (missing.size > 0) return { state: 'unreadable', missing: [...missing] };
  return { state: roots.length > 0 ? 'ok' : 'idle', missing: [] };
}

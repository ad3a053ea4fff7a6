// src/activity/ holds what Safe Send remembers between sends (issue 4): the sent-to history
// (addresses only, for `lookalike-address`), daily activity counts (no addresses, no content),
// the date of the last send (for NHSmail's 30-day inactivity reminder), and each tab's guard
// status for the toolbar badge. It is a concern of its own because the content script reports
// events and the background is the single writer, so tabs never race each other in storage.
//
// This file is the message protocol between the content script and the background.
import type { FixKind } from '../rules/types';
import type { Policy } from '../policy/schema';

/** What the guard knows about the tab it runs in (shown by the toolbar badge and popup). */
export type GuardState =
  /** An OWA page with no compose screen open. */
  | 'idle'
  /** A compose screen is open and Safe Send can read it. */
  | 'ok'
  /** A compose screen is open but Safe Send can't read all of it: checks may be incomplete. */
  | 'unreadable';

export type GuardMessage =
  /** The guard's state in this tab changed. `missing` names what could not be found. */
  | { type: 'guard-status'; state: GuardState; missing?: string[] }
  /**
   * A message was sent (let through, or "Send anyway"). `recipients`: the addresses it went to,
   * for the sent-to history; `warned`: the rule ids shown in a warning before it, if any.
   */
  | { type: 'sent'; recipients: string[]; warned: string[] }
  /** A warning was shown for these rule ids (one count per rule per warning). */
  | { type: 'warning-shown'; ruleIds: string[] }
  /** The user chose "Edit email" after a warning. */
  | { type: 'edited-after-warning' }
  /** A one-click fix was used. */
  | { type: 'fix-used'; kind: FixKind };

/**
 * The content script's one request: what it needs to check drafts. The background validates the
 * stored and managed policy with the schema on every such read (the content script carries no
 * validator: zod would take a third of its 60 kB budget) and adds the sent-to history.
 */
export interface GuardContextRequest {
  type: 'get-guard-context';
}

export interface GuardContext {
  policy: Policy;
  knownAddresses: string[];
}

/** Storage keys whose change means the guard context must be fetched again. */
export const GUARD_CONTEXT_KEYS = ['policy', 'sentToHistory'] as const;

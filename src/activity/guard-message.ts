// Validating what arrives from content scripts: the background trusts nothing it did not check.
// Anything that is not exactly a GuardMessage from one of our own content scripts is ignored.
import { browser, type Browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { RULE_IDS } from '../rules/ids';
import { FIX_KINDS } from './activity';
import type { GuardMessage } from './protocol';

// Limits are generous for real use and small enough that a broken or hostile sender can't make
// the background store or loop over something huge.
/** Most recipients one sent message may report (far above OWA's own per-message limit). */
export const MAX_SENT_RECIPIENTS = 5_000;
const address = z.string().check(z.minLength(3), z.maxLength(320)); // RFC 5321: 64 + @ + 255
const ruleIds = z.array(z.enum(RULE_IDS)).check(z.maxLength(100));

const GuardMessage = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('guard-status'),
    state: z.enum(['idle', 'ok', 'unreadable']),
    missing: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50))),
  }),
  z.strictObject({
    type: z.literal('sent'),
    recipients: z.array(address).check(z.maxLength(MAX_SENT_RECIPIENTS)),
    warned: ruleIds,
  }),
  z.strictObject({ type: z.literal('warning-shown'), ruleIds }),
  z.strictObject({ type: z.literal('edited-after-warning') }),
  z.strictObject({ type: z.literal('fix-used'), kind: z.enum(FIX_KINDS) }),
]);

/** A GuardMessage that passed the checks (rule ids and fix kinds are known ones). */
export type CheckedGuardMessage = z.output<typeof GuardMessage>;
// Fails to compile if the schema lets through something protocol.ts does not describe.
type SchemaFitsProtocol = CheckedGuardMessage extends GuardMessage ? true : never;
const schemaFitsProtocol: SchemaFitsProtocol = true;
void schemaFitsProtocol;

/** The message as a GuardMessage, or undefined when it is not exactly one. */
export function parseGuardMessage(message: unknown): CheckedGuardMessage | undefined {
  const result = GuardMessage.safeParse(message);
  return result.success ? result.data : undefined;
}

/** Where a message came from, when it came from one of our own content scripts. */
export interface GuardSender {
  tabId: number;
  /** 0 for the top frame. */
  frameId: number;
  /** The frame is an about:blank document (an OWA pop-out compose window). */
  blankPage: boolean;
}

/**
 * The tab and frame of the sender, or undefined unless it is our own content script: our
 * extension id (not another extension's message) and a tab (content scripts have one; our own
 * pages — popup, options — do not, and have no business reporting guard events).
 */
export function guardSender(sender: Browser.runtime.MessageSender): GuardSender | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || tabId < 0) return undefined; // TAB_ID_NONE is -1
  return {
    tabId,
    frameId: typeof sender.frameId === 'number' ? sender.frameId : 0,
    blankPage: typeof sender.url === 'string' && sender.url.startsWith('about:'),
  };
}

// The rule engine's data: what a draft is, what a rule reports and what a fix does.
// Draft, Recipient, CheckContext and Finding are public contracts (product.md): change them
// only by adding optional fields.

export type Field = 'to' | 'cc' | 'bcc';

/** One recipient pill (or typed entry). `address` absent = the page did not give us one. */
export interface Recipient {
  field: Field;
  address?: string;
  name?: string;
}

export interface Draft {
  from?: { address?: string; name?: string };
  recipients: Recipient[];
  subject: string;
  /** The new text, quoted thread excluded. */
  body: string;
  /** The quoted thread, if any. */
  quoted?: string;
  attachments: { name: string; size?: number }[];
}

export interface CheckContext {
  /** Addresses the user has sent to before (sent-to history), for `lookalike-address`. */
  knownAddresses?: string[];
}

export type Severity = 'notice' | 'warn' | 'block';
export type SeveritySetting = 'off' | Severity;

/**
 * A one-click correction, as data: the in-page guard applies it to the real compose fields the
 * way a user would, then checks the draft again.
 */
export type Fix =
  /** Move these To/Cc recipients to Bcc. */
  | { kind: 'move-to-bcc'; recipients: Recipient[] }
  /** Put the secure tag at the start of the subject. */
  | { kind: 'add-secure-tag'; tag: string }
  /** Change the recipient's domain (everything after @) to `to`. */
  | { kind: 'replace-domain'; recipient: Recipient; to: string }
  /** Replace the recipient with the known address `to`. */
  | { kind: 'replace-address'; recipient: Recipient; to: string }
  /** Take the recipient off the draft. */
  | { kind: 'remove-recipient'; recipient: Recipient };

export type FixKind = Fix['kind'];

/**
 * Exactly what is wrong, for the dialog to show: `text` with the character ranges
 * `[start, end)` in `marks` highlighted (the letters that differ in `nhs.nte`, the NHS number
 * in a subject).
 */
export interface Evidence {
  /** Where the text comes from. */
  source: 'address' | 'subject' | 'body' | 'attachment';
  text: string;
  marks: Array<[start: number, end: number]>;
  /** For `address` evidence: what it is probably meant to be (`nhs.net`, a known address). */
  suggestion?: string;
  recipient?: Recipient;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Plain British English: names the recipients concerned and says what to do. */
  message: string;
  recipients?: Recipient[];
  fixes?: Fix[];
  // Additive fields (not in the original contract; optional for every consumer).
  /** Key of the message in the rule's `meta.messages`, for translation. */
  messageId?: string;
  /** The values substituted into the message. */
  data?: Record<string, string | number>;
  /** What exactly is wrong, to highlight. */
  evidence?: Evidence[];
  /** `external-recipients` with `confirmEach`: each recipient must be ticked before sending. */
  confirmEach?: boolean;
}

// ---- How a rule is written (ESLint's shape: meta + check; severity belongs to the policy) ----

import type { Policy, RuleId } from '../policy/schema';

export type { RuleId };

/** What a rule reports; `checkDraft` turns it into a Finding with the policy's severity. */
export interface Report {
  /** Key into the rule's `meta.messages`. */
  messageId: string;
  /** Values for the `{{placeholders}}` in the message. */
  data?: Record<string, string | number>;
  recipients?: Recipient[];
  fixes?: Fix[];
  evidence?: Evidence[];
  confirmEach?: boolean;
}

export interface RuleMeta<Id extends RuleId = RuleId> {
  id: Id;
  /** One line, for the README, the options page and the meta-test. */
  description: string;
  /** The severity in `defaultPolicy`. */
  defaultSeverity: SeveritySetting;
  /** Every sentence the rule can say, with `{{placeholders}}`; the one place its words live. */
  messages: Record<string, string>;
}

/** What a rule may look at besides the draft. Pure data: no DOM, no browser APIs, no clock. */
export interface RuleEnv {
  policy: Policy;
  context: CheckContext;
}

export interface Rule<Id extends RuleId = RuleId> {
  meta: RuleMeta<Id>;
  check(draft: Draft, settings: Policy['rules'][Id], env: RuleEnv): Report[];
}

/** Identity helper that checks a rule's shape and ties its settings type to its id. */
export function defineRule<Id extends RuleId>(rule: Rule<Id>): Rule<Id> {
  return rule;
}

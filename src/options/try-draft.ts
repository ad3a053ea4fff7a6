// "Try a draft": what a manager types on the options page, turned into the Draft the guard would
// read from Outlook, checked with the real rule engine under the policy being edited. No storage,
// no logging: the text lives only in the form fields.
import { checkDraft, needsAttention } from '../rules/index';
import type { Draft, Field, Finding, Recipient } from '../rules/types';
import type { Policy } from '../policy/schema';
import { findingMessage } from '../i18n/finding';
import { describeFix } from './messages';

export interface TryDraftForm {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  /** One file name per line. */
  attachments: string;
}

// `Jane Smith <jane.smith@nhs.net>`, the form Outlook uses when an address is pasted with its name.
const NAMED = /^(.*?)\s*<([^<>]*)>$/;

/**
 * Recipients typed one per line or separated by semicolons (Outlook's separator; commas are not
 * used because "Smith, Jane <jane@x>" is a common display name). A name without an address stands
 * for a recipient pill whose address Safe Send could not read.
 */
export function parseRecipients(text: string, field: Field): Recipient[] {
  const recipients: Recipient[] = [];
  for (const part of text.split(/[;\r\n]+/)) {
    const entry = part.trim();
    if (!entry) continue;
    const named = NAMED.exec(entry);
    if (named) {
      const name = named[1]!.replace(/^"|"$/g, '').trim();
      const address = named[2]!.trim();
      recipients.push({ field, ...(address && { address }), ...(name && { name }) });
    } else if (entry.includes('@')) recipients.push({ field, address: entry });
    else recipients.push({ field, name: entry });
  }
  return recipients;
}

export function draftFromForm(form: TryDraftForm): Draft {
  return {
    recipients: [
      ...parseRecipients(form.to, 'to'),
      ...parseRecipients(form.cc, 'cc'),
      ...parseRecipients(form.bcc, 'bcc'),
    ],
    subject: form.subject,
    body: form.body,
    attachments: form.attachments
      .split(/\r?\n/)
      .map((name) => name.trim())
      .filter((name) => name !== '')
      .map((name) => ({ name })),
  };
}

export interface TriedFinding {
  ruleId: string;
  severity: Finding['severity'];
  /** In the browser's language (src/i18n/finding.ts). */
  message: string;
  /** The one-click fixes the warning would offer, in words. */
  fixes: string[];
}

export interface TryResult {
  /** False until at least one recipient is typed (an email with nobody to send to is not checked). */
  checked: boolean;
  findings: TriedFinding[];
  /** True when Safe Send would stop the send (a warn or block finding). */
  stops: boolean;
}

export function tryDraft(form: TryDraftForm, policy: Policy, knownAddresses: readonly string[] = []): TryResult {
  const draft = draftFromForm(form);
  if (draft.recipients.length === 0) return { checked: false, findings: [], stops: false };
  const findings = checkDraft(draft, policy, { knownAddresses: [...knownAddresses] });
  return {
    checked: true,
    stops: needsAttention(findings),
    findings: findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: findingMessage(finding),
      fixes: (finding.fixes ?? []).map(describeFix),
    })),
  };
}

// Table-driven rule tests (ESLint's RuleTester shape): each rule's test file is a table of
// `valid` drafts (no finding) and `invalid` drafts (the findings expected). The tester runs the
// rule alone through the public `checkDraft`, and rejects a table that is wrong: an invalid case
// that expects nothing, a duplicate case name or draft, a case with no name.
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../../src/rules/index';
import { parsePolicy } from '../../../src/policy/index';
import type { PolicyDocument } from '../../../src/policy/schema';
import type {
  CheckContext,
  Draft,
  Field,
  Finding,
  Fix,
  Recipient,
  RuleId,
  Severity,
} from '../../../src/rules/types';

/** `'jane@nhs.net'`, `'Jane Smith <jane@nhs.net>'`, or a Recipient without its field. */
export type RecipientShorthand = string | Omit<Recipient, 'field'>;

export interface DraftShorthand {
  to?: RecipientShorthand[];
  cc?: RecipientShorthand[];
  bcc?: RecipientShorthand[];
  subject?: string;
  body?: string;
  quoted?: string;
  /** File names, or `{name, size}`. */
  attachments?: Array<string | { name: string; size?: number }>;
  from?: Draft['from'];
}

export function recipient(field: Field, r: RecipientShorthand): Recipient {
  if (typeof r !== 'string') return { field, ...r };
  const m = /^(.*?)\s*<([^>]*)>$/.exec(r);
  if (m) return { field, name: m[1]!, address: m[2]! };
  return { field, address: r };
}

export function makeDraft(s: DraftShorthand): Draft {
  const recipients: Recipient[] = [];
  for (const field of ['to', 'cc', 'bcc'] as const)
    for (const r of s[field] ?? []) recipients.push(recipient(field, r));
  return {
    ...(s.from && { from: s.from }),
    recipients,
    subject: s.subject ?? 'Meeting notes',
    body: s.body ?? 'Hello, please see below.',
    ...(s.quoted !== undefined && { quoted: s.quoted }),
    attachments: (s.attachments ?? []).map((a) => (typeof a === 'string' ? { name: a } : a)),
  };
}

export interface ValidCase {
  name: string;
  draft: DraftShorthand;
  /** Merged over the defaults; the rule under test is switched on at `warn` unless set here. */
  policy?: PolicyDocument;
  context?: CheckContext;
}

export interface ExpectedFinding {
  messageId?: string;
  /** Addresses (or names, for recipients without one) of `finding.recipients`, in order. */
  recipients?: string[];
  fixes?: Fix[];
  /** Fragments the message must contain (what the user reads). */
  message?: string[];
  severity?: Severity;
  /** Highlighted text, as `text[start,end)` slices, in order. */
  marks?: string[];
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
}

/** The policy with only `ruleId` on (at `warn` unless the case sets it), over the defaults. */
function policyFor(ruleId: RuleId, doc: PolicyDocument = {}) {
  const rules: Record<string, unknown> = {};
  const given = (doc.rules ?? {}) as Record<string, Record<string, unknown> | undefined>;
  for (const id of Object.keys(given)) rules[id] = given[id];
  const own = given[ruleId] ?? {};
  rules[ruleId] = { severity: 'warn', ...own };
  const allOff = {
    'blocked-recipient': { severity: 'off' },
    'external-recipients': { severity: 'off' },
    'large-audience': { severity: 'off' },
    'lookalike-address': { severity: 'off' },
    'missing-attachment': { severity: 'off' },
    'mistyped-domain': { severity: 'off' },
    'patient-identifier': { severity: 'off' },
    'unsecured-recipient': { severity: 'off' },
    'unverified-recipient': { severity: 'off' },
    'visible-recipients': { severity: 'off' },
  } as Record<string, Record<string, unknown>>;
  for (const id of Object.keys(allOff)) if (id !== ruleId) rules[id] = { ...allOff[id], ...(given[id] ?? {}), severity: 'off' };
  const parsed = parsePolicy({ ...doc, rules });
  if (!parsed.ok) throw new Error(`Test policy is invalid: ${parsed.errors.join('; ')}`);
  return parsed.policy;
}

export function runRule(ruleId: RuleId, c: ValidCase): Finding[] {
  return checkDraft(makeDraft(c.draft), policyFor(ruleId, c.policy), c.context ?? {});
}

function label(r: Recipient): string {
  return r.address ?? r.name ?? '';
}

function checkTable(ruleId: RuleId, valid: ValidCase[], invalid: InvalidCase[]): void {
  const names = new Set<string>();
  const drafts = new Set<string>();
  for (const c of [...valid, ...invalid]) {
    if (!c.name) throw new Error(`${ruleId}: a case has no name`);
    if (names.has(c.name)) throw new Error(`${ruleId}: duplicate case name "${c.name}"`);
    names.add(c.name);
    const key = JSON.stringify([c.draft, c.policy ?? null, c.context ?? null]);
    if (drafts.has(key)) throw new Error(`${ruleId}: case "${c.name}" repeats another case's input`);
    drafts.add(key);
  }
  for (const c of invalid)
    if (c.findings.length === 0) throw new Error(`${ruleId}: invalid case "${c.name}" expects no finding`);
}

export function ruleTester(
  ruleId: RuleId,
  table: { valid: ValidCase[]; invalid: InvalidCase[] },
): void {
  checkTable(ruleId, table.valid, table.invalid);
  describe(ruleId, () => {
    describe('valid', () => {
      for (const c of table.valid) {
        it(c.name, () => {
          const findings = runRule(ruleId, c);
          expect(findings.map((f) => f.message)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of table.invalid) {
        it(c.name, () => {
          const findings = runRule(ruleId, c);
          expect(findings, findings.map((f) => f.message).join('\n')).toHaveLength(c.findings.length);
          c.findings.forEach((expected, i) => {
            const f = findings[i]!;
            expect(f.ruleId).toBe(ruleId);
            // Every message must have had all its placeholders filled.
            expect(f.message).not.toMatch(/\{\{/);
            if (expected.messageId) expect(f.messageId).toBe(expected.messageId);
            if (expected.severity) expect(f.severity).toBe(expected.severity);
            if (expected.recipients) expect((f.recipients ?? []).map(label)).toEqual(expected.recipients);
            if (expected.fixes) expect(f.fixes ?? []).toEqual(expected.fixes);
            for (const fragment of expected.message ?? []) expect(f.message).toContain(fragment);
            if (expected.marks) {
              const slices = (f.evidence ?? []).flatMap((e) => e.marks.map(([s, t]) => e.text.slice(s, t)));
              expect(slices).toEqual(expected.marks);
            }
          });
        });
      }
    });
  });
}

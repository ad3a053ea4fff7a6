// The rule engine's public entry point (product.md, "Public contracts"):
//   checkDraft(draft, policy, context?) → Finding[]
// Pure: the same draft, policy and context always give the same findings, in rule-id order.
import { RULES } from './registry';
import { formatMessage } from './lib/format';
import type { CheckContext, Draft, Finding, Rule, RuleEnv, RuleId, Severity } from './types';
import type { Policy } from '../policy/schema';

export type * from './types';
export { RULES } from './registry';
export { RULE_IDS } from './ids';

const SEVERITY_ORDER: Record<Severity, number> = { block: 0, warn: 1, notice: 2 };

/** Findings for a draft under a policy; empty when all is well. */
export function checkDraft(draft: Draft, policy: Policy, context: CheckContext = {}): Finding[] {
  const env: RuleEnv = { policy, context };
  const findings: Finding[] = [];
  for (const id of Object.keys(RULES) as RuleId[]) {
    const rule = RULES[id] as Rule<RuleId>;
    const settings = policy.rules[id];
    if (!settings || settings.severity === 'off') continue;
    const severity = settings.severity;
    let reports;
    try {
      reports = rule.check(draft, settings as never, env);
    } catch {
      // A rule that breaks must never wave a message through unchecked: say so instead.
      findings.push({
        ruleId: id,
        severity: severity === 'notice' ? 'warn' : severity,
        message: `Safe Send could not finish one of its checks (${id}). Check the recipients and the subject yourself before you send.`,
        messageId: 'rule-failed',
      });
      continue;
    }
    for (const report of reports) {
      const template = rule.meta.messages[report.messageId];
      findings.push({
        ruleId: id,
        severity,
        message: template === undefined ? report.messageId : formatMessage(template, report.data),
        messageId: report.messageId,
        ...(report.data && { data: report.data }),
        ...(report.recipients && { recipients: report.recipients }),
        ...(report.fixes && { fixes: report.fixes }),
        ...(report.evidence && { evidence: report.evidence }),
        ...(report.confirmEach && { confirmEach: true }),
      });
    }
  }
  // Most serious first; the sort is stable so rules keep their id order within a severity.
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** True when the findings mean the send must stop for the user to decide (warn or block). */
export function needsAttention(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity !== 'notice');
}

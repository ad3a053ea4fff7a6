// A finding's words in the browser's language. The rules stay pure and write English
// (`Finding.message`, a public contract: tests, the demo and the docs read it); the same sentences
// are messages in the locale files, generated from each rule's `meta.messages` by
// `npm run locales` (scripts/lib/locales.ts, kept current by test/unit/i18n/rule-messages.test.ts)
// under `rule.<rule_id>.<messageId>`, with the rule's `{{name}}` placeholders as `{name}`. Those
// are filled in here from `finding.data`, so a translator can put them anywhere in the sentence.
import { browser } from 'wxt/browser';
import { RULE_IDS } from '../rules/ids';
import type { Finding } from '../rules/types';
import { fillNamed, t } from './index';

const RULES: ReadonlySet<string> = new Set(RULE_IDS);

/** What checkDraft puts in `messageId` when a rule throws (src/rules/index.ts). */
const RULE_FAILED = 'rule-failed';

/**
 * The finding's message from the locale files; `finding.message` (English) when there is none:
 * a finding that is not a rule's (the guard's own, already worded with `t`), or a translation
 * that leaves out one of the `{names}` the rule fills in.
 */
export function findingMessage(finding: Finding): string {
  const { ruleId, messageId } = finding;
  if (!RULES.has(ruleId) || !messageId) return finding.message;
  if (messageId === RULE_FAILED) return t('finding.ruleFailed', { rule: ruleId });
  // Browsers allow only [A-Za-z0-9_] in message names: `rule_large_audience_tooMany`.
  const name = `rule_${ruleId}_${messageId}`.replaceAll('-', '_');
  const template = (browser.i18n.getMessage as (name: string) => string)(name);
  if (!template) return finding.message;
  const data = finding.data ?? {};
  // A `{name}` the rule does not fill in (a translation that misspelt one): English beats a gap.
  const names = template.match(/\{\w+\}/g) ?? [];
  if (names.some((name) => !Object.hasOwn(data, name.slice(1, -1)))) return finding.message;
  return fillNamed(template, data);
}

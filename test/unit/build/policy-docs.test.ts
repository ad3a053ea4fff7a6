// docs/policy.md is generated (scripts/gen-policy-docs.lib.ts) from the policy schema, the rules
// and the settings page's words. IT staff copy from it, so it must say what the code does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_POLICY, renderPolicyDocs } from '../../../scripts/gen-policy-docs.lib';
import { defaultPolicy, parsePolicy } from '../../../src/policy/index';
import { RULE_IDS } from '../../../src/rules/ids';

const DOC_PATH = resolve(import.meta.dirname, '../../../docs/policy.md');
const committed = readFileSync(DOC_PATH, 'utf8');
const jsonBlocks = [...committed.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as unknown);

/** Dotted paths of every setting in a complete policy (objects opened up, lists kept whole). */
function settingPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => settingPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe('docs/policy.md', () => {
  it('is what `npm run docs` makes from the current code', () => {
    // A plain comparison, so the diff shows what changed; the message says what to do.
    expect(committed, 'docs/policy.md is out of date: run `npm run docs` and commit docs/policy.md').toBe(renderPolicyDocs());
  });

  it('documents every setting of the policy, with its default', () => {
    const missing: string[] = [];
    for (const path of settingPaths(defaultPolicy)) {
      const [first, rule, setting] = path.split('.');
      if (first === 'rules') {
        // Each rule's settings are rows of its own section: "| `threshold` | … | `25` | …".
        const section = committed.slice(committed.indexOf(`### ${rule}\n`)).split('\n### ')[0]!;
        const value = JSON.stringify(defaultPolicy.rules[rule as (typeof RULE_IDS)[number]][setting as 'severity']);
        if (!new RegExp(`^\\| \`${setting}\` \\|[^\\n]*\\| \`${value.replace(/[[\]]/g, '\\$&')}\` \\|`, 'm').test(section)) missing.push(path);
      } else {
        const value = JSON.stringify(path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], defaultPolicy));
        if (!committed.includes(`| \`${path}\` |`) || !committed.split('\n').some((line) => line.startsWith(`| \`${path}\` |`) && line.includes(`\`${value}\``)))
          missing.push(path);
      }
    }
    expect(missing).toEqual([]);
    for (const id of RULE_IDS) expect(committed).toContain(`### ${id}\n`);
  });

  it('shows an example policy that Safe Send accepts, and the defaults as they are', () => {
    expect(jsonBlocks).toContainEqual(EXAMPLE_POLICY);
    const parsed = parsePolicy(EXAMPLE_POLICY);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(jsonBlocks).toContainEqual(JSON.parse(JSON.stringify(defaultPolicy)));
  });

  it('shows the error messages a person would really see for its example mistakes', () => {
    const mistakes = jsonBlocks.find((block) => (block as Record<string, unknown>).secureTag === '');
    const parsed = parsePolicy(mistakes);
    expect(parsed.ok).toBe(false);
    const listed = committed.slice(committed.indexOf('## Mistakes')).split('\n## ')[0]!.split('\n').filter((line) => line.startsWith('- ')).map((line) => line.slice(2));
    expect(listed).toEqual(parsed.ok ? [] : parsed.errors);
  });
});

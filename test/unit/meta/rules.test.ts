// The structure every rule must keep (style.md, "A meta-test guards the structure"): one file
// per rule in src/rules/ named by its id, registered, in the policy schema with a default, tested
// by a table, and documented in the README's rule catalogue.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../src/rules/ids';
import { RULES } from '../../../src/rules/registry';
import { defaultPolicy } from '../../../src/policy/index';

const root = join(__dirname, '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
/** Files in src/rules/ that are not rules. */
const NOT_RULES = new Set(['index.ts', 'types.ts', 'registry.ts', 'ids.ts']);
const ruleFiles = readdirSync(join(root, 'src/rules'))
  .filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f))
  .map((f) => f.replace(/\.ts$/, ''));

describe('rules meta-test', () => {
  it('the contract’s ten rule ids, sorted, each with its own file and nothing else', () => {
    expect([...RULE_IDS]).toEqual([...RULE_IDS].sort());
    expect(ruleFiles.sort()).toEqual([...RULE_IDS]);
    expect(RULE_IDS).toHaveLength(10);
  });

  it.each(RULE_IDS)('%s is registered under its own id with complete metadata', (id) => {
    const rule = RULES[id];
    expect(rule.meta.id).toBe(id);
    expect(rule.meta.description).toMatch(/^[A-Z].{10,}\.$/);
    expect(rule.meta.description).not.toContain('\n');
    expect(['off', 'notice', 'warn', 'block']).toContain(rule.meta.defaultSeverity);
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
  });

  it.each(RULE_IDS)('%s takes its default severity from its metadata', (id) => {
    expect(defaultPolicy.rules[id].severity).toBe(RULES[id].meta.defaultSeverity);
  });

  it.each(RULE_IDS)('%s has a table-driven test', (id) => {
    const source = read(`test/unit/rules/${id}.test.ts`);
    expect(source).toContain(`ruleTester('${id}'`);
  });

  // Issue 2: "at least 15 cases each for the first five rules", tricky negatives included.
  it.each(['mistyped-domain', 'lookalike-address', 'patient-identifier', 'unsecured-recipient', 'visible-recipients'])(
    '%s has at least 15 table cases, valid and invalid',
    (id) => {
      const source = read(`test/unit/rules/${id}.test.ts`);
      const valid = source.slice(source.indexOf('valid: ['), source.indexOf('invalid: ['));
      const invalid = source.slice(source.indexOf('invalid: ['));
      const count = (s: string) => (s.match(/\bname:\s*['"`]/g) ?? []).length;
      expect(count(valid)).toBeGreaterThanOrEqual(5);
      expect(count(invalid)).toBeGreaterThanOrEqual(5);
      expect(count(valid) + count(invalid)).toBeGreaterThanOrEqual(15);
    },
  );

  it.each(RULE_IDS)('%s is in the README’s rule catalogue with its default severity', (id) => {
    const readme = read('README.md');
    const catalogue = readme.slice(readme.indexOf('<!-- rules:start -->'), readme.indexOf('<!-- rules:end -->'));
    const row = catalogue.split('\n').find((line) => line.startsWith(`| \`${id}\` |`));
    expect(row, `README row for ${id}`).toBeDefined();
    expect(row!.trim().endsWith(`| ${RULES[id].meta.defaultSeverity} |`)).toBe(true);
  });

  it('messages have no empty placeholders and no stray whitespace', () => {
    for (const id of RULE_IDS) {
      for (const [key, text] of Object.entries(RULES[id].meta.messages)) {
        expect(text, `${id}.${key}`).not.toMatch(/\{\{\s*\}\}/);
        expect(text.trim(), `${id}.${key}`).toBe(text);
      }
    }
  });
});

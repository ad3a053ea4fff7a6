// The content-script build empties each rule's `meta.description` (wxt.config.ts,
// stripRuleDescriptions: 1 kB of the 60 kB budget, issue 3). It must change that one string in
// every rule file and nothing else: the messages users read, the ids and the logic stay as written.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transform } from 'esbuild';
import { parseAst } from 'rollup/parseAst';
import { describe, expect, it } from 'vitest';
import { stripRuleDescriptions } from '../../../wxt.config';
import { RULES } from '../../../src/rules/registry';

const RULES_DIR = resolve(import.meta.dirname, '../../../src/rules');
type Parse = Parameters<typeof stripRuleDescriptions>[1];
const parse = parseAst as unknown as Parse;

/** What Vite hands the plugin: the rule file as JavaScript (TypeScript removed). */
async function asJavaScript(file: string): Promise<string> {
  return (await transform(readFileSync(join(RULES_DIR, file), 'utf8'), { loader: 'ts', format: 'esm' })).code;
}

describe('stripRuleDescriptions', () => {
  const ruleFiles = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && f.replace(/\.ts$/, '') in RULES);

  it('finds every rule file', () => {
    expect(ruleFiles).toHaveLength(Object.keys(RULES).length);
  });

  it.each(Object.keys(RULES))('%s: empties the description and changes nothing else', async (id) => {
    const before = await asJavaScript(`${id}.ts`);
    const after = stripRuleDescriptions(before, parse);
    const description = RULES[id as keyof typeof RULES].meta.description;
    expect(description.length).toBeGreaterThan(10);
    expect(after).not.toContain(description);
    // One span differs: the literal that held the description (quotes included), now `""`.
    let prefix = 0;
    while (before[prefix] === after[prefix]) prefix++;
    let suffix = 0;
    while (suffix < after.length - prefix && before.at(-1 - suffix) === after.at(-1 - suffix)) suffix++;
    const literal = before.slice(prefix - 1, before.length - suffix + 1);
    expect(after.slice(prefix - 1, after.length - suffix + 1)).toBe('""');
    expect(new Function(`return ${literal}`)()).toBe(description);
  });

  it('leaves other descriptions and look-alike text alone', () => {
    const code = [
      'const note = { description: "not a rule" };',
      'export default defineRule({ meta: { id: "x", description: `the rule`, messages: { a: "description: keep" } }, check() { return [{ description: "keep" }]; } });',
      'other({ meta: { description: "not defineRule" } });',
    ].join('\n');
    const out = stripRuleDescriptions(code, parse);
    expect(out).toBe(code.replace('`the rule`', '""'));
  });
});

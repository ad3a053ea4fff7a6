// docs/deployment.md is copied and pasted by IT staff, so its examples must be right: every policy
// in it (JSON, the registry values of the .reg file) must pass the policy schema, under the key
// path each browser reads it from.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parsePolicy } from '../../../src/policy/index';

const doc = readFileSync('docs/deployment.md', 'utf8');
const blocks = (lang: string) => [...doc.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

function expectValidPolicy(document: unknown): void {
  const parsed = parsePolicy(document);
  expect(parsed.ok ? [] : parsed.errors).toEqual([]);
}

/** The values of one key in a .reg file, as Chromium reads them (REG_SZ JSON → list/object). */
function regValues(text: string, keySuffix: string): Record<string, unknown> | undefined {
  const section = text.split(/^\[/m).find((s) => s.split(']')[0]!.endsWith(keySuffix));
  if (!section) return undefined;
  const values: Record<string, unknown> = {};
  for (const line of section.split('\n').slice(1)) {
    const dword = /^"([^"]+)"=dword:([0-9a-f]{8})$/.exec(line.trim());
    const string = /^"([^"]+)"="((?:[^"\\]|\\.)*)"$/.exec(line.trim());
    if (dword) values[dword[1]!] = parseInt(dword[2]!, 16);
    else if (string) {
      const raw = string[2]!.replace(/\\(.)/g, '$1');
      values[string[1]!] = /^[[{]/.test(raw) ? JSON.parse(raw) : raw;
    }
  }
  return values;
}

describe('docs/deployment.md', () => {
  test('the example policy document is valid', () => {
    const example = JSON.parse(blocks('json')[0]!);
    expect(example.version).toBe(1);
    expectValidPolicy(example);
  });

  test('the .reg file sets the same policy, and it is valid as Chrome would read it', () => {
    const reg = blocks('reg').find((b) => b.includes('3rdparty'))!;
    const values = regValues(reg, '3rdparty\\extensions\\<extension-id>\\policy');
    expect(values).toEqual(JSON.parse(blocks('json')[0]!));
    expectValidPolicy(values);
  });

  test('the Linux managed policy file puts a valid policy under 3rdparty.extensions.<id>', () => {
    const linux = blocks('json').map((b) => JSON.parse(b)).find((j) => j['3rdparty']);
    expectValidPolicy(linux['3rdparty'].extensions['<extension-id>']);
  });

  test('the Firefox policies.json puts a valid policy under policies.3rdparty.Extensions.<gecko id>', () => {
    const firefox = blocks('json').map((b) => JSON.parse(b)).find((j) => j.policies);
    expectValidPolicy(firefox.policies['3rdparty'].Extensions['safe-send@safe-send.example']);
    expect(firefox.policies.ExtensionSettings['safe-send@safe-send.example'].installation_mode).toBe('force_installed');
  });

  test('the Firefox id is the one the extension is built with', () => {
    expect(readFileSync('wxt.config.ts', 'utf8')).toContain("id: 'safe-send@safe-send.example'");
  });

  test('every JSON example parses', () => {
    for (const block of blocks('json')) expect(() => JSON.parse(block)).not.toThrow();
  });
});

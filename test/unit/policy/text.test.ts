// parsePolicyText: a policy file a manager imports on the options page. Size first, then JSON
// syntax (where exactly, and what to do), then the policy itself.
import { describe, expect, it } from 'vitest';
import {
  defaultPolicy,
  formatFileSize,
  MAX_ERRORS,
  MAX_POLICY_FILE_BYTES,
  parsePolicyText,
} from '../../../src/policy/index';
import { findJsonSyntaxProblem } from '../../../src/policy/json-syntax';

function errorsOf(text: string): string[] {
  const result = parsePolicyText(text);
  if (result.ok) throw new Error('expected errors, but the text parsed');
  return result.errors;
}

describe('a good file', () => {
  it('parses like parsePolicy, defaults filled in', () => {
    const result = parsePolicyText('{\n  "secureTag": "[encrypt]"\n}\n');
    expect(result).toEqual({ ok: true, policy: { ...defaultPolicy, secureTag: '[encrypt]' } });
  });

  it('may start with a byte order mark (Windows Notepad saves one)', () => {
    expect(parsePolicyText('\uFEFF{"secureTag": "[encrypt]"}').ok).toBe(true);
  });

  it('reports policy errors with their paths', () => {
    expect(errorsOf('{"rules": {"large-audience": {"threshold": 1}}}')).toEqual([
      'rules.large-audience.threshold: must be a whole number from 2 to 1000',
    ]);
  });
});

describe('size', () => {
  it('a 1 MB file of secure domains is read in full', () => {
    const domains = Array.from({ length: 22_000 }, (_, i) => `care-provider-${i}.example-accredited.org.uk`);
    const text = JSON.stringify({ secureDomains: domains }, null, 2);
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const result = parsePolicyText(text);
    expect(result.ok && result.policy.secureDomains.length).toBe(domains.length);
  });

  it('1 MB of unknown settings is answered with a short list, not a million lines', { timeout: 10_000 }, () => {
    const junk = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`setting${i}`, 'x'.repeat(8)]));
    const text = JSON.stringify(junk);
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const errors = errorsOf(text);
    expect(errors).toHaveLength(MAX_ERRORS + 1);
    expect(errors[0]).toBe('setting0: is not a setting Safe Send knows; check the spelling or remove it');
    expect(errors[MAX_ERRORS]).toBe(`…and ${(60_000 - MAX_ERRORS).toLocaleString('en-GB')} more problems like these`);
  });

  it('a file over the limit is refused with a message naming its size and the limit', () => {
    const text = `{"secureTag": "${'x'.repeat(5 * 1024 * 1024)}"}`;
    expect(errorsOf(text)).toEqual([
      'This file is 5 MB; a policy file can be at most 4 MB. Check you chose the policy file exported from Safe Send.',
    ]);
  });

  it('counts bytes as the file holds them (UTF-8), not characters', () => {
    // 2.8 million "é" are 2.8 million characters, under the limit, but 5.6 million bytes.
    const text = `["${'é'.repeat(2_800_000)}"]`;
    expect(text.length).toBeLessThan(MAX_POLICY_FILE_BYTES);
    expect(errorsOf(text)[0]).toMatch(/^This file is 5\.3 MB;/);
  });

  it.each([
    [500, '1 KB'],
    [200 * 1024, '200 KB'],
    [4 * 1024 * 1024, '4 MB'],
    [5.25 * 1024 * 1024, '5.3 MB'],
  ])('%i bytes read as %s', (bytes, words) => {
    expect(formatFileSize(bytes)).toBe(words);
  });
});

describe('JSON syntax: where it goes wrong, and what to do', () => {
  const CASES: Array<[string, string, string]> = [
    ['an empty file', '', 'This file is empty. Choose the policy file exported from Safe Send.'],
    ['only spaces', '  \n ', 'This file is empty. Choose the policy file exported from Safe Send.'],
    [
      'a comma after the last list item',
      '{\n  "secureDomains": [\n    "nhs.net",\n  ]\n}',
      'This file is not valid JSON. Line 3, column 14: remove this comma: JSON allows no comma after the last item before "]".',
    ],
    [
      'a comma after the last setting',
      '{\n  "secureTag": "[secure]",\n}',
      'This file is not valid JSON. Line 2, column 26: remove this comma: JSON allows no comma after the last setting before "}".',
    ],
    [
      'a missing comma between settings',
      '{\n  "secureTag": "[secure]"\n  "trustedDomains": []\n}',
      'This file is not valid JSON. Line 3, column 3: a comma is missing before a double quote (") (or a "}" to close the curly brackets).',
    ],
    [
      'a missing comma in a list',
      '["a.org" "b.org"]',
      'This file is not valid JSON. Line 1, column 10: a comma is missing before a double quote (") (or a "]" to close the list).',
    ],
    [
      'single quotes',
      "{'secureTag': '[secure]'}",
      'This file is not valid JSON. Line 1, column 2: put names in straight double quotes ("), not single or curly quotes.',
    ],
    [
      'curly quotes from a word processor',
      '{"secureTag": “[secure]”}',
      'This file is not valid JSON. Line 1, column 15: put text in straight double quotes ("), not single or curly quotes.',
    ],
    [
      'a name without quotes',
      '{secureTag: "[secure]"}',
      'This file is not valid JSON. Line 1, column 2: the name "secureTag" needs double quotes around it, such as "secureTag".',
    ],
    [
      'a value without quotes',
      '{"secureDomains": [nhs.net]}',
      'This file is not valid JSON. Line 1, column 20: "nhs.net" needs double quotes around it, such as "nhs.net".',
    ],
    [
      'True as Python writes it',
      '{"history": {"enabled": True}}',
      'This file is not valid JSON. Line 1, column 25: write "true" in lower case, without quotes.',
    ],
    [
      'a comment',
      '{\n  // our partners\n  "trustedDomains": []\n}',
      'This file is not valid JSON. Line 2, column 3: JSON files cannot hold comments; remove the comment.',
    ],
    [
      'text with no closing quote',
      '{"secureTag": "[secure]}',
      'This file is not valid JSON. Line 1, column 15: this text has no closing double quote (").',
    ],
    [
      'text running over a line end',
      '{"secureTag": "[secure]\n}',
      'This file is not valid JSON. Line 1, column 15: this text runs onto the next line; a closing double quote (") is probably missing.',
    ],
    [
      'a file cut short',
      '{"secureDomains": ["nhs.net"',
      'This file is not valid JSON. Line 1, column 29: the file ends too early; a closing "]" is probably missing.',
    ],
    [
      'a missing colon',
      '{"secureTag" "[secure]"}',
      'This file is not valid JSON. Line 1, column 14: expected a colon (:) after the setting name but found a double quote (").',
    ],
    [
      'a stray closing bracket',
      '{"secureDomains": ["nhs.net"}}',
      'This file is not valid JSON. Line 1, column 29: this "}" does not match the "[" it closes; expected "]".',
    ],
    [
      'something after the end',
      '{"secureTag": "[secure]"}\n}',
      'This file is not valid JSON. Line 2, column 1: there is more after the end of the policy, starting with "}"; remove it.',
    ],
    [
      'a lone backslash',
      '{"secureTag": "C:\\Users"}',
      'This file is not valid JSON. Line 1, column 18: a backslash (\\) in text must be doubled (\\\\) or start an escape such as \\n.',
    ],
    [
      'a number with a leading plus',
      '{"history": {"retentionDays": +30}}',
      'This file is not valid JSON. Line 1, column 31: expected a value (text in double quotes, a number, true, false, [ ] or { }) but found "+".',
    ],
    [
      'a tab inside text',
      '{"secureTag": "[sec\ture]"}',
      'This file is not valid JSON. Line 1, column 20: text in quotes may not hold a tab or other control character; remove it.',
    ],
    [
      'Windows line ends',
      '{\r\n  "secureTag": "[secure]",\r\n}',
      'This file is not valid JSON. Line 2, column 26: remove this comma: JSON allows no comma after the last setting before "}".',
    ],
  ];

  it.each(CASES)('%s', (_name, text, message) => {
    expect(errorsOf(text)).toEqual([message]);
  });

  it('every case above really is invalid JSON', () => {
    for (const [, text] of CASES) expect(() => JSON.parse(text)).toThrow();
  });

  it.each([
    '{}',
    '[]',
    '  {"a": [1, -2.5e+3, 0, true, false, null, "x\\u00e9\\n\\"y\\""], "b": {"c": {}}}  ',
    '"just text"',
    '0',
    '\n[\r\n\t[],\r\n\t[{}]\r\n]\n',
  ])('finds nothing wrong in valid JSON: %j', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonSyntaxProblem(text)).toBeUndefined();
  });

  it('a file nested half a million deep is answered, not a stack overflow', { timeout: 10_000 }, () => {
    const deep = `{"rules": ${'['.repeat(500_000)}${']'.repeat(499_999)}}`;
    expect(errorsOf(deep)).toEqual([
      'This file is not valid JSON. Line 1, column 1000010: this "}" does not match the "[" it closes; expected "]".',
    ]);
  });
});

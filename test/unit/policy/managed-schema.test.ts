// assets/public/managed_schema.json: what Chrome and Edge check an organisation's policy against.
// It is generated from the zod schema; when this test says the file is stale, regenerate it with
//   npx vitest run --project unit test/unit/policy/managed-schema.test.ts -u
// and commit the result.
import { describe, expect, it } from 'vitest';
import { CHROME_SCHEMA_ATTRIBUTES, chromeManagedSchema } from '../../../src/policy/managed-schema';
import { parsePolicy } from '../../../src/policy/index';
import { Policy } from '../../../src/policy/schema';
import { RULE_IDS } from '../../../src/rules/ids';

type Node = Record<string, unknown>;
const schema = chromeManagedSchema() as Node;

/** Chrome's checks on the schema itself (schema.cc IsValidSchema), as a list of problems. */
function chromeSchemaProblems(node: Node, path: string): string[] {
  const type = node.type;
  if (typeof type !== 'string' || !(type in CHROME_SCHEMA_ATTRIBUTES)) return [`${path}: needs exactly one known type`];
  const problems: string[] = [];
  for (const key of Object.keys(node))
    if (!CHROME_SCHEMA_ATTRIBUTES[type]!.includes(key)) problems.push(`${path}: Chrome rejects the attribute "${key}" on a ${type}`);
  if ('enum' in node) {
    const values = node.enum;
    const itemType = type === 'integer' ? 'number' : type;
    if (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== itemType))
      problems.push(`${path}: enum must be a non-empty list of ${type} values`);
  }
  if (typeof node.minimum === 'number' && typeof node.maximum === 'number' && node.minimum > node.maximum)
    problems.push(`${path}: minimum is above maximum`);
  if (type === 'array') {
    if (!node.items) problems.push(`${path}: an array needs "items"`);
    else problems.push(...chromeSchemaProblems(node.items as Node, `${path}[]`));
  }
  if (type === 'object')
    for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Node>))
      problems.push(...chromeSchemaProblems(child, `${path}.${key}`));
  return problems;
}

/** Whether Chrome would pass `value` through storage.managed under `node` (types, enums, ranges). */
function fitsChromeSchema(value: unknown, node: Node): boolean {
  const type = node.type;
  if (Array.isArray(node.enum) && !node.enum.includes(value)) return false;
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return (
        Number.isInteger(value) &&
        (typeof node.minimum !== 'number' || (value as number) >= node.minimum) &&
        (typeof node.maximum !== 'number' || (value as number) <= node.maximum)
      );
    case 'array':
      return Array.isArray(value) && value.every((item) => fitsChromeSchema(item, node.items as Node));
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
      const properties = (node.properties ?? {}) as Record<string, Node>;
      return Object.entries(value).every(([key, item]) => key in properties && fitsChromeSchema(item, properties[key]!));
    }
    default:
      return false;
  }
}

describe('managed_schema.json', () => {
  it('is up to date with the policy schema', async () => {
    await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot('../../../assets/public/managed_schema.json');
  });

  it('is a schema Chrome will load: an object at the top, no additionalProperties there, known attributes only', () => {
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    expect(chromeSchemaProblems(schema, 'policy')).toEqual([]);
  });

  it('declares every top-level setting of the policy as a policy name', () => {
    expect(Object.keys(schema.properties as Node).sort()).toEqual(Object.keys(Policy.shape).sort());
  });

  it('declares every rule and each of its settings', () => {
    const rules = (schema.properties as Record<string, Node>).rules!.properties as Record<string, Node>;
    expect(Object.keys(rules).sort()).toEqual([...RULE_IDS]);
    for (const id of RULE_IDS) {
      const settings = rules[id]!.properties as Record<string, Node>;
      expect(settings.severity).toMatchObject({ type: 'string' });
    }
    expect(rules['large-audience']!.properties).toMatchObject({ threshold: { type: 'integer' } });
    expect(rules['unsecured-recipient']!.properties).toMatchObject({
      when: { type: 'string' },
      keywords: { type: 'array', items: { type: 'string' } },
    });
  });

  it('describes each policy for the admin', () => {
    for (const [key, node] of Object.entries(schema.properties as Record<string, Node>))
      expect(node.description, key).toMatch(/\w{3,}/);
  });

  it('declares types only, so that Chrome passes a wrong value on for Safe Send to name and repair', () => {
    const attributes = new Set<string>();
    const collect = (node: Node) => {
      Object.keys(node).forEach((key) => attributes.add(key));
      if (node.items) collect(node.items as Node);
      Object.values((node.properties ?? {}) as Record<string, Node>).forEach(collect);
    };
    collect(schema);
    expect([...attributes].sort()).toEqual(['description', 'items', 'properties', 'type']);
  });

  it('lets through what the policy accepts; Chrome stops wrong types, Safe Send the rest', () => {
    const good = {
      version: 1,
      organisationDomains: ['care.org.uk'],
      secureDomains: ['nhs.net', '*.example-accredited.org.uk'],
      blockedDomains: ['someone@gmail.com'],
      secureTag: '[secure]',
      rules: { 'large-audience': { severity: 'block', threshold: 30 }, 'external-recipients': { confirmEach: true } },
      history: { enabled: true, retentionDays: 90 },
      inactivityReminder: { afterDays: 21 },
    };
    expect(fitsChromeSchema(good, schema)).toBe(true);
    expect(parsePolicy(good).ok).toBe(true);
    for (const wrongType of [{ secureDomains: 'nhs.net' }, { rules: { 'large-audience': { threshold: '30' } } }]) {
      expect(fitsChromeSchema(wrongType, schema), JSON.stringify(wrongType)).toBe(false);
      expect(parsePolicy(wrongType).ok, JSON.stringify(wrongType)).toBe(false);
    }
    for (const wrongValue of [
      { rules: { 'large-audience': { threshold: 1 } } },
      { rules: { 'large-audience': { severity: 'warning' } } },
      { secureDomains: ['*'] },
      { version: 2 },
    ]) {
      expect(fitsChromeSchema(wrongValue, schema), JSON.stringify(wrongValue)).toBe(true);
      expect(parsePolicy(wrongValue).ok, JSON.stringify(wrongValue)).toBe(false);
    }
  });
});

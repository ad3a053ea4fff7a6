// The policy's public entry points (product.md, "Public contracts"):
//   defaultPolicy, parsePolicy(input) → {ok: true, policy} | {ok: false, errors}
import * as z from 'zod/mini';
import { Policy } from './schema';

export { Policy, type PolicyDocument } from './schema';

/** Pretty path: `rules.large-audience.threshold`, `secureDomains[2]`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function describeIssues(error: z.core.$ZodError): string[] {
  const errors: string[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const at = formatPath([...issue.path, key]);
        errors.push(`${at}: is not a setting Safe Send knows; check the spelling or remove it`);
      }
      continue;
    }
    const at = formatPath(issue.path);
    errors.push(at ? `${at}: ${issue.message}` : issue.message);
  }
  return errors;
}

export type ParseResult = { ok: true; policy: Policy } | { ok: false; errors: string[] };

export function parsePolicy(input: unknown): ParseResult {
  const result = Policy.safeParse(input);
  if (result.success) return { ok: true, policy: result.data };
  return { ok: false, errors: describeIssues(result.error) };
}

export const defaultPolicy: Policy = (() => {
  const parsed = Policy.safeParse({});
  if (!parsed.success) throw new Error('The default policy does not pass its own schema');
  return parsed.data;
})();

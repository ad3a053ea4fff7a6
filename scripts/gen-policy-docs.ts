// `npm run docs`: writes docs/policy.md, the policy reference, from the schema and the rules
// (scripts/gen-policy-docs.lib.ts says where each part comes from). Run it after changing the
// policy schema, a rule's description or default, or the settings page's words, and commit the
// result; test/unit/build/policy-docs.test.ts fails until you do.
//   npm run docs              write docs/policy.md
//   npm run docs -- --check   only say whether it is up to date (exit 1 if not)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderPolicyDocs } from './gen-policy-docs.lib';

const path = fileURLToPath(new URL('../docs/policy.md', import.meta.url));
const text = renderPolicyDocs();
let current = '';
try {
  current = readFileSync(path, 'utf8');
} catch {
  // Not written yet.
}
if (process.argv.includes('--check')) {
  console.log(current === text ? 'docs/policy.md is up to date.' : 'docs/policy.md is out of date: run `npm run docs`.');
  process.exit(current === text ? 0 : 1);
}
if (current === text) console.log('docs/policy.md is already up to date.');
else {
  writeFileSync(path, text);
  console.log('Wrote docs/policy.md.');
}

// `npm run locales`: writes the generated part of assets/locales/en_GB.yml, the messages each
// rule can show, from the rules' own `meta.messages` (scripts/lib/locales.ts says how). Run it
// after changing what a rule says, and commit the result; test/unit/i18n/rule-messages.test.ts
// fails until you do. The rest of the file is written by hand.
//   npm run locales              write assets/locales/en_GB.yml
//   npm run locales -- --check   only say whether it is up to date (exit 1 if not)
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { RULES } from '../src/rules/registry';
import { DEFAULT_LOCALE, localeFile, withRuleMessages } from './lib/locales';

const path = localeFile(DEFAULT_LOCALE);
const name = relative(process.cwd(), path);
const current = readFileSync(path, 'utf8');
const text = withRuleMessages(current, Object.values(RULES));
if (process.argv.includes('--check')) {
  console.log(current === text ? `${name} is up to date.` : `${name} is out of date: run \`npm run locales\`.`);
  process.exit(current === text ? 0 : 1);
}
if (current === text) console.log(`${name} is already up to date.`);
else {
  writeFileSync(path, text);
  console.log(`Wrote ${name}.`);
}

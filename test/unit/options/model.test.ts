// The options page's pure parts: list editing, placing the schema's errors on fields, number
// boxes, and the activity chart's series.
import { describe, expect, test } from 'vitest';
import {
  addEntries,
  checkEditable,
  editableCopy,
  filterEntries,
  linesToList,
  numberFromInput,
  placeError,
  removeEntry,
  samePolicy,
  setSetting,
  splitEntries,
} from '../../../src/options/model';
import { activitySeries } from '../../../src/options/activity-view';
import { defaultPolicy, parsePolicy } from '../../../src/policy/index';
import type { DayActivity } from '../../../src/activity/activity';

describe('addEntries', () => {
  test('adds valid new entries normalised, reports duplicates and refusals with the schema’s reason', () => {
    const result = addEntries(['nhs.net'], ' Council.GOV.uk, nhs.net;*.Trust.nhs.uk  gmail', false);
    expect(result.list).toEqual(['nhs.net', 'council.gov.uk', '*.trust.nhs.uk']);
    expect(result.added).toEqual(['council.gov.uk', '*.trust.nhs.uk']);
    expect(result.already).toEqual(['nhs.net']);
    expect(result.problems).toEqual([{ entry: 'gmail', problem: '"gmail" is not a valid domain; type a domain such as "example.org"' }]);
  });

  test('the same entry typed twice is added once', () => {
    const result = addEntries([], 'a.org.uk A.ORG.UK', false);
    expect(result.list).toEqual(['a.org.uk']);
    expect(result.already).toEqual(['a.org.uk']);
  });

  test('an address is accepted only where addresses are allowed (the block list)', () => {
    expect(addEntries([], 'Old.Manager@Example.org', true).list).toEqual(['old.manager@example.org']);
    expect(addEntries([], 'old.manager@example.org', false).problems[0]?.problem).toMatch(/is an email address/);
  });

  test('"@nhs.net" means the domain', () => {
    expect(addEntries([], '@nhs.net', false).list).toEqual(['nhs.net']);
  });

  test('what is accepted here is exactly what the schema accepts', () => {
    const typed = 'nhs.net *.co.uk bücher.de http://x.org a..b *.good.org.uk';
    const { list, problems } = addEntries([], typed, false);
    for (const entry of list) expect(parsePolicy({ secureDomains: [entry] }).ok).toBe(true);
    for (const { entry } of problems) expect(parsePolicy({ secureDomains: [entry] }).ok).toBe(false);
    expect(list).toEqual(['nhs.net', 'xn--bcher-kva.de', '*.good.org.uk']);
  });
});

test('splitEntries: spaces, commas, semicolons and new lines separate entries', () => {
  expect(splitEntries('a.org, b.org;c.org\n d.org\r\n\te.org ')).toEqual(['a.org', 'b.org', 'c.org', 'd.org', 'e.org']);
  expect(splitEntries('   ')).toEqual([]);
});

test('removeEntry takes out only that entry', () => {
  expect(removeEntry(['a.org', 'b.org', 'c.org'], 'b.org')).toEqual(['a.org', 'c.org']);
});

describe('filterEntries', () => {
  const list = Array.from({ length: 500 }, (_, i) => `home-${i}.org.uk`);

  test('shows at most the limit, and counts every match', () => {
    expect(filterEntries(list, '', 100)).toMatchObject({ matching: 500 });
    expect(filterEntries(list, '', 100).shown).toHaveLength(100);
  });

  test('matches anywhere in the entry, ignoring case and surrounding spaces', () => {
    expect(filterEntries(list, '  HOME-49 ', 100)).toEqual({
      shown: ['home-49.org.uk', ...Array.from({ length: 10 }, (_, i) => `home-49${i}.org.uk`)],
      matching: 11,
    });
  });
});

describe('placeError: the schema’s "path: message" lines, on their fields', () => {
  test.each([
    ['rules.large-audience.threshold: must be a whole number from 2 to 1000', { field: 'rules.large-audience.threshold', message: 'must be a whole number from 2 to 1000' }],
    ['secureDomains[3]: "x" is not a valid domain', { field: 'secureDomains', index: 3, message: '"x" is not a valid domain' }],
    ['rules.unsecured-recipient.keywords[0]: is empty; remove it', { field: 'rules.unsecured-recipient.keywords', index: 0, message: 'is empty; remove it' }],
    ['history.enabled: must be true or false', { field: 'history.enabled', message: 'must be true or false' }],
  ])('%s', (text, placed) => {
    expect(placeError(text)).toEqual({ text, ...placed });
  });

  test.each(['The policy must be an object, such as {"version": 1}', '…and 12 more problems like these'])(
    '%s belongs to no field (the summary shows it as it is)',
    (text) => {
      expect(placeError(text)).toEqual({ text, message: text });
    },
  );

  test('an odd key keeps its quoted path (no control has it, so it is shown in the summary only)', () => {
    const text = '["odd key"]: is not a setting Safe Send knows; check the spelling or remove it';
    expect(placeError(text)).toMatchObject({ field: '["odd key"]', message: 'is not a setting Safe Send knows; check the spelling or remove it' });
  });
});

test('numberFromInput: a number when it is one, else the text (for the schema to refuse)', () => {
  expect(numberFromInput(' 40 ')).toBe(40);
  expect(numberFromInput('2.5')).toBe(2.5);
  expect(numberFromInput('-3')).toBe(-3);
  expect(numberFromInput('ten')).toBe('ten');
  expect(numberFromInput('')).toBe('');
});

test('linesToList: one entry per non-blank line, trimmed', () => {
  expect(linesToList(' safeguarding \n\n diagnosis\r\n')).toEqual(['safeguarding', 'diagnosis']);
});

describe('checkEditable', () => {
  test('an edited copy that the schema refuses gives placed errors; the default policy is left alone', () => {
    const draft = editableCopy(defaultPolicy);
    setSetting(draft, ['rules', 'large-audience', 'threshold'], 'ten');
    setSetting(draft, ['secureTag'], 'x');
    const check = checkEditable(draft);
    expect(check.ok).toBe(false);
    expect(check.errors.map((e) => e.field).sort()).toEqual(['rules.large-audience.threshold', 'secureTag']);
    expect(defaultPolicy.rules['large-audience'].threshold).toBe(25);
    expect(samePolicy(draft, defaultPolicy)).toBe(false);
  });

  test('a valid edited copy gives the parsed policy', () => {
    const draft = editableCopy(defaultPolicy);
    setSetting(draft, ['rules', 'large-audience', 'threshold'], 40);
    const check = checkEditable(draft);
    expect(check.ok && check.policy.rules['large-audience'].threshold).toBe(40);
  });
});

describe('activitySeries', () => {
  const day = (date: string, warnings: number, fixes: number): DayActivity => ({
    date,
    warnings,
    warningsShown: { ...Object.fromEntries(Object.keys(defaultPolicy.rules).map((id) => [id, 0])), 'mistyped-domain': warnings } as DayActivity['warningsShown'],
    sentAfterWarning: 0,
    editedAfterWarning: 0,
    fixesUsed: { 'add-secure-tag': fixes, 'move-to-bcc': 0, 'remove-recipient': 0, 'replace-address': 0, 'replace-domain': 0 },
    sentWithoutWarning: 7,
  });

  test('totals per series, and the busiest day (the first when tied)', () => {
    const [warnings, , , fixes] = activitySeries([day('2026-03-13', 2, 0), day('2026-03-14', 5, 1), day('2026-03-15', 5, 0)]);
    expect(warnings).toMatchObject({ key: 'warningsShown', values: [2, 5, 5], total: 12, busiest: { day: '2026-03-14', count: 5 } });
    expect(fixes).toMatchObject({ key: 'fixesUsed', total: 1, busiest: { day: '2026-03-14', count: 1 } });
  });

  test('a series with nothing in it has no busiest day', () => {
    expect(activitySeries([day('2026-03-15', 0, 0)])[0]!.busiest).toBeUndefined();
  });
});

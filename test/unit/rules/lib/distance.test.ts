import { describe, expect, it } from 'vitest';
import damerauLevenshtein from 'damerau-levenshtein';
import { boundedDistance, differingRanges } from '../../../../src/rules/lib/distance';

/** Deterministic pseudo-random strings (no clock, no Math.random: a failure must reproduce). */
function* randomPairs(count: number, maxLength: number): Generator<[string, string]> {
  let seed = 12345;
  const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed);
  const alphabet = 'abcdet.';
  const word = () => Array.from({ length: next() % (maxLength + 1) }, () => alphabet[next() % alphabet.length]).join('');
  for (let i = 0; i < count; i++) {
    const a = word();
    // Half the pairs are small edits of each other, so small distances are well covered.
    if (next() % 2 === 0) {
      const chars = [...a];
      const at = chars.length ? next() % chars.length : 0;
      const edit = next() % 4;
      if (edit === 0) chars.splice(at, 1);
      else if (edit === 1) chars.splice(at, 0, alphabet[next() % alphabet.length]!);
      else if (edit === 2 && chars.length > 1 && at > 0) [chars[at - 1], chars[at]] = [chars[at]!, chars[at - 1]!];
      else chars[at] = alphabet[next() % alphabet.length]!;
      yield [a, chars.join('')];
    } else yield [a, word()];
  }
}

describe('boundedDistance', () => {
  it.each([
    ['nhs.net', 'nhs.net', 0],
    ['nhs.nte', 'nhs.net', 1], // a swap of neighbours costs 1, not 2
    ['nhs.ent', 'nhs.net', 1],
    ['nhs.ne', 'nhs.net', 1],
    ['nhs.nett', 'nhs.net', 1],
    ['nhs.met', 'nhs.net', 1],
    ['gmial.com', 'gmail.com', 1],
    ['nhs.uk', 'nhs.net', 3],
    ['', 'abc', 3],
  ])('%s → %s is %i', (a, b, expected) => {
    expect(boundedDistance(a, b, 5)).toBe(expected);
  });

  it.each([8, 24])('agrees with the damerau-levenshtein package (optimal string alignment) on 5,000 pairs up to %i long', (maxLength) => {
    for (const [a, b] of randomPairs(5000, maxLength)) {
      const reference = damerauLevenshtein(a, b).steps;
      for (const max of [0, 1, 2, 3]) {
        expect(boundedDistance(a, b, max), `${a} / ${b} max ${max}`).toBe(Math.min(reference, max + 1));
      }
    }
  });

  it('gives max + 1 when the distance is over the bound', () => {
    expect(boundedDistance('hotmail.co.uk', 'gmail.com', 2)).toBe(3);
    expect(boundedDistance('a', 'abcdef', 1)).toBe(2);
  });

  it('handles strings longer than its reused rows', () => {
    const long = 'x'.repeat(200);
    expect(boundedDistance(long, `${long}y`, 2)).toBe(1);
  });
});

describe('differingRanges', () => {
  const slices = (typed: string, intended: string) =>
    differingRanges(typed, intended).map(([s, e]) => typed.slice(s, e));

  it.each([
    ['nhs.nte', 'nhs.net', ['te']], // the swapped pair
    ['nhs.met', 'nhs.net', ['m']],
    ['nhs.nett', 'nhs.net', ['t']],
    ['nhs.ne', 'nhs.net', ['e']], // missing letter: the one before the gap
    ['hs.net', 'nhs.net', ['h']], // missing first letter: the one after the gap
    ['hotrnail.com', 'hotmail.com', ['rn']],
    ['nhs.nеt', 'nhs.net', ['е']], // Cyrillic е
    ['nhs.net', 'nhs.net', []],
    ['jane.smtih', 'jane.smith', ['ti']],
    ['john.smith2', 'john.smith1', ['2']],
  ])('%s against %s marks %j', (typed, intended, expected) => {
    expect(slices(typed, intended)).toEqual(expected);
  });
});

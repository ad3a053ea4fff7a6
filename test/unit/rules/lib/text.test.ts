import { describe, expect, it } from 'vitest';
import { escapeRegExp, phrasePattern, snippetAround } from '../../../../src/rules/lib/text';

const matches = (phrases: string[], text: string) => [...text.matchAll(phrasePattern(phrases)!)].map((m) => m[0]);

describe('phrasePattern', () => {
  it('matches whole words in any letter case', () => {
    expect(matches(['safeguarding'], 'SAFEGUARDING referral; safeguarding.')).toEqual(['SAFEGUARDING', 'safeguarding']);
    expect(matches(['dols'], 'Paperwork for idols and DoLS')).toEqual(['DoLS']);
  });

  it('matches keywords that begin or end with punctuation, and accented words', () => {
    expect(matches(['[confidential]'], 'Re: [Confidential] minutes')).toEqual(['[Confidential]']);
    expect(matches(['C. diff'], 'Outbreak of C.  diff on ward 3')).toEqual(['C.  diff']);
    expect(matches(['café'], 'Le café, cafés')).toEqual(['café']);
  });

  it('prefers the longer phrase where two start together', () => {
    expect(matches(['end of life', 'end of life care'], 'End of life care plan')).toEqual(['End of life care']);
  });

  it('gives nothing to match for an empty list', () => {
    expect(phrasePattern([])).toBeUndefined();
    expect(phrasePattern(['  '])).toBeUndefined();
  });

  it('escapes every character that means something in a regular expression', () => {
    expect(new RegExp(escapeRegExp('a.b*c+(d)[e]{f}|g^h$i\\j/k-l?')).test('a.b*c+(d)[e]{f}|g^h$i\\j/k-l?')).toBe(true);
  });
});

describe('snippetAround', () => {
  const marked = (s: { text: string; marks: Array<[number, number]> }) => s.text.slice(...s.marks[0]!);

  it('returns short text whole, with the mark in place', () => {
    const s = snippetAround('NHS no 9434765919 ok', 7, 17);
    expect(s).toEqual({ text: 'NHS no 9434765919 ok', marks: [[7, 17]] });
  });

  it('cuts long text at word breaks, marks the cuts with … and keeps the mark on the same words', () => {
    const before = 'word '.repeat(30);
    const after = ' more'.repeat(30);
    const text = `${before}9434765919${after}`;
    const s = snippetAround(text, before.length, before.length + 10, 20);
    expect(s.text.startsWith('…word')).toBe(true);
    expect(s.text.endsWith('more…')).toBe(true);
    expect(s.text.length).toBeLessThan(50);
    expect(marked(s)).toBe('9434765919');
  });

  it('puts the extract on one line without moving the mark', () => {
    const text = 'Dear GP,\r\nNHS no:\n9434765919\n\nThanks';
    const at = text.indexOf('9434765919');
    const s = snippetAround(text, at, at + 10);
    expect(s.text).not.toMatch(/[\r\n]/);
    expect(marked(s)).toBe('9434765919');
  });
});

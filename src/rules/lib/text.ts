// Small text helpers for rules that look inside the subject and body.

/**
 * `word` with letters/digits on neither side, case-insensitive; any run of whitespace in a phrase
 * matches any run in the text. Unicode-aware, unlike `\b`, so keywords that start or end with
 * punctuation (`[confidential]`, `C. diff`) and accented words still match as whole words.
 */
export function phrasePattern(phrases: readonly string[]): RegExp | undefined {
  const parts = phrases
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => p.split(/\s+/).map(escapeRegExp).join('\\s+'));
  if (parts.length === 0) return undefined;
  // Longest first, so that "safeguarding concern" wins over "safeguarding" at the same place.
  parts.sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${parts.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

export interface Snippet {
  text: string;
  marks: Array<[number, number]>;
}

/**
 * A short, single-line extract of `text` around `[start, end)` for the dialog to show, cut at
 * word breaks, with `…` where it was cut; the mark is moved to match. The dialog must show what is
 * wrong, not repeat the whole body.
 */
export function snippetAround(text: string, start: number, end: number, radius = 40): Snippet {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  if (from > 0) {
    const space = text.slice(from, start).search(/\s/);
    if (space >= 0) from += space + 1;
  }
  if (to < text.length) {
    const tail = text.slice(end, to);
    const lastSpace = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'), tail.lastIndexOf('\t'));
    if (lastSpace >= 0) to = end + lastSpace;
  }
  // One character for one character, so the offsets stay true.
  const middle = text.slice(from, to).replace(/\s/g, ' ');
  const before = from > 0 ? '…' : '';
  const after = to < text.length ? '…' : '';
  const offset = before.length - from;
  return { text: `${before}${middle}${after}`, marks: [[start + offset, end + offset]] };
}

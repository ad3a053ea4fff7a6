// Shows exactly what is wrong: the evidence text with its marked ranges as <mark>
// (`nhs.n`**`te`** for a mistyped domain, the NHS number in a subject).
//
// Accessibility: the marks are bold and underlined as well as tinted, so they do not rely on
// colour (WCAG 1.4.1). Screen readers handle <mark> unevenly (most say nothing, some split the
// word into pieces), so the visual line is aria-hidden and a visually hidden sentence says the
// same thing plainly: "Address: jane@nhs.nte. Highlighted: te. Did you mean nhs.net?"
import type { Evidence } from '../rules/types';
import { h, type Child } from './dom';
import { messages as m } from './messages';

const SOURCE_LABEL: Record<Evidence['source'], string> = {
  address: m.sourceAddress,
  subject: m.sourceSubject,
  body: m.sourceBody,
  attachment: m.sourceAttachment,
};

/** Marks clamped to the text, sorted, overlaps merged, empty ones dropped. */
export function normaliseMarks(text: string, marks: Evidence['marks']): Array<[number, number]> {
  const ranges = marks
    .map(([start, end]): [number, number] => [
      Math.max(0, Math.min(text.length, Math.floor(start))),
      Math.max(0, Math.min(text.length, Math.floor(end))),
    ])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

export function renderEvidence(doc: Document, evidence: Evidence): HTMLElement {
  const { text, suggestion } = evidence;
  const ranges = normaliseMarks(text, evidence.marks);
  const pieces: Child[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    pieces.push(text.slice(at, start), h(doc, 'mark', null, text.slice(start, end)));
    at = end;
  }
  pieces.push(text.slice(at));

  const label = SOURCE_LABEL[evidence.source];
  const spoken = [m.evidenceSpoken(label, text)];
  if (ranges.length) spoken.push(m.highlighted(ranges.map(([s, e]) => text.slice(s, e)).join(', ')));
  if (suggestion) spoken.push(m.didYouMean(suggestion));

  return h(
    doc,
    'div',
    { class: 'evidence' },
    h(
      doc,
      'div',
      { 'aria-hidden': 'true' },
      h(doc, 'span', { class: 'source' }, label),
      h(doc, 'span', { class: 'exact' }, ...pieces),
      suggestion && h(doc, 'span', { class: 'suggest' }, m.didYouMean(suggestion)),
    ),
    h(doc, 'span', { class: 'sr' }, spoken.join(' ')),
  );
}

// Does this text say that something is attached? For `missing-attachment`.
//
// A broad word list would fire on ordinary care-home English ("she is very attached to her
// carer", "attachment theory", "the enclosed garden") and on the confidentiality footer nearly
// every NHS signature carries ("This email and any attachments are confidential"). So:
// - "attached" (the word people use most) counts wherever it stands, unless its context says it
//   is not about this email: negated ("nothing attached", "I haven't attached"), someone else's
//   ("the attached you sent", "your attachment"), a footer ("any attached files"), a feeling
//   ("very attached") or a link to something else ("attached to the ward" — but "attached to this
//   email" still counts);
// - "attachment", "enclosed", "attach" and "enclose" count only in the phrases that announce an
//   attachment ("please find enclosed", "see attachment", "I enclose", "Enclosed is").
// Phrases from the policy count wherever they stand, with the same negation checks.

import { phrasePattern } from './text';

const APOSTROPHE = "['’]";
const APOSTROPHE_CHARS = "'’";

/** Phrases that announce an attachment; each match is then checked against its context. */
const ANNOUNCING: readonly RegExp[] = [
  // "attached" on its own: "Referral attached", "the attached form", "Attached is…"
  /(?<![\p{L}\p{N}_])attached(?![\p{L}\p{N}_])/giu,
  // "please find attached / enclosed / attachment", "find herewith the attached"
  /\b(?:please\s+)?find\s+(?:herewith\s+)?(?:(?:the|my|our)\s+)?(?:attached|enclosed|attachments?)\b/gi,
  // "PFA" (please find attached), written as a word
  /\bPFA\b/gi,
  // "I attach", "I've enclosed", "we are enclosing", "I'm attaching"
  new RegExp(
    `\\b(?:I|we)(?:\\s*${APOSTROPHE}(?:ve|m|re)|\\s+have|\\s+am|\\s+are)?\\s+(?:(?:also|now|just)\\s+)?(?:attach|attached|attaching|enclose|enclosed|enclosing)\\b`,
    'gi',
  ),
  // "Attaching the minutes", "attaching them here"
  /\battaching\b/gi,
  // "see attached", "open the attachments", "review the enclosed"
  /\b(?:see|open|view|check|read|review)\s+(?:the\s+)?(?:attached|enclosed|attachments?)\b/gi,
  // "Enclosed is / are / please find / you will find"
  /\benclosed\s+(?:is|are|please\s+find|you\s+will\s+find|herewith)\b/gi,
  // "as an attachment", "in the attachment", "the attachment contains / shows / below"
  /\b(?:as\s+an?|in\s+the|via|by)\s+attachments?\b/gi,
  /\b(?:the|this|these)\s+attachments?\s+(?:contains?|includes?|shows?|lists?|sets\s+out|gives|below|above)\b/gi,
];

/** Just before the phrase: it is negated or not the sender's ("no", "haven't … yet"). */
const NEGATED_BEFORE = new RegExp(
  // "no attachment", "nothing is attached", "not yet attached", "haven't attached", "can't open
  // the attached" — up to two words between, never across punctuation.
  `(?:\\b(?:no|not|nothing|without|never|neither|nor)|n${APOSTROPHE}t)\\s+(?:[\\p{L}${APOSTROPHE_CHARS}]+\\s+){0,2}$` +
    // "your attachment", "you attached", "any attachments" (the footer), "thanks for the attached"
    `|\\b(?:your|you|any|thanks?\\s+(?:you\\s+)?for(?:\\s+(?:the|your))?)\\s+$`,
  'iu',
);

/** Just before "attached": a feeling, not a file ("very attached", "strings attached"). */
const FEELING_BEFORE =
  /\b(?:strings|emotionally|very|so|quite|really|too|more|less|become|becomes|became|becoming|get|gets|got|getting|grown|grew|remain|remains|remained|stay|stays|stayed)\s+$/i;

/** Just after: it belongs to someone else ("the attachment you sent", "…from your email"). */
const SOMEONE_ELSES_AFTER =
  /^\s+(?:(?:that|which)\s+)?(?:you|they|he|she)\s+(?:have\s+|had\s+|has\s+)?(?:sent|attached|forwarded|provided|shared|emailed)\b|^\s+from\s+(?:you|your)\b/i;

/** "attached to the ward": joined to something that is not this email. */
const ATTACHED_TO_OTHER =
  /^\s+to\s+(?!(?:this|the|my|our)\s+(?:e-?mail|message|mail|letter|note)\b)/i;

export interface PhraseMatch {
  start: number;
  end: number;
}

function counts(text: string, start: number, end: number, isAttachedWord: boolean): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  const after = text.slice(end, end + 60);
  if (NEGATED_BEFORE.test(before)) return false;
  if (SOMEONE_ELSES_AFTER.test(after)) return false;
  if (isAttachedWord && (FEELING_BEFORE.test(before) || ATTACHED_TO_OTHER.test(after))) return false;
  return true;
}

/**
 * The first place where `text` says something is attached, or undefined. `extraPhrases` are the
 * policy's own words (`rules["missing-attachment"].phrases`), matched as whole words.
 */
export function findAttachmentClaim(text: string, extraPhrases: readonly string[] = []): PhraseMatch | undefined {
  const patterns = [...ANNOUNCING];
  const own = phrasePattern(extraPhrases);
  if (own) patterns.push(own);
  // The earliest phrase wins, and at the same place the longest ("Please find attached" rather
  // than "attached"), so the dialog highlights the whole phrase.
  let first: PhraseMatch | undefined;
  for (const pattern of patterns) {
    for (const match of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
      const start = match.index;
      const end = start + match[0].length;
      if (first && (start > first.start || (start === first.start && end <= first.end))) break;
      if (counts(text, start, end, pattern === ANNOUNCING[0])) {
        first = { start, end };
        break;
      }
    }
  }
  return first;
}

// The options page's editing logic, without the DOM: the policy being edited, list editing, and
// turning the schema's errors into "this field, this message". Every check of a value is the
// policy schema's own (parsePolicy for the document, domainEntryProblem for one list entry), so
// the page can never accept what the guard would reject, or the other way round.
import { parsePolicy, type Policy } from '../policy/index';
import { checkDomainEntry } from '../policy/dcb1596';

export const LIST_FIELDS = ['organisationDomains', 'secureDomains', 'trustedDomains', 'blockedDomains'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

/** Only the block list may name single addresses (product.md: "blockedDomains may take full addresses too"). */
export const allowsAddresses = (field: ListField): boolean => field === 'blockedDomains';

/**
 * The policy as it is being edited: shaped like a complete Policy, but a number field holds the
 * text typed when it is not a number yet, so the schema (not the page) says what is wrong with it.
 */
export type EditablePolicy = Policy;

export function editableCopy(policy: Policy): EditablePolicy {
  return structuredClone(policy);
}

/** Same settings (lists compared in order, as they are saved). */
export function samePolicy(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Write `value` at `path` (`['rules', 'large-audience', 'threshold']`) in the editable policy. */
export function setSetting(policy: EditablePolicy, path: readonly string[], value: unknown): void {
  let node = policy as unknown as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}

export function getSetting(policy: EditablePolicy, path: readonly string[]): unknown {
  let node: unknown = policy;
  for (const key of path) node = (node as Record<string, unknown> | undefined)?.[key];
  return node;
}

/** What was typed in a whole-number box: a number when it is one, else the text itself. */
export function numberFromInput(text: string): number | string {
  const trimmed = text.trim();
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** A one-per-line box: each non-blank line, trimmed. */
export function linesToList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** What was typed or pasted into a list's "add" box: entries separated by spaces, commas, semicolons or lines. */
export function splitEntries(text: string): string[] {
  return text.split(/[\s,;]+/).filter((entry) => entry !== '');
}

export interface AddResult {
  list: string[];
  /** Normalised entries that were added. */
  added: string[];
  /** Entries that were in the list already. */
  already: string[];
  /** Entries the schema refuses, as typed, with its reason. */
  problems: Array<{ entry: string; problem: string }>;
}

/** Add typed entries to a list: valid new ones are added, the rest reported. */
export function addEntries(list: readonly string[], text: string, allowAddress: boolean): AddResult {
  const present = new Set(list);
  const out = [...list];
  const result: AddResult = { list: out, added: [], already: [], problems: [] };
  for (const raw of splitEntries(text)) {
    const { entry, problem } = checkDomainEntry(raw, allowAddress);
    if (problem) result.problems.push({ entry: raw, problem });
    else if (present.has(entry)) result.already.push(entry);
    else {
      present.add(entry);
      out.push(entry);
      result.added.push(entry);
    }
  }
  return result;
}

export function removeEntry(list: readonly string[], entry: string): string[] {
  return list.filter((item) => item !== entry);
}

export interface FilteredList {
  /** At most `limit` matching entries, in list order. */
  shown: string[];
  /** How many entries match in all. */
  matching: number;
}

/**
 * The entries to show: those containing `query` (case-insensitive), at most `limit` of them, so
 * a list of thousands of DCB1596 domains never puts thousands of rows on the page.
 */
export function filterEntries(list: readonly string[], query: string, limit: number): FilteredList {
  const needle = query.trim().toLowerCase();
  const shown: string[] = [];
  let matching = 0;
  for (const entry of list) {
    if (needle && !entry.includes(needle)) continue;
    matching++;
    if (shown.length < limit) shown.push(entry);
  }
  return { shown, matching };
}

/** One problem the schema found, placed: `field` is the setting it belongs to, when there is one. */
export interface FieldError {
  /** The whole line as parsePolicy words it (`rules.large-audience.threshold: must be …`). */
  text: string;
  /** The setting's path without a list index (`secureDomains`, `rules.large-audience.threshold`). */
  field?: string;
  /** For an entry of a list: its position (0-based). */
  index?: number;
  /** The message after the path. */
  message: string;
}

// parsePolicy's paths: `name`, `.name`, `[3]` or `["odd name"]` segments, then ": ".
const PATH = /^((?:[A-Za-z0-9_$-]+|\["(?:[^"\\]|\\.)*"\])(?:\.[A-Za-z0-9_$-]+|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*): ([\s\S]*)$/;

export function placeError(text: string): FieldError {
  const match = PATH.exec(text);
  if (!match) return { text, message: text };
  const path = match[1]!;
  const message = match[2]!;
  const indexed = /^(.*)\[(\d+)\]$/.exec(path);
  if (indexed) return { text, field: indexed[1]!, index: Number(indexed[2]), message };
  return { text, field: path, message };
}

export type DraftCheck = { ok: true; policy: Policy; errors: [] } | { ok: false; errors: FieldError[] };

/** Validate the policy being edited with the one schema. */
export function checkEditable(policy: EditablePolicy): DraftCheck {
  const parsed = parsePolicy(policy);
  if (parsed.ok) return { ok: true, policy: parsed.policy, errors: [] };
  return { ok: false, errors: parsed.errors.map(placeError) };
}

// Daily activity counts, for the popup ("today") and for information-governance review (a CSV a
// manager can open in a spreadsheet): how often each warning appeared and what people did next.
//
// COUNTS ONLY: no addresses, no subjects, no content, nothing that identifies a message or a
// person. The day is the finest time it keeps. Kept for 90 days, then dropped.
import { storage } from 'wxt/utils/storage';
import { RULE_IDS } from '../rules/ids';
import type { FixKind } from '../rules/types';
import type { RuleId } from '../policy/schema';
import { addDays, dayKey, isDayKey } from './days';

/** How many days of activity are kept and reported (today and the 89 before it). */
export const ACTIVITY_DAYS = 90;

/** Every kind of one-click fix (src/rules/types.ts `Fix`); the check below keeps the two in step. */
export const FIX_KINDS = [
  'add-secure-tag',
  'move-to-bcc',
  'remove-recipient',
  'replace-address',
  'replace-domain',
] as const satisfies readonly FixKind[];
// Fails to compile when a Fix kind is added to types.ts and not here (it would go uncounted).
type MissingFixKind = Exclude<FixKind, (typeof FIX_KINDS)[number]>;
const everyFixKindListed: [MissingFixKind] extends [never] ? true : MissingFixKind = true;
void everyFixKindListed;

/** Something the user saw or did, as the background counts it. */
export type ActivityEvent =
  /** A warning listed these rules (one count per rule). */
  | { type: 'warning-shown'; ruleIds: readonly RuleId[] }
  /** A message was sent; `afterWarning` when a warning had been shown for it. */
  | { type: 'sent'; afterWarning: boolean }
  /** The user chose "Edit email" after a warning. */
  | { type: 'edited-after-warning' }
  /** A one-click fix was used. */
  | { type: 'fix-used'; kind: FixKind };

/** One day's counts, every field present (zero when nothing happened). */
export interface DayActivity {
  /** Local day, `YYYY-MM-DD`. */
  date: string;
  /** Warnings shown (each time the dialog opened), whatever rules they listed. */
  warnings: number;
  /** Warnings shown, per rule id (one warning listing three rules counts once for each). */
  warningsShown: Record<RuleId, number>;
  /** Messages sent after a warning ("Send anyway", or sent once the draft was put right). */
  sentAfterWarning: number;
  /** "Edit email" chosen after a warning. */
  editedAfterWarning: number;
  /** One-click fixes used, per kind. */
  fixesUsed: Record<(typeof FIX_KINDS)[number], number>;
  /** Messages sent with no warning at all. */
  sentWithoutWarning: number;
}

/** Stored shape, version 1: only the days and counts that are not zero. */
interface StoredDayV1 {
  warnings?: number;
  warningsShown?: Partial<Record<string, number>>;
  sentAfterWarning?: number;
  editedAfterWarning?: number;
  fixesUsed?: Partial<Record<string, number>>;
  sentWithoutWarning?: number;
}
interface StoredActivityV1 {
  days: Record<string, StoredDayV1>;
}

const activityItem = storage.defineItem<StoredActivityV1>('local:activityCounts', {
  fallback: { days: {} },
  // Version 1 is the first shape; a later shape adds `2: (v1) => v2` so counts survive updates.
  version: 1,
  migrations: {},
});

const isRuleId = (id: string): id is RuleId => (RULE_IDS as readonly string[]).includes(id);
const isFixKind = (kind: string): kind is (typeof FIX_KINDS)[number] =>
  (FIX_KINDS as readonly string[]).includes(kind);

function count(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0;
}

function emptyDay(date: string): DayActivity {
  return {
    date,
    warnings: 0,
    warningsShown: Object.fromEntries(RULE_IDS.map((id) => [id, 0])) as Record<RuleId, number>,
    sentAfterWarning: 0,
    editedAfterWarning: 0,
    fixesUsed: Object.fromEntries(FIX_KINDS.map((kind) => [kind, 0])) as DayActivity['fixesUsed'],
    sentWithoutWarning: 0,
  };
}

/** A stored day read back as full counts; anything malformed counts as zero (repaired, not rejected). */
function readDay(date: string, stored: StoredDayV1 | undefined): DayActivity {
  const day = emptyDay(date);
  if (!stored || typeof stored !== 'object') return day;
  for (const id of RULE_IDS) day.warningsShown[id] = count(stored.warningsShown?.[id]);
  for (const kind of FIX_KINDS) day.fixesUsed[kind] = count(stored.fixesUsed?.[kind]);
  day.warnings = count(stored.warnings);
  day.sentAfterWarning = count(stored.sentAfterWarning);
  day.editedAfterWarning = count(stored.editedAfterWarning);
  day.sentWithoutWarning = count(stored.sentWithoutWarning);
  return day;
}

async function readDays(): Promise<Record<string, StoredDayV1>> {
  const stored: unknown = await activityItem.getValue();
  const days = (stored as Partial<StoredActivityV1> | null)?.days;
  return days && typeof days === 'object' ? days : {};
}

/** Count one event on `now`'s day, and drop days older than the 90-day window. */
export async function recordActivity(event: ActivityEvent, now: Date): Promise<void> {
  const today = dayKey(now);
  const oldestKept = addDays(today, -(ACTIVITY_DAYS - 1));
  const days = await readDays();
  const day: StoredDayV1 = { ...days[today] };
  switch (event.type) {
    case 'warning-shown': {
      const shown = { ...day.warningsShown };
      for (const id of event.ruleIds) if (isRuleId(id)) shown[id] = count(shown[id]) + 1;
      day.warningsShown = shown;
      day.warnings = count(day.warnings) + 1;
      break;
    }
    case 'sent':
      if (event.afterWarning) day.sentAfterWarning = count(day.sentAfterWarning) + 1;
      else day.sentWithoutWarning = count(day.sentWithoutWarning) + 1;
      break;
    case 'edited-after-warning':
      day.editedAfterWarning = count(day.editedAfterWarning) + 1;
      break;
    case 'fix-used':
      if (isFixKind(event.kind)) day.fixesUsed = { ...day.fixesUsed, [event.kind]: count(day.fixesUsed?.[event.kind]) + 1 };
      break;
  }
  const kept: Record<string, StoredDayV1> = {};
  for (const [date, counts] of Object.entries(days)) {
    // Days after today are kept: they mean the clock was put back, and their counts are real.
    if (isDayKey(date) && date >= oldestKept) kept[date] = counts;
  }
  kept[today] = day;
  await activityItem.setValue({ days: kept });
}

/** The last 90 days (today included), oldest first, one entry per day even when nothing happened. */
export async function getActivity(now: Date): Promise<DayActivity[]> {
  const today = dayKey(now);
  const days = await readDays();
  const out: DayActivity[] = [];
  for (let back = ACTIVITY_DAYS - 1; back >= 0; back--) {
    const date = addDays(today, -back);
    out.push(readDay(date, Object.hasOwn(days, date) ? days[date] : undefined));
  }
  return out;
}

/** Forget all activity counts. */
export async function clearActivity(): Promise<void> {
  await activityItem.removeValue();
}

/** A day's totals, as the popup shows them. */
export interface DayTotals {
  /** Warnings shown (dialogs), not rule mentions: three rules in one warning count as one. */
  warningsShown: number;
  sentAfterWarning: number;
  editedAfterWarning: number;
  fixesUsed: number;
  sentWithoutWarning: number;
}

export function dayTotals(day: DayActivity): DayTotals {
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    warningsShown: day.warnings,
    sentAfterWarning: day.sentAfterWarning,
    editedAfterWarning: day.editedAfterWarning,
    fixesUsed: sum(day.fixesUsed),
    sentWithoutWarning: day.sentWithoutWarning,
  };
}

/** The CSV columns, in order; also the header row. Names are fixed text, never user input. */
export const ACTIVITY_CSV_COLUMNS: readonly string[] = [
  'date',
  'sent_without_warning',
  'sent_after_warning',
  'edited_after_warning',
  'warnings_shown',
  ...RULE_IDS.map((id) => `warning_shown:${id}`),
  ...FIX_KINDS.map((kind) => `fix_used:${kind}`),
];

/**
 * The last 90 days as CSV (RFC 4180, CRLF line ends) for information-governance review: a header
 * row, then one row per day, oldest first. Every cell is an ISO date, a whole number or a fixed
 * column name made of rule ids, so no cell can start with `=`, `+`, `-` or `@` and a spreadsheet
 * cannot read one as a formula (OWASP "CSV injection"); nothing needs quoting.
 */
export async function activityCsv(now: Date): Promise<string> {
  const rows = [ACTIVITY_CSV_COLUMNS.join(',')];
  for (const day of await getActivity(now)) {
    rows.push(
      [
        day.date,
        day.sentWithoutWarning,
        day.sentAfterWarning,
        day.editedAfterWarning,
        day.warnings,
        ...RULE_IDS.map((id) => day.warningsShown[id]),
        ...FIX_KINDS.map((kind) => day.fixesUsed[kind]),
      ].join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

// Reads NHS England's list of DCB1596-accredited organisations (a CSV file with an organisation
// name column and an email domain column; product.md, "The problem") into policy domain entries,
// and merges them into the secure domains.
//
// The file is edited by hand and opened in Excel before it reaches us, so this is forgiving about
// everything that is not the data (encoding, BOM, line endings, a title line above the header,
// blank lines, quoting) and strict about the data: every domain passes the same check the policy
// schema uses (`domainEntryProblem`), and every row that is left out is reported with its line
// number and the reason, so a manager can see exactly what was and was not imported.
//
// Pure: no DOM, no storage. The CSV reader is hand-written (about 40 lines, RFC 4180: quoted
// fields, doubled quotes, newlines inside quotes) because no CSV library is installed and this
// file only needs one column of one table; papaparse would be the choice if more were needed.
import { domainEntryProblem, normaliseDomainEntry } from './schema';

/** A row of the file that was not imported, and why (plain English, for the options page). */
export interface SkippedRow {
  /** 1-based line number in the file where the row starts. */
  line: number;
  /** The value in the domain column (may be empty); for a row with too many columns, the row. */
  value: string;
  reason: string;
}

export interface Dcb1596File {
  ok: true;
  /** Normalised, valid, unique domain entries, in file order. */
  domains: string[];
  /** The header of the column the domains were read from, as written in the file. */
  column: string;
  /** How the bytes were decoded. */
  encoding: 'utf-8' | 'windows-1252';
  /** Data rows read (blank lines not counted). */
  rows: number;
  /** Entries that appeared more than once in the file (counted once in `domains`). */
  duplicates: number;
  skipped: SkippedRow[];
}

export type Dcb1596Result = Dcb1596File | { ok: false; error: string };

/**
 * Headers that name the domain column, compared without case, spaces or punctuation. Exact names
 * first; otherwise any header containing "domain" (one containing "email" as well preferred).
 */
const DOMAIN_HEADERS = ['emaildomain', 'domain', 'emaildomainname', 'domainname', 'emaildomains', 'domains'];

/** Rows searched for the header: the published file may have a title line or two above it. */
const HEADER_SEARCH_ROWS = 10;

/** Decode bytes: UTF-8 when they are valid UTF-8, else Windows-1252 (what Excel saves on Windows). */
export function decodeCsvBytes(bytes: ArrayBuffer | Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    // `fatal` makes invalid UTF-8 throw instead of turning into U+FFFD, which is how a
    // Windows-1252 file (an "é" is the single byte 0xE9) is told apart from a UTF-8 one.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes);
    return { text: text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c), encoding: 'windows-1252' };
  }
}

/**
 * Windows-1252's 0x80–0x9F (curly quotes, dashes, €). Browsers decode them correctly, but Node
 * since 20.18.3 decodes "windows-1252" as ISO-8859-1, giving C1 control characters instead
 * (nodejs/node#56542, #60888). The unit tests run in Node, and the fix-up is a no-op in a
 * browser, so it is applied everywhere. Unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay.
 */
const CP1252_C1 = [
  '€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008d', 'Ž', '\u008f',
  '\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009d', 'ž', 'Ÿ',
];

interface CsvRow {
  /** 1-based line where the row starts. */
  line: number;
  fields: string[];
}

/** RFC 4180 rows; CRLF, LF or CR line ends; a quoted field may hold commas, quotes and newlines. */
export function readCsvRows(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    fields.push(field);
    rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      // A quote opens a quoted field only at its start (spaces before it are Excel's padding).
      field = '';
      quoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

const squash = (header: string) => header.toLowerCase().replace(/[^a-z]/g, '');

function findDomainColumn(header: string[]): number {
  const squashed = header.map(squash);
  for (const name of DOMAIN_HEADERS) {
    const at = squashed.indexOf(name);
    if (at >= 0) return at;
  }
  const withEmail = squashed.findIndex((h) => h.includes('domain') && h.includes('email'));
  if (withEmail >= 0) return withEmail;
  return squashed.findIndex((h) => h.includes('domain'));
}

function filledWidth(fields: readonly string[]): number {
  let width = fields.length;
  while (width > 0 && fields[width - 1]!.trim() === '') width--;
  return width;
}

const isBlank = (row: CsvRow) => row.fields.every((f) => f.trim() === '');

/**
 * One cell may name more than one domain ("a.org; b.org"), and entries may be written as
 * "@example.org" (the part of an address after @).
 */
function cellEntries(cell: string): string[] {
  return cell
    .split(/[;,\n]+/)
    .map((part) => part.trim())
    .map((part) => part.replace(/^@/, ''))
    .filter((part) => part !== '');
}

/**
 * One typed or imported entry, normalised as the schema stores it, with the schema's own reason
 * when it is not acceptable: exactly the check the policy schema's domain lists make.
 */
export function checkDomainEntry(raw: string, allowAddress: boolean): { entry: string; problem?: string } {
  const problem = domainEntryProblem(raw, allowAddress);
  return problem ? { entry: normaliseDomainEntry(raw), problem } : { entry: normaliseDomainEntry(raw) };
}

/** Read a DCB1596 list (bytes as downloaded, or text) into domain entries plus a report. */
export function parseDcb1596Csv(input: ArrayBuffer | Uint8Array | string): Dcb1596Result {
  const decoded = typeof input === 'string' ? { text: input, encoding: 'utf-8' as const } : decodeCsvBytes(input);
  const text = decoded.text.replace(/^\uFEFF/, '');
  const rows = readCsvRows(text).filter((row) => !isBlank(row));
  if (rows.length === 0) return { ok: false, error: 'The file is empty.' };

  let headerIndex = -1;
  let column = -1;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    column = findDomainColumn(rows[i]!.fields);
    if (column >= 0) {
      headerIndex = i;
      break;
    }
  }
  if (headerIndex < 0) {
    return {
      ok: false,
      error:
        'Safe Send could not find a column of email domains. The file needs a header row with a column called "Email domain" (or "Domain").',
    };
  }
  const header = rows[headerIndex]!;
  // Excel pads rows with empty cells (trailing commas); only cells with something in them count.
  const width = filledWidth(header.fields);
  const columnName = header.fields[column]!.trim();

  const domains: string[] = [];
  const seen = new Set<string>();
  const skipped: SkippedRow[] = [];
  let duplicates = 0;
  const data = rows.slice(headerIndex + 1);
  for (const row of data) {
    const value = (row.fields[column] ?? '').trim();
    const filled = filledWidth(row.fields);
    if (filled > width || row.fields.length <= column) {
      // Too many: usually a name with a comma and no quotes, which shifts every later column,
      // so the value in the domain column is not the domain. Too few: the domain column is missing.
      skipped.push({
        line: row.line,
        value: filled > width ? row.fields.slice(0, filled).join(',') : value,
        reason:
          filled > width
            ? `has ${filled} columns but the header has ${width}; a name with a comma in it needs quotes around it`
            : `has no "${columnName}" column`,
      });
      continue;
    }
    const entries = cellEntries(value);
    if (entries.length === 0) {
      skipped.push({ line: row.line, value, reason: `has nothing in the "${columnName}" column` });
      continue;
    }
    for (const raw of entries) {
      const { entry, problem } = checkDomainEntry(raw, false);
      if (problem) {
        skipped.push({ line: row.line, value: raw, reason: problem });
        continue;
      }
      if (seen.has(entry)) {
        duplicates++;
        continue;
      }
      seen.add(entry);
      domains.push(entry);
    }
  }
  return {
    ok: true,
    domains,
    column: columnName,
    encoding: decoded.encoding,
    rows: data.length,
    duplicates,
    skipped,
  };
}

export interface MergeResult {
  /** The merged list: the existing entries in their order, then the new ones. */
  domains: string[];
  /** Entries that were not in the list before. */
  added: string[];
  /** How many of the file's entries were in the list already. */
  alreadyPresent: number;
}

/** Add a file's domains to a list; entries compare in their normalised form. */
export function mergeDomains(existing: readonly string[], incoming: readonly string[]): MergeResult {
  const present = new Set(existing.map(normaliseDomainEntry));
  const added: string[] = [];
  let alreadyPresent = 0;
  for (const entry of incoming) {
    const normalised = normaliseDomainEntry(entry);
    if (present.has(normalised)) {
      alreadyPresent++;
      continue;
    }
    present.add(normalised);
    added.push(normalised);
  }
  return { domains: [...existing, ...added], added, alreadyPresent };
}

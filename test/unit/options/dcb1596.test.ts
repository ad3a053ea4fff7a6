// The DCB1596 importer on messy files: the fixture is a hand-made copy of the list's shape as it
// arrives after a round trip through Excel on Windows (cp1252 bytes, CRLF, a title line, padding
// commas), with one of each mistake a manager's edits leave behind.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decodeCsvBytes, mergeDomains, parseDcb1596Csv, readCsvRows, type Dcb1596File } from '../../../src/policy/dcb1596';

const sample = readFileSync(new URL('./fixtures/dcb1596-sample.csv', import.meta.url));
const utf8 = (text: string) => new TextEncoder().encode(text);

function parsed(input: ArrayBuffer | Uint8Array | string): Dcb1596File {
  const result = parseDcb1596Csv(input);
  if (!result.ok) throw new Error(`expected the file to parse: ${result.error}`);
  return result;
}

describe('the sample file (Windows-1252, CRLF, title line, mistakes)', () => {
  const result = parsed(new Uint8Array(sample));

  test('is really Windows-1252 bytes, and is decoded as such', () => {
    // "Café" is the byte 0xE9 in cp1252; in UTF-8 it would be 0xC3 0xA9.
    expect(sample.includes(Buffer.from('Caf\xe9', 'latin1'))).toBe(true);
    expect(result.encoding).toBe('windows-1252');
    expect(decodeCsvBytes(new Uint8Array(sample)).text).toContain('St Mary’s Hospice');
    expect(decodeCsvBytes(new Uint8Array(sample)).text).toContain('Crèche & Nursing');
  });

  test('finds the domain column by its header below the title line', () => {
    expect(result.column).toBe('Email Domain Name');
  });

  test('imports every good domain once, normalised, in file order', () => {
    expect(result.domains).toEqual([
      'sunrisecare.org.uk',
      'crechenursing.co.uk', // upper case and a trailing space, inside quotes with a comma
      'stmaryshospice.org.uk', // written "@stmaryshospice.org.uk"
      '*.cafecare.org.uk', // a wildcard entry stays a wildcard
      'oakscare.co.uk', // row with doubled quotes in the name
      'elmhouse-nursing.org.uk', // row whose name has a line break inside quotes
      'twosites.org.uk', // two domains in one cell
      'twosites-north.org.uk',
      'nhs.net',
      'ashgrove-care.co.uk', // row padded with trailing commas
    ]);
  });

  test('counts the duplicate row (different case, trailing dot) instead of adding it twice', () => {
    expect(result.duplicates).toBe(1);
  });

  test('reports every skipped row with its line number and a reason', () => {
    expect(result.skipped.map((s) => s.line)).toEqual([12, 13, 14, 15]);
    const [columns, notDomain, empty, address] = result.skipped;
    expect(columns?.reason).toMatch(/5 columns but the header has 4.*quotes/);
    expect(columns?.value).toContain('Smith');
    expect(notDomain).toMatchObject({ value: 'n/a' });
    expect(notDomain?.reason).toMatch(/not a domain/);
    expect(empty?.reason).toBe('has nothing in the "Email Domain Name" column');
    expect(address?.reason).toMatch(/is an email address; type only the part after @/);
  });

  test('counts data rows, not blank lines or the header', () => {
    expect(result.rows).toBe(14);
  });
});

describe('encodings', () => {
  test('a UTF-8 file with a byte order mark: the BOM is not part of the first header', () => {
    const bytes = utf8('\uFEFFDomain,Organisation\nexample.org,Café Care\n');
    const result = parsed(bytes);
    expect(result.encoding).toBe('utf-8');
    expect(result.column).toBe('Domain');
    expect(result.domains).toEqual(['example.org']);
  });

  test('UTF-8 multi-byte characters are not mistaken for Windows-1252', () => {
    expect(decodeCsvBytes(utf8('Organisation,Email domain\nSt Mary’s,stmarys.org.uk\n'))).toEqual({
      text: 'Organisation,Email domain\nSt Mary’s,stmarys.org.uk\n',
      encoding: 'utf-8',
    });
  });

  test('an ArrayBuffer (what File.arrayBuffer gives) is accepted', () => {
    const bytes = utf8('Email domain\nexample.org\n');
    expect(parsed(bytes.buffer as ArrayBuffer).domains).toEqual(['example.org']);
  });

  test('an internationalised domain is stored in its ASCII form, as the rules compare it', () => {
    expect(parsed('Email domain\nbücher-pflege.de\n').domains).toEqual(['xn--bcher-pflege-dlb.de']);
  });
});

describe('headers', () => {
  test.each([
    ['Email domain'],
    ['Domain'],
    ['Email Domain Name'],
    ['  EMAIL   DOMAIN  '],
    ['email_domain'],
    ['Secure email domain(s)'],
  ])('finds the column called %j', (header) => {
    expect(parsed(`Organisation,${header}\nA Care Home,a-care.org.uk\n`).domains).toEqual(['a-care.org.uk']);
  });

  test('prefers the email domain column over another column mentioning domains', () => {
    const result = parsed('Domain type,Organisation,Email domain\nO365,A Care Home,a-care.org.uk\n');
    expect(result.column).toBe('Email domain');
    expect(result.domains).toEqual(['a-care.org.uk']);
  });

  test('a file without a domain column is refused with a message saying what is needed', () => {
    const result = parseDcb1596Csv('Organisation,ODS code\nA Care Home,ABC12\n');
    expect(result).toEqual({ ok: false, error: expect.stringContaining('"Email domain"') });
  });

  test('an empty file (or only blank lines) is refused', () => {
    expect(parseDcb1596Csv('')).toEqual({ ok: false, error: 'The file is empty.' });
    expect(parseDcb1596Csv('\r\n\r\n,,\r\n')).toEqual({ ok: false, error: 'The file is empty.' });
  });
});

describe('rows', () => {
  test('line ends may be CRLF, LF or CR, mixed in one file', () => {
    expect(parsed('Email domain\r\na.org.uk\nb.org.uk\rc.org.uk').domains).toEqual(['a.org.uk', 'b.org.uk', 'c.org.uk']);
  });

  test('a row with too few columns is reported, not read from the wrong place', () => {
    const result = parsed('Organisation,Email domain\nOnly a name\nB,b.org.uk\n');
    expect(result.domains).toEqual(['b.org.uk']);
    expect(result.skipped).toEqual([{ line: 2, value: '', reason: 'has no "Email domain" column' }]);
  });

  test('line numbers count the lines inside quoted fields and blank lines', () => {
    const result = parsed('Organisation,Email domain\n"Two\nlines",a.org.uk\n\n"Three\r\nline\r\nname",not a domain\n');
    expect(result.skipped.map((s) => s.line)).toEqual([5]);
  });

  test('"*" alone is refused: it would mark every domain secure', () => {
    const result = parsed('Email domain\n*\n*.good.org.uk\n');
    expect(result.domains).toEqual(['*.good.org.uk']);
    expect(result.skipped[0]).toMatchObject({ line: 2, value: '*', reason: expect.stringMatching(/every domain/) });
  });

  test('a web address is refused with the reason', () => {
    const result = parsed('Email domain\nhttps://example.org/\n');
    expect(result.domains).toEqual([]);
    expect(result.skipped[0]?.reason).toMatch(/is a web address; type only the domain/);
  });
});

describe('readCsvRows', () => {
  test('quoted fields keep commas, doubled quotes and line breaks', () => {
    expect(readCsvRows('"a, b","say ""hi""","x\ny"\n').map((r) => r.fields)).toEqual([['a, b', 'say "hi"', 'x\ny']]);
  });

  test('a last line without a line end is still a row', () => {
    expect(readCsvRows('a,b\nc,d').map((r) => r.fields)).toEqual([['a', 'b'], ['c', 'd']]);
  });
});

describe('mergeDomains', () => {
  test('adds only new entries, keeps the existing order and counts the ones already there', () => {
    const merged = mergeDomains(['nhs.net', 'a.org.uk'], ['A.ORG.UK', 'b.org.uk', 'nhs.net', 'c.org.uk']);
    expect(merged).toEqual({
      domains: ['nhs.net', 'a.org.uk', 'b.org.uk', 'c.org.uk'],
      added: ['b.org.uk', 'c.org.uk'],
      alreadyPresent: 2,
    });
  });

  test('merging the sample into the default secure list adds all but nhs.net', () => {
    const file = parsed(new Uint8Array(sample));
    const merged = mergeDomains(['nhs.net'], file.domains);
    expect(merged.added).toHaveLength(9);
    expect(merged.alreadyPresent).toBe(1);
  });
});

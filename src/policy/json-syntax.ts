// Where a policy file stops being JSON, and why, in words a care manager can act on.
//
// Why not the browser's own message: JSON.parse says different things in each engine, and for the
// commonest hand-editing slip — a comma after the last item — V8 gives no position at all
// (`Unexpected token ']', "[1,2,]" is not valid JSON`). This scanner runs only after JSON.parse
// has failed, follows the JSON grammar (RFC 8259) without building any values, and keeps its own
// stack, so a deeply nested file cannot overflow the call stack.
import { quote } from './schema';

export interface JsonSyntaxProblem {
  /** 1-based line and column (in UTF-16 units, which is what editors show for UK text). */
  line: number;
  column: number;
  /** What is wrong there and what to do, as a sentence fragment. */
  problem: string;
}

type Expect = 'value' | 'first-value' | 'key' | 'first-key' | 'colon' | 'comma' | 'end';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** A bare word where text belongs: a name, a domain or an address someone forgot to quote. */
const WORD = /[A-Za-z_$][\w$.@-]*/y;

/** What the character at `i` looks like, for a message. */
function describeChar(text: string, i: number): string {
  const c = text[i] ?? '';
  if (c === '"') return 'a double quote (")';
  if (/\s/.test(c)) return 'a space';
  return JSON.stringify(c);
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The first syntax error in `text`, or undefined when `text` is valid JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  const stack: Array<'{' | '['> = [];
  let expect = 'value' as Expect; // `as`: afterValue() assigns it from a closure
  let lastComma = -1;
  let i = 0;
  const fail = (at: number, problem: string): JsonSyntaxProblem => ({ ...position(text, at), problem });
  const afterValue = () => {
    expect = stack.length > 0 ? 'comma' : 'end';
  };

  /** Scans a string starting at the quote at `i`; returns the index after it, or a problem. */
  const scanString = (start: number): number | JsonSyntaxProblem => {
    let j = start + 1;
    while (j < text.length) {
      const code = text.charCodeAt(j);
      if (code === 34) return j + 1; // closing "
      if (code === 92) {
        const next = text[j + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6)))
            return fail(j, '"\\u" must be followed by four hexadecimal digits');
          j += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next))
          return fail(j, 'a backslash (\\) in text must be doubled (\\\\) or start an escape such as \\n');
        j += 2;
        continue;
      }
      if (code === 10 || code === 13)
        return fail(start, 'this text runs onto the next line; a closing double quote (") is probably missing');
      if (code < 32) return fail(j, 'text in quotes may not hold a tab or other control character; remove it');
      j++;
    }
    return fail(start, 'this text has no closing double quote (")');
  };

  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (i >= text.length) {
      if (expect === 'end') return undefined;
      if (stack.length === 0 && expect === 'value') return fail(i, 'the file is empty');
      const closer = stack[stack.length - 1] === '{' ? '}' : ']';
      return fail(i, `the file ends too early; a closing "${closer}" is probably missing`);
    }
    const c = text[i]!;
    if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))
      return fail(i, 'JSON files cannot hold comments; remove the comment');

    switch (expect) {
      case 'value':
      case 'first-value': {
        if (c === ']' && expect === 'first-value') {
          stack.pop();
          i++;
          afterValue();
          break;
        }
        if ((c === ']' || c === '}') && lastComma >= 0)
          return fail(lastComma, `remove this comma: JSON allows no comma after the last item before "${c}"`);
        if (c === '{') {
          stack.push('{');
          expect = 'first-key';
          i++;
          break;
        }
        if (c === '[') {
          stack.push('[');
          expect = 'first-value';
          i++;
          break;
        }
        if (c === '"') {
          const end = scanString(i);
          if (typeof end !== 'number') return end;
          i = end;
          afterValue();
          break;
        }
        if (c === "'" || c === '‘' || c === '’' || c === '“' || c === '”')
          return fail(i, 'put text in straight double quotes ("), not single or curly quotes');
        if (c === '-' || (c >= '0' && c <= '9')) {
          NUMBER.lastIndex = i;
          if (!NUMBER.test(text)) return fail(i, 'this is not a valid number');
          i = NUMBER.lastIndex;
          afterValue();
          break;
        }
        WORD.lastIndex = i;
        if (WORD.test(text)) {
          const word = text.slice(i, WORD.lastIndex);
          if (word === 'true' || word === 'false' || word === 'null') {
            i = WORD.lastIndex;
            afterValue();
            break;
          }
          if (/^(true|false|null|none)$/i.test(word))
            return fail(i, `write ${quote(word.toLowerCase() === 'none' ? 'null' : word.toLowerCase())} in lower case, without quotes`);
          return fail(i, `${quote(word)} needs double quotes around it, such as "${word}"`);
        }
        return fail(i, `expected a value (text in double quotes, a number, true, false, [ ] or { }) but found ${describeChar(text, i)}`);
      }
      case 'key':
      case 'first-key': {
        if (c === '}' && expect === 'first-key') {
          stack.pop();
          i++;
          afterValue();
          break;
        }
        if (c === '}' && lastComma >= 0)
          return fail(lastComma, 'remove this comma: JSON allows no comma after the last setting before "}"');
        if (c === '"') {
          const end = scanString(i);
          if (typeof end !== 'number') return end;
          i = end;
          expect = 'colon';
          break;
        }
        if (c === "'" || c === '‘' || c === '’' || c === '“' || c === '”')
          return fail(i, 'put names in straight double quotes ("), not single or curly quotes');
        WORD.lastIndex = i;
        if (WORD.test(text)) {
          const word = text.slice(i, WORD.lastIndex);
          return fail(i, `the name ${quote(word)} needs double quotes around it, such as "${word}"`);
        }
        return fail(i, `expected a setting name in double quotes, such as "secureDomains", but found ${describeChar(text, i)}`);
      }
      case 'colon':
        if (c !== ':') return fail(i, `expected a colon (:) after the setting name but found ${describeChar(text, i)}`);
        i++;
        expect = 'value';
        break;
      case 'comma': {
        const open = stack[stack.length - 1]!;
        const close = open === '{' ? '}' : ']';
        if (c === ',') {
          lastComma = i;
          i++;
          expect = open === '{' ? 'key' : 'value';
          continue; // keep lastComma for the next token
        }
        if (c === close) {
          stack.pop();
          i++;
          afterValue();
          break;
        }
        if (c === '}' || c === ']')
          return fail(i, `this "${c}" does not match the "${open}" it closes; expected "${close}"`);
        return fail(i, `a comma is missing before ${describeChar(text, i)} (or a "${close}" to close the ${open === '{' ? 'curly brackets' : 'list'})`);
      }
      case 'end':
        return fail(i, `there is more after the end of the policy, starting with ${describeChar(text, i)}; remove it`);
    }
    lastComma = -1;
  }
}

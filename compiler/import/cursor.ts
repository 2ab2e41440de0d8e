import { OPTION_WORD } from '../dialect/mysql/sql.js';
import type { Token } from '../dialect/mysql/lexer.js';

/** Diagnostic codes of the SQL import. */
export type ImportCode =
  /** The text does not read as MySQL/MariaDB DDL. */
  | 'E_IMPORT_SYNTAX'
  /** Valid DDL the schema IR cannot represent (a column type, an index kind, an option). */
  | 'E_IMPORT_UNSUPPORTED'
  /** A statement that is not about tables (views, triggers, data, ...). */
  | 'E_IMPORT_STATEMENT'
  /** A statement that names a table, column, index or constraint the file has not created. */
  | 'E_IMPORT_REFERENCE'
  /** The file holds the schemas of more than one database. */
  | 'E_IMPORT_DATABASES'
  /** A CHECK, DEFAULT or generated-column expression that does not parse or is not allowed. */
  | 'E_IMPORT_EXPR'
  /** An engine, character set or collation that is not one word. */
  | 'E_OPTION_INVALID';

/** A problem found while reading a statement; `offset` is where in the file it is. */
export class ImportError extends Error {
  readonly code: ImportCode;
  readonly offset: number;
  constructor(code: ImportCode, message: string, offset: number) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
    this.offset = offset;
  }
}

/** How a token is shown in messages: `` `name` ``, `'text'`, or the keyword as written. */
export function describeToken(t: Token | undefined): string {
  if (!t) return 'the end of the statement';
  if (t.kind === 'delimiter') return `"${t.text}"`;
  return `"${t.text.length > 40 ? t.text.slice(0, 37) + '...' : t.text}"`;
}

/**
 * A read position in a token list (`end` excluded), with the small vocabulary a recursive
 * descent over DDL needs. Every failure throws an ImportError at the offending token.
 */
export class Cursor {
  private i: number;
  constructor(readonly tokens: readonly Token[], from = 0, readonly end = tokens.length, private readonly endOffset = 0) {
    this.i = from;
  }

  get index(): number {
    return this.i;
  }

  peek(k = 0): Token | undefined {
    return this.i + k < this.end ? this.tokens[this.i + k] : undefined;
  }

  atEnd(): boolean {
    return this.i >= this.end;
  }

  next(what = 'more'): Token {
    const t = this.peek();
    if (!t) this.fail(`expected ${what} but reached the end of the statement`);
    this.i++;
    return t;
  }

  /** The offset of the next token, or the end of the last one. */
  offset(): number {
    const t = this.peek();
    if (t) return t.start;
    const last = this.tokens[Math.min(this.end, this.tokens.length) - 1];
    return last ? last.end : this.endOffset;
  }

  /** True when the next tokens are these words (case-insensitive). */
  atWord(...words: string[]): boolean {
    return words.every((w, k) => {
      const t = this.peek(k);
      return t !== undefined && t.kind === 'word' && t.upper === w;
    });
  }

  /** True when the next token is one of these words. */
  atAnyWord(words: ReadonlySet<string> | readonly string[]): boolean {
    const t = this.peek();
    if (!t || t.kind !== 'word') return false;
    return Array.isArray(words) ? words.includes(t.upper) : (words as ReadonlySet<string>).has(t.upper);
  }

  acceptWord(...words: string[]): boolean {
    if (!this.atWord(...words)) return false;
    this.i += words.length;
    return true;
  }

  expectWord(...words: string[]): void {
    for (const w of words) {
      const t = this.peek();
      if (!t || t.kind !== 'word' || t.upper !== w) this.fail(`expected ${w} but found ${describeToken(t)}`);
      this.i++;
    }
  }

  atOp(op: string): boolean {
    const t = this.peek();
    return t !== undefined && t.kind === 'op' && t.text === op;
  }

  acceptOp(op: string): boolean {
    if (!this.atOp(op)) return false;
    this.i++;
    return true;
  }

  expectOp(op: string): Token {
    const t = this.peek();
    if (!t || t.kind !== 'op' || t.text !== op) this.fail(`expected "${op}" but found ${describeToken(t)}`);
    this.i++;
    return t;
  }

  /** An identifier: a word or a backtick-quoted name (a double-quoted one under ANSI_QUOTES is not read). */
  identifier(what: string): string {
    const t = this.peek();
    if (!t || (t.kind !== 'word' && t.kind !== 'quoted')) this.fail(`expected ${what} but found ${describeToken(t)}`);
    this.i++;
    return t.value;
  }

  /** `name` or `db.name`: the schema qualifier is dropped (a file describes one database). */
  qualifiedName(what: string): { name: string; token: Token } {
    const token = this.peek()!;
    let name = this.identifier(what);
    while (this.atOp('.')) {
      this.i++;
      name = this.identifier(what);
    }
    return { name, token };
  }

  /**
   * An engine, character set or collation name: a word, a quoted name or a string that holds
   * one word (OPTION_WORD); anything else (`InnoDB; DROP TABLE x` in backticks) fails here.
   */
  optionWord(what: string): string {
    const t = this.peek();
    const value = t?.kind === 'string' ? this.string(what) : this.identifier(what);
    if (!OPTION_WORD.test(value)) {
      throw new ImportError('E_OPTION_INVALID', `${what} ${JSON.stringify(value)} is not a name: it must be one word of letters, digits and _`, t!.start);
    }
    return value;
  }

  /** A string literal (adjacent literals are concatenated, as MySQL does). */
  string(what: string): string {
    const t = this.peek();
    if (!t || t.kind !== 'string') this.fail(`expected ${what} (a quoted string) but found ${describeToken(t)}`);
    let value = '';
    while (this.peek()?.kind === 'string') value += this.next().value;
    return value;
  }

  /** A parenthesised group: the tokens strictly inside the `(` and its matching `)`. */
  group(what = '"("'): { open: Token; close: Token; inner: Token[] } {
    const open = this.peek();
    if (!open || open.kind !== 'op' || open.text !== '(') this.fail(`expected ${what} but found ${describeToken(open)}`);
    let depth = 0;
    for (let j = this.i; j < this.end; j++) {
      const t = this.tokens[j];
      if (t.kind !== 'op') continue;
      if (t.text === '(') depth++;
      else if (t.text === ')' && --depth === 0) {
        const inner = this.tokens.slice(this.i + 1, j);
        this.i = j + 1;
        return { open, close: t, inner };
      }
    }
    throw new ImportError('E_IMPORT_SYNTAX', 'unbalanced parentheses: no ")" closes this "("', open.start);
  }

  /** The remaining tokens, consuming them. */
  rest(): Token[] {
    const out = this.tokens.slice(this.i, this.end);
    this.i = this.end;
    return out;
  }

  expectEnd(what = 'the end of the statement'): void {
    if (!this.atEnd()) this.fail(`expected ${what} but found ${describeToken(this.peek())}`);
  }

  fail(message: string, token: Token | undefined = this.peek()): never {
    throw new ImportError('E_IMPORT_SYNTAX', message, token ? token.start : this.offset());
  }
}

/** Splits tokens at the commas outside parentheses. */
export function splitTopLevel(tokens: readonly Token[]): Token[][] {
  const parts: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'op') {
      if (t.text === '(') depth++;
      else if (t.text === ')') depth--;
      else if (t.text === ',' && depth === 0) {
        parts.push(current);
        current = [];
        continue;
      }
    }
    current.push(t);
  }
  parts.push(current);
  return parts;
}

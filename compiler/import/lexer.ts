/**
 * A MySQL/MariaDB lexer for DDL files: words, quoted identifiers, strings, numbers, operators
 * and statement delimiters, each with its offset, line and column; comments are collected on
 * the side (they carry `@renamed` hints). Executable comments (`/*! ... *\/`, `/*M! ... *\/`) are
 * comments here: a DDL import ignores them, as it ignores `SET` statements.
 */

import { positionFinder } from '../position.js';

export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'op' | 'delimiter';

export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token. */
  readonly text: string;
  /** `quoted`: the identifier without backticks; `string`: the unescaped value; otherwise `text`. */
  readonly value: string;
  /** Upper-cased `text` for words (keyword matching); `text` otherwise. */
  readonly upper: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  /** White space or a comment separates the token from the previous one. */
  readonly spaced: boolean;
}

export interface SqlComment {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

export interface LexError {
  readonly message: string;
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export interface Lexed {
  readonly tokens: readonly Token[];
  readonly comments: readonly SqlComment[];
  /** The first problem (an unterminated string, comment or identifier); tokens stop there. */
  readonly error: LexError | null;
}

const OPERATORS = ['<=>', '->>', '<=', '>=', '<>', '!=', '<<', '>>', '||', '&&', ':=', '->'];

function isIdentChar(cc: number): boolean {
  return (cc >= 97 && cc <= 122) || (cc >= 65 && cc <= 90) || (cc >= 48 && cc <= 57) || cc === 95 || cc === 36 || cc >= 0x80;
}

const STRING_ESCAPES: Record<string, string> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a' };

/**
 * Splits `text` into tokens. With `delimiters` (a whole file), a `DELIMITER x` line changes the
 * statement delimiter as the mysql client does, and the delimiter becomes a `delimiter` token;
 * without it (an expression), `;` is an operator.
 */
export function lexSql(text: string, options: { delimiters?: boolean } = {}): Lexed {
  const at = positionFinder(text);
  const tokens: Token[] = [];
  const comments: SqlComment[] = [];
  const n = text.length;
  let delimiter = ';';
  let i = 0;
  let spaced = true;
  let lineStart = true; // only white space since the last newline

  const push = (kind: TokenKind, start: number, end: number, value?: string) => {
    const raw = text.slice(start, end);
    const p = at(start);
    tokens.push({ kind, text: raw, value: value ?? raw, upper: kind === 'word' ? raw.toUpperCase() : raw,
      start, end, line: p.line, column: p.column, spaced });
    spaced = false;
    lineStart = false;
  };
  // A custom delimiter ends a word or number: `SELECT 2$$` under DELIMITER $$.
  const atCustomDelimiter = (j: number) => options.delimiters === true && delimiter !== ';' && text.startsWith(delimiter, j);
  const fail = (message: string, offset: number): Lexed => {
    const p = at(offset);
    return { tokens, comments, error: { message, offset, line: p.line, column: p.column } };
  };

  while (i < n) {
    const c = text[i];
    if (c === '\n') {
      i++;
      spaced = true;
      lineStart = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++;
      spaced = true;
      continue;
    }
    if (options.delimiters && lineStart && /^delimiter[ \t]/i.test(text.slice(i, i + 10))) {
      const eol = text.indexOf('\n', i);
      const rest = text.slice(i + 10, eol < 0 ? n : eol).trim();
      if (rest) delimiter = rest;
      i = eol < 0 ? n : eol;
      continue;
    }
    if (options.delimiters && text.startsWith(delimiter, i)) {
      push('delimiter', i, i + delimiter.length);
      i += delimiter.length;
      spaced = true;
      continue;
    }
    const commentStart = i;
    let commentEnd = -1;
    if (c === '#' || (c === '-' && text[i + 1] === '-' && (i + 2 >= n || /\s/.test(text[i + 2])))) {
      const eol = text.indexOf('\n', i);
      commentEnd = eol < 0 ? n : eol;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return fail('unterminated /* comment', i);
      commentEnd = close + 2;
    }
    if (commentEnd >= 0) {
      const p = at(commentStart);
      comments.push({ text: text.slice(commentStart, commentEnd), start: commentStart, end: commentEnd, line: p.line, column: p.column });
      i = commentEnd;
      spaced = true;
      continue;
    }
    if (c === '\'' || c === '"' || c === '`') {
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= n) return fail(c === '`' ? 'unterminated quoted identifier' : 'unterminated string', i);
        const d = text[j];
        if (d === '\\' && c !== '`' && j + 1 < n) {
          const e = text[j + 1];
          // \% and \_ keep their backslash (they matter to LIKE only).
          value += e in STRING_ESCAPES ? STRING_ESCAPES[e] : e === '%' || e === '_' ? '\\' + e : e;
          j += 2;
          continue;
        }
        if (d === c) {
          if (text[j + 1] === c) {
            value += c;
            j += 2;
            continue;
          }
          break;
        }
        value += d;
        j++;
      }
      push(c === '`' ? 'quoted' : 'string', i, j + 1, value);
      i = j + 1;
      continue;
    }
    const cc = text.charCodeAt(i);
    if ((cc >= 48 && cc <= 57) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^(?:0x[0-9a-f]+|0b[01]+|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)/i.exec(text.slice(i, i + 200));
      let end = i + (m ? m[0].length : 1);
      if (end < n && isIdentChar(text.charCodeAt(end)) && !atCustomDelimiter(end)) {
        // `1abc` is an identifier in MySQL.
        while (end < n && isIdentChar(text.charCodeAt(end)) && !atCustomDelimiter(end)) end++;
        push('word', i, end);
      } else {
        push('number', i, end);
      }
      i = end;
      continue;
    }
    if (isIdentChar(cc)) {
      let j = i + 1;
      while (j < n && isIdentChar(text.charCodeAt(j)) && !atCustomDelimiter(j)) j++;
      push('word', i, j);
      i = j;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i)) ?? c;
    push('op', i, i + op.length);
    i += op.length;
  }
  return { tokens, comments, error: null };
}

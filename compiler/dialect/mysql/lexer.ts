/**
 * The one MySQL/MariaDB lexer: every piece of schemac that reads SQL text token by token (the
 * migration splitter and classifier, the expression checker and canonicaliser, the nesting
 * guard, the .sql importer, the rename rewriter, the layout check of the emitter) reads it here,
 * so they cannot disagree about where a string, a comment or a statement ends.
 *
 * It follows the server's lexer (sql/sql_lex.cc) and, for DELIMITER, the mysql client:
 * - Blanks are ASCII space, \t, \n, \v, \f, \r. `-- ` starts a comment only when a blank or a
 *   control character follows the dashes (or the text ends): `5--3` is arithmetic. `#` and
 *   `/* *\/` are comments. https://dev.mysql.com/doc/refman/8.0/en/comments.html
 * - `'...'` is a string (and `"..."`, unless ANSI_QUOTES makes it a name): a doubled quote is
 *   one quote, a backslash escapes the next character unless NO_BACKSLASH_ESCAPES.
 *   `` `...` `` is a name, a doubled backtick one backtick, never a backslash escape.
 *   https://dev.mysql.com/doc/refman/8.0/en/string-literals.html
 * - Names are made of ASCII letters, digits, `_`, `$` and any character from U+0080 on; one
 *   that starts with a digit is a number only as far as the server reads one: `0x1F`, `0b01`
 *   (lower-case prefix), `12`, `1.5`, `.5`, `1e5`, `1.e-3`; `0x1g`, `0X1F`, `12ab` are names,
 *   `1.5ab` is `1.5` then `ab` (tested on MariaDB 10.11).
 * - Executable comments (`/*!50001 ... *\/`, `/*M!100100 ... *\/`) are code to the server. The
 *   option `executable` says whether a reader sees them as code (`code`: a `conditional` token
 *   for the opening, the inside as tokens, a `conditionalEnd` for its `*\/`) or as one comment.
 * - With `delimiters` (a whole file, as the mysql client reads it): the text at a `delimiter`
 *   ends a statement, and a line `DELIMITER x` between statements (only blanks before it on its
 *   line, no statement begun) is a `command` token that changes it; its argument is the first
 *   word after it, or a quoted one (`DELIMITER $$ rest` sets `$$`; `SELECT 1; DELIMITER $$` is
 *   SQL, as in the mariadb 10.11 client). Without it, `;` is an operator.
 *
 * Two faces: `SqlScanner`, a cursor that allocates nothing per token (the splitter and the
 * canonicaliser run on every `up` and every build), and `lexSql`, the whole token list with
 * unescaped values, lines and columns (the importer). Nothing here imports outside the dialect.
 */

/** How the session reads quotes: its sql_mode. */
export interface Quoting {
  /** False under NO_BACKSLASH_ESCAPES: a backslash in a string is an ordinary character. */
  readonly backslashEscapes: boolean;
  /** True under ANSI_QUOTES: "x" is an identifier (no backslash escapes), not a string. */
  readonly ansiQuotes: boolean;
}

/** The server's default: backslash escapes on, "x" a string. */
export const DEFAULT_QUOTING: Quoting = Object.freeze({ backslashEscapes: true, ansiQuotes: false });

/** The quoting of a session whose @@sql_mode is `mode`. */
export function quotingOf(mode: string): Quoting {
  return { backslashEscapes: !/NO_BACKSLASH_ESCAPES/i.test(mode), ansiQuotes: /ANSI_QUOTES|\bANSI\b/i.test(mode) };
}

export interface LexOptions {
  /** Default DEFAULT_QUOTING. */
  readonly quoting?: Quoting;
  /** Executable comments as code (the server's reading) or as comments. Default `comment`. */
  readonly executable?: 'code' | 'comment';
  /** Follow the statement delimiter and DELIMITER lines, as the mysql client does. Default false. */
  readonly delimiters?: boolean;
}

/**
 * - `word`: a keyword or unquoted name (`SELECT`, `t1`, `12ab`); `quoted`: a quoted name;
 *   `string`: a string literal; `number`: a numeric or 0x/0b literal;
 * - `op`: an operator or punctuation (`<=>`, `(`, `;` without delimiters), or any other character;
 * - `comment`: a comment, with its markers; `delimiter`: the statement delimiter; `command`:
 *   a DELIMITER line; `conditional` / `conditionalEnd`: the markers of an executable comment read as code.
 */
export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'op' | 'comment' | 'delimiter' | 'command'
  | 'conditional' | 'conditionalEnd';

/** Operators of more than one character, longest first where one is a prefix of another. */
export const MULTI_CHAR_OPERATORS: readonly string[] = Object.freeze(['<=>', '->>', '<=', '>=', '<>', '!=', '<<', '>>', '||', '&&', ':=', '->']);

/** The one-character operators and punctuation of the grammar; any other character is an `op` token too, but no operator. */
export const SINGLE_CHAR_OPERATORS: ReadonlySet<string> = new Set(['=', '<', '>', '+', '-', '*', '/', '%', '&', '|', '^', '~', '!',
  '@', '?', ';', '{', '}', '(', ')', ',', '.']);

/** Letters, digits, `_`, `$` and every character from U+0080 on make up unquoted names. */
export function isIdentChar(cc: number): boolean {
  return (cc >= 97 && cc <= 122) || (cc >= 65 && cc <= 90) || (cc >= 48 && cc <= 57) || cc === 95 || cc === 36 || cc >= 0x80;
}

/** The server's blanks: space, \t, \n, \v, \f, \r. */
function isBlank(cc: number): boolean {
  return cc === 32 || (cc >= 9 && cc <= 13);
}

function isDigit(cc: number): boolean {
  return cc >= 48 && cc <= 57;
}

/** Whether `--` at `i` starts a comment: a blank or a control character follows, or nothing. */
function startsDashComment(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 45 || text.charCodeAt(i + 1) !== 45) return false;
  const next = text.charCodeAt(i + 2);
  return Number.isNaN(next) || next <= 0x20 || next === 0x7f;
}

const STRING_ESCAPES: Readonly<Record<string, string>> = { '0': '\0', b: '\b', n: '\n', r: '\r', t: '\t', Z: '\x1a' };

/**
 * The value of a string literal's text (with its quotes): doubled quotes undone and, with
 * backslash escapes, `\n` and the like decoded; `\%` and `\_` keep their backslash, as the
 * server keeps them (they matter to LIKE only).
 */
function stringValue(text: string, quoting: Quoting = DEFAULT_QUOTING): string {
  const q = text[0];
  const end = text.length > 1 && text[text.length - 1] === q ? text.length - 1 : text.length;
  let out = '';
  for (let j = 1; j < end; j++) {
    const c = text[j];
    if (c === '\\' && quoting.backslashEscapes && j + 1 < end) {
      const e = text[++j];
      out += e in STRING_ESCAPES ? STRING_ESCAPES[e] : e === '%' || e === '_' ? '\\' + e : e;
    } else if (c === q && text[j + 1] === q) {
      out += q;
      j++;
    } else {
      out += c;
    }
  }
  return out;
}

/** The name a quoted identifier's text (with its quotes) stands for: the quotes off, doubled quotes undone. */
function quotedValue(text: string): string {
  const q = text[0];
  const end = text.length > 1 && text[text.length - 1] === q ? text.length - 1 : text.length;
  const body = text.slice(1, end);
  return body.includes(q) ? body.split(q + q).join(q) : body;
}

/**
 * A cursor over the tokens of a text. `next()` moves to the next token and fills `kind`,
 * `start`, `end` (offsets in the text), `unterminated` (a string, name or comment the text ends
 * inside) and `spaced` (blanks or a comment before it); `value()` decodes it.
 */
export class SqlScanner {
  kind: TokenKind = 'op';
  start = 0;
  end = 0;
  unterminated = false;
  spaced = false;
  /** The current statement delimiter (with `delimiters`). */
  delimiter = ';';

  private i = 0;
  private readonly n: number;
  private readonly quoting: Quoting;
  private readonly code: boolean;
  private readonly delimiters: boolean;
  /** Inside an executable comment read as code. */
  private inConditional = false;
  /** Only blanks since the start of the line. */
  private lineStart = true;
  /** No statement begun since the last delimiter (DELIMITER lines are read only then). */
  private statementEmpty = true;
  /** The argument of the last `command`. */
  private commandArg = '';

  constructor(readonly text: string, options: LexOptions = {}) {
    this.n = text.length;
    this.quoting = options.quoting ?? DEFAULT_QUOTING;
    this.code = options.executable === 'code';
    this.delimiters = options.delimiters === true;
  }

  /** Inside an executable comment read as code (after a `conditional`, before its `conditionalEnd`). */
  get conditional(): boolean {
    return this.inConditional;
  }

  /** Where the next token is looked for: after the current one. */
  get offset(): number {
    return this.i;
  }

  /** The current token's text. */
  get tokenText(): string {
    return this.text.slice(this.start, this.end);
  }

  /**
   * The current token's value: a string's decoded value, a quoted name without its quotes, a
   * DELIMITER line's argument (empty when it has none); the text otherwise.
   */
  value(): string {
    switch (this.kind) {
      case 'string': return stringValue(this.tokenText, this.quoting);
      case 'quoted': return quotedValue(this.tokenText);
      case 'command': return this.commandArg;
      case 'word': case 'number': case 'op': case 'comment': case 'delimiter': case 'conditional': case 'conditionalEnd':
        return this.tokenText;
      default: return assertNever(this.kind);
    }
  }

  /** Moves to the next token; false at the end of the text. */
  next(): boolean {
    const s = this.text;
    const n = this.n;
    let i = this.i;
    let spaced = false;
    for (;;) {
      if (i >= n) {
        this.i = i;
        return false;
      }
      const cc = s.charCodeAt(i);
      if (!isBlank(cc)) break;
      if (cc === 10) this.lineStart = true;
      spaced = true;
      i++;
    }
    this.spaced = spaced;
    this.unterminated = false;
    this.start = i;
    const cc = s.charCodeAt(i);
    if (this.delimiters) {
      if (this.lineStart && this.statementEmpty && (cc === 100 || cc === 68) && this.readCommand(i)) return true;
      if (s.startsWith(this.delimiter, i)) {
        this.lineStart = false;
        this.statementEmpty = true;
        return this.emit('delimiter', i + this.delimiter.length);
      }
    }
    this.lineStart = false;
    // Names and keywords first: most tokens are.
    if ((cc >= 97 && cc <= 122) || (cc >= 65 && cc <= 90) || cc === 95 || cc === 36 || cc >= 0x80) {
      this.statementEmpty = false;
      return this.emit('word', this.wordEnd(i + 1));
    }
    if (cc === 35 || (cc === 45 && startsDashComment(s, i))) { // # or --
      const eol = s.indexOf('\n', i);
      return this.emit('comment', eol < 0 ? n : eol);
    }
    if (cc === 47 && s.charCodeAt(i + 1) === 42) { // /*
      const bang = s.charCodeAt(i + 2) === 33 ? i + 3 : s.charCodeAt(i + 2) === 77 && s.charCodeAt(i + 3) === 33 ? i + 4 : -1;
      if (bang >= 0 && this.code && !this.inConditional) {
        let j = bang;
        while (j < n && isDigit(s.charCodeAt(j))) j++;
        this.inConditional = true;
        this.statementEmpty = false;
        return this.emit('conditional', j);
      }
      const close = s.indexOf('*/', i + 2);
      if (close < 0) {
        this.unterminated = true;
        return this.emit('comment', n);
      }
      return this.emit('comment', close + 2);
    }
    this.statementEmpty = false;
    if (cc === 42 && this.inConditional && s.charCodeAt(i + 1) === 47) { // */
      this.inConditional = false;
      return this.emit('conditionalEnd', i + 2);
    }
    if (cc === 39 || cc === 34 || cc === 96) return this.readQuoted(i, cc);
    if (isDigit(cc) || (cc === 46 && isDigit(s.charCodeAt(i + 1)))) return this.readNumber(i);
    // One UTF-16 unit: a character above U+FFFF is an identifier character, never here.
    return this.emit('op', i + operatorLength(s, i, cc));
  }

  private emit(kind: TokenKind, end: number): true {
    this.kind = kind;
    this.end = end;
    this.i = end;
    return true;
  }

  /** The end of an unquoted name from `j`: a custom delimiter (`END$$`) ends it. */
  private wordEnd(j: number): number {
    const s = this.text;
    const custom = this.delimiters && this.delimiter !== ';';
    while (j < this.n && isIdentChar(s.charCodeAt(j)) && !(custom && s.startsWith(this.delimiter, j))) j++;
    return j;
  }

  private readQuoted(i: number, q: number): true {
    const s = this.text;
    const name = q === 96 || (q === 34 && this.quoting.ansiQuotes);
    const backslash = !name && this.quoting.backslashEscapes;
    let j = i + 1;
    for (;;) {
      if (j >= this.n) {
        this.unterminated = true;
        return this.emit(name ? 'quoted' : 'string', this.n);
      }
      const d = s.charCodeAt(j);
      if (backslash && d === 92) {
        j += 2;
        continue;
      }
      if (d === q) {
        if (s.charCodeAt(j + 1) === q) {
          j += 2;
          continue;
        }
        return this.emit(name ? 'quoted' : 'string', j + 1);
      }
      j++;
    }
  }

  /** A number as the server reads one, or a name that starts with digits. */
  private readNumber(i: number): true {
    const s = this.text;
    const n = this.n;
    const c1 = s.charCodeAt(i + 1);
    if (s.charCodeAt(i) === 48 && (c1 === 120 || c1 === 98)) { // 0x, 0b
      const hex = c1 === 120;
      let j = i + 2;
      while (j < n && (hex ? isHexDigit(s.charCodeAt(j)) : (s.charCodeAt(j) === 48 || s.charCodeAt(j) === 49))) j++;
      if (j > i + 2 && !(j < n && isIdentChar(s.charCodeAt(j)))) return this.emit('number', j);
      return this.emit('word', this.wordEnd(j));
    }
    let j = i;
    while (j < n && isDigit(s.charCodeAt(j))) j++;
    const intEnd = j;
    if (s.charCodeAt(j) === 46) { // .
      j++;
      while (j < n && isDigit(s.charCodeAt(j))) j++;
      return this.emit('number', exponentEnd(s, j));
    }
    const e = exponentEnd(s, j);
    if (e > j) return this.emit('number', e);
    if (j < n && isIdentChar(s.charCodeAt(j)) && !(this.delimiters && this.delimiter !== ';' && s.startsWith(this.delimiter, j))) {
      return this.emit('word', this.wordEnd(j));
    }
    return this.emit('number', intEnd);
  }

  /** A DELIMITER line at `i`, as the mysql client reads one (mysql.cc com_delimiter, get_arg). */
  private readCommand(i: number): boolean {
    const s = this.text;
    if (!/^delimiter/i.test(s.slice(i, i + 9))) return false;
    const after = s.charCodeAt(i + 9);
    if (!(Number.isNaN(after) || after === 32 || after === 9 || after === 10 || after === 13)) return false;
    const eolAt = s.indexOf('\n', i);
    const eol = eolAt < 0 ? this.n : eolAt;
    let j = i + 9;
    while (j < eol && isBlank(s.charCodeAt(j))) j++;
    let arg: string;
    const q = s[j];
    if (q === '\'' || q === '"' || q === '`') {
      const close = s.indexOf(q, j + 1);
      arg = s.slice(j + 1, close < 0 || close > eol ? eol : close);
    } else {
      let k = j;
      while (k < eol && !isBlank(s.charCodeAt(k))) k++;
      arg = s.slice(j, k);
    }
    // The client refuses an empty delimiter and one with a backslash, and keeps the old one.
    this.commandArg = arg.includes('\\') ? '' : arg;
    if (this.commandArg) this.delimiter = this.commandArg;
    this.spaced = true;
    return this.emit('command', eol);
  }
}

/** The length of the operator at `i` (MULTI_CHAR_OPERATORS, else one character), whose first code unit is `cc`. */
function operatorLength(s: string, i: number, cc: number): number {
  const c1 = s.charCodeAt(i + 1);
  switch (cc) {
    case 60: // <=> <= <> <<
      if (c1 === 61) return s.charCodeAt(i + 2) === 62 ? 3 : 2;
      return c1 === 62 || c1 === 60 ? 2 : 1;
    case 62: return c1 === 61 || c1 === 62 ? 2 : 1; // >= >>
    case 45: return c1 === 62 ? (s.charCodeAt(i + 2) === 62 ? 3 : 2) : 1; // ->> ->
    case 33: case 58: return c1 === 61 ? 2 : 1; // != :=
    case 124: case 38: return c1 === cc ? 2 : 1; // || &&
    default: return 1;
  }
}

function isHexDigit(cc: number): boolean {
  return isDigit(cc) || (cc >= 97 && cc <= 102) || (cc >= 65 && cc <= 70);
}

/** The end of an exponent (`e5`, `E-3`) at `j`, or `j` when there is none. */
function exponentEnd(s: string, j: number): number {
  const c = s.charCodeAt(j);
  if (c !== 101 && c !== 69) return j;
  let k = j + 1;
  const sign = s.charCodeAt(k);
  if (sign === 43 || sign === 45) k++;
  if (!isDigit(s.charCodeAt(k))) return j;
  while (isDigit(s.charCodeAt(k))) k++;
  return k;
}

function assertNever(x: never): never {
  throw new Error(`unexpected token kind ${String(x)}`);
}

/** A token with its decoded value and position. */
export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token. */
  readonly text: string;
  /** `quoted`: the name without its quotes; `string`: the decoded value; `command`: its argument; otherwise `text`. */
  readonly value: string;
  /** Upper-cased `text` for words (keyword matching); `text` otherwise. */
  readonly upper: string;
  readonly start: number;
  readonly end: number;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 units. */
  readonly column: number;
  /** Blanks or a comment separate the token from the one before it. */
  readonly spaced: boolean;
}

export interface LexError {
  readonly message: string;
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export interface Lexed {
  /** Every token but comments and DELIMITER lines, up to the first error. */
  readonly tokens: readonly Token[];
  /** The comments, on the side (they carry hints such as sqldef's `@renamed`). */
  readonly comments: readonly Token[];
  /** The first string, name or comment the text ends inside; tokens stop before it. */
  readonly error: LexError | null;
}

/** Line and column (1-based) of offsets in `text`. */
export function positionFinder(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}

const UNTERMINATED: Partial<Record<TokenKind, string>> = {
  string: 'unterminated string', quoted: 'unterminated quoted identifier', comment: 'unterminated /* comment',
};

/** What a token the text ends inside is, for a message: `unterminated string`, ... */
export function unterminatedMessage(kind: TokenKind): string {
  return UNTERMINATED[kind] ?? 'unterminated token';
}

/** All the tokens of `text`, with values and positions (see the module comment). */
export function lexSql(text: string, options: LexOptions = {}): Lexed {
  const at = positionFinder(text);
  const scan = new SqlScanner(text, options);
  const tokens: Token[] = [];
  const comments: Token[] = [];
  let gap = true;
  while (scan.next()) {
    const p = at(scan.start);
    if (scan.unterminated) {
      return { tokens, comments, error: { message: unterminatedMessage(scan.kind), offset: scan.start, line: p.line, column: p.column } };
    }
    const raw = scan.tokenText;
    const token: Token = { kind: scan.kind, text: raw, value: scan.value(), upper: scan.kind === 'word' ? raw.toUpperCase() : raw,
      start: scan.start, end: scan.end, line: p.line, column: p.column, spaced: gap || scan.spaced };
    if (scan.kind === 'comment' || scan.kind === 'command') {
      if (scan.kind === 'comment') comments.push(token);
      gap = true;
      continue;
    }
    tokens.push(token);
    gap = scan.kind === 'delimiter';
  }
  return { tokens, comments, error: null };
}

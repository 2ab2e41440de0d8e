/*
 * Splitting a .sql file into the statements the server receives one at a time, as the mysql
 * client does: quotes, backticks, comments and the client's DELIMITER command are understood,
 * so a `;` inside a string, a comment or a hand-written procedure body does not end a statement.
 * https://dev.mysql.com/doc/refman/8.0/en/comments.html
 * https://dev.mysql.com/doc/refman/8.0/en/stored-programs-defining.html (DELIMITER)
 */

/** One statement of a migration file. */
export interface Statement {
  /** The text sent to the server: no delimiter, no leading comments, no surrounding blanks. */
  readonly sql: string;
  /** 1-based line of its first character in the file. */
  readonly line: number;
  /** N of the nearest `-- step N:` or `-- undo step N:` line above it, or null when there is none. */
  readonly step: number | null;
}

const MARKER_RE = /^--\s*(?:undo\s+)?step\s+(\d+)\s*:/i;
const DELIMITER_RE = /^delimiter[ \t]+(\S+)[^\n]*/i;

/** Splits a .sql file into statements; empty statements (`;;`, comments only) are dropped. */
export function splitStatements(text: string): Statement[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const out: Statement[] = [];
  const n = text.length;
  let delimiter = ';';
  let step: number | null = null;
  let start = -1;
  let startStep: number | null = null;
  let i = 0;
  const push = (end: number) => {
    const sql = text.slice(start, end).trim();
    if (sql) out.push({ sql, line: lineOf(start), step: startStep });
    start = -1;
  };

  while (i < n) {
    const c = text[i];
    if (start < 0) {
      // Between statements: blanks, comments (step markers), DELIMITER, empty statements.
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') { i++; continue; }
      if (isDashComment(text, i) || c === '#') {
        const end = lineEnd(text, i);
        const m = MARKER_RE.exec(text.slice(i, end));
        if (m) step = Number(m[1]);
        i = end;
        continue;
      }
      if (c === '/' && text[i + 1] === '*' && text[i + 2] !== '!' && !text.startsWith('/*M!', i)) {
        i = blockCommentEnd(text, i);
        continue;
      }
      if ((c === 'd' || c === 'D') && (i === 0 || text[i - 1] === '\n' || /[ \t]/.test(text[i - 1]))) {
        const m = DELIMITER_RE.exec(text.slice(i, lineEnd(text, i)));
        if (m) {
          delimiter = m[1];
          i += m[0].length;
          continue;
        }
      }
      if (text.startsWith(delimiter, i)) { i += delimiter.length; continue; }
      start = i;
      startStep = step;
    }
    // Inside a statement.
    if (c === "'" || c === '"') { i = quotedEnd(text, i, c, true); continue; }
    if (c === '`') { i = quotedEnd(text, i, c, false); continue; }
    if (isDashComment(text, i) || c === '#') { i = lineEnd(text, i); continue; }
    if (c === '/' && text[i + 1] === '*') { i = blockCommentEnd(text, i); continue; }
    if (text.startsWith(delimiter, i)) {
      push(i);
      i += delimiter.length;
      continue;
    }
    i++;
  }
  if (start >= 0) push(n);
  return out;
}

/** What the server will see of a statement: one statement, or where a second one starts. */
export interface OneStatement {
  /** The text to send: trailing `;` terminators (and what follows them: blanks, comments) cut off. */
  readonly sql: string;
  /** Offset in the text of the `;` after which another statement starts, or null. */
  readonly extra: number | null;
}

/**
 * Checks that a statement is one statement for the server. Migrations are sent as multi-statement
 * queries (with their history writes), where a `;` the splitter did not split at would start a
 * second statement the runtime neither classifies nor records: a `DELIMITER //` block holding
 * `a; b //` (a missing `DELIMITER ;`), two procedures in one block. A `;` counts unless it is in
 * a quote, a comment or a BEGIN ... END block (a stored program's body). `backslashEscapes` is
 * false when the session's sql_mode has NO_BACKSLASH_ESCAPES.
 */
export function oneStatement(sql: string, backslashEscapes = true): OneStatement {
  const blocks: ('BEGIN' | 'CASE')[] = [];
  const n = sql.length;
  let cut: number | null = null;
  let i = 0;
  let inCode = false; // inside /*! ... */, which the server runs
  let prev = '';
  const nextWord = (from: number): { word: string; end: number } | null => {
    let j = from;
    while (j < n && /\s/.test(sql[j])) j++;
    const m = /^[A-Za-z_]+/.exec(sql.slice(j, j + 16));
    return m ? { word: m[0].toUpperCase(), end: j + m[0].length } : null;
  };
  while (i < n) {
    const c = sql[i];
    if (/\s/.test(c)) { i++; continue; }
    if (isDashComment(sql, i) || c === '#') { i = lineEnd(sql, i); continue; }
    if (c === '/' && sql[i + 1] === '*') {
      const m = /^\/\*M?!\d*/.exec(sql.slice(i, i + 12));
      if (m) { inCode = true; i += m[0].length; continue; }
      i = blockCommentEnd(sql, i);
      continue;
    }
    if (inCode && c === '*' && sql[i + 1] === '/') { inCode = false; i += 2; continue; }
    if (cut !== null) {
      if (c === ';') { i++; continue; } // `;;`: more terminators
      return { sql: sql.slice(0, cut).trimEnd(), extra: cut };
    }
    if (c === "'" || c === '"') { i = quotedEnd(sql, i, c, backslashEscapes); prev = c; continue; }
    if (c === '`') { i = quotedEnd(sql, i, c, false); prev = c; continue; }
    const word = /^[A-Za-z0-9_$]+/.exec(sql.slice(i, i + 64));
    if (word) {
      const w = word[0].toUpperCase();
      i += word[0].length;
      if (prev === '.') { prev = 'w'; continue; } // t.end: a name
      prev = 'w';
      if (w === 'BEGIN') {
        const after = nextWord(i);
        const rest = sql.slice(i).trimStart();
        if (after?.word !== 'WORK' && rest !== '' && !rest.startsWith(';')) blocks.push('BEGIN');
      } else if (w === 'CASE') {
        blocks.push('CASE');
      } else if (w === 'END') {
        const after = nextWord(i);
        if (after && ['IF', 'LOOP', 'WHILE', 'REPEAT', 'FOR'].includes(after.word)) { i = after.end; continue; }
        if (after?.word === 'CASE') i = after.end;
        blocks.pop();
      }
      continue;
    }
    if (c === ';' && blocks.length === 0) {
      cut = i;
      i++;
      continue;
    }
    prev = c;
    i++;
  }
  return { sql: cut === null ? sql : sql.slice(0, cut).trimEnd(), extra: null };
}

/** `-- ` starts a comment only when a blank or the end of the line follows the two dashes. */
function isDashComment(text: string, i: number): boolean {
  if (text[i] !== '-' || text[i + 1] !== '-') return false;
  const next = text[i + 2];
  return next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r';
}

function lineEnd(text: string, i: number): number {
  const j = text.indexOf('\n', i);
  return j < 0 ? text.length : j;
}

function blockCommentEnd(text: string, i: number): number {
  const j = text.indexOf('*/', i + 2);
  return j < 0 ? text.length : j + 2;
}

/** The offset after a quoted string or identifier starting at `i` (doubled quotes; backslash escapes in strings). */
function quotedEnd(text: string, i: number, quote: string, backslash: boolean): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text[j];
    if (backslash && c === '\\') { j += 2; continue; }
    if (c === quote) {
      if (text[j + 1] === quote) { j += 2; continue; }
      return j + 1;
    }
    j++;
  }
  return text.length;
}

/** The first line of a statement, shortened, for messages. */
export function firstLine(sql: string, max = 80): string {
  const line = sql.split('\n', 1)[0].trim();
  return line.length > max ? line.slice(0, max - 1) + '…' : line;
}

/*
 * Splitting a .sql file into the statements the server receives one at a time, as the mysql
 * client does: quotes, backticks, comments and the client's DELIMITER command are understood,
 * so a `;` inside a string, a comment or a hand-written procedure body does not end a statement.
 * https://dev.mysql.com/doc/refman/8.0/en/comments.html
 * https://dev.mysql.com/doc/refman/8.0/en/stored-programs-defining.html (DELIMITER)
 */

import { positionFinder } from '../compiler/position.js';

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
  const at = positionFinder(text);
  const lineOf = (offset: number): number => at(offset).line;

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

/** How the server reads quotes under the session's sql_mode. */
export interface Quoting {
  /** False under NO_BACKSLASH_ESCAPES: a backslash in a string is an ordinary character. */
  readonly backslashEscapes: boolean;
  /** True under ANSI_QUOTES: "x" is an identifier (no backslash escapes), not a string. */
  readonly ansiQuotes: boolean;
}

export const DEFAULT_QUOTING: Quoting = { backslashEscapes: true, ansiQuotes: false };

/** The quoting of a session whose @@sql_mode is `mode`. */
export function quotingOf(mode: string): Quoting {
  return { backslashEscapes: !/NO_BACKSLASH_ESCAPES/i.test(mode), ansiQuotes: /ANSI_QUOTES|\bANSI\b/i.test(mode) };
}

/** A statement's text as sent in a multi-statement query, or where it may go on after a `;`. */
export interface OneStatement {
  /** The text to send: trailing `;` terminators (and the blanks and comments after them) cut off. */
  readonly sql: string;
  /** Offset of a `;` after which the text goes on, or null when there is none. */
  readonly extra: number | null;
}

/**
 * Whether a statement's text holds a `;` (outside quotes and comments) with more text after it.
 * Migrations are sent in multi-statement queries, where such a text would run as several
 * statements the runtime neither classifies nor records (a `DELIMITER //` block holding `a; b //`,
 * a missing `DELIMITER ;`). A stored program's body has such `;` too, and only the server's parser
 * knows where the program ends, so the runtime has the server prepare those texts (a prepared
 * statement is one statement or an error; runtime/migrator.ts runProgram). This only needs to be
 * conservative: anything read here as code that the server reads as a comment (an unknown
 * /*!NNNNN version, say) errs towards preparing.
 */
export function oneStatement(sql: string, quoting: Quoting = DEFAULT_QUOTING): OneStatement {
  const n = sql.length;
  let cut: number | null = null;
  let i = 0;
  while (i < n) {
    const c = sql[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') { i++; continue; }
    if (isDashComment(sql, i) || c === '#') { i = lineEnd(sql, i); continue; }
    if (c === '/' && sql[i + 1] === '*' && sql[i + 2] !== '!' && !sql.startsWith('/*M!', i)) { i = blockCommentEnd(sql, i); continue; }
    if (c === ';') {
      cut ??= i;
      i++;
      continue;
    }
    if (cut !== null) return { sql: sql.slice(0, cut).trimEnd(), extra: cut };
    if (c === "'") { i = quotedEnd(sql, i, c, quoting.backslashEscapes); continue; }
    if (c === '"') { i = quotedEnd(sql, i, c, quoting.backslashEscapes && !quoting.ansiQuotes); continue; }
    if (c === '`') { i = quotedEnd(sql, i, c, false); continue; }
    i++;
  }
  return { sql: cut === null ? sql : sql.slice(0, cut).trimEnd(), extra: null };
}

/**
 * The offset of the first backslash inside a string literal, read with `quoting`, or null. Under
 * NO_BACKSLASH_ESCAPES the server stores such a backslash as it is, while the files schemac
 * writes (the dialect's literal()) and most hand-written SQL mean `\\n`, `\\\\` as escapes: the
 * statement would store other text than it says, so the runtime refuses it in that mode.
 */
export function backslashInString(sql: string, quoting: Quoting): number | null {
  const n = sql.length;
  let i = 0;
  while (i < n) {
    const c = sql[i];
    if (isDashComment(sql, i) || c === '#') { i = lineEnd(sql, i); continue; }
    if (c === '/' && sql[i + 1] === '*' && sql[i + 2] !== '!' && !sql.startsWith('/*M!', i)) { i = blockCommentEnd(sql, i); continue; }
    if (c === "'" || (c === '"' && !quoting.ansiQuotes)) {
      const end = quotedEnd(sql, i, c, quoting.backslashEscapes);
      const at = sql.indexOf('\\', i);
      if (at >= 0 && at < end) return at;
      i = end;
      continue;
    }
    if (c === '`' || c === '"') { i = quotedEnd(sql, i, c, false); continue; }
    i++;
  }
  return null;
}

/** `-- ` starts a comment only when a blank or the end of the line follows the two dashes. */
function isDashComment(text: string, i: number): boolean {
  if (text[i] !== '-' || text[i + 1] !== '-') return false;
  // As the server reads it: a blank or any control character after the dashes (\v, \f, \x01, ...).
  const next = text.charCodeAt(i + 2);
  return Number.isNaN(next) || next <= 0x20 || next === 0x7f;
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

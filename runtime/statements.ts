/*
 * Splitting a .sql file into the statements the server receives one at a time, as the mysql
 * client does: quotes, backticks, comments and the client's DELIMITER command are understood,
 * so a `;` inside a string, a comment or a hand-written procedure body does not end a statement.
 * https://dev.mysql.com/doc/refman/8.0/en/comments.html
 * https://dev.mysql.com/doc/refman/8.0/en/stored-programs-defining.html (DELIMITER)
 */

import { positionFinder, SqlScanner, DEFAULT_QUOTING, type Quoting } from '../compiler/dialect/mysql/lexer.js';
import { assertNever } from '../compiler/ir/types.js';

export { DEFAULT_QUOTING, quotingOf, type Quoting } from '../compiler/dialect/mysql/lexer.js';

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

/**
 * Splits a .sql file into statements; empty statements (`;;`, comments only) are dropped.
 *
 * The file is read by the dialect's lexer as the client reads it (its delimiter and DELIMITER
 * lines), with executable comments as code, with one deliberate difference: a delimiter inside
 * an executable comment does not split it. The client would send `/*!40101 SET @a = 1` and
 * `SET @b = 2 *\/` to the server, which refuses the first after the statements before it ran;
 * kept whole, the statement goes on after its `;` (oneStatement) and is refused before anything
 * runs.
 */
export function splitStatements(text: string): Statement[] {
  const at = positionFinder(text);
  const out: Statement[] = [];
  const scan = new SqlScanner(text, { delimiters: true, executable: 'code' });
  let step: number | null = null;
  let start = -1;
  let startStep: number | null = null;
  const push = (end: number) => {
    const sql = text.slice(start, end).trim();
    if (sql) out.push({ sql, line: at(start).line, step: startStep });
    start = -1;
  };
  while (scan.next()) {
    switch (scan.kind) {
      case 'comment':
        // Between statements a line comment may be a step marker; inside one it is part of it.
        if (start < 0 && text.charCodeAt(scan.start) === 45) {
          const m = MARKER_RE.exec(scan.tokenText);
          if (m) step = Number(m[1]);
        }
        continue;
      case 'command':
        continue;
      case 'delimiter':
        if (!scan.conditional) {
          if (start >= 0) push(scan.start);
          continue;
        }
        break;
      case 'word': case 'quoted': case 'string': case 'number': case 'op': case 'conditional': case 'conditionalEnd':
        break;
      default:
        assertNever(scan.kind, 'token');
    }
    if (start < 0) {
      start = scan.start;
      startStep = step;
    }
  }
  if (start >= 0) push(text.length);
  return out;
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
  if (!sql.includes(';')) return { sql, extra: null }; // most statements: nothing to read
  const scan = new SqlScanner(sql, { quoting, executable: 'code' });
  let cut: number | null = null;
  while (scan.next()) {
    if (scan.kind === 'comment') continue;
    if (scan.kind === 'op' && sql.charCodeAt(scan.start) === 59) { // ;
      cut ??= scan.start;
      continue;
    }
    if (cut !== null) return { sql: sql.slice(0, cut).trimEnd(), extra: cut };
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
  if (!sql.includes('\\')) return null;
  const scan = new SqlScanner(sql, { quoting, executable: 'code' });
  while (scan.next()) {
    if (scan.kind !== 'string') continue;
    const at = sql.indexOf('\\', scan.start);
    if (at >= 0 && at < scan.end) return at;
  }
  return null;
}

/** The first line of a statement, shortened, for messages. */
export function firstLine(sql: string, max = 80): string {
  const line = sql.split('\n', 1)[0].trim();
  return line.length > max ? line.slice(0, max - 1) + '…' : line;
}

/**
 * How deeply SQL text nests, measured in one pass without recursion: the guard in front of
 * every recursive reader of SQL (the expression checker, node-sql-parser, the canonicaliser,
 * sql-formatter). Each of them recurses once or more per level and runs out of stack somewhere
 * between 400 and 2,000 levels; past the limits below the text is refused with its position
 * instead (MySQL itself refuses a few hundred levels: its parser's stack is 3,200 entries deep).
 *
 * A level is an open parenthesis, an open CASE (closed by END), or a prefix operator whose
 * operand has not started yet (`- - - a`, `NOT NOT a`, `BINARY`, `INTERVAL`): the constructs
 * that make a recursive-descent parser call itself. Quotes and comments are skipped.
 */

import { SqlScanner } from '../dialect/mysql/lexer.js';
import { assertNever } from './types.js';

/** The deepest an expression of a schema (CHECK, DEFAULT, generated column, backfill) may nest. */
export const MAX_EXPRESSION_NESTING = 100;

/**
 * The deepest a whole statement may nest: an expression at its limit inside a statement, with
 * room for the parentheses MySQL adds around every operation when it stores an expression.
 */
export const MAX_STATEMENT_NESTING = 2 * MAX_EXPRESSION_NESTING;

const PREFIX_WORDS = new Set(['not', 'binary', 'interval']);

/**
 * The offset in `text` of the character where it first nests deeper than `limit` levels, or
 * -1 when it never does. The text is read with the dialect's lexer; a string, name or comment it
 * ends inside ends the reading.
 */
export function nestingPast(text: string, limit: number): number {
  let depth = 0;
  /** Prefix operators in a row, waiting for their operand. */
  let prefixes = 0;
  /** Whether the last token ended an operand (after which `-` and `+` are binary). */
  let afterOperand = false;
  const scan = new SqlScanner(text);
  while (scan.next()) {
    if (scan.unterminated) return -1;
    switch (scan.kind) {
      case 'comment': case 'delimiter': case 'command': case 'conditional': case 'conditionalEnd':
        continue;
      case 'string': case 'quoted': case 'number':
        prefixes = 0;
        afterOperand = true;
        continue;
      case 'word': {
        const word = scan.tokenText.toLowerCase();
        if (word === 'case') {
          depth++;
          prefixes = 0;
          afterOperand = false;
        } else if (word === 'end') {
          depth = Math.max(0, depth - 1);
          prefixes = 0;
          afterOperand = true;
          continue;
        } else if (PREFIX_WORDS.has(word)) {
          prefixes++;
          afterOperand = false;
        } else {
          prefixes = 0;
          afterOperand = true;
          continue;
        }
        break;
      }
      case 'op': {
        const c = text.charCodeAt(scan.start);
        if (scan.end - scan.start > 1) { // <=, !=, ->, ...: binary
          prefixes = 0;
          afterOperand = false;
          continue;
        }
        if (c === 40) { // (
          depth++;
          prefixes = 0;
          afterOperand = false;
        } else if (c === 41) { // )
          depth = Math.max(0, depth - 1);
          prefixes = 0;
          afterOperand = true;
          continue;
        } else if (c === 45 || c === 43 || c === 33 || c === 126) { // - + ! ~
          if (afterOperand && (c === 45 || c === 43)) {
            afterOperand = false;
            continue;
          }
          prefixes++;
          afterOperand = false;
        } else {
          prefixes = 0;
          afterOperand = c === 44 || c === 59 ? false : afterOperand && c === 46; // , ; end an operand; `a.b` continues one
          continue;
        }
        break;
      }
      default:
        return assertNever(scan.kind, 'token');
    }
    if (depth + prefixes > limit) return scan.start;
  }
  return -1;
}

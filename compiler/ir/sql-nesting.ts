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
 * -1 when it never does.
 */
export function nestingPast(text: string, limit: number): number {
  const n = text.length;
  let depth = 0;
  /** Prefix operators in a row, waiting for their operand. */
  let prefixes = 0;
  /** Whether the last token ended an operand (after which `-` and `+` are binary). */
  let afterOperand = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const start = i;
    if (c === 32 || (c >= 9 && c <= 13)) { i++; continue; }
    if (c === 47 && text.charCodeAt(i + 1) === 42) { // /* ... */
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return -1;
      i = close + 2;
      continue;
    }
    if (c === 35 || (c === 45 && text.charCodeAt(i + 1) === 45 && (i + 2 >= n || isSpace(text.charCodeAt(i + 2))))) { // # or --
      const eol = text.indexOf('\n', i);
      if (eol < 0) return -1;
      i = eol + 1;
      continue;
    }
    if (c === 39 || c === 34 || c === 96) { // ' " `
      i = quoteEnd(text, i);
      if (i < 0) return -1;
      prefixes = 0;
      afterOperand = true;
      continue;
    }
    if (isWordChar(c)) {
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      const word = text.slice(start, i).toLowerCase();
      if (word === 'case') {
        depth++;
        prefixes = 0;
        afterOperand = false;
      } else if (word === 'end') {
        depth = Math.max(0, depth - 1);
        prefixes = 0;
        afterOperand = true;
      } else if (PREFIX_WORDS.has(word)) {
        prefixes++;
        afterOperand = false;
      } else {
        prefixes = 0;
        afterOperand = true;
        continue;
      }
    } else if (c === 40) { // (
      i++;
      depth++;
      prefixes = 0;
      afterOperand = false;
    } else if (c === 41) { // )
      i++;
      depth = Math.max(0, depth - 1);
      prefixes = 0;
      afterOperand = true;
      continue;
    } else if (c === 45 || c === 43 || c === 33 || c === 126) { // - + ! ~
      i++;
      if (c === 33 && text.charCodeAt(i) === 61) { afterOperand = false; prefixes = 0; continue; } // !=
      if (afterOperand && (c === 45 || c === 43)) { afterOperand = false; continue; }
      prefixes++;
      afterOperand = false;
    } else {
      i++;
      prefixes = 0;
      afterOperand = c === 44 || c === 59 ? false : afterOperand && c === 46; // , ; end an operand; `a.b` continues one
      continue;
    }
    if (depth + prefixes > limit) return start;
  }
  return -1;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Letters, digits, `_`, `$` and every non-ASCII character make up words and numbers. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c >= 0x80;
}

/** The offset after the quote that starts at `i` (backslash escapes, doubled quotes), or -1 when unterminated. */
function quoteEnd(text: string, i: number): number {
  const q = text.charCodeAt(i);
  for (let j = i + 1; j < text.length; j++) {
    const d = text.charCodeAt(j);
    if (d === 92 && q !== 96) { j++; continue; }
    if (d === q) {
      if (text.charCodeAt(j + 1) === q) { j++; continue; }
      return j + 1;
    }
  }
  return -1;
}

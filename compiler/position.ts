/**
 * Line and column (1-based) of offsets in a text: for diagnostics in files read without a
 * parser that tracks positions (SQL, JSON, a TypeScript file refused before parsing). It lives
 * with the SQL lexer, which gives every token its line and column.
 */
import { positionFinder } from './dialect/mysql/lexer.js';

export { positionFinder };

/**
 * What JSON.parse refused, for a diagnostic: its message without the offset, and where it
 * stopped (V8 gives the offset in some messages only; otherwise the start of the text).
 */
export function jsonSyntaxError(text: string, error: unknown): { message: string; line: number; column: number } {
  const message = String((error as Error)?.message ?? error);
  const m = /at position (\d+)/.exec(message);
  return { message: message.replace(/ in JSON at position \d+.*$/, ''), ...positionFinder(text)(m ? Number(m[1]) : 0) };
}

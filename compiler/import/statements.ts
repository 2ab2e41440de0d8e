import type { Token } from '../dialect/mysql/lexer.js';

/** One statement of a file: its tokens (without the delimiter) and where it starts. */
export interface SqlStatement {
  readonly tokens: readonly Token[];
  readonly start: number;
  readonly end: number;
}

const ROUTINES = new Set(['TRIGGER', 'PROCEDURE', 'FUNCTION', 'EVENT']);

/**
 * Splits a file's tokens at its delimiters. The body of a trigger, procedure, function or
 * event written without `DELIMITER` (`... FOR EACH ROW BEGIN a; b; END;`) stays one statement:
 * BEGIN/CASE open a block, END closes it (END IF/LOOP/WHILE/REPEAT close nothing counted).
 */
export function splitStatements(tokens: readonly Token[]): SqlStatement[] {
  const out: SqlStatement[] = [];
  let current: Token[] = [];
  let depth = 0;
  let routine = false;
  const flush = () => {
    if (current.length) out.push({ tokens: current, start: current[0].start, end: current[current.length - 1].end });
    current = [];
    depth = 0;
    routine = false;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'delimiter') {
      if (routine && depth > 0 && t.text === ';') {
        current.push(t);
        continue;
      }
      flush();
      continue;
    }
    current.push(t);
    if (current.length <= 8 && t.kind === 'word' && current[0].upper === 'CREATE' && ROUTINES.has(t.upper)) routine = true;
    if (!routine || t.kind !== 'word') continue;
    if (t.upper === 'BEGIN' || t.upper === 'CASE') depth++;
    else if (t.upper === 'END') {
      const next = tokens[i + 1];
      const closes = next?.kind === 'word' ? next.upper : '';
      if (closes !== 'IF' && closes !== 'LOOP' && closes !== 'WHILE' && closes !== 'REPEAT') depth = Math.max(0, depth - 1);
    }
  }
  flush();
  return out;
}

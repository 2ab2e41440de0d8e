import type { EventStatus, Routine, RoutineDataAccess, RoutineType, SchemaEvent, ViewSecurity } from '../../ir/types.js';
import { lexSql, type Token } from './lexer.js';
import { ident } from './quote.js';

/*
 * Stored routines as CREATE PROCEDURE / CREATE FUNCTION text: what a .sql file holds and what
 * SHOW CREATE PROCEDURE / FUNCTION prints on both servers
 * (https://dev.mysql.com/doc/refman/8.0/en/create-procedure.html,
 * https://mariadb.com/kb/en/create-procedure/, https://mariadb.com/kb/en/create-function/). One
 * reader for the import and for introspection: information_schema.ROUTINES has no parameter list
 * as written (PARAMETERS gives types as the server spells them), SHOW CREATE has it.
 */

/** Where a routine's text could not be read, and why. */
export interface ProgramProblem {
  readonly message: string;
  readonly offset: number;
  /** True for valid SQL the IR does not hold (not a syntax error). */
  readonly unsupported?: boolean;
}

const DATA_ACCESS: ReadonlyArray<[readonly string[], RoutineDataAccess]> = [
  [['CONTAINS', 'SQL'], 'CONTAINS SQL'], [['NO', 'SQL'], 'NO SQL'], [['READS', 'SQL', 'DATA'], 'READS SQL DATA'],
  [['MODIFIES', 'SQL', 'DATA'], 'MODIFIES SQL DATA'],
];

/** Words that may follow a RETURNS type's name (its attributes); two-word ones take the next word. */
const TYPE_ATTRIBUTES = new Set(['UNSIGNED', 'SIGNED', 'ZEROFILL', 'BINARY', 'ASCII', 'UNICODE', 'BYTE']);
const TYPE_ATTRIBUTES_WITH_VALUE = new Set(['CHARSET', 'COLLATE']);

/**
 * Reads `CREATE [OR REPLACE] [DEFINER = user] {PROCEDURE | FUNCTION} [IF NOT EXISTS] name
 * ([params]) [RETURNS type] [characteristic ...] body`. `text` is the statement without its
 * delimiter; offsets in problems are into it. `replace` and `ifNotExists` say what the statement
 * asked for.
 */
export function parseRoutine(text: string): { routine: Routine; replace: boolean; ifNotExists: boolean } | { problem: ProgramProblem } {
  const lexed = codeTokens(text);
  if ('problem' in lexed) return lexed;
  const toks = lexed.tokens;
  let i = 0;
  const word = (k = 0) => (toks[i + k]?.kind === 'word' ? toks[i + k].upper : '');
  const fail = (message: string, unsupported = false): { problem: ProgramProblem } =>
    ({ problem: { message, offset: toks[i]?.start ?? text.length, ...(unsupported ? { unsupported } : {}) } });
  const accept = (...words: string[]) => {
    if (!words.every((w, k) => word(k) === w)) return false;
    i += words.length;
    return true;
  };
  if (!accept('CREATE')) return fail('expected CREATE');
  const replace = accept('OR', 'REPLACE');
  if (accept('DEFINER')) {
    if (toks[i]?.text !== '=') return fail('expected "=" after DEFINER');
    i++;
    i++; // the user, then @host and any more of it, up to PROCEDURE / FUNCTION
    while (i < toks.length && word() !== 'PROCEDURE' && word() !== 'FUNCTION') i++;
  }
  if (word() === 'AGGREGATE') return fail('an AGGREGATE FUNCTION is not in the schema IR', true);
  const type = word() as RoutineType;
  if (type !== 'PROCEDURE' && type !== 'FUNCTION') return fail('expected PROCEDURE or FUNCTION');
  i++;
  const ifNotExists = accept('IF', 'NOT', 'EXISTS');
  const nameToken = toks[i];
  if (!nameToken || (nameToken.kind !== 'word' && nameToken.kind !== 'quoted')) return fail('expected the routine name');
  i++;
  let name = nameToken.value;
  if (toks[i]?.text === '.' && (toks[i + 1]?.kind === 'word' || toks[i + 1]?.kind === 'quoted')) {
    name = toks[i + 1].value; // db.name: the database is the one the schema is for
    i += 2;
  }
  if (toks[i]?.text !== '(') return fail('expected "(" and the parameters');
  const close = matching(toks, i);
  if (close < 0) return fail('no ")" closes the parameter list');
  const params = close === i + 1 ? '' : text.slice(toks[i + 1].start, toks[close - 1].end).trim();
  i = close + 1;
  let returns: string | null = null;
  if (type === 'FUNCTION') {
    if (!accept('RETURNS')) return fail('expected RETURNS and the type of the function');
    const start = toks[i];
    if (!start || start.kind !== 'word') return fail('expected the RETURNS type');
    let end = i;
    if (toks[end + 1]?.text === '(') {
      end = matching(toks, end + 1);
      if (end < 0) return fail('no ")" closes the RETURNS type');
    }
    for (;;) {
      const next = toks[end + 1];
      const w = next?.kind === 'word' ? next.upper : '';
      if (TYPE_ATTRIBUTES.has(w)) end++;
      else if (TYPE_ATTRIBUTES_WITH_VALUE.has(w) && toks[end + 2]) end += 2;
      else if (w === 'CHARACTER' && toks[end + 2]?.upper === 'SET' && toks[end + 3]) end += 3;
      else break;
    }
    returns = text.slice(start.start, toks[end].end);
    i = end + 1;
  }
  let deterministic = false;
  let dataAccess: RoutineDataAccess = 'CONTAINS SQL';
  let security: ViewSecurity = 'DEFINER';
  let comment = '';
  for (;;) {
    if (accept('DETERMINISTIC')) deterministic = true;
    else if (accept('NOT', 'DETERMINISTIC')) deterministic = false;
    else if (accept('LANGUAGE', 'SQL')) continue;
    else if (accept('SQL', 'SECURITY')) {
      const s = word();
      if (s !== 'DEFINER' && s !== 'INVOKER') return fail('expected DEFINER or INVOKER');
      security = s;
      i++;
    } else if (accept('COMMENT')) {
      if (toks[i]?.kind !== 'string') return fail('expected the comment as a string');
      comment = toks[i].value;
      i++;
    } else {
      const found = DATA_ACCESS.find(([words]) => words.every((w, k) => word(k) === w));
      if (!found) break;
      i += found[0].length;
      dataAccess = found[1];
    }
  }
  if (i >= toks.length) return fail('the body is missing');
  const body = text.slice(toks[i].start, toks[toks.length - 1].end).trim();
  return {
    routine: { kind: 'routine', type, name, params, returns, deterministic, dataAccess, security, comment, body },
    replace, ifNotExists,
  };
}

/**
 * The tokens of a statement as the server reads it: an executable comment's inside is code and
 * its markers are not tokens (mysqldump writes `/*!50003 CREATE*\/ /*!50017 DEFINER=...*\/
 * /*!50003 TRIGGER ... END *\/`).
 */
export function codeTokens(text: string): { tokens: readonly Token[] } | { problem: ProgramProblem } {
  const lexed = lexSql(text, { executable: 'code' });
  if (lexed.error) return { problem: { message: lexed.error.message, offset: lexed.error.offset } };
  return { tokens: withoutMarkers(lexed.tokens) };
}

/** Tokens without the markers of executable comments read as code. */
export function withoutMarkers(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => t.kind !== 'conditional' && t.kind !== 'conditionalEnd');
}

/** The index of the `)` that closes the `(` at `open`, or -1. */
function matching(toks: readonly Token[], open: number): number {
  let depth = 0;
  for (let j = open; j < toks.length; j++) {
    if (toks[j].kind !== 'op') continue;
    if (toks[j].text === '(') depth++;
    else if (toks[j].text === ')' && --depth === 0) return j;
  }
  return -1;
}

/** SHOW CREATE PROCEDURE / FUNCTION of a routine of `database` (its text as written, with the characteristics in the server's order). */
export function showCreateRoutineSql(database: string, type: RoutineType, name: string): string {
  return `SHOW CREATE ${type} ${ident(database)}.${ident(name)}`;
}

/** SHOW CREATE EVENT of an event of `database`. */
export function showCreateEventSql(database: string, name: string): string {
  return `SHOW CREATE EVENT ${ident(database)}.${ident(name)}`;
}

/**
 * Reads `CREATE [OR REPLACE] [DEFINER = user] EVENT [IF NOT EXISTS] name ON SCHEDULE schedule
 * [ON COMPLETION [NOT] PRESERVE] [ENABLE | DISABLE | DISABLE ON SLAVE] [COMMENT 'text'] DO body`
 * (https://dev.mysql.com/doc/refman/8.0/en/create-event.html, https://mariadb.com/kb/en/create-event/):
 * a .sql file's, or SHOW CREATE EVENT's.
 */
export function parseEvent(text: string): { event: SchemaEvent; replace: boolean; ifNotExists: boolean } | { problem: ProgramProblem } {
  const lexed = codeTokens(text);
  if ('problem' in lexed) return lexed;
  const toks = lexed.tokens;
  let i = 0;
  const word = (k = 0) => (toks[i + k]?.kind === 'word' ? toks[i + k].upper : '');
  const fail = (message: string): { problem: ProgramProblem } => ({ problem: { message, offset: toks[i]?.start ?? text.length } });
  const accept = (...words: string[]) => {
    if (!words.every((w, k) => word(k) === w)) return false;
    i += words.length;
    return true;
  };
  if (!accept('CREATE')) return fail('expected CREATE');
  const replace = accept('OR', 'REPLACE');
  if (accept('DEFINER')) {
    if (toks[i]?.text !== '=') return fail('expected "=" after DEFINER');
    i += 2;
    while (i < toks.length && word() !== 'EVENT') i++;
  }
  if (!accept('EVENT')) return fail('expected EVENT');
  const ifNotExists = accept('IF', 'NOT', 'EXISTS');
  const nameToken = toks[i];
  if (!nameToken || (nameToken.kind !== 'word' && nameToken.kind !== 'quoted')) return fail('expected the event name');
  i++;
  let name = nameToken.value;
  if (toks[i]?.text === '.' && (toks[i + 1]?.kind === 'word' || toks[i + 1]?.kind === 'quoted')) {
    name = toks[i + 1].value;
    i += 2;
  }
  if (!accept('ON', 'SCHEDULE')) return fail('expected ON SCHEDULE');
  const start = i;
  let depth = 0;
  for (; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === 'op' && t.text === '(') depth++;
    else if (t.kind === 'op' && t.text === ')') depth--;
    else if (depth === 0 && t.kind === 'word' && (['ENABLE', 'DISABLE', 'COMMENT', 'DO'].includes(t.upper)
      || (t.upper === 'ON' && word(1) === 'COMPLETION'))) break;
  }
  if (i === start) return fail('expected the schedule after ON SCHEDULE');
  const schedule = text.slice(toks[start].start, toks[i - 1].end);
  let preserve = false;
  let status: EventStatus = 'ENABLE';
  let comment = '';
  for (;;) {
    if (accept('ON', 'COMPLETION', 'NOT', 'PRESERVE')) preserve = false;
    else if (accept('ON', 'COMPLETION', 'PRESERVE')) preserve = true;
    else if (accept('ENABLE')) status = 'ENABLE';
    else if (accept('DISABLE', 'ON', 'SLAVE') || accept('DISABLE', 'ON', 'REPLICA')) status = 'DISABLE ON SLAVE';
    else if (accept('DISABLE')) status = 'DISABLE';
    else if (accept('COMMENT')) {
      if (toks[i]?.kind !== 'string') return fail('expected the comment as a string');
      comment = toks[i].value;
      i++;
    } else break;
  }
  if (!accept('DO')) return fail('expected DO and the body');
  if (i >= toks.length) return fail('the body is missing after DO');
  return { event: { kind: 'event', name, schedule, preserve, status, comment, body: text.slice(toks[i].start, toks[toks.length - 1].end).trim() }, replace, ifNotExists };
}

/** A schedule without its STARTS clause (what the server fills in with the time of creation when it is not given). */
export function scheduleWithoutStarts(schedule: string): string {
  return schedule.replace(/\s+STARTS\s+(?:'(?:[^'\\]|\\.|'')*'|\S+)(?:\s*[+-]\s*INTERVAL\s+\S+\s+\w+)*/i, '').trim();
}

import type { Token } from '../dialect/mysql/lexer.js';
import { setStatementFor } from '../dialect/mysql/server.js';
import type { RoutineType, Trigger, TriggerEvent, TriggerTiming } from '../ir/types.js';
import { parseEvent, parseRoutine, withoutMarkers } from '../dialect/mysql/programs.js';
import { Cursor, ImportError } from './cursor.js';
import type { ImportState } from './state.js';

/**
 * CREATE [OR REPLACE] [DEFINER = user] TRIGGER [IF NOT EXISTS] name {BEFORE | AFTER}
 * {INSERT | UPDATE | DELETE} ON table FOR EACH ROW body
 * (https://dev.mysql.com/doc/refman/8.0/en/create-trigger.html, https://mariadb.com/kb/en/create-trigger/).
 * The DEFINER is read and left out; the sql_mode is the one the file set last (a dump sets it
 * before each trigger), kept where the schema can say it (setStatementFor). FOLLOWS / PRECEDES
 * are refused: the order of two triggers is not held (one trigger per table, timing and event).
 */
export function createTrigger(state: ImportState, statement: readonly Token[]): void {
  const { ctx, catalog } = state;
  const tokens = withoutMarkers(statement);
  const cur = new Cursor(tokens);
  cur.expectWord('CREATE');
  const replace = cur.acceptWord('OR', 'REPLACE');
  if (cur.acceptWord('DEFINER')) {
    cur.expectOp('=');
    cur.next('a user');
    while (!cur.atEnd() && !cur.atWord('TRIGGER')) cur.next();
  }
  cur.expectWord('TRIGGER');
  const ifNotExists = cur.acceptWord('IF', 'NOT', 'EXISTS');
  const { name, token } = cur.qualifiedName('a trigger name');
  const timing = cur.next('BEFORE or AFTER');
  if (timing.kind !== 'word' || (timing.upper !== 'BEFORE' && timing.upper !== 'AFTER')) cur.fail('expected BEFORE or AFTER', timing);
  const event = cur.next('INSERT, UPDATE or DELETE');
  if (event.kind !== 'word' || !['INSERT', 'UPDATE', 'DELETE'].includes(event.upper)) cur.fail('expected INSERT, UPDATE or DELETE', event);
  cur.expectWord('ON');
  const { name: table } = cur.qualifiedName('a table name');
  cur.expectWord('FOR', 'EACH', 'ROW');
  if (cur.atWord('FOLLOWS') || cur.atWord('PRECEDES')) {
    throw new ImportError('E_IMPORT_UNSUPPORTED', `trigger ${name}: ${cur.peek()!.upper} (the order of triggers) is not in the schema IR: one trigger per table, timing and event`, cur.offset());
  }
  const rest = cur.rest();
  const body = ctx.source(rest).trim();
  if (body === '') throw new ImportError('E_IMPORT_SYNTAX', `trigger ${name}: the body is missing after FOR EACH ROW`, token.start);
  if (ifNotExists && catalog.findTrigger(name)) return;
  const trigger: Trigger = {
    kind: 'trigger', name, table, timing: timing.upper as TriggerTiming, event: event.upper as TriggerEvent, body,
    ...(state.sqlMode !== null && setStatementFor(ctx.server) ? { sqlMode: state.sqlMode } : {}), pos: ctx.pos(tokens[0].start),
  };
  state.attempt(token.start, () => catalog.addTrigger(trigger, replace));
}

/** DROP TRIGGER [IF EXISTS] [schema.]name. */
export function dropTrigger(state: ImportState, tokens: readonly Token[]): void {
  const cur = new Cursor(tokens);
  cur.expectWord('DROP', 'TRIGGER');
  const ifExists = cur.acceptWord('IF', 'EXISTS');
  const { name, token } = cur.qualifiedName('a trigger name');
  cur.expectEnd();
  if (!ifExists || state.catalog.findTrigger(name)) state.attempt(token.start, () => state.catalog.dropTrigger(name));
}

/** The sql_mode a `SET [SESSION | @@SESSION.] sql_mode = 'text'` statement sets, or undefined for another SET. */
export function sqlModeOf(tokens: readonly Token[]): string | undefined {
  const cur = new Cursor(tokens);
  cur.expectWord('SET');
  cur.acceptWord('SESSION');
  const t = cur.peek();
  if (!t || (t.kind !== 'word' && t.kind !== 'quoted')) return undefined;
  const variable = t.text.toLowerCase().replace(/^@@(session\.)?/, '');
  if (variable !== 'sql_mode') return undefined;
  cur.next();
  if (!cur.acceptOp('=') && !cur.acceptOp(':=')) return undefined;
  const value = cur.peek();
  if (!value || value.kind !== 'string' || tokens.length !== cur.index + 1) return undefined;
  return value.value;
}

/**
 * CREATE [OR REPLACE] [DEFINER = user] {PROCEDURE | FUNCTION} [IF NOT EXISTS] name (params)
 * [RETURNS type] [characteristics] body, read by the dialect's reader of routines (the one
 * introspection reads SHOW CREATE with); the sql_mode as for a trigger.
 */
export function createRoutine(state: ImportState, tokens: readonly Token[]): void {
  const { ctx, catalog } = state;
  const first = tokens[0];
  const parsed = parseRoutine(ctx.source(tokens));
  if ('problem' in parsed) {
    throw new ImportError(parsed.problem.unsupported ? 'E_IMPORT_UNSUPPORTED' : 'E_IMPORT_SYNTAX', parsed.problem.message, first.start + parsed.problem.offset);
  }
  const { routine, replace, ifNotExists } = parsed;
  if (ifNotExists && catalog.findRoutine(routine.type, routine.name)) return;
  catalog.addRoutine({ ...routine, ...(state.sqlMode !== null && setStatementFor(ctx.server) ? { sqlMode: state.sqlMode } : {}),
    pos: ctx.pos(first.start) }, replace);
}

/** DROP {PROCEDURE | FUNCTION} [IF EXISTS] [schema.]name. */
export function dropRoutine(state: ImportState, tokens: readonly Token[]): void {
  const cur = new Cursor(tokens);
  cur.expectWord('DROP');
  const type: RoutineType = cur.acceptWord('PROCEDURE') ? 'PROCEDURE' : (cur.expectWord('FUNCTION'), 'FUNCTION');
  const ifExists = cur.acceptWord('IF', 'EXISTS');
  const { name, token } = cur.qualifiedName(`a ${type.toLowerCase()} name`);
  cur.expectEnd();
  if (!ifExists || state.catalog.findRoutine(type, name)) state.attempt(token.start, () => state.catalog.dropRoutine(type, name));
}

/** CREATE [OR REPLACE] [DEFINER = user] EVENT ..., read by the dialect's reader of events; the sql_mode as for a trigger. */
export function createEvent(state: ImportState, tokens: readonly Token[]): void {
  const { ctx, catalog } = state;
  const first = tokens[0];
  const parsed = parseEvent(ctx.source(tokens));
  if ('problem' in parsed) throw new ImportError('E_IMPORT_SYNTAX', parsed.problem.message, first.start + parsed.problem.offset);
  const { event, replace, ifNotExists } = parsed;
  if (ifNotExists && catalog.findEvent(event.name)) return;
  catalog.putEvent({ ...event, ...(state.sqlMode !== null && setStatementFor(ctx.server) ? { sqlMode: state.sqlMode } : {}),
    pos: ctx.pos(first.start) }, replace);
}

/** DROP EVENT [IF EXISTS] [schema.]name. */
export function dropEvent(state: ImportState, tokens: readonly Token[]): void {
  const cur = new Cursor(tokens);
  cur.expectWord('DROP', 'EVENT');
  const ifExists = cur.acceptWord('IF', 'EXISTS');
  const { name, token } = cur.qualifiedName('an event name');
  cur.expectEnd();
  if (!ifExists || state.catalog.findEvent(name)) state.attempt(token.start, () => state.catalog.dropEvent(name));
}

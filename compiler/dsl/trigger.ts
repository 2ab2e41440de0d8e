import type { SourcePos, Trigger, TriggerEvent, TriggerTiming } from '../ir/types.js';
import { DslError } from './errors.js';
import { site } from './site.js';
import { isSqlFragment, type SqlFragment } from './sql.js';
import { tableState, type TableDef } from './table.js';

/** When a trigger runs: `trigger(name, { table, timing, event }, sql\`...\`)`. */
export interface TriggerSpec {
  /** The table (as declared with `table()`, or its name). */
  readonly table: TableDef<any> | string;
  readonly timing: 'before' | 'after' | TriggerTiming;
  readonly event: 'insert' | 'update' | 'delete' | TriggerEvent;
  /** The sql_mode the body runs under (the server records it with the trigger); default: the session's. */
  readonly sqlMode?: string;
}

const TRIGGER = Symbol.for('schemac.trigger');

/** A declared trigger (what `trigger()` returns; exported from a schema file like a table). */
export interface TriggerDef {
  readonly name: string;
}

const SPEC_KEYS: ReadonlySet<string> = new Set(['table', 'timing', 'event', 'sqlMode']);

function pick<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  const upper = typeof value === 'string' ? value.toUpperCase() : value;
  if (!allowed.includes(upper as T)) throw new DslError('E_DSL_ARGUMENT', `trigger() ${what} takes ${allowed.map((a) => `'${a.toLowerCase()}'`).join(', ')}`);
  return upper as T;
}

/**
 * Declares a trigger: `trigger('member_trim', { table: member, timing: 'before', event: 'insert' },
 * sql\`SET NEW.name = TRIM(NEW.name)\`)`; the body is one statement or `BEGIN ... END`. It is
 * created after its table and dropped before it; a change is DROP TRIGGER + CREATE TRIGGER. The
 * DEFINER is not part of the schema.
 */
export function trigger(name: string, spec: TriggerSpec, body: SqlFragment): TriggerDef {
  if (typeof name !== 'string' || name.length === 0) throw new DslError('E_DSL_ARGUMENT', 'trigger() takes the trigger name first');
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throw new DslError('E_DSL_ARGUMENT', 'trigger() takes { table, timing, event, sqlMode? } second');
  }
  for (const key of Object.keys(spec)) {
    if (!SPEC_KEYS.has(key)) throw new DslError('E_DSL_ARGUMENT', `trigger() has no option "${key}": it takes table, timing, event, sqlMode`);
  }
  if (!isSqlFragment(body)) throw new DslError('E_DSL_ARGUMENT', 'trigger() takes the body as sql`...` third');
  const table = typeof spec.table === 'string' ? spec.table : tableState(spec.table)?.name;
  if (typeof table !== 'string' || table.length === 0) {
    throw new DslError('E_DSL_ARGUMENT', 'trigger() { table } takes a table declared with table(), or its name');
  }
  if (spec.sqlMode !== undefined && typeof spec.sqlMode !== 'string') throw new DslError('E_DSL_ARGUMENT', 'trigger() { sqlMode } takes a string');
  const state: Trigger = {
    kind: 'trigger', name, table, timing: pick(spec.timing, ['BEFORE', 'AFTER'], '{ timing }'),
    event: pick(spec.event, ['INSERT', 'UPDATE', 'DELETE'], '{ event }'), body: body.text.trim(),
    ...(spec.sqlMode !== undefined ? { sqlMode: spec.sqlMode } : {}), ...withPos(site()),
  };
  const def = Object.create(null);
  Object.defineProperty(def, TRIGGER, { value: state, enumerable: false });
  Object.defineProperty(def, 'name', { value: name, enumerable: true });
  return Object.freeze(def) as TriggerDef;
}

function withPos(pos: SourcePos | undefined): { pos?: SourcePos } {
  return pos ? { pos } : {};
}

/** The IR of a value returned by `trigger()`, or undefined for anything else. */
export function triggerState(value: unknown): Trigger | undefined {
  return typeof value === 'object' && value !== null ? (value as any)[TRIGGER] : undefined;
}

export function isTriggerDef(value: unknown): boolean {
  return triggerState(value) !== undefined;
}

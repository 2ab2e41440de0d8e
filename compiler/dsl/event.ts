import type { EventStatus, SchemaEvent, SourcePos } from '../ir/types.js';
import { DslError } from './errors.js';
import { site } from './site.js';
import { isSqlFragment, type SqlFragment } from './sql.js';

/** What CREATE EVENT takes besides the name and the body. */
export interface EventOptions {
  /** What follows ON SCHEDULE: sql`EVERY 1 DAY STARTS '2030-01-01 03:00:00'`, or sql`AT '2030-01-01 00:00:00'`. */
  readonly schedule: SqlFragment;
  /** ON COMPLETION PRESERVE (default: NOT PRESERVE, the server drops a one-time event once it ran). */
  readonly preserve?: boolean;
  /** ENABLE (the default) | DISABLE | DISABLE ON SLAVE */
  readonly status?: 'enable' | 'disable' | 'disable on slave' | EventStatus;
  readonly comment?: string;
  /** The sql_mode the body runs under (MariaDB: written with SET STATEMENT); default: the session's. */
  readonly sqlMode?: string;
}

const EVENT = Symbol.for('schemac.event');

/** A declared event (exported from a schema file like a table). */
export interface EventDef {
  readonly name: string;
}

const KEYS: ReadonlySet<string> = new Set(['schedule', 'preserve', 'status', 'comment', 'sqlMode']);

/**
 * Declares a scheduled event: `event('purge', { schedule: sql\`EVERY 1 DAY\` }, sql\`DELETE FROM log WHERE ...\`)`.
 * A change is DROP + CREATE; the DEFINER is not part of the schema.
 */
export function event(name: string, options: EventOptions, body: SqlFragment): EventDef {
  if (typeof name !== 'string' || name.length === 0) throw new DslError('E_DSL_ARGUMENT', 'event() takes the event name first');
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new DslError('E_DSL_ARGUMENT', 'event() takes { schedule, preserve?, status?, comment?, sqlMode? } second');
  }
  for (const key of Object.keys(options)) {
    if (!KEYS.has(key)) throw new DslError('E_DSL_ARGUMENT', `event() has no option "${key}": it takes schedule, preserve, status, comment, sqlMode`);
  }
  if (!isSqlFragment(options.schedule)) throw new DslError('E_DSL_ARGUMENT', 'event() { schedule } takes sql`EVERY 1 DAY` or sql`AT \'...\'`');
  if (!isSqlFragment(body)) throw new DslError('E_DSL_ARGUMENT', 'event() takes the body as sql`...` third');
  const status = options.status === undefined ? 'ENABLE' : String(options.status).toUpperCase().replace(/\s+/g, ' ');
  if (!['ENABLE', 'DISABLE', 'DISABLE ON SLAVE'].includes(status)) {
    throw new DslError('E_DSL_ARGUMENT', "event() { status } takes 'enable', 'disable', 'disable on slave'");
  }
  if (options.preserve !== undefined && typeof options.preserve !== 'boolean') throw new DslError('E_DSL_ARGUMENT', 'event() { preserve } takes true or false');
  if (options.comment !== undefined && typeof options.comment !== 'string') throw new DslError('E_DSL_ARGUMENT', 'event() { comment } takes a string');
  if (options.sqlMode !== undefined && typeof options.sqlMode !== 'string') throw new DslError('E_DSL_ARGUMENT', 'event() { sqlMode } takes a string');
  const pos: SourcePos | undefined = site();
  const state: SchemaEvent = {
    kind: 'event', name, schedule: options.schedule.text.trim(), preserve: options.preserve ?? false, status: status as EventStatus,
    comment: options.comment ?? '', body: body.text.trim(), ...(options.sqlMode !== undefined ? { sqlMode: options.sqlMode } : {}), ...(pos ? { pos } : {}),
  };
  const def = Object.create(null);
  Object.defineProperty(def, EVENT, { value: state, enumerable: false });
  Object.defineProperty(def, 'name', { value: name, enumerable: true });
  return Object.freeze(def) as EventDef;
}

/** The IR of a value returned by `event()`, or undefined for anything else. */
export function eventState(value: unknown): SchemaEvent | undefined {
  return typeof value === 'object' && value !== null ? (value as any)[EVENT] : undefined;
}

export function isEventDef(value: unknown): boolean {
  return eventState(value) !== undefined;
}

import { createHash } from 'node:crypto';
import { SchemacError } from '../diagnostics.js';
import { jsonSyntaxError } from '../position.js';
import { decodeEvents, decodeRoutines, decodeTables, decodeTriggers, decodeViews, describeJson, FormatError, json } from './decode.js';
import type { SchemaIR, SourcePos } from './types.js';

/** Snapshot format version; bump when the IR changes shape. */
export const SNAPSHOT_VERSION = 1;

/**
 * Keys that record where and how an object was declared, never part of the schema's state:
 * source positions, whether a name was generated, a check's short label. (Build hints are not
 * on the IR at all: see hints.ts.)
 */
const TRANSIENT = new Set(['pos', 'autoNamed', 'label']);

/** A copy of the IR without positions and declaration details (what a snapshot and a hash cover). */
export function stripTransient<T>(value: T): T {
  return copy(value, true) as T;
}

/** JSON with keys sorted at every level and two-space indentation: byte-stable everywhere. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(copy(value, false), null, 2) + '\n';
}

/** A copy with keys sorted and undefined values dropped; `strip` also drops transient keys. */
function copy(value: unknown, strip: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => copy(v, strip));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined && !(strip && TRANSIENT.has(key))) out[key] = copy(v, strip);
    }
    return out;
  }
  return value;
}

/** The snapshot file's text for a normalised schema. */
export function writeSnapshot(ir: SchemaIR): string {
  return canonicalJson({ version: SNAPSHOT_VERSION, ...snapshotObjects(ir) });
}

/**
 * The schema's objects as a snapshot holds them: the tables, and the other kinds only when there
 * are any (a schema of tables alone has the snapshot, and the hash, it had before views existed).
 */
function snapshotObjects(ir: SchemaIR): Record<string, unknown> {
  return stripTransient({ tables: ir.tables, ...(ir.views?.length ? { views: ir.views } : {}),
    ...(ir.triggers?.length ? { triggers: ir.triggers } : {}), ...(ir.routines?.length ? { routines: ir.routines } : {}),
    ...(ir.events?.length ? { events: ir.events } : {}) });
}

/**
 * Reads a snapshot file's text (`file` names it in messages). A text that is not a snapshot
 * schemac could have written (not JSON, another version, a field missing or of the wrong type,
 * a reference that does not resolve: see decode.ts) is one E_SNAPSHOT error naming the file,
 * the JSON path and what to do.
 */
export function readSnapshot(text: string, file = 'snapshot.json'): SchemaIR {
  const broken = (message: string, pos?: SourcePos) => new SchemacError({ code: 'E_SNAPSHOT', message: `${file}: ${message}`, ...(pos ? { pos } : {}),
    hint: `restore it from git (git checkout -- ${file}): schemac writes it whole, so a broken one comes from an edit or a merge` });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const { message, line, column } = jsonSyntaxError(text, e);
    throw broken(`not valid JSON (${message})`, { file, line, column });
  }
  try {
    return decodeSnapshot(data);
  } catch (e) {
    if (e instanceof FormatError) throw broken(e.message);
    throw e;
  }
}

/** The snapshot format around the tables: `{ "version": 1, "tables": [...] }`. */
function decodeSnapshot(data: unknown): SchemaIR {
  const o = json.object(data, '', ['version', 'tables'], ['views', 'triggers', 'routines', 'events']);
  if (o.version !== SNAPSHOT_VERSION) {
    throw new FormatError('version', `expected ${SNAPSHOT_VERSION} (the snapshot format this schemac reads), found ${describeJson(o.version)}`);
  }
  const tables = decodeTables(o.tables, 'tables');
  const views = o.views === undefined ? [] : decodeViews(o.views, 'views', tables);
  const triggers = o.triggers === undefined ? [] : decodeTriggers(o.triggers, 'triggers', tables);
  const routines = o.routines === undefined ? [] : decodeRoutines(o.routines, 'routines');
  const events = o.events === undefined ? [] : decodeEvents(o.events, 'events');
  return { kind: 'schema', tables, ...(views.length ? { views } : {}), ...(triggers.length ? { triggers } : {}),
    ...(routines.length ? { routines } : {}), ...(events.length ? { events } : {}) };
}

/** `sha256:` + hex of the schema's canonical JSON: names the schema before and after a migration. */
export function schemaHash(ir: SchemaIR): string {
  let hash = hashes.get(ir);
  if (hash === undefined) {
    const objects = snapshotObjects(ir);
    hash = 'sha256:' + createHash('sha256').update(canonicalJson(Object.keys(objects).length > 1 ? objects : objects.tables)).digest('hex');
    hashes.set(ir, hash);
  }
  return hash;
}

/** Schemas are immutable: a hash is computed once per schema object. */
const hashes = new WeakMap<SchemaIR, string>();

/** Records a schema's hash known from elsewhere (the compile cache), so it is not computed again. */
export function rememberSchemaHash(ir: SchemaIR, hash: string): void {
  hashes.set(ir, hash);
}

/** Whether the schema's hash is already known (computing it costs a canonical serialisation). */
export function knownSchemaHash(ir: SchemaIR): string | undefined {
  return hashes.get(ir);
}

export const EMPTY_SCHEMA: SchemaIR = Object.freeze({ kind: 'schema', tables: [] }) as SchemaIR;

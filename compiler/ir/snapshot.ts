import { createHash } from 'node:crypto';
import type { SchemaIR } from './types.js';

/** Snapshot format version; bump when the IR changes shape. */
export const SNAPSHOT_VERSION = 1;

/** Keys that are build hints or source positions, never part of the schema's state. */
const TRANSIENT = new Set(['pos', 'renamedFrom', 'backfill', 'autoNamed', 'label']);

/** A copy of the IR without positions and hints (what a snapshot and a hash cover). */
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
  return canonicalJson({ version: SNAPSHOT_VERSION, tables: stripTransient(ir.tables) });
}

/** Reads a snapshot file's text; throws with a reason when it is not one. */
export function readSnapshot(text: string): SchemaIR {
  let data: any;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`not valid JSON (${(e as Error).message})`);
  }
  if (!data || typeof data !== 'object' || data.version !== SNAPSHOT_VERSION || !Array.isArray(data.tables)) {
    throw new Error(`not a schemac snapshot of version ${SNAPSHOT_VERSION}`);
  }
  return { kind: 'schema', tables: data.tables };
}

/** `sha256:` + hex of the schema's canonical JSON: names the schema before and after a migration. */
export function schemaHash(ir: SchemaIR): string {
  let hash = hashes.get(ir);
  if (hash === undefined) {
    hash = 'sha256:' + createHash('sha256').update(canonicalJson(stripTransient(ir.tables))).digest('hex');
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

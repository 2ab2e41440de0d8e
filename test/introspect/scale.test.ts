import { diffSchemas } from '../../compiler/diff/diff.js';
import { renderSqlFile, schemaStatements } from '../../compiler/emit/render.js';
import { normalizeSchema } from '../../compiler/ir/normalize.js';
import type { Column, SchemaIR, Table } from '../../compiler/ir/types.js';
import { introspect, type Queryable } from '../../runtime/introspect.js';
import { runSql, scratchDatabase } from '../helpers/server.js';

/**
 * Introspection of a large database: N tables (SCHEMAC_INTROSPECT_TABLES, default 1000) with
 * columns of several kinds, an index, a foreign key to the previous table and a check each.
 * Prints the time; asserts only correctness and the number of queries (no timing assertions).
 */
const N = Number(process.env.SCHEMAC_INTROSPECT_TABLES ?? 1000);

function col(name: string, type: Column['type'], extra: Partial<Column> = {}): Column {
  return {
    kind: 'column', name, type, nullable: true, default: null, autoIncrement: false, onUpdateNow: false, comment: null,
    charset: null, collate: null, generated: null, ...extra,
  };
}

export function wideSchema(n: number): SchemaIR {
  const tables: Table[] = [];
  for (let i = 0; i < n; i++) {
    const name = `t${String(i).padStart(4, '0')}`;
    const prev = i > 0 ? `t${String(i - 1).padStart(4, '0')}` : null;
    tables.push({
      kind: 'table', name,
      columns: [
        col('id', { kind: 'int', size: 'int', unsigned: false }, { nullable: false, autoIncrement: true }),
        col('name', { kind: 'varchar', length: 64 }, { nullable: false, default: { kind: 'string', value: 'n' } }),
        col('amount', { kind: 'decimal', precision: 10, scale: 2, unsigned: false }, { default: { kind: 'number', value: '0' } }),
        col('flag', { kind: 'boolean' }, { nullable: false, default: { kind: 'number', value: '1' } }),
        col('doc', { kind: 'json' }),
        col('created', { kind: 'datetime', fsp: 0 }, { nullable: false, default: { kind: 'now', fsp: 0 } }),
        col('double_amount', { kind: 'decimal', precision: 12, scale: 2, unsigned: false }, { generated: { expr: 'amount * 2', stored: false } }),
        col('prev_id', { kind: 'int', size: 'int', unsigned: false }),
      ],
      primaryKey: { kind: 'primaryKey', columns: ['id'] },
      indexes: [{ kind: 'index', name: `ix_${name}_name`, unique: false, parts: [{ column: 'name' }] }],
      foreignKeys: prev ? [{ kind: 'foreignKey', name: `fk_${name}_prev`, columns: ['prev_id'], refTable: prev, refColumns: ['id'],
        onDelete: 'SET NULL', onUpdate: 'RESTRICT' }] : [],
      checks: [{ kind: 'check', name: `ck_${name}_amount`, expr: 'amount >= 0' }],
      options: { engine: null, charset: null, collate: null, comment: `table ${i}` },
    });
  }
  return normalizeSchema({ kind: 'schema', tables });
}

describe(`introspection of ${N} tables`, () => {
  it('is correct in a fixed number of queries; prints the time', async () => {
    const ir = wideSchema(N);
    const db = await scratchDatabase('scale');
    try {
      const t0 = performance.now();
      await db.conn.query('SET SESSION foreign_key_checks = 0');
      await runSql(db.conn, renderSqlFile(['scale'], schemaStatements(ir)));
      const created = performance.now() - t0;
      let queries = 0;
      const counting: Queryable = { query: (sql: string, params?: unknown[]) => { queries++; return db.conn.query(sql, params); } };
      const times: number[] = [];
      let live: SchemaIR | null = null;
      for (let run = 0; run < 3; run++) {
        const t = performance.now();
        live = await introspect(counting, db.name);
        times.push(performance.now() - t);
      }
      const t = performance.now();
      const changes = diffSchemas(ir, live!);
      const diffMs = performance.now() - t;
      console.log(`introspect ${N} tables: create ${(created / 1000).toFixed(1)} s; introspect ${times.map((x) => x.toFixed(0) + ' ms').join(', ')}`
        + `; ${queries / 3} queries per run; diff ${diffMs.toFixed(0)} ms`);
      expect(queries).toBe(3 * 13); // server facts, character sets, TABLES, COLUMNS, STATISTICS, foreign keys, checks, PARTITIONS, VIEWS, TRIGGERS, ROUTINES, EVENTS, objects not held
      expect(live!.tables).toHaveLength(N);
      expect(changes).toEqual([]);
    } finally {
      await db.drop();
    }
  }, 600_000);
});

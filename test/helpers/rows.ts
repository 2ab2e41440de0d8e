import type { Column, GeometryShape, SchemaIR } from '../../compiler/ir/types.js';
import { assertNever } from '../../compiler/ir/types.js';
import type { Conn } from './server.js';

/** A value for row `n` (1-based) of a column, the same for equal types so foreign keys match. */
export function sampleValue(col: Column, n: number): string | number | null {
  const t = col.type;
  switch (t.kind) {
    case 'int': case 'decimal': case 'float': case 'double': return n;
    case 'boolean': return n % 2;
    case 'year': return 2000 + n;
    case 'char': case 'varchar': return String(n).slice(0, Math.max(t.length, 1));
    case 'text': case 'binary': case 'varbinary': case 'blob': return String(n);
    case 'date': return `2020-01-${String(n).padStart(2, '0')}`;
    case 'datetime': case 'timestamp': return `2020-01-${String(n).padStart(2, '0')} 10:00:00`;
    case 'time': return `10:00:${String(n).padStart(2, '0')}`;
    case 'json': return JSON.stringify({ n });
    case 'enum': case 'set': return t.values[(n - 1) % t.values.length];
    case 'bit': return n % 2 ** Math.min(t.length, 30);
    case 'uuid': return `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
    case 'inet6': return `2001:db8::${n}`;
    case 'inet4': return `10.0.0.${n}`;
    // Well-known text, inserted through ST_GeomFromText (insertRows).
    case 'geometry': return WKT[t.shape === 'geometry' ? 'point' : t.shape](n);
    default: return assertNever(t, 'type');
  }
}

const WKT: Readonly<Record<Exclude<GeometryShape, 'geometry'>, (n: number) => string>> = {
  point: (n) => `POINT(${n} ${n})`,
  linestring: (n) => `LINESTRING(0 0, ${n} ${n})`,
  polygon: (n) => `POLYGON((0 0, ${n} 0, ${n} ${n}, 0 0))`,
  multipoint: (n) => `MULTIPOINT(0 0, ${n} ${n})`,
  multilinestring: (n) => `MULTILINESTRING((0 0, ${n} ${n}))`,
  multipolygon: (n) => `MULTIPOLYGON(((0 0, ${n} 0, ${n} ${n}, 0 0)))`,
  geometrycollection: (n) => `GEOMETRYCOLLECTION(POINT(${n} ${n}))`,
};

/** The placeholder of a column's value: spatial values from their text, in the column's SRID. */
function placeholder(col: Column): string {
  return col.type.kind === 'geometry' ? `ST_GeomFromText(?, ${col.type.srid ?? 0})` : '?';
}

/** Inserts `count` rows into every table (foreign key checks off, values chosen to match). */
export async function insertRows(conn: Conn, ir: SchemaIR, count = 2): Promise<void> {
  await conn.query('SET FOREIGN_KEY_CHECKS = 0');
  try {
    for (const table of ir.tables) {
      const cols = table.columns.filter((c) => !c.generated);
      if (cols.length === 0) continue;
      for (let n = 1; n <= count; n++) {
        const sql = `INSERT INTO \`${table.name}\` (${cols.map((c) => `\`${c.name}\``).join(', ')}) VALUES (${cols.map(placeholder).join(', ')})`;
        await conn.query(sql, cols.map((c) => sampleValue(c, n)));
      }
    }
  } finally {
    await conn.query('SET FOREIGN_KEY_CHECKS = 1');
  }
}

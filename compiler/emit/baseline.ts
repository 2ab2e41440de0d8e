import type { ServerProfile } from '../dialect/mysql/server.js';
import { diffSchemas } from '../diff/diff.js';
import { createTableSql, foreignKeyClause, ident } from '../dialect/mysql/sql.js';
import { importSql } from '../import/sql.js';
import { normalizeSchema } from '../ir/normalize.js';
import type { ForeignKey, Index, NamingTemplates, SchemaIR, Table } from '../ir/types.js';
import type { Statement } from '../plan/types.js';
import { renderSqlFile, schemaStatements } from './render.js';

/*
 * baseline.sql, the schema an imported database's history starts from (test-migrations loads it
 * before the first migration), written as the server most likely holds it. A foreign key named
 * `<table>_ibfk_<n>` beside an index named after its first column is what the server makes of an
 * unnamed FOREIGN KEY: that index is the server's own (generated), which it renames after a
 * foreign key added later over the same columns, or drops when another index can take over.
 * information_schema cannot tell it from an index declared by hand, so the baseline declares the
 * key unnamed and leaves the index to the server: test-migrations then starts from the case that
 * can break a migration, and a migration that passes it passes on either.
 */

/** The baseline's text: a header, then the schema's CREATE TABLE statements (see the file comment). */
export function renderBaseline(ir: SchemaIR, header: readonly string[], naming: NamingTemplates, server: ServerProfile): string {
  const plain = renderSqlFile(header, schemaStatements(ir, server));
  const generated = generatedIndexes(ir);
  if (generated.size === 0) return plain;
  const text = renderSqlFile(header, schemaStatements(ir, server).map((s) => unnamed(s, ir, generated)));
  // Kept only when it reads back, with the server's naming (the importer's), as the same schema.
  const back = importSql(text, 'baseline.sql', { server });
  if (back.diagnostics.length || diffSchemas(ir, normalizeSchema(back.ir, naming)).length) return plain;
  return text;
}

/** Per table, the foreign keys whose index the server would have made itself (and that index). */
function generatedIndexes(ir: SchemaIR): Map<string, Map<ForeignKey, Index>> {
  const out = new Map<string, Map<ForeignKey, Index>>();
  for (const t of ir.tables) {
    const auto = new RegExp(`^${t.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_ibfk_\\d+$`);
    for (const fk of t.foreignKeys) {
      if (!auto.test(fk.name)) continue;
      const ix = t.indexes.find((i) => !i.unique && i.name === fk.columns[0] && i.parts.length === fk.columns.length
        && i.parts.every((p, k) => p.column === fk.columns[k] && p.length === undefined && !p.desc));
      if (!ix || coveredOtherwise(t, fk, ix)) continue;
      if (!out.has(t.name)) out.set(t.name, new Map());
      out.get(t.name)!.set(fk, ix);
    }
  }
  return out;
}

/** True when the primary key or another index already serves the foreign key (the server then adds none). */
function coveredOtherwise(t: Table, fk: ForeignKey, ix: Index): boolean {
  const covers = (cols: readonly string[]) => fk.columns.every((c, k) => cols[k] === c);
  return (t.primaryKey !== null && covers(t.primaryKey.columns))
    || t.indexes.some((i) => i !== ix && i.parts.every((p) => p.length === undefined) && covers(i.parts.map((p) => p.column)));
}

/** A CREATE TABLE (or ALTER TABLE ... ADD) with those foreign keys unnamed and their indexes left out. */
function unnamed(s: Statement, ir: SchemaIR, generated: Map<string, Map<ForeignKey, Index>>): Statement {
  const t = ir.tables.find((x) => s.sql.startsWith(`CREATE TABLE ${ident(x.name)} (`) || s.sql.startsWith(`ALTER TABLE ${ident(x.name)}\n`));
  const keys = t && generated.get(t.name);
  if (!t || !keys) return s;
  let sql = s.sql;
  if (sql.startsWith('CREATE TABLE')) {
    const dropped = new Set(keys.values());
    sql = createTableSql({ ...t, indexes: t.indexes.filter((i) => !dropped.has(i)) },
      t.foreignKeys.filter((fk) => sql.includes(foreignKeyClause(fk))));
  }
  for (const fk of keys.keys()) {
    const named = foreignKeyClause(fk);
    const prefix = `CONSTRAINT ${ident(fk.name)} `;
    if (named.startsWith(prefix)) sql = sql.replace(named, named.slice(prefix.length));
  }
  return { ...s, sql };
}

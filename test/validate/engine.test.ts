import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemac, tempDir } from '../cli/run.js';
import { runSql, scratchDatabase } from '../helpers/server.js';
import { problems, read, table } from '../import/helpers.js';
import { cli, schemaProject, urlFor } from '../runtime/helpers.js';

/*
 * Foreign keys and storage engines: only InnoDB keeps a foreign key. MariaDB parses one on a
 * MyISAM table and drops it without a word, and refuses one that references a MyISAM table.
 */

function project(schema: string): string {
  return schemaProject('fk-engine', `import { table, id, int } from 'schemac';\n\n${schema}`);
}

describe('a foreign key on a table whose engine ignores it', () => {
  it('build refuses it on a MyISAM table and to a MyISAM table, with the position, writing nothing', () => {
    const dir = project(`export const p = table('p', { id: id() }).engine('MyISAM');\n`
      + `export const c = table('c', {\n  id: id(),\n  p_id: int().notNull().references(() => p.id),\n});\n`
      + `export const m = table('m', {\n  id: id(),\n  c_id: int().notNull().references(() => c.id),\n}).engine('Aria');\n`);
    const r = schemac(dir, 'build');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('schema/app.ts:6:25: error E_FK_ENGINE: foreign key "fk_c_p_id_p" on table "c" references table "p", '
      + 'which uses ENGINE=MyISAM: only InnoDB tables can be referenced\n  hint: remove .engine(\'MyISAM\') from "p", or drop the foreign key');
    expect(r.stderr).toContain('schema/app.ts:10:25: error E_FK_ENGINE: foreign key "fk_m_c_id_c" on table "m": table "m" uses ENGINE=Aria, '
      + 'which ignores foreign keys (only InnoDB enforces them)');
    expect(existsSync(join(dir, 'generated'))).toBe(false);
  });

  it('InnoDB spelled out, or left to the default, builds', () => {
    const dir = project(`export const p = table('p', { id: id() }).engine('InnoDB');\n`
      + `export const c = table('c', { id: id(), p_id: int().notNull().references(() => p.id) });\n`);
    expect(schemac(dir, 'build').status).toBe(0);
  });

  it('import reads a .sql file as the server does: the key dropped on MyISAM (its index kept), one to a MyISAM table refused', async () => {
    const sql = 'CREATE TABLE p (id INT PRIMARY KEY) ENGINE=MyISAM;\n'
      + 'CREATE TABLE c (id INT PRIMARY KEY, pid INT, FOREIGN KEY (pid) REFERENCES p (id)) ENGINE=MyISAM;\n';
    const c = table(read(sql), 'c');
    expect(c.foreignKeys).toEqual([]);
    expect(c.indexes.map((ix) => ix.name)).toEqual(['pid']);
    expect(problems('CREATE TABLE p (id INT PRIMARY KEY) ENGINE=MyISAM;\nCREATE TABLE c (id INT PRIMARY KEY, pid INT, FOREIGN KEY (pid) REFERENCES p (id));\n'))
      .toEqual(['test.sql:2:46: error E_IMPORT_FK_ENGINE: foreign key c_ibfk_1 of table c references p, which uses ENGINE=MyISAM: '
        + 'the server refuses it (errno 150: only InnoDB tables can be referenced)']);

    // The server agrees: the file loaded into MariaDB is the schema import read from it.
    const db = await scratchDatabase('fk_engine_import');
    try {
      await runSql(db.conn, sql);
      const dir = tempDir('fk-engine-import');
      writeFileSync(join(dir, 'schema.sql'), sql);
      const d = cli(dir, {}, 'diff', '--from', 'schema.sql', '--to', urlFor(db.name));
      expect(d.stdout).toBe('');
      expect(d.stderr).toMatch(/^no differences: /);
    } finally {
      await db.drop();
    }
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDatabase } from '../helpers/server.js';
import { cli, schemaProject, urlFor } from '../runtime/helpers.js';

/*
 * A table's engine against a live database: an unset engine is the server's default (InnoDB),
 * so MyISAM in the schema against InnoDB on the server is drift, and the other way round too.
 */

function project(engine: string): string {
  return schemaProject('engine', `import { table, id, int } from 'schemac';\n\nexport const t = table('t', { id: id(), n: int() })${engine};\n`);
}

describe('engine drift', () => {
  it('verify and diff see a MyISAM schema against a table on the server\'s default engine', async () => {
    const db = await scratchDatabase('engine_drift');
    try {
      const dir = project(".engine('MyISAM')");
      const env = { APP_DATABASE_URL: urlFor(db.name) };
      expect(cli(dir, env, 'build').status).toBe(0);
      expect(cli(dir, env, 'up').status).toBe(0);
      expect(cli(dir, env, 'verify').status).toBe(0);
      await db.conn.query('ALTER TABLE t ENGINE = InnoDB');

      const v = cli(dir, env, 'verify');
      expect(v.status).toBe(1);
      expect(v.stdout).toContain('--   change options of t: ENGINE = MyISAM -> (server defaults)\n');
      expect(v.stdout).toContain('ALTER TABLE `t` ENGINE = MyISAM;');
      expect(cli(dir, env, 'diff', '--from', 'env:APP_DATABASE_URL', '--to', 'generated/app').stdout).toContain('ALTER TABLE `t` ENGINE = MyISAM;');
      expect(cli(dir, env, 'diff', '--from', 'generated/app', '--to', 'env:APP_DATABASE_URL').stdout).toContain('ALTER TABLE `t` ENGINE = InnoDB;');
    } finally {
      await db.drop();
    }
  });

  it('an unset engine against a live MyISAM table is drift too; ENGINE=InnoDB spelled out is no change', async () => {
    const db = await scratchDatabase('engine_unset');
    try {
      const dir = project('');
      const env = { APP_DATABASE_URL: urlFor(db.name) };
      expect(cli(dir, env, 'build').status).toBe(0);
      expect(cli(dir, env, 'up').status).toBe(0);
      await db.conn.query('ALTER TABLE t ENGINE = MyISAM');
      const v = cli(dir, env, 'verify');
      expect(v.status).toBe(1);
      expect(v.stdout).toContain('ALTER TABLE `t` ENGINE = InnoDB;');
      await db.conn.query('ALTER TABLE t ENGINE = InnoDB');
      writeFileSync(join(dir, 'schema/app.ts'), `import { table, id, int } from 'schemac';\n\nexport const t = table('t', { id: id(), n: int() }).engine('InnoDB');\n`);
      const b = cli(dir, env, 'build');
      expect(b.stdout).not.toContain('wrote generated/app/migrations/0002');
      expect(cli(dir, env, 'verify').status).toBe(0);
    } finally {
      await db.drop();
    }
  });
});

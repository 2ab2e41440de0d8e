import { configProfile } from '../../compiler/dialect/mysql/server.js';
import { planBuild } from '../../compiler/emit/build.js';
import type { SchemaIR } from '../../compiler/ir/types.js';
import { testServerProfile } from '../helpers/server.js';
import { caseNames, loadCase } from './cases.js';
import { upDownUp } from './on-server.js';

const server = await testServerProfile();
const MARIADB = configProfile('mariadb');

/**
 * Issue 10, point 3: every predicted cost is one the server holds to. Each golden case is planned
 * for MariaDB 10.11 with `"ddl": { "assert": true }`, so each ALTER carries its predicted
 * `ALGORITHM = ...` (and `LOCK = NONE` where writes are predicted to go on): the server refuses a
 * statement it cannot run that cheaply. Then, as the golden server test does: before + rows, up
 * (the shape of after), down (before), up again.
 */
describe('predicted costs hold on the server (MariaDB, ALGORITHM= and LOCK= asserted)', () => {
  for (const name of caseNames()) {
    const c = loadCase(name);
    if (!c.result?.migration || c.diagnostics !== null) continue;
    // A case written for MySQL only (a FULLTEXT parser, INVISIBLE) is not one MariaDB can run.
    if (c.options.dialect !== undefined && c.options.dialect !== 'mariadb') continue;
    // The table of costs is InnoDB's: MEMORY, MyISAM and Aria copy on every ALTER (README, "What each step costs").
    const innodb = (ir: SchemaIR) => ir.tables.every((t) => t.options.engine === null || t.options.engine.toLowerCase() === 'innodb');
    if (!innodb(c.before) || !innodb(c.after!)) continue;
    it(name, async () => {
      const result = planBuild('test', { snapshot: c.before, migrations: [], files: new Map() }, { ir: c.after!, hints: c.hints },
        { server: MARIADB, assertCosts: true });
      const { up, down } = result.migration!;
      await upDownUp(c, up.text, down.text, server, { prefix: `${name}_c` });
    });
  }
});

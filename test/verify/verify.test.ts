import { copyDemo } from '../cli/run.js';
import { runSql, scratchDatabase } from '../helpers/server.js';
import { appShape, cli, urlFor } from '../runtime/helpers.js';

/*
 * `schemac verify` on the demo brought up with `schemac up`: drift made by hand is listed, the
 * printed SQL removes it, and an untouched database passes.
 */

type Scratch = Awaited<ReturnType<typeof scratchDatabase>>;

describe('schemac verify', () => {
  let members: Scratch;
  let users: Scratch;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    members = await scratchDatabase('vf_members');
    users = await scratchDatabase('vf_users');
    dir = copyDemo('verify', true);
    env = { MEMBERS_DATABASE_URL: urlFor(members.name), USERS_DATABASE_URL: urlFor(users.name) };
    const up = cli(dir, env, 'up');
    expect(up.status).toBe(0);
  });
  afterAll(async () => {
    await members?.drop();
    await users?.drop();
  });

  it('exits 0 with "no drift" on untouched databases (text and --json)', () => {
    const r = cli(dir, env, 'verify');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^members \(mysql:\/\/root@[^)]*\): no drift from generated\/members\/snapshot\.json$/m);
    expect(r.stdout).toMatch(/^users \(.*\): no drift from generated\/users\/snapshot\.json$/m);
    const j = cli(dir, env, 'verify', '--json');
    expect(j.status).toBe(0);
    const report = JSON.parse(j.stdout);
    expect(report.ok).toBe(true);
    expect(report.databases.map((d: any) => [d.database, d.drift, d.differences, d.sql])).toEqual([
      ['members', false, [], ''], ['users', false, [], '']]);
  });

  it('finds an added column, a dropped index, a changed default and a renamed foreign key; its SQL removes the drift', async () => {
    const before = await appShape(members.conn, members.name);
    await runSql(members.conn, [
      'ALTER TABLE `task` ADD COLUMN `extra` INT NULL AFTER `priority`;',
      'DROP INDEX `ix_taskcompletion_user_id_completion` ON `taskcompletion`;',
      "ALTER TABLE `task` ALTER COLUMN `period` SET DEFAULT 'weekly';",
      'ALTER TABLE `userposition` DROP FOREIGN KEY `fk_userposition_position_id_position`, '
        + 'ADD CONSTRAINT `fk_up_renamed` FOREIGN KEY (`position_id`) REFERENCES `position` (`id`) ON DELETE CASCADE;',
    ].join('\n'));

    const r = cli(dir, env, 'verify');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('-- members (');
    expect(r.stdout).toContain('drift from generated/members/snapshot.json, 5 differences');
    expect(r.stdout).toContain('--   add column task.extra: `extra` INT NULL');
    expect(r.stdout).toContain('--   drop index taskcompletion.ix_taskcompletion_user_id_completion');
    expect(r.stdout).toContain("--   modify column task.period: `period` ENUM('once', 'weekly', 'monthly', 'yearly') NOT NULL DEFAULT 'yearly' -> "
      + "`period` ENUM('once', 'weekly', 'monthly', 'yearly') NOT NULL DEFAULT 'weekly'");
    expect(r.stdout).toContain('--   drop foreign key userposition.fk_userposition_position_id_position');
    expect(r.stdout).toContain('--   add foreign key userposition.fk_up_renamed');
    expect(r.stdout).toMatch(/^users \(.*\): no drift/m);
    expect(r.stdout).toContain('DROP COLUMN `extra`');
    expect(r.stdout).toContain('-- destructive: drops column task.extra');

    // --db members gives a script: the report is SQL comments, then the fix.
    const script = cli(dir, env, 'verify', '--db', 'members');
    expect(script.status).toBe(1);
    const j = JSON.parse(cli(dir, env, 'verify', '--json', '--db', 'members').stdout);
    expect(j.ok).toBe(false);
    expect(j.databases[0].drift).toBe(true);
    expect(j.databases[0].differences).toHaveLength(5);
    expect(j.databases[0].sql).toContain('ADD CONSTRAINT `fk_userposition_position_id_position`');
    await runSql(members.conn, script.stdout);

    const again = cli(dir, env, 'verify');
    expect(again.stdout).toMatch(/^members \(.*\): no drift/m);
    expect(again.status).toBe(0);
    expect(await appShape(members.conn, members.name)).toEqual(before);
  });

  it('reports a view on the server that the schema lacks; its SQL drops it', async () => {
    const before = await appShape(members.conn, members.name);
    await runSql(members.conn, 'CREATE VIEW `open_task` AS SELECT id, task FROM task WHERE priority > 1;');
    const r = cli(dir, env, 'verify', '--db', 'members');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('--   add view open_task: select `task`.`id` AS `id`,`task`.`task` AS `task` from `task` where `task`.`priority` > 1');
    expect(r.stdout).toContain('DROP VIEW `open_task`;');
    await runSql(members.conn, r.stdout);
    const again = cli(dir, env, 'verify', '--db', 'members');
    expect(again.status).toBe(0);
    expect(await appShape(members.conn, members.name)).toEqual(before);
  });

  it('reports a trigger, a procedure, a function and an event on the server that the schema lacks; its SQL drops them', async () => {
    const before = await appShape(members.conn, members.name);
    await runSql(members.conn, [
      'CREATE TRIGGER `task_touch` BEFORE UPDATE ON `task` FOR EACH ROW SET NEW.priority = NEW.priority;',
      'CREATE PROCEDURE `noop`() SELECT 1;',
      'CREATE FUNCTION `two`() RETURNS INT DETERMINISTIC RETURN 2;',
      'CREATE EVENT `tick` ON SCHEDULE EVERY 1 DAY DO SELECT 1;',
    ].join('\n'));
    const r = cli(dir, env, 'verify', '--db', 'members');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('drift from generated/members/snapshot.json, 4 differences');
    expect(r.stdout).toContain('--   add trigger task_touch: BEFORE UPDATE ON task');
    expect(r.stdout).toMatch(/--   add procedure noop: \(\) \[sql_mode [A-Z_,]+\]: SELECT 1/);
    expect(r.stdout).toContain('--   add function two: () RETURNS int(11) DETERMINISTIC');
    expect(r.stdout).toContain('--   add event tick: EVERY 1 DAY');
    for (const drop of ['DROP TRIGGER `task_touch`;', 'DROP PROCEDURE `noop`;', 'DROP FUNCTION `two`;', 'DROP EVENT `tick`;']) expect(r.stdout).toContain(drop);
    await runSql(members.conn, r.stdout);
    expect(cli(dir, env, 'verify', '--db', 'members').status).toBe(0);
    expect(await appShape(members.conn, members.name)).toEqual(before);
  });

  it('notes migrations not applied; names a missing URL', async () => {
    expect(cli(dir, env, 'down', '--db', 'users').status).toBe(0);
    const r = cli(dir, env, 'verify', '--db', 'users');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('--   drop table user\n');
    expect(r.stdout).toContain('-- note: 1 migration is not applied here (0001_init)');
    expect(cli(dir, env, 'up', '--db', 'users').status).toBe(0);
    expect(cli(dir, env, 'verify', '--db', 'users').status).toBe(0);

    const r2 = cli(dir, { ...env, MEMBERS_DATABASE_URL: '' }, 'verify', '--db', 'members');
    expect(r2.status).toBe(1);
    expect(r2.stderr).toContain('error E_ENV: database "members": environment variable MEMBERS_DATABASE_URL is not set');
  });
});

import { migrationSet } from '../../runtime/migrations.js';
import { eachSession, type DatabaseTarget } from '../../runtime/project.js';
import { connect, scratchDatabase, type Conn } from '../helpers/server.js';
import { urlFor } from './helpers.js';

/*
 * eachSession: databases run in order, each on its own connection; the next one's connection
 * is opened while the current one runs, replaced when it waited too long, and never left open.
 */

type Scratch = Awaited<ReturnType<typeof scratchDatabase>>;

function target(name: string, database: string): DatabaseTarget {
  return {
    config: { name, schema: [], out: `generated/${name}`, url: urlFor(database), tsconfig: null },
    set: migrationSet(name, `generated/${name}`, [], null),
  };
}

/** Connection ids of sessions (other than `admin`'s) whose default database is `db`. */
async function connectionsTo(admin: Conn, db: string): Promise<number[]> {
  const [rows] = await admin.query('SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID() ORDER BY ID', [db]);
  return (rows as { id: number }[]).map((r) => Number(r.id));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The connections to `db` once the server has let go of closed ones (it may list one for a moment after QUIT). */
async function settledConnectionsTo(admin: Conn, db: string): Promise<number[]> {
  let ids = await connectionsTo(admin, db);
  for (let i = 0; i < 50 && ids.length > 0; i++) {
    await sleep(20);
    ids = await connectionsTo(admin, db);
  }
  return ids;
}

describe('eachSession', () => {
  let one: Scratch;
  let two: Scratch;
  let admin: Conn;
  beforeEach(async () => {
    one = await scratchDatabase('rt_each_one');
    two = await scratchDatabase('rt_each_two');
    await one.conn.query('USE information_schema');
    await two.conn.query('USE information_schema');
    admin = await connect();
  });
  afterEach(async () => {
    await admin.end();
    await one.drop();
    await two.drop();
  });

  it('runs in order and opens the next connection while the current one runs', async () => {
    const seen: string[] = [];
    let ahead: number[] = [];
    let used = 0;
    await eachSession([target('one', one.name), target('two', two.name)], {}, { lockWaitTimeout: 10 }, async (t, session) => {
      seen.push(`${t.config.name}:${session.database}`);
      if (t.config.name === 'one') {
        for (let i = 0; i < 50 && ahead.length === 0; i++) {
          ahead = await connectionsTo(admin, two.name);
          if (ahead.length === 0) await sleep(20);
        }
      } else {
        used = session.connectionId;
      }
    });
    expect(seen).toEqual([`one:${one.name}`, `two:${two.name}`]);
    expect(ahead).toHaveLength(1);
    expect(used).toBe(ahead[0]);
    expect(await settledConnectionsTo(admin, one.name)).toEqual([]);
    expect(await settledConnectionsTo(admin, two.name)).toEqual([]);
  });

  it('replaces a connection that waited longer than allowed, and closes it', async () => {
    let ahead: number[] = [];
    let used = 0;
    await eachSession([target('one', one.name), target('two', two.name)], {}, { lockWaitTimeout: 10 }, async (t, session) => {
      if (t.config.name === 'one') {
        await sleep(300);
        ahead = await connectionsTo(admin, two.name);
      } else {
        used = session.connectionId;
      }
    }, 100);
    expect(ahead).toHaveLength(1);
    expect(used).not.toBe(ahead[0]);
    expect(await settledConnectionsTo(admin, two.name)).toEqual([]);
  });

  it('a database whose URL cannot be resolved fails in its turn, after the one before it ran', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => { unhandled.push(e); };
    process.on('unhandledRejection', onUnhandled);
    try {
      const ran: string[] = [];
      const broken: DatabaseTarget = { ...target('two', two.name), config: { ...target('two', two.name).config, url: 'env:SCHEMAC_TEST_NOT_SET' } };
      await expect(eachSession([target('one', one.name), broken], {}, { lockWaitTimeout: 10 }, async (t) => {
        ran.push(t.config.name);
        await sleep(50);
      })).rejects.toThrow('environment variable SCHEMAC_TEST_NOT_SET is not set');
      await sleep(50);
      expect(ran).toEqual(['one']);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('a user allowed one connection: the next one is opened in its turn', async () => {
    const user = `sct_one_${process.pid}`;
    await admin.query(`CREATE USER '${user}'@'%' IDENTIFIED BY 'pw1' WITH MAX_USER_CONNECTIONS 1`);
    try {
      await admin.query(`GRANT ALL ON \`${one.name}\`.* TO '${user}'@'%'`);
      await admin.query(`GRANT ALL ON \`${two.name}\`.* TO '${user}'@'%'`);
      const as = (t: DatabaseTarget): DatabaseTarget => {
        const url = new URL(t.config.url!);
        url.username = user;
        url.password = 'pw1';
        return { ...t, config: { ...t.config, url: url.toString() } };
      };
      const seen: string[] = [];
      await eachSession([as(target('one', one.name)), as(target('two', two.name))], {}, { lockWaitTimeout: 10 }, async (_t, session) => {
        await sleep(100);
        seen.push(session.database);
      });
      expect(seen).toEqual([one.name, two.name]);
    } finally {
      await admin.query(`DROP USER '${user}'@'%'`);
    }
  });

  it('closes the connection opened ahead when a database fails', async () => {
    await expect(eachSession([target('one', one.name), target('two', two.name)], {}, { lockWaitTimeout: 10 }, async (t) => {
      if (t.config.name === 'one') {
        await sleep(200);
        throw new Error('boom');
      }
    })).rejects.toThrow('boom');
    expect(await settledConnectionsTo(admin, two.name)).toEqual([]);
  });
});

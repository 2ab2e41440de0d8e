import { join } from 'node:path';
import type { DatabaseConfig } from '../compiler/config.js';
import { readGenerated, selectDatabases, type Project } from '../compiler/project/generated.js';
import { openSession, resolveDatabaseUrl, scrubError, type DatabaseUrl, type SessionOptions } from './connection.js';
import { migrationSet, type MigrationSet } from './migrations.js';
import type { Session } from './session.js';

/** A database of the project with its migrations read from its generated folder. */
export interface DatabaseTarget {
  readonly config: DatabaseConfig;
  readonly set: MigrationSet;
}

/** The databases a runtime command works on (all in config order, or `--db`), with their files. */
export function loadTargets(project: Project, names: readonly string[] | undefined): DatabaseTarget[] {
  return selectDatabases(project, names).map((config) => {
    const dir = config.out.replace(/\\/g, '/').replace(/\/+$/, '');
    const state = readGenerated(join(project.root, config.out));
    return { config, set: migrationSet(config.name, dir, state.migrations, state.files.get('schemac.sum') ?? null) };
  });
}

/**
 * Opens a session on a target's database, runs `body`, closes it. Every error leaving here is
 * scrubbed of the password (defence in depth: connection.ts already keeps it out).
 */
export async function withSession<T>(target: DatabaseTarget, env: Readonly<Record<string, string | undefined>>,
  options: SessionOptions, body: (session: Session, url: DatabaseUrl) => Promise<T>): Promise<T> {
  const [result] = await eachSession([target], env, options, (_target, session, url) => body(session, url));
  return result;
}

/** How long a connection opened ahead may wait for its turn before a new one replaces it (idle connections get dropped). */
const AHEAD_MS = 5000;

interface Opening {
  readonly url: DatabaseUrl | null;
  readonly session: Promise<Session>;
  readonly started: number;
}

function opening(target: DatabaseTarget, env: Readonly<Record<string, string | undefined>>, options: SessionOptions): Opening {
  const started = Date.now();
  let url: DatabaseUrl;
  let session: Promise<Session>;
  try {
    url = resolveDatabaseUrl(target.config, env);
    session = openSession(url, options, `database "${target.config.name}"`);
  } catch (e) {
    return { url: null, session: quiet(Promise.reject(e)), started };
  }
  return { url, session: quiet(session), started };
}

/** The promise, with its rejection handled (it is reported when it is awaited). */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

async function closeOpening(o: Opening | null): Promise<void> {
  if (o) await o.session.then((s) => s.close(), () => undefined);
}

/**
 * Runs `body` on each target in order, on a session of its own that is closed afterwards. The
 * next target's connection is opened while the current one runs (connecting costs several round
 * trips); one that waited longer than a few seconds is replaced by a new one, and one that could
 * not be opened ahead (a user limited to one connection, say) is opened again in its turn.
 */
export async function eachSession<T>(targets: readonly DatabaseTarget[], env: Readonly<Record<string, string | undefined>>,
  options: SessionOptions, body: (target: DatabaseTarget, session: Session, url: DatabaseUrl) => Promise<T>, aheadMs = AHEAD_MS): Promise<T[]> {
  const results: T[] = [];
  let next: Opening | null = targets.length ? opening(targets[0], env, options) : null;
  try {
    for (let i = 0; i < targets.length; i++) {
      let current = next!;
      next = null;
      const ready = await current.session.then(() => true, () => false);
      if (i > 0 && (!ready || Date.now() - current.started > aheadMs)) {
        await closeOpening(current);
        current = opening(targets[i], env, options);
      }
      let session: Session | null = null;
      try {
        session = await current.session;
        if (i + 1 < targets.length) next = opening(targets[i + 1], env, options);
        results.push(await body(targets[i], session, current.url!));
      } catch (e) {
        throw scrubError(e, current.url);
      } finally {
        await session?.close();
      }
    }
  } finally {
    await closeOpening(next);
  }
  return results;
}

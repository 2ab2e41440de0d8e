import { join } from 'node:path';
import type { DatabaseConfig } from '../compiler/config.js';
import { readGenerated, selectDatabases, type Project } from '../compiler/emit/generated.js';
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
  let url: DatabaseUrl | null = null;
  let session: Session | null = null;
  try {
    url = resolveDatabaseUrl(target.config, env);
    session = await openSession(url, options, `database "${target.config.name}"`);
    return await body(session, url);
  } catch (e) {
    throw scrubError(e, url);
  } finally {
    await session?.close();
  }
}

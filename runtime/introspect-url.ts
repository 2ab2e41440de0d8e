import { SchemacError } from '../compiler/diagnostics.js';
import type { SchemaIR } from '../compiler/ir/types.js';
import { openSession, parseDatabaseUrl, scrubError, type DatabaseUrl } from './connection.js';
import { queryable } from './compare.js';
import { IntrospectError, introspectWithNotes, type IntrospectNote, type IntrospectOptions, type ServerInfo } from './introspect.js';

/**
 * The schema of the database a URL (`mysql://…` or `env:VAR`) names. The password never
 * appears in errors.
 */
export async function introspectUrl(source: string, env: Readonly<Record<string, string | undefined>>,
  options: IntrospectOptions = {}): Promise<{ ir: SchemaIR; notes: IntrospectNote[]; server: ServerInfo }> {
  let url: DatabaseUrl;
  const m = /^env:([A-Za-z_][A-Za-z0-9_]*)$/.exec(source);
  if (m) {
    const value = env[m[1]];
    if (!value) throw new SchemacError({ code: 'E_ENV', message: `environment variable ${m[1]} is not set`, hint: `set ${m[1]} to mysql://user:password@host:port/database` });
    url = parseDatabaseUrl(value, m[1]);
  } else {
    url = parseDatabaseUrl(source, 'the source URL');
  }
  const session = await openSession(url, { lockWaitTimeout: 10 }, `database ${url.display}`);
  try {
    return await introspectWithNotes(queryable(session), url.database, options);
  } catch (e) {
    if (e instanceof IntrospectError) {
      throw new SchemacError({ code: 'E_INTROSPECT', message: `database ${url.display}: ${e.message}`,
        hint: 'the database has objects the schema language cannot describe yet: change or drop them there, or import a .sql file without them' });
    }
    throw scrubError(e, url);
  } finally {
    await session.close();
  }
}

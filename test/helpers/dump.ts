import { execFileSync } from 'node:child_process';
import { TEST_URL } from './server.js';

/** The dump tool of the server's client package (mariadb-dump, or mysqldump before MariaDB 10.5). */
function dumpTool(): string {
  for (const tool of ['mariadb-dump', 'mysqldump']) {
    try {
      execFileSync(tool, ['--version'], { stdio: 'pipe' });
      return tool;
    } catch {
      // next
    }
  }
  throw new Error('neither mariadb-dump nor mysqldump is installed: install the MariaDB client (apt-get install -y mariadb-client)');
}

/** A dump of the test server's `database` by the server's own tool, as a user would make it (`extra`: more options). */
export function dumpDatabase(database: string, extra: readonly string[] = []): string {
  const url = new URL(TEST_URL);
  const args = [`--host=${url.hostname}`, `--port=${url.port || '3306'}`, `--user=${decodeURIComponent(url.username || 'root')}`,
    ...(url.password ? [`--password=${decodeURIComponent(url.password)}`] : []), ...extra, '--databases', database];
  return execFileSync(dumpTool(), args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

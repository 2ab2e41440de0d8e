import { formatDiagnostic, SchemacError } from '../../compiler/diagnostics.js';
import { fileError, shortPath } from '../../compiler/project/files.js';
import { argumentSecrets, scrub } from '../../runtime/redact.js';

/** Options every command shares. */
export interface CommonArgs {
  readonly config?: string;
  readonly db?: string[];
  readonly json?: boolean;
}

/** Paths in messages: relative or absolute, whichever is shorter (shared with the compiler's messages). */
export { shortPath };

/** Streams whose reader went away (`schemac verify | head -1`): what is left to say is dropped. */
const closed = new WeakSet<NodeJS.WriteStream>();

/**
 * A closed stdout or stderr (EPIPE: the other end of the pipe exited) is not an error of the
 * command: the rest of its output is dropped, and the command runs to its end as it would
 * have, so a migration is never cut off by its log and a scratch database is still dropped.
 * Without a listener, Node turns the stream's 'error' into an uncaught exception.
 */
export function dropOutputOnClosedPipe(): void {
  if (watching) return;
  watching = true;
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => { closed.add(stream); });
}
let watching = false;

function write(stream: NodeJS.WriteStream, text: string): void {
  if (!closed.has(stream) && !stream.destroyed) stream.write(text);
}

/** Passwords of the command line's arguments (hideArgumentSecrets): never printed. */
const secrets = new Set<string>();

/**
 * Registers the passwords that the command line's URL-like arguments hold (`up mysql://u:PASS@h`,
 * `--from=mysql:u:PASS@h/db`), so that usage errors and messages that echo an argument show
 * `***` instead: everything bin/ prints goes through out() and err().
 */
export function hideArgumentSecrets(argv: readonly string[]): void {
  for (const arg of argv) for (const s of argumentSecrets(arg)) secrets.add(s);
}

/** Writes a line to stdout (results) — progress and errors go to stderr. Passwords are taken out. */
export function out(line: string): void {
  write(process.stdout, scrub(line, secrets) + '\n');
}

export function err(line: string): void {
  write(process.stderr, scrub(line, secrets) + '\n');
}

/**
 * Failures that come from the machine rather than from schemac — a file that cannot be read or
 * written, a server that refuses a statement — are the user's to act on, not bugs: they are
 * reported as errors with what failed and a hint, never with a stack trace.
 */
function asUserError(e: unknown): unknown {
  if (e instanceof SchemacError) return e;
  const fsError = fileError(e);
  if (fsError) return fsError;
  if (!(e instanceof Error)) return e;
  if (e.name === 'ServerError') {
    const se = e as Error & { errno?: number; code?: string };
    return new SchemacError({ code: 'E_SERVER', message: `the database server refused: ${e.message}${se.code ? ` (${se.code}${se.errno ? ` ${se.errno}` : ''})` : ''}`,
      hint: se.errno === 1044 || se.errno === 1045 || se.errno === 1142
        ? 'the user in the URL lacks a privilege this command needs (test-migrations creates and drops a scratch database)'
        : 'see the server\'s message; fix the cause and run the command again' });
  }
  return e;
}

/**
 * Runs a command body and maps failures to exit codes: 1 for problems the user must act on
 * (with every diagnostic printed), 2 for usage errors. A crash prints the stack (a bug).
 */
export async function run(body: () => Promise<number | void> | number | void, json = false): Promise<void> {
  try {
    const code = await body();
    process.exitCode = code ?? 0;
  } catch (caught) {
    const e = asUserError(caught);
    if (e instanceof SchemacError) {
      if (json) out(JSON.stringify({ ok: false, diagnostics: e.diagnostics }, null, 2));
      else for (const d of e.diagnostics) err(formatDiagnostic(d));
      process.exitCode = e.exitCode;
      return;
    }
    err(`schemac: internal error (a bug, please report it with the command you ran):\n${(e as Error)?.stack ?? String(e)}`);
    process.exitCode = 1;
  }
}

import { formatDiagnostic, SchemacError } from '../../compiler/diagnostics.js';
import { fileError } from '../../compiler/emit/files.js';

/** Options every command shares. */
export interface CommonArgs {
  readonly config?: string;
  readonly db?: string[];
  readonly json?: boolean;
}

/** Writes a line to stdout (results) — progress and errors go to stderr. */
export function out(line: string): void {
  process.stdout.write(line + '\n');
}

export function err(line: string): void {
  process.stderr.write(line + '\n');
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

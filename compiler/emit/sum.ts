import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostics.js';
import { MIGRATION_RE } from '../project/generated.js';

/** A migration file's name and text. */
export interface MigrationFile {
  readonly name: string;
  readonly text: string;
}

function h1(data: string): string {
  return 'h1:' + createHash('sha256').update(data).digest('base64');
}

/**
 * `schemac.sum`: the first line hashes the whole chain, then one line per file with its own
 * hash. Each file's entry folds in the previous total, so two branches that each add a
 * migration change the same first line and conflict in git instead of merging silently.
 */
export function renderSum(files: readonly MigrationFile[]): string {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let total = '';
  const lines: string[] = [];
  for (const f of sorted) {
    const hash = h1(f.text);
    lines.push(`${f.name} ${hash}`);
    total = h1(total + f.name + hash);
  }
  return [total || h1(''), ...lines].join('\n') + '\n';
}

/** `h1:` + the base64 of a SHA-256. */
const HASH = /^h1:[A-Za-z0-9+/]{43}=$/;

/**
 * Parses `schemac.sum` into the chain total and the hash of each file. `problem` is the first
 * line that is not as renderSum writes it (a hash, then `NNNN_slug.up.sql h1:...` lines, each
 * file once), or null; the lines before it are read all the same.
 */
export function parseSum(text: string): { total: string; files: Map<string, string>; problem: { line: number; message: string } | null } {
  const lines = text.split('\n');
  const files = new Map<string, string>();
  let total = '';
  let problem: { line: number; message: string } | null = null;
  const bad = (line: number, message: string) => { problem ??= { line, message }; };
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    if (total === '') {
      total = line;
      if (!HASH.test(line)) bad(i + 1, 'the first line is not the chain hash (h1:...)');
      return;
    }
    const at = line.lastIndexOf(' ');
    const name = line.slice(0, Math.max(at, 0));
    const hash = line.slice(at + 1);
    if (at <= 0 || !MIGRATION_RE.test(name) || !HASH.test(hash)) bad(i + 1, 'not a line "NNNN_slug.up.sql h1:<hash>"');
    else if (files.has(name)) bad(i + 1, `${name} is listed twice`);
    if (at > 0 && !files.has(name)) files.set(name, hash);
  });
  return { total, files, problem };
}

/**
 * The error for a sum file that is not in its format (`shown` names it), or null. Checked before
 * its hashes are compared: a broken line would otherwise read as a file missing from the sum.
 */
export function sumFormatProblem(text: string, shown: string): Diagnostic | null {
  const { problem } = parseSum(text);
  return problem && {
    code: 'E_SUM_FORMAT', message: `${shown} line ${problem.line}: ${problem.message}`,
    hint: 'restore it from git, or run `schemac sum` to write it again from the migration files (after checking they are the ones you want)',
  };
}

/** The hash a file must have in the sum (for `up`'s integrity check). */
export function fileHash(text: string): string {
  return h1(text);
}

import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { SchemacError } from '../diagnostics.js';
import { describeJson, FormatError, json } from '../ir/decode.js';
import { readText, shortPath } from './files.js';

/*
 * Writing a folder's new state as a whole (SPEC §5: a failed build leaves generated/ as it was).
 * A redo journal: every new file is written into a staging folder inside the folder, then one
 * rename puts the journal's manifest in place. That rename is the commit: before it, the folder
 * is as it was and the staging folder is only litter; after it, the new state is decided, and
 * whoever comes next (this process, the next build, `up`, `status`) finishes moving the staged
 * files into place. A kill at any point therefore leaves either the old state or the new one,
 * never a mix, and no leftovers once the folder is read again.
 */

/** A file of the new state (`text`), or one to remove (`text: null`); `path` is relative, with `/`. */
export interface FileChange {
  readonly path: string;
  readonly text: string | null;
}

const STAGING = '.schemac-commit-';
const MANIFEST = 'manifest.json';

interface Manifest {
  readonly version: 1;
  readonly files: readonly { readonly path: string; readonly staged: string | null }[];
}

/** Writes a file and flushes it to the disk, so a committed journal never names an empty file. */
function writeDurably(path: string, text: string): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Applies `changes` to `dir` as one step a kill cannot split (see above). */
export function commitFiles(dir: string, changes: readonly FileChange[]): void {
  recoverFolder(dir);
  if (changes.length === 0) return;
  mkdirSync(dir, { recursive: true });
  const staging = join(dir, STAGING + process.pid);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  try {
    const files = changes.map((c, i) => {
      if (c.text === null) return { path: c.path, staged: null };
      writeDurably(join(staging, String(i)), c.text);
      return { path: c.path, staged: String(i) };
    });
    const manifest: Manifest = { version: 1, files };
    writeDurably(join(staging, MANIFEST + '.tmp'), JSON.stringify(manifest));
    renameSync(join(staging, MANIFEST + '.tmp'), join(staging, MANIFEST));
  } catch (e) {
    // Not committed: the folder is as it was.
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  applyJournal(dir, staging);
}

/** Moves a committed journal's files into place (each rename is idempotent: a moved file is gone from staging), then removes it. */
function applyJournal(dir: string, staging: string): void {
  const manifest = readManifest(dir, staging);
  for (const f of manifest.files) {
    const target = join(dir, ...f.path.split('/'));
    if (f.staged === null) {
      rmSync(target, { force: true });
    } else {
      const from = join(staging, f.staged);
      if (existsSync(from)) {
        mkdirSync(dirname(target), { recursive: true });
        try {
          renameSync(from, target);
        } catch (e) {
          // Another process finishing the same journal moved it first.
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        }
      }
    }
  }
  rmSync(join(staging, MANIFEST), { force: true });
  rmSync(staging, { recursive: true, force: true });
}

/**
 * A committed journal's manifest, checked as every file schemac reads back is (issue 13): a
 * path it names must stay inside the folder and a staged name inside the staging folder, or
 * finishing the journal would move files elsewhere. A damaged one is an E_JOURNAL error.
 */
function readManifest(dir: string, staging: string): Manifest {
  const file = join(staging, MANIFEST);
  const text = readText(file);
  try {
    const o = json.object(JSON.parse(text), '', ['version', 'files']);
    if (o.version !== 1) throw new FormatError('version', `expected 1, found ${describeJson(o.version)}`);
    const files = json.array((v, p) => {
      const f = json.object(v, p, ['path', 'staged']);
      const path = json.string(f.path, `${p}.path`);
      if (path.split('/').some((part) => part === '' || part === '.' || part === '..' || part.includes('\\')) || isAbsolute(path)) {
        throw new FormatError(`${p}.path`, `${describeJson(path)} is not a path inside the folder`);
      }
      const staged = json.nullable(json.string)(f.staged, `${p}.staged`);
      if (staged !== null && !/^\d+$/.test(staged)) throw new FormatError(`${p}.staged`, `${describeJson(staged)} is not a staged file's name`);
      return { path, staged };
    })(o.files, 'files');
    return { version: 1, files };
  } catch (e) {
    const why = e instanceof FormatError ? e.message : (e as Error)?.name === 'SyntaxError' ? `not valid JSON (${(e as Error).message})` : null;
    if (why === null) throw e;
    throw new SchemacError({ code: 'E_JOURNAL', message: `${shortPath(file)}: ${why}: the journal of an interrupted build is damaged, so it cannot be finished`,
      hint: `restore ${shortPath(dir)} from git (git checkout -- ${shortPath(dir)}), remove ${shortPath(staging)}, and run the build again` });
  }
}

/** Whether a process of this machine with that id is running (a staging folder of a live build is left alone). */
function alive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Finishes or undoes what an interrupted commit left in `dir`: a committed journal is applied,
 * an uncommitted staging folder of a process that is gone is removed, and so are the
 * `*.tmp-PID` files that builds before the journal left. Returns what it did, for messages.
 */
export function recoverFolder(dir: string): { readonly finished: number; readonly removed: number } {
  let finished = 0;
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return { finished, removed };
  }
  for (const name of names) {
    if (name.startsWith(STAGING)) {
      const staging = join(dir, name);
      if (existsSync(join(staging, MANIFEST))) {
        applyJournal(dir, staging);
        finished++;
      } else if (!alive(Number(name.slice(STAGING.length)))) {
        rmSync(staging, { recursive: true, force: true });
        removed++;
      }
    }
  }
  for (const sub of [dir, join(dir, 'migrations')]) {
    let files: string[] = [];
    try { files = readdirSync(sub); } catch { continue; }
    for (const name of files) {
      const m = /\.tmp-(\d+)$/.exec(name);
      if (m && !alive(Number(m[1]))) {
        rmSync(join(sub, name), { force: true });
        removed++;
      }
    }
  }
  return { finished, removed };
}

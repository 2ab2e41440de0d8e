import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { SchemacError } from '../diagnostics.js';

/*
 * Reading the files schemac reads back, with every failure of the file system reported as an
 * error that names the path, the cause and what to do: a symbolic link that loops, a folder
 * where a file should be, a file without read permission, a disk error.
 */

/** What to do about each cause (Node's error codes, from the C library). */
const CAUSES: Readonly<Record<string, string>> = {
  ENOENT: 'it does not exist: check the path',
  EACCES: 'permission denied: check the permissions of the path',
  EPERM: 'operation not permitted: check the permissions of the path',
  EISDIR: 'it is a folder, where a file was expected',
  ENOTDIR: 'a part of the path is a file, where a folder was expected',
  ELOOP: 'too many symbolic links: a link that points (through others) back to itself?',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many open files: raise the limit (ulimit -n) or close other programs',
  ENFILE: 'too many open files in the system',
  EIO: 'an input/output error of the disk or network file system',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  EBUSY: 'the file is busy (locked by another program?)',
  ENXIO: 'not a regular file (a socket or device?)',
  ENODEV: 'not a regular file (a device?)',
  EINVAL: 'the file system refused the operation (invalid argument)',
};

/** The file-system calls (others, `connect` or `spawn`, are not about a file), with what schemac was doing. */
const ACTIONS: Readonly<Record<string, string>> = {
  open: 'read', read: 'read', close: 'read', scandir: 'list the folder', opendir: 'list the folder', readdir: 'list the folder',
  stat: 'read', lstat: 'read', fstat: 'read', access: 'read', readlink: 'read', realpath: 'read',
  write: 'write', fsync: 'write', ftruncate: 'write', rename: 'write', copyfile: 'copy', mkdir: 'create the folder',
  mkdtemp: 'create the folder', rmdir: 'remove', rm: 'remove', unlink: 'remove', chmod: 'change', utime: 'change',
  symlink: 'create', link: 'create',
};

/** A path as the user reads it best: relative to the working folder or absolute, whichever is shorter. */
export function shortPath(path: string): string {
  const absolute = resolve(path);
  const rel = relative(process.cwd(), absolute) || '.';
  return rel.length <= absolute.length || isAbsolute(rel) ? rel : absolute;
}

/**
 * A failure of the file system (an error with a `code` from a file-system `syscall`) as an E_FILE error about
 * `path` (default: the error's own path), or null for any other error.
 */
export function fileError(error: unknown, path?: string): SchemacError | null {
  // Not `instanceof Error`: an error from Node's own modules may come from another realm (a vm context, jest).
  const e = error as NodeJS.ErrnoException | null;
  if (typeof e !== 'object' || e === null || typeof e.code !== 'string' || typeof e.syscall !== 'string' || !Object.hasOwn(ACTIONS, e.syscall)) return null;
  const where = path ?? e.path;
  const action = ACTIONS[e.syscall];
  return new SchemacError({ code: 'E_FILE', message: `cannot ${action}${where ? ' ' + shortPath(where) : ''}: ${e.code}`,
    hint: CAUSES[e.code] ?? `the system refused it (${String(e.message).split(', ')[0]}); fix the cause and run the command again` });
}

/** The text of a file (UTF-8); a failure is an E_FILE error about the path. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw fileError(e, path) ?? e;
  }
}

/** The text of a file, or undefined when nothing is at the path; any other failure is an E_FILE error. */
export function readTextIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fileError(e, path) ?? e;
  }
}

/** The names in a folder, sorted, or undefined when nothing is at the path; any other failure is an E_FILE error. */
export function listFolderIfPresent(path: string): string[] | undefined {
  try {
    return readdirSync(path).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fileError(e, path) ?? e;
  }
}

/**
 * What is at a path (links followed), or undefined when nothing is; any other failure (a link
 * that loops, a permission) is an E_FILE error, not "no such file".
 */
export function statIfPresent(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fileError(e, path) ?? e;
  }
}

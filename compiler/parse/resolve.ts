import { dirname } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { ts, type TypeScript } from './typescript.js';

/** Where a module specifier leads: a source file to evaluate, or why it cannot be followed. */
export type Resolution =
  | { readonly kind: 'file'; readonly file: string }
  | { readonly kind: 'unresolved' }
  | { readonly kind: 'declaration'; readonly file: string }
  | { readonly kind: 'unsupported'; readonly file: string };

/** Resolves `import ... from 'x'` the way TypeScript does, with the project's compiler options. */
export type Resolver = (specifier: string, containingFile: string) => Resolution;

const EVALUABLE = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);
const DECLARATION = new Set(['.d.ts', '.d.mts', '.d.cts']);

/**
 * Reads the compiler options that matter for module resolution (`paths`, `baseUrl`,
 * `moduleResolution`, `customConditions`, ...) from a tsconfig, following `extends`, without
 * listing the project's files. Without a tsconfig, resolution is bundler-style (extensionless and
 * `.js` specifiers both find `.ts` sources; package.json `exports`/`types`/`main` are honoured).
 */
export function readCompilerOptions(tsconfig: string | undefined, report: (d: Diagnostic) => void,
  relative: (file: string) => string): TypeScript.CompilerOptions {
  const defaults: TypeScript.CompilerOptions = {
    module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, allowJs: true,
  };
  if (tsconfig === undefined) return defaults;
  const read = ts.readConfigFile(tsconfig, ts.sys.readFile);
  if (read.error) {
    report(configDiagnostic(read.error, tsconfig, relative));
    return defaults;
  }
  // readDirectory returns nothing: the schema files are given, the tsconfig's own file list is not wanted.
  const host: TypeScript.ParseConfigHost = {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    readDirectory: () => [],
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
  };
  const parsed = ts.parseJsonConfigFileContent(read.config, host, dirname(tsconfig), undefined, tsconfig);
  for (const error of parsed.errors) {
    // 18003: "No inputs were found in config file" is the expected result of the empty readDirectory.
    if (error.code !== 18003) report(configDiagnostic(error, tsconfig, relative));
  }
  const options = { ...parsed.options, allowJs: parsed.options.allowJs ?? true };
  if (options.module === undefined && options.moduleResolution === undefined) {
    return { ...options, module: defaults.module, moduleResolution: defaults.moduleResolution };
  }
  return options;
}

function configDiagnostic(error: TypeScript.Diagnostic, tsconfig: string, relative: (file: string) => string): Diagnostic {
  const message = `${ts.flattenDiagnosticMessageText(error.messageText, ' ')} (TS${error.code})`;
  if (error.file && error.start !== undefined) {
    const { line, character } = error.file.getLineAndCharacterOfPosition(error.start);
    return { code: 'E_TSCONFIG', message, pos: { file: relative(error.file.fileName), line: line + 1, column: character + 1 } };
  }
  return { code: 'E_TSCONFIG', message, pos: { file: relative(tsconfig), line: 1, column: 1 } };
}

/**
 * A resolver over the real file system, caching file and directory probes (a schema of many
 * files asks for the same package.json and folders again and again).
 */
export function createResolver(options: TypeScript.CompilerOptions, currentDirectory: string): Resolver {
  const files = new Map<string, boolean>();
  const directories = new Map<string, boolean>();
  const host: TypeScript.ModuleResolutionHost = {
    fileExists(file) {
      let exists = files.get(file);
      if (exists === undefined) files.set(file, exists = ts.sys.fileExists(file));
      return exists;
    },
    directoryExists(dir) {
      let exists = directories.get(dir);
      if (exists === undefined) directories.set(dir, exists = ts.sys.directoryExists(dir));
      return exists;
    },
    readFile: ts.sys.readFile,
    realpath: ts.sys.realpath,
    getCurrentDirectory: () => currentDirectory,
    getDirectories: ts.sys.getDirectories,
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
  };
  const canonical = ts.sys.useCaseSensitiveFileNames ? (f: string) => f : (f: string) => f.toLowerCase();
  const cache = ts.createModuleResolutionCache(currentDirectory, canonical, options);
  const kind = options.moduleResolution;
  const nodeNext = kind === ts.ModuleResolutionKind.Node16 || kind === ts.ModuleResolutionKind.NodeNext;
  return (specifier, containingFile) => {
    // Node16/NodeNext pick `import` or `require` conditions from the importing file's format.
    const mode = nodeNext
      ? ts.getImpliedNodeFormatForFile(containingFile, cache.getPackageJsonInfoCache(), host, options)
      : undefined;
    const resolved = ts.resolveModuleName(specifier, containingFile, options, host, cache, undefined, mode).resolvedModule;
    if (!resolved) return { kind: 'unresolved' };
    const file = resolved.resolvedFileName;
    if (DECLARATION.has(resolved.extension)) return { kind: 'declaration', file };
    if (!EVALUABLE.has(resolved.extension)) return { kind: 'unsupported', file };
    return { kind: 'file', file };
  };
}

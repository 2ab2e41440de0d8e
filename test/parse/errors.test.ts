/**
 * Malformed and non-static schema files: each case folder under test/fixtures/parse/errors/ holds
 * the schema files and `diagnostics.txt`, the exact expected report (`file:line:col: error CODE:
 * message`). Regenerate with SCHEMAC_UPDATE_GOLDEN=1 and review the diff.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSchemaFiles } from '../../compiler/parse/index.js';
import { diagnosticsText, FIXTURES, schemaFiles } from './fixtures.js';

const DIR = join(FIXTURES, 'errors');
const UPDATE = process.env.SCHEMAC_UPDATE_GOLDEN === '1';
const CASES = readdirSync(DIR).sort();

describe('diagnostics of malformed and non-static schema files', () => {
  it('has cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(14);
  });

  it.each(CASES)('%s', (name) => {
    const dir = join(DIR, name);
    const result = parseSchemaFiles({ rootDir: dir, files: schemaFiles(dir) });
    const actual = diagnosticsText(result.diagnostics);
    const golden = join(dir, 'diagnostics.txt');
    if (UPDATE || !existsSync(golden)) writeFileSync(golden, actual);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(actual).toBe(readFileSync(golden, 'utf8'));
  });
});

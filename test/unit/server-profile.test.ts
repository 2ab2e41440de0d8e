import {
  columnReferencesCreateForeignKeys, configProfile, defaultCollationOf, dropConstraint, enforcesChecks, functionalIndexes,
  hiddenIndexKeyword, instantAddColumn, jsonIsLongtext, liveProfile, portableDefaultCollation, renameColumn, type ServerProfile,
} from '../../compiler/dialect/mysql/server.js';
import { connect } from '../helpers/server.js';

/*
 * Issue 8, point 1: the server profile. Capabilities are questions about flavor and version,
 * answered from the manuals (MySQL 8.0/9.0, MariaDB KB) and MYSQL-NOTES' tested facts; a config
 * profile stands for the oldest release schemac supports.
 */

const at = (version: string): ServerProfile => liveProfile(version, 'InnoDB', new Map());

describe('server profiles (issue 8.1)', () => {
  it('answers each capability by flavor and version', () => {
    const servers = {
      'mysql 8.0.12': at('8.0.12'), 'mysql 8.0.36': at('8.0.36'), 'mysql 9.1.0': at('9.1.0'),
      'mariadb 10.4': at('10.4.34-MariaDB'), 'mariadb 10.6': at('10.6.18-MariaDB'), 'mariadb 10.11': at('10.11.19-MariaDB-0+deb12u1'),
      'config mysql': configProfile('mysql'), 'config mariadb': configProfile('mariadb'),
    };
    const table = Object.fromEntries(Object.entries(servers).map(([name, p]) => [name, {
      renameColumn: renameColumn(p), dropConstraint: dropConstraint(p), instantAddColumn: instantAddColumn(p), enforcesChecks: enforcesChecks(p),
      functionalIndexes: functionalIndexes(p), hidden: hiddenIndexKeyword(p), json: jsonIsLongtext(p), references: columnReferencesCreateForeignKeys(p),
    }]));
    expect(table).toEqual({
      'mysql 8.0.12': { renameColumn: true, dropConstraint: false, instantAddColumn: false, enforcesChecks: false, functionalIndexes: false, hidden: 'INVISIBLE', json: false, references: false },
      'mysql 8.0.36': { renameColumn: true, dropConstraint: true, instantAddColumn: true, enforcesChecks: true, functionalIndexes: true, hidden: 'INVISIBLE', json: false, references: false },
      'mysql 9.1.0': { renameColumn: true, dropConstraint: true, instantAddColumn: true, enforcesChecks: true, functionalIndexes: true, hidden: 'INVISIBLE', json: false, references: true },
      'mariadb 10.4': { renameColumn: false, dropConstraint: true, instantAddColumn: true, enforcesChecks: true, functionalIndexes: false, hidden: null, json: true, references: false },
      'mariadb 10.6': { renameColumn: true, dropConstraint: true, instantAddColumn: true, enforcesChecks: true, functionalIndexes: false, hidden: 'IGNORED', json: true, references: true },
      'mariadb 10.11': { renameColumn: true, dropConstraint: true, instantAddColumn: true, enforcesChecks: true, functionalIndexes: false, hidden: 'IGNORED', json: true, references: true },
      // The baselines: MySQL 8.0.29, MariaDB 10.11.
      'config mysql': { renameColumn: true, dropConstraint: true, instantAddColumn: true, enforcesChecks: true, functionalIndexes: true, hidden: 'INVISIBLE', json: false, references: false },
      'config mariadb': { renameColumn: true, dropConstraint: true, instantAddColumn: true, enforcesChecks: true, functionalIndexes: false, hidden: 'IGNORED', json: true, references: true },
    });
  });

  it('knows each flavor\'s default collations; a live server\'s own list wins', () => {
    expect(defaultCollationOf(configProfile('mysql'), 'utf8mb4')).toBe('utf8mb4_0900_ai_ci');
    expect(defaultCollationOf(configProfile('mariadb'), 'utf8mb4')).toBe('utf8mb4_general_ci');
    expect(defaultCollationOf(configProfile('mysql'), 'latin1')).toBe('latin1_swedish_ci');
    expect(defaultCollationOf(liveProfile('11.4.2-MariaDB', 'InnoDB', new Map([['utf8mb4', 'utf8mb4_uca1400_ai_ci']])), 'utf8mb4')).toBe('utf8mb4_uca1400_ai_ci');
  });

  it('reads the test server\'s VERSION() as its flavor and version', async () => {
    const conn = await connect();
    try {
      const [[row]] = await conn.query('SELECT VERSION() AS v, @@default_storage_engine AS e') as any;
      const p = liveProfile(row.v, row.e, new Map());
      expect(p.flavor).toBe(/mariadb/i.test(row.v) ? 'mariadb' : 'mysql');
      expect(p.version?.length).toBe(3);
    } finally {
      await conn.end();
    }
  });

  it('one collation table: a portable default is the default of both flavors, and none where they differ', () => {
    const charsets = ['latin1', 'latin2', 'ascii', 'cp1250', 'cp1251', 'cp1256', 'cp1257', 'greek', 'hebrew', 'utf8mb4', 'utf8mb3', 'ucs2', 'utf16', 'utf32', 'klingon'];
    for (const cs of charsets) {
      const portable = portableDefaultCollation(cs);
      if (portable !== null) {
        expect([cs, defaultCollationOf(configProfile('mysql'), cs)]).toEqual([cs, portable]);
        expect([cs, defaultCollationOf(configProfile('mariadb'), cs)]).toEqual([cs, portable]);
      }
    }
    expect(portableDefaultCollation('latin1')).toBe('latin1_swedish_ci');
    // utf8mb4 differs between MySQL 8 and MariaDB; utf8mb3 and friends between MariaDB 10.11 and 11.5+.
    for (const cs of ['utf8mb4', 'utf8mb3', 'ucs2', 'utf16', 'utf32', 'klingon']) expect([cs, portableDefaultCollation(cs)]).toEqual([cs, null]);
  });
});

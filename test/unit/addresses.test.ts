import { canonicalAddress } from '../../compiler/dialect/mysql/types.js';
import { scratchDatabase } from '../helpers/server.js';

/*
 * Issue 9.2: MariaDB stores UUID, INET6 and INET4 values in one spelling, which is how a default
 * reads back from information_schema; the normaliser writes the same spelling, checked here
 * against the server's own CAST for each value.
 */

const VALUES: ReadonlyArray<readonly ['uuid' | 'inet6' | 'inet4', string]> = [
  ['uuid', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'], ['uuid', 'a0eebc999c0b4ef8bb6d6bb9bd380a11'], ['uuid', '00000000-0000-0000-0000-000000000000'],
  ['inet4', '10.0.0.1'], ['inet4', '010.001.0.255'], ['inet4', '0.0.0.0'],
  ['inet6', '::'], ['inet6', '::1'], ['inet6', '::1.2.3.4'], ['inet6', '::FFFF:1.2.3.4'], ['inet6', '::ffff:0102:0304'],
  ['inet6', '1:0:0:2:0:0:0:3'], ['inet6', '1:0:0:2:0:0:3:4'], ['inet6', '0:0:0:0:0:0:0:0'], ['inet6', '1:2:3:4:5:6:7:0'],
  ['inet6', '1:0:3:4:5:6:7:8'], ['inet6', '::ffff:0:1.2.3.4'], ['inet6', '0:0:0:0:0:1:1.2.3.4'], ['inet6', '2001:0DB8:0000:0000:0000:0000:0000:0001'],
  ['inet6', 'fe80::1:2'], ['inet6', '1::'], ['inet6', '0:0:0:0:0:ffff:a00:1'], ['inet6', '1:2:3:4:5:6:1.2.3.4'],
];

describe('UUID, INET6 and INET4 values in the server\'s spelling', () => {
  it('equal MariaDB\'s CAST of each value', async () => {
    const db = await scratchDatabase('addresses');
    try {
      const select = VALUES.map(([kind], i) => `CAST(? AS ${kind.toUpperCase()}) AS v${i}`).join(', ');
      const [rows] = await db.conn.query(`SELECT ${select}`, VALUES.map(([, v]) => v));
      const server = Object.values((rows as Record<string, unknown>[])[0]).map(String);
      expect(VALUES.map(([kind, v]) => canonicalAddress(kind, v))).toEqual(server);
    } finally {
      await db.drop();
    }
  });

  it.each<['uuid' | 'inet6' | 'inet4', string]>([
    ['uuid', 'not-a-uuid'], ['uuid', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1'], ['inet4', '256.0.0.1'], ['inet4', '1.2.3'],
    ['inet6', '1:2:3'], ['inet6', '1::2::3'], ['inet6', 'g::1'], ['inet6', '1:2:3:4:5:6:7:8:9'], ['inet6', '::1.2.3.256'],
  ])('%s %s is no value', (kind, text) => {
    expect(canonicalAddress(kind, text)).toBeNull();
  });
});

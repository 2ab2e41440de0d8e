import { testServerProfile } from '../helpers/server.js';
import { caseNames, loadCase } from './cases.js';
import { upDownUp } from './on-server.js';

const server = await testServerProfile();

/**
 * On the real server, under sql_mode=TRADITIONAL, for every golden case with SQL:
 * apply `before`, insert rows, run up → the shape equals `after` applied directly;
 * run down → the shape equals `before`; run up again → `after` again.
 */
describe('golden cases on the server', () => {
  for (const name of caseNames()) {
    const c = loadCase(name);
    if (!c.result?.migration || c.diagnostics !== null) continue;
    // A case compiled for the other flavor runs where that flavor is the test server.
    if (c.options.dialect !== undefined && c.options.dialect !== server.flavor) continue;
    const { up, down } = c.result.migration;
    it(name, () => upDownUp(c, up.text, down.text, server, { prefix: name, afterUp: true }));
  }
});

import { projectProfile } from '../../compiler/config.js';
import { costText, worst, type Cost } from '../../compiler/dialect/mysql/cost.js';
import { profileLabel } from '../../compiler/dialect/mysql/server.js';
import { join } from 'node:path';
import { planBuild } from '../../compiler/emit/build.js';
import { compileDatabase, loadProject, readGenerated, selectDatabases } from '../../compiler/emit/project.js';
import { formatStatement } from '../../compiler/emit/render.js';
import { downStatements, upStatements } from '../../compiler/plan/types.js';
import { out, type CommonArgs } from './common.js';

export interface PlanArgs extends CommonArgs {
  readonly format?: 'text' | 'markdown' | 'json';
}

/** `schemac plan`: the SQL the next build would write and its risks, without writing anything. */
export async function plan(args: PlanArgs): Promise<number> {
  const project = loadProject(process.cwd(), args.config);
  const format = args.json ? 'json' : args.format ?? 'text';
  const reports = [];
  for (const db of selectDatabases(project, args.db)) {
    const prev = readGenerated(join(project.root, db.out));
    const server = projectProfile(project.config);
    const result = planBuild(db.name, prev, await compileDatabase(project, db), { server, assertCosts: project.config.ddl.assert });
    reports.push({
      database: db.name,
      migration: result.migration?.name ?? null,
      server: profileLabel(server),
      steps: result.plan.steps.map((s) => ({ summary: s.summary, table: s.table, risks: s.risks, cost: s.costs.map(costJson), phrase: stepCost(s.costs) })),
      risks: result.risks,
      up: upStatements(result.plan).map((s) => formatStatement(s) + ';'),
      down: downStatements(result.plan).map((s) => formatStatement(s) + ';'),
    });
  }
  if (format === 'json') {
    out(JSON.stringify({ ok: true, databases: reports.map((r) => ({ ...r, steps: r.steps.map(({ phrase: _, ...step }) => step) })) }, null, 2));
    return 0;
  }
  const md = format === 'markdown';
  for (const r of reports) {
    if (!r.migration) {
      out(md ? `## ${r.database}\n\nNo changes.\n` : `${r.database}: no changes`);
      continue;
    }
    out(md ? `## ${r.database}: ${r.migration}\n` : `${r.database}: next migration ${r.migration}`);
    out(md ? `Costs as predicted for ${r.server}.\n` : `  (costs as predicted for ${r.server})`);
    for (const s of r.steps) {
      const cost = s.phrase;
      out(md ? `- ${s.summary}${cost ? ` — ${cost}` : ''}` : `  - ${s.summary}${cost ? ` [${cost}]` : ''}`);
    }
    if (r.risks.length) {
      out(md ? '\n**Risks**\n' : '\n  risks:');
      for (const k of r.risks) {
        const label = k.level === 'destructive' ? 'DATA LOSS' : k.level === 'blocked' ? 'BLOCKED' : 'warning';
        out(md ? `- **${label}**: ${k.message}${k.hint ? ` (${k.hint})` : ''}` : `    ${label}: ${k.message}${k.hint ? `\n      hint: ${k.hint}` : ''}`);
      }
    }
    out(md ? '\n```sql\n' + r.up.join('\n\n') + '\n```\n' : '\n' + r.up.join('\n\n') + '\n');
  }
  return 0;
}

/** A statement's cost in `plan --format json`: the algorithm, whether it rebuilds the table and blocks writes. */
function costJson(c: Cost) {
  return c.kind === 'alter' ? { statement: 'alter' as const, algorithm: c.algorithm, rebuildsTable: c.rebuilds, blocksWrites: c.blocksWrites }
    : { statement: c.kind };
}

/** A step's cost in one phrase: its ALTERs' (the dearest) and whether it writes rows; empty for CREATE/DROP only. */
function stepCost(costs: readonly Cost[]): string {
  const alters = costs.filter((c): c is Extract<Cost, { kind: 'alter' }> => c.kind === 'alter');
  const parts = [...(alters.length ? [costText(worst(alters))] : []), ...(costs.some((c) => c.kind === 'rows') ? ['an UPDATE of the rows it fills'] : [])];
  return parts.join('; ');
}

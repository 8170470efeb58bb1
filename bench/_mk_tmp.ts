import { writeFileSync, rmSync } from 'node:fs';
import { benchSchemas } from '/work/wt/fastdiff/bench/suites/diff.ts';
import { validateSchemaText } from '/work/wt/fastdiff/src/api/schema.ts';
import { databaseModelFromSchema } from '/work/wt/fastdiff/src/database/from-schema.ts';
import { EMPTY_DATABASE } from '/work/wt/fastdiff/src/database/model.ts';
import { diffDatabases } from '/work/wt/fastdiff/src/diff/diff.ts';
import { planMigration } from '/work/wt/fastdiff/src/plan/plan.ts';
import { renderMigrationScript } from '/work/wt/fastdiff/src/plan/render.ts';
import { openDatabase } from '/work/wt/fastdiff/src/sqlite/open.ts';
const n = 1000;
const { v1, v2 } = benchSchemas(n);
writeFileSync('/tmp/fdfx/v1.prisma', v1); writeFileSync('/tmp/fdfx/v2.prisma', v2);
const script = (t: string) => { const to = databaseModelFromSchema(validateSchemaText(t).schema!); return renderMigrationScript(planMigration(EMPTY_DATABASE, to, diffDatabases(EMPTY_DATABASE, to)).steps); };
for (const [f, t] of [['v1.db', v1], ['v2.db', v2]] as const) {
  rmSync('/tmp/fdfx/' + f, { force: true });
  const c = openDatabase('/tmp/fdfx/' + f, { create: true });
  c.runAtomic([script(t)], { checkForeignKeys: false });
  if (f === 'v1.db') { const fill: string[] = []; for (let i = 0; i < n; i++) fill.push(`INSERT INTO "M${i}" ("name", "score"${i > 0 ? ', "parentId"' : ''}) SELECT 'row ' || x, x${i > 0 ? ', x' : ''} FROM (WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < 20) SELECT x FROM s);`); c.runAtomic([fill.join('\n')], { checkForeignKeys: true }); }
  c.close();
}

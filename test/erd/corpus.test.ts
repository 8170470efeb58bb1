/**
 * The acceptance test of `codegen erd` on real schemas from the shared corpus (read in place, never copied):
 * Spacedrive (32 models) and trigger.dev (81 models, the largest parse-only schema). The SVG must be well-formed
 * XML with a box per model and an edge per relation, laid out with no two boxes overlapping. Skipped when the
 * corpus is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadSchema, renderDiagram } from '../../src/api.ts';
import { ROOT } from '../helpers/cli.ts';
import { outside, overlaps, readSvgLayout } from '../helpers/erd.ts';

/** As in conformance/run.ts: $CODEGEN_CORPUS, or ../shared/corpus next to the checkout or next to its parent (a worktree). */
const CORPUS = process.env.CODEGEN_CORPUS ?? [path.resolve(ROOT, '../shared/corpus'), path.resolve(ROOT, '../../shared/corpus')].find((p) => existsSync(p)) ?? '';
const CASES = [
  { file: 'spacedrive/schema.prisma', models: 32 },
  { file: 'parse-only/trigger.dev.prisma', models: 81 },
];

for (const c of CASES) {
  const file = path.join(CORPUS, c.file);
  const run = existsSync(file) ? test : test.skip;
  run(`${c.file}: a box per model, an edge per relation, no overlaps`, async () => {
    const loaded = loadSchema({ schema: file });
    assert.ok(loaded.ok, loaded.diagnostics.map((d) => d.message).join('\n'));
    const schema = loaded.schema!;
    assert.is(schema.models.length + schema.views.length, c.models);
    const started = performance.now();
    const { output } = await renderDiagram(schema, { format: 'svg' });
    const ms = performance.now() - started;
    const layout = readSvgLayout(output!);
    assert.is(layout.entities.length, c.models, 'entity boxes');
    assert.equal(layout.entities.map((b) => b.id.replace(/^entity-/, '')).sort(), [...schema.models, ...schema.views].map((m) => m.name).sort());
    assert.is(layout.enums.length, schema.enums.length, 'enum boxes');
    assert.is(layout.relations.length, schema.relations.length, 'relation edges');
    const boxes = [...layout.entities, ...layout.enums];
    const overlapping = overlaps(boxes);
    assert.equal(overlapping, [], 'overlapping boxes');
    assert.equal(outside(layout, boxes), [], 'boxes outside the drawing');
    console.log(
      `    ${c.file}: ${layout.entities.length} model boxes, ${layout.enums.length} enum boxes, ${layout.relations.length} relation edges, ` +
        `${overlapping.length} overlapping pairs of ${(boxes.length * (boxes.length - 1)) / 2}; ${layout.viewBox.width}×${layout.viewBox.height} pt; ` +
        `${(output!.length / 1024).toFixed(0)} KB; rendered in ${ms.toFixed(0)} ms`,
    );
  });
}

test.run();

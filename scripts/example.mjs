#!/usr/bin/env node
// `npm run example [-- <name>]`: runs the main job on an example project and says what happened.
// Validate the schema and print a summary, create the database, generate the client, and run the example's
// use-client.ts against it (create, query with relations, update, delete). Later stages extend this flow.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(path.join(root, 'dist/index.js'))) {
  console.error('The package is not built yet: run `npm install` (or `npm run build`) first.');
  process.exit(1);
}
const { loadSchema, formatDiagnosticsText } = await import('../dist/index.js');

const name = process.argv[2] ?? 'basic';
const dir = path.join(root, 'examples', name);
if (!existsSync(dir)) {
  const names = readdirSync(path.join(root, 'examples')).filter((n) => existsSync(path.join(root, 'examples', n, 'prisma')));
  console.error(`No example "${name}". Examples: ${names.join(', ')}`);
  process.exit(64);
}
const step = (s) => console.log(`\n── ${s} ${'─'.repeat(Math.max(0, 70 - s.length))}`);

step(`1. Validate examples/${name}/prisma/schema.prisma`);
const result = loadSchema({ cwd: dir });
if (!result.ok) {
  console.error(formatDiagnosticsText(result.diagnostics, result.sources, { color: !!process.stdout.isTTY }));
  process.exit(1);
}
const schema = result.schema;
console.log(`valid: ${schema.models.length} models, ${schema.enums.length} enums, ${schema.relations.length} relations`);

step('2. The model');
for (const model of schema.models) {
  const table = model.dbName !== model.name ? ` (table "${model.dbName}")` : '';
  console.log(`model ${model.name}${table}${model.docs ? `  — ${model.docs.split('\n')[0]}` : ''}`);
  for (const f of model.fields) {
    const type = f.kind === 'scalar' ? f.type : f.kind === 'enum' ? f.enumName : f.kind === 'relation' ? f.target : f.kind === 'unsupported' ? `Unsupported("${f.sqlType}")` : f.typeName;
    const arity = f.arity === 'list' ? '[]' : f.arity === 'optional' ? '?' : '';
    const marks = [];
    if (f.kind !== 'relation' && f.kind !== 'composite') {
      if (f.isId) marks.push('id');
      if (f.isUnique) marks.push('unique');
      if (f.default) marks.push(`default ${f.default.kind === 'String' ? JSON.stringify(f.default.value) : f.default.kind === 'Number' ? f.default.text : f.default.kind === 'EnumValue' ? f.default.name : f.default.kind === 'Boolean' ? String(f.default.value) : f.default.kind.toLowerCase() + '()'}`);
    }
    if (f.kind === 'scalar' && f.isUpdatedAt) marks.push('updatedAt');
    console.log(`  ${f.name.padEnd(10)} ${(type + arity).padEnd(10)} ${marks.join(', ')}`);
  }
}
for (const e of schema.enums) console.log(`enum ${e.name}: ${e.values.map((v) => v.name).join(' | ')}`);

step('3. Relations');
for (const r of schema.relations) {
  if (r.kind === 'ManyToMany') {
    console.log(`${r.a.model}.${r.a.field} <-> ${r.b.model}.${r.b.field}   many-to-many through "${r.joinTable}"`);
  } else {
    const arrow = r.kind === 'OneToOne' ? '1-1' : '1-n';
    console.log(
      `${r.referenced.model}.${r.referenced.field ?? '?'} -> ${r.referencing.model}.${r.referencing.field}   ${arrow}, ` +
        `FK (${r.fields.join(', ')}) → ${r.referenced.model}(${r.references.join(', ')}) on delete ${r.onDelete}, on update ${r.onUpdate}`,
    );
  }
}

step(`4. Create the database (prisma/dev.db, recreated on every run)`);
const { spawnSync } = await import('node:child_process');
const tsx = (args) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx/esm', ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
tsx([path.join(root, 'scripts/example-db.ts'), dir, path.join(dir, 'prisma/dev.db')]);

step('5. Generate the client (codegen generate)');
const { generate } = await import('../dist/index.js');
const gen = await generate({ cwd: dir });
if (!gen.ok) {
  console.error(formatDiagnosticsText(gen.diagnostics, gen.sources, { color: !!process.stdout.isTTY }));
  process.exit(1);
}
console.log(`${gen.files.map((f) => `${path.relative(dir, path.join(gen.outputDir, f.path))} (${f.status})`).join(', ')}`);

const script = path.join(dir, 'use-client.ts');
if (existsSync(script)) {
  step(`6. Use it (examples/${name}/use-client.ts)`);
  tsx([script]);
}

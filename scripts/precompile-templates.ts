// Build step: precompiles the built-in handlebars templates into dist/templates.precompiled.js, so that
// `codegen generate` loads only the handlebars runtime and compiles nothing (see src/codegen/templates.ts).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompiledModuleSource } from '../src/codegen/templates.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
writeFileSync(path.join(root, 'dist/templates.precompiled.js'), await precompiledModuleSource());

/**
 * Lowers syntax trees (one per file) into the SchemaModel: resolves type names, binds and decodes attributes,
 * normalises keys and indexes, and pairs relations. Problems that prevent a node from being lowered are
 * reported here; semantic rules over the lowered model live in validate/.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { BlockNode, SchemaFileAst } from './ast.js';
import { lowerDatasource, lowerGenerator } from './lower-config.js';
import { lowerEnum } from './lower-enum.js';
import { lowerCompositeType, lowerModel } from './lower-model.js';
import type { TypeNames } from './lower-shared.js';
import type { CompositeType, Datasource, Enum, Generator, Model, SchemaModel, SourceFile } from './model.js';
import { pairRelations } from './relations.js';

export interface LowerResult {
  readonly schema: SchemaModel;
  readonly diagnostics: Diagnostic[];
}

/** Fields dropped because their type did not resolve, so that later checks do not report them again. */
const unresolvedFields = new WeakMap<SchemaModel, ReadonlySet<string>>();
export function isUnresolvedField(schema: SchemaModel, model: string, field: string): boolean {
  return unresolvedFields.get(schema)?.has(`${model}.${field}`) ?? false;
}

export function lowerSchema(files: readonly SourceFile[]): LowerResult {
  const diagnostics: Diagnostic[] = [];
  const blocks: BlockNode[] = files.flatMap((f) => f.ast.items.filter((i): i is BlockNode => i.kind === 'Block'));

  const names: TypeNames = {
    models: new Set(blocks.filter((b) => b.keyword === 'model' || b.keyword === 'view').map((b) => b.name)),
    enums: new Set(blocks.filter((b) => b.keyword === 'enum').map((b) => b.name)),
    composites: new Set(blocks.filter((b) => b.keyword === 'type').map((b) => b.name)),
  };
  reportDuplicateBlocks(blocks, diagnostics);

  const unresolved = new Set<string>();
  const datasources: Datasource[] = [];
  const generators: Generator[] = [];
  const models: Model[] = [];
  const views: Model[] = [];
  const enums: Enum[] = [];
  const compositeTypes: CompositeType[] = [];
  for (const block of blocks) {
    switch (block.keyword) {
      case 'datasource':
        datasources.push(lowerDatasource(block, diagnostics));
        break;
      case 'generator':
        generators.push(lowerGenerator(block, diagnostics));
        break;
      case 'model':
      case 'view': {
        const model = lowerModel(block, names, diagnostics, unresolved);
        (block.keyword === 'model' ? models : views).push(model);
        break;
      }
      case 'enum':
        enums.push(lowerEnum(block, diagnostics));
        break;
      case 'type':
        compositeTypes.push(lowerCompositeType(block, names, diagnostics, unresolved));
        break;
    }
  }
  if (datasources.length > 1) {
    for (const extra of datasources.slice(1)) {
      diagnostics.push(
        diagnostic('V202', `A schema has one datasource, but \`${extra.name}\` is another one.`, {
          span: extra.nameSpan,
          related: [{ span: datasources[0]!.nameSpan, message: `the first datasource, \`${datasources[0]!.name}\`` }],
        }),
      );
    }
  }
  const { relations, diagnostics: relationDiagnostics } = pairRelations([...models, ...views], unresolved);
  diagnostics.push(...relationDiagnostics);
  const schema: SchemaModel = {
    files,
    ...(datasources[0] ? { datasource: datasources[0] } : {}),
    generators,
    models,
    views,
    enums,
    compositeTypes,
    relations,
  };
  unresolvedFields.set(schema, unresolved);
  return { schema, diagnostics };
}

function reportDuplicateBlocks(blocks: readonly BlockNode[], diagnostics: Diagnostic[]): void {
  // Models, views, enums and types share one namespace; datasources and generators have their own.
  const first = new Map<string, BlockNode>();
  for (const b of blocks) {
    const space = b.keyword === 'datasource' || b.keyword === 'generator' ? b.keyword : 'type';
    const key = `${space}:${b.name}`;
    const earlier = first.get(key);
    if (earlier) {
      diagnostics.push(
        diagnostic('V205', `The ${b.keyword} \`${b.name}\` is already defined as ${article(earlier.keyword)} ${earlier.keyword}.`, {
          span: b.nameSpan,
          related: [{ span: earlier.nameSpan, message: 'first defined here' }],
        }),
      );
    } else first.set(key, b);
  }
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

export type { SchemaFileAst };

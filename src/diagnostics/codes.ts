import type { Severity } from './diagnostic.js';

export interface CodeInfo {
  /** A short title, used as the heading in docs/diagnostics.md. */
  readonly title: string;
  readonly severity: Severity;
  /** The default hint when the diagnostic itself does not give a more specific one. */
  readonly hint?: string;
  /** One or two sentences for docs/diagnostics.md: why this is a problem. */
  readonly doc: string;
}

/**
 * Every diagnostic code, in one registry. Codes are stable and never reused; docs/diagnostics.md is generated
 * from this table (`npm run docs:diagnostics`) and a test keeps the two in sync.
 * Families: P1xx parse and input, V2xx validation, D3xx destructive/unexecutable, M4xx migrate, G5xx codegen,
 * I6xx introspection, L7xx lint.
 */
export const CODES = {
  // ── P1xx: reading and parsing ────────────────────────────────────────────────────────────────
  P101: {
    title: 'Invalid character',
    severity: 'error',
    hint: 'Remove the character. Names may contain only ASCII letters, digits, `_` and `-`, and start with a letter.',
    doc: 'The schema contains a character that is not part of the schema language. Other parsers silently skip it; we do not.',
  },
  P102: {
    title: 'Unterminated string',
    severity: 'error',
    hint: 'Close the string with `"` on the same line. Write a line break inside a string as `\\n`.',
    doc: 'A string literal is not closed before the end of the line.',
  },
  P103: {
    title: 'Syntax error',
    severity: 'error',
    doc: 'The text does not follow the schema grammar at this point. The message says what was expected.',
  },
  P104: {
    title: 'Unknown block type',
    severity: 'error',
    hint: 'A block starts with one of `model`, `enum`, `view`, `type`, `datasource` or `generator`.',
    doc: 'A top-level block starts with a keyword the schema language does not know (often a typo such as `modle`).',
  },
  P105: {
    title: 'Unclosed block',
    severity: 'error',
    hint: 'Add the missing `}`.',
    doc: 'A block is opened with `{` and never closed.',
  },
  P106: {
    title: 'One declaration per line',
    severity: 'error',
    hint: 'Put each field, value or block attribute on its own line.',
    doc: 'Fields, enum values, assignments and block attributes must each start on a new line.',
  },
  P107: {
    title: 'Field without a type',
    severity: 'error',
    hint: 'Write the type after the field name, for example `name String`.',
    doc: 'A field declaration needs a name and a type.',
  },
  P108: {
    title: 'Not UTF-8',
    severity: 'error',
    hint: 'Save the file as UTF-8.',
    doc: 'Schema files must be UTF-8 text.',
  },
  P109: {
    title: 'Binary file',
    severity: 'error',
    hint: 'Point `--schema` at a `.prisma` text file.',
    doc: 'The file contains NUL bytes or other binary data, so it is not a schema.',
  },
  P110: {
    title: 'File too large',
    severity: 'error',
    hint: 'Split the schema into a folder of `.prisma` files, or check that this is the right file.',
    doc: 'A single schema file over 8 MiB is refused before parsing. The largest real schemas are around 100 KB.',
  },
  P111: {
    title: 'Schema not found',
    severity: 'error',
    hint: 'Pass `--schema <file or folder>`, or create `prisma/schema.prisma`.',
    doc: 'No schema was given and none was found at the default locations (`prisma/schema.prisma`, `schema.prisma`, a `prisma/` folder).',
  },
  P112: {
    title: 'No schema files in folder',
    severity: 'error',
    hint: 'A schema folder must contain at least one `.prisma` file (searched recursively).',
    doc: 'The schema path is a folder, but it holds no `.prisma` files.',
  },
  P113: {
    title: 'Cannot read file',
    severity: 'error',
    doc: 'The schema file exists but could not be read (permissions, a broken link, or an I/O error).',
  },
  P114: {
    title: 'Too many errors',
    severity: 'error',
    hint: 'Fix the first errors; many later ones are usually consequences.',
    doc: 'Reporting stopped after 100 syntax errors in one file.',
  },

  // ── V2xx: validation ─────────────────────────────────────────────────────────────────────────
  V201: {
    title: 'Missing datasource',
    severity: 'error',
    hint: 'Add `datasource db {\n  provider = "sqlite"\n}`.',
    doc: 'A schema needs exactly one `datasource` block to say which database it describes.',
  },
  V202: {
    title: 'More than one datasource',
    severity: 'error',
    hint: 'Keep one `datasource` block.',
    doc: 'Only one `datasource` block is allowed in a schema (across all its files).',
  },
  V203: {
    title: 'Unknown or unsupported provider',
    severity: 'error',
    doc: 'The datasource `provider` must be a known database provider. Migrations and diffs support `sqlite` only; other providers are parsed and validated for their structure.',
  },
  V204: {
    title: 'Unknown type',
    severity: 'error',
    doc: 'A field type is neither a built-in scalar (`String Boolean Int BigInt Float Decimal DateTime Json Bytes`), `Unsupported("…")`, nor a model, enum, view or composite type declared in the schema.',
  },
  V205: {
    title: 'Duplicate name',
    severity: 'error',
    hint: 'Rename one of them.',
    doc: 'Two models, views, enums or types have the same name, or two generators/datasources share a name.',
  },
  V206: {
    title: 'Duplicate field',
    severity: 'error',
    hint: 'Rename or remove one of the fields.',
    doc: 'A model declares the same field name twice.',
  },
  V207: {
    title: 'Duplicate enum value',
    severity: 'error',
    hint: 'Remove one of the values.',
    doc: 'An enum declares the same value twice.',
  },
  V208: {
    title: 'Model without a unique criterion',
    severity: 'error',
    hint: 'Add an `@id`, `@@id`, `@unique` or `@@unique` on required fields, or mark the model `@@ignore`.',
    doc: 'Every model needs a way to identify one row: an id, or a unique constraint over required fields.',
  },
  V209: {
    title: 'Invalid default value',
    severity: 'error',
    doc: 'The `@default(...)` value does not fit the field type (a string on an `Int`, `now()` on a `String`, an unknown enum value, and so on).',
  },
  V210: {
    title: 'Invalid autoincrement',
    severity: 'error',
    hint: 'On SQLite, `@default(autoincrement())` is only allowed on a single `Int @id` field.',
    doc: 'SQLite can only auto-increment the integer primary key (`INTEGER PRIMARY KEY AUTOINCREMENT`).',
  },
  V211: {
    title: 'Invalid @updatedAt',
    severity: 'error',
    hint: '`@updatedAt` is only allowed on `DateTime` fields.',
    doc: '`@updatedAt` sets a timestamp on every update, so the field must be a `DateTime`.',
  },
  V212: {
    title: 'Scalar lists are not supported',
    severity: 'error',
    hint: 'Store the list as `Json`, or as a `String` you encode yourself, or use a related model.',
    doc: 'SQLite has no array columns, so scalar and enum lists (`String[]`) are not allowed.',
  },
  V213: {
    title: 'Native types are not supported',
    severity: 'error',
    hint: 'Remove the `@db.*` attribute: SQLite declares every column with a fixed type per scalar.',
    doc: 'The SQLite connector has no native types, so any `@db.*` attribute is an error (as in Prisma).',
  },
  V214: {
    title: 'Composite types are not supported',
    severity: 'error',
    hint: 'Use a related model, or a `Json` field.',
    doc: '`type` blocks (composite types) exist only for MongoDB.',
  },
  V215: {
    title: 'Missing opposite relation field',
    severity: 'error',
    doc: 'Every relation needs a field on both models. `codegen format` adds the missing back-relation field for you.',
  },
  V216: {
    title: 'Relation fields and references differ in length',
    severity: 'error',
    hint: 'List as many `fields` as `references`.',
    doc: 'The `fields` and `references` lists of `@relation` must have the same number of entries.',
  },
  V217: {
    title: 'Relation field types do not match',
    severity: 'error',
    doc: 'Each field in `fields` must have the same type as the referenced field in `references`.',
  },
  V218: {
    title: 'Relation references are not unique',
    severity: 'error',
    hint: 'Reference the id, or add `@unique`/`@@unique` over the referenced fields.',
    doc: 'The `references` of a relation must be the primary key or a unique constraint of the referenced model.',
  },
  V219: {
    title: 'Ambiguous relation',
    severity: 'error',
    hint: 'Give each relation between the same models a name: `@relation("Name")` on both sides.',
    doc: 'Two or more relations connect the same models, so each must be named to pair its fields.',
  },
  V220: {
    title: 'SetNull on a required field',
    severity: 'error',
    hint: 'Make the relation scalar optional (`?`), or choose another referential action.',
    doc: '`onDelete: SetNull` or `onUpdate: SetNull` cannot set a required field to NULL.',
  },
  V221: {
    title: 'One-to-one relation without a unique constraint',
    severity: 'error',
    doc: 'In a one-to-one relation, the `fields` of the side that holds the foreign key must be `@unique` (or covered by a unique constraint or the id).',
  },
  V222: {
    title: 'Invalid or reserved name',
    severity: 'error',
    doc: 'The name is not a valid identifier, or it is reserved because it would clash in the generated client.',
  },
  V223: {
    title: 'Duplicate constraint name',
    severity: 'error',
    hint: 'Give one of them another `map:` or `name:`.',
    doc: 'Two indexes, unique constraints or foreign keys would get the same database name, or two compound keys the same client name.',
  },
  V224: {
    title: 'Unknown attribute',
    severity: 'error',
    doc: 'The attribute does not exist, or is not allowed in this position (a field attribute on a block, say).',
  },
  V225: {
    title: 'Invalid attribute argument',
    severity: 'error',
    doc: 'An attribute has an unknown, missing, duplicate or mistyped argument.',
  },
  V226: {
    title: 'Duplicate attribute',
    severity: 'error',
    hint: 'Remove one of them.',
    doc: 'An attribute that may appear once is repeated.',
  },
  V227: {
    title: 'Unknown field reference',
    severity: 'error',
    doc: 'An `@@id`, `@@unique`, `@@index` or `@relation` names a field the model does not have, or a field of the wrong kind.',
  },
  V228: {
    title: 'Optional field in a key',
    severity: 'error',
    hint: 'Make the field required.',
    doc: 'Fields of an id, and of a compound unique constraint, must be required.',
  },
  V229: {
    title: 'More than one id',
    severity: 'error',
    hint: 'Keep either one `@id` field or one `@@id([...])`.',
    doc: 'A model has one primary key: a single `@id` field or a compound `@@id`.',
  },
  V230: {
    title: 'Invalid generator',
    severity: 'error',
    doc: 'A `generator` block needs a `provider`, and its known options must have the right type.',
  },
  V231: {
    title: 'Invalid datasource',
    severity: 'error',
    doc: 'A datasource property is missing, unknown or has the wrong form (a SQLite `url` must start with `file:`).',
  },
  V232: {
    title: 'Not supported by the provider',
    severity: 'error',
    doc: 'The feature exists in the schema language but not for this database provider (for example `@@fulltext` on SQLite).',
  },
  V233: {
    title: 'Relation without foreign key side',
    severity: 'error',
    doc: 'In a one-to-one or one-to-many relation, exactly one side must define `fields` and `references`.',
  },
  V234: {
    title: 'Invalid many-to-many relation',
    severity: 'error',
    doc: 'An implicit many-to-many relation must not declare `fields`, `references` or referential actions, and both models need a single-field `@id`.',
  },
  V235: {
    title: 'Invalid referential action',
    severity: 'error',
    doc: 'The referential action is unknown, or not supported with this relation mode.',
  },
  V236: {
    title: 'Invalid enum',
    severity: 'error',
    doc: 'An enum needs at least one value, and its values must be valid identifiers.',
  },
  V237: {
    title: 'Duplicate database name',
    severity: 'error',
    hint: 'Change one of the `@map`/`@@map` names.',
    doc: 'Two models map to the same table, or two fields of a model map to the same column.',
  },
  V238: {
    title: 'Invalid view',
    severity: 'error',
    doc: 'A view uses a feature views do not support (ids with defaults, relations to the view in a way Prisma rejects, and similar).',
  },
  V239: {
    title: 'Preview feature required',
    severity: 'warning',
    doc: 'The feature works here, but Prisma only accepts it with a `previewFeatures` flag in the generator; the schema may not work with Prisma until you add it.',
  },
  V240: {
    title: 'Ignored model used in a relation',
    severity: 'error',
    hint: 'Add `@ignore` to the relation field too.',
    doc: 'A relation field points to a model marked `@@ignore`, so the field must be ignored as well.',
  },
  V241: {
    title: 'Unsupported provider feature ignored',
    severity: 'warning',
    doc: 'The schema is valid, but this part has no effect on SQLite.',
  },
  // (new V2xx codes go above this line)

  // ── D3xx: destructive and unexecutable changes ───────────────────────────────────────────────
  D301: {
    title: 'Dropping a table with data',
    severity: 'warning',
    hint: 'Copy the data elsewhere first if you still need it, then apply with --accept-data-loss.',
    doc: 'The migration drops a table. With a database at hand the message gives its row count.',
  },
  D302: {
    title: 'Dropping a column with data',
    severity: 'warning',
    hint: 'If the column was renamed, say so (`/// @renamed(from: "old")` on the field, or `--rename`), and its data is kept.',
    doc: 'The migration drops a column. With a database at hand the message gives the number of non-null values lost.',
  },
  D303: {
    title: 'Risky type change',
    severity: 'warning',
    doc: 'A column changes type. SQLite converts each stored value by the new column affinity, which may change or lose data (text that is not a number stays text in an INTEGER column, a REAL is truncated in a BIGINT column, and so on).',
  },
  D304: {
    title: 'New unique constraint',
    severity: 'warning',
    doc: 'A unique index is added over existing data. With a database at hand, the check runs the query and reports whether duplicates exist (D305).',
  },
  D305: {
    title: 'Unique constraint violated by existing rows',
    severity: 'error',
    hint: 'Remove or merge the duplicate rows first (the message shows a query that finds them), then migrate.',
    doc: 'The new unique index cannot be created: existing rows hold duplicate values.',
  },
  D306: {
    title: 'Primary key change',
    severity: 'warning',
    doc: 'The primary key changes. The table is rebuilt, and rows that collide under the new key make the migration fail.',
  },
  D307: {
    title: 'Enum values in use',
    severity: 'warning',
    doc: 'Rows hold values that are not in the enum any more. The client will refuse to read them.',
  },
  D308: {
    title: 'Required column without a default on a table with rows',
    severity: 'error',
    hint: 'Add the column as optional, fill it, then make it required; or give it a `@default(…)`.',
    doc: 'A required column is added without a default to a table that has rows, so there is no value to put in them.',
  },
  D309: {
    title: 'Column made required while rows hold NULL',
    severity: 'error',
    hint: 'Fill the NULLs first (UPDATE … SET col = … WHERE col IS NULL), or give the field a `@default(…)` that fills them.',
    doc: 'A column becomes required, but existing rows hold NULL in it and no default fills them.',
  },
  D310: {
    title: 'Required column with a client-side default on a table with rows',
    severity: 'error',
    hint: 'Add the column as optional, fill it (the client computes `uuid()`, `cuid()`… for new rows only), then make it required.',
    doc: 'Defaults such as `uuid()`, `cuid()`, `nanoid()`, `ulid()` and `@updatedAt` live in the client, not in the database, so existing rows would get no value.',
  },
  D311: {
    title: 'Table rebuild',
    severity: 'info',
    doc: 'SQLite cannot make this change with ALTER TABLE, so the table is rebuilt: created anew, copied, dropped and renamed. Views and triggers are recreated around it.',
  },
  D312: {
    title: 'Preserved object dropped',
    severity: 'warning',
    doc: 'Something the schema cannot describe (a CHECK constraint, a trigger, a view) depends on a column or table that the migration drops, so it cannot be kept.',
  },
  D313: {
    title: 'Foreign key violated by existing rows',
    severity: 'error',
    hint: 'Fix or delete the rows that point at missing parents, then migrate.',
    doc: 'A new foreign key cannot hold: existing rows reference parent rows that do not exist.',
  },
  // (D3xx codes go above this line)

  // ── M4xx: migrations ─────────────────────────────────────────────────────────────────────────
  // (M4xx codes go above this line)

  // ── G5xx: code generation ────────────────────────────────────────────────────────────────────
  G501: {
    title: 'Template failed',
    severity: 'error',
    hint: 'Fix the template named in the message (a missing field in strict mode, an unknown helper or partial, a syntax error).',
    doc: 'A handlebars template could not be compiled or rendered. Templates are compiled in strict mode, so a misspelt context field is an error rather than empty output.',
  },
  G502: {
    title: 'Type error in generated code',
    severity: 'error',
    hint: 'This is a bug in the generator or in a custom template: please report it with the schema.',
    doc: 'The generated TypeScript does not type-check under `strict`. Generated code must always compile; a type error there is never ignored.',
  },
  G503: {
    title: 'Invalid generator option',
    severity: 'error',
    doc: 'A key of the `generator` block has a value the generator does not accept (for example `dateTimeFormat` other than "iso" or "unixepoch-ms").',
  },
  G504: {
    title: 'Templates folder not found',
    severity: 'error',
    hint: 'Check the `templates` option of the generator block; it is resolved relative to the schema file.',
    doc: 'The folder named by the `templates` option does not exist.',
  },
  G505: {
    title: 'Generated files are stale',
    severity: 'error',
    hint: 'Run `codegen generate` and commit the result.',
    doc: '`codegen generate --check` found generated files that differ from what the schema produces now.',
  },
  G506: {
    title: 'Model left out of the client',
    severity: 'warning',
    doc: 'A model without an `@id`, `@@id`, `@unique` or `@@unique` cannot be addressed by the client, so no accessor is generated for it (Prisma requires one of them too).',
  },
  G507: {
    title: 'Schema provider is not SQLite',
    severity: 'warning',
    doc: 'The generated client runs on SQLite (better-sqlite3). A schema for another provider still generates, but values and SQL follow SQLite.',
  },
  // (G5xx codes go above this line)

  // ── I6xx: introspection and opening databases ────────────────────────────────────────────────
  // (I6xx codes go above this line)

  // ── L7xx: lint ───────────────────────────────────────────────────────────────────────────────
  // (L7xx codes go above this line)
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;

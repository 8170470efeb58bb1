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
    hint: 'Remove the character. Names may contain only letters, ASCII digits, `_` and `-`, and start with a letter.',
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
  P115: {
    title: 'Cannot write file',
    severity: 'error',
    hint: 'Check the permissions of the file and of its folder.',
    doc: '`codegen format` or `codegen pull` could not write a schema file, or `codegen diff --output` its output file. The file is left as it was: the new text is written to a temporary file in the same folder and renamed over the old one only when complete. Also when a command\'s results cannot be written to stdout (a full disk): the exit code is then 1.',
  },
  P117: {
    title: 'Output file exists',
    severity: 'error',
    hint: 'Pass --force to overwrite it, or give another file name.',
    doc: '`--output` names a file that exists and that this command did not write (`codegen diff`, `codegen erd`, `codegen migrate bundle`): user files are never overwritten without `--force`. A file the command wrote itself (recognised by its header) is replaced. Nothing is written.',
  },
  P116: {
    title: 'Invalid config',
    severity: 'error',
    doc: 'The project config (`codegen.config.{json,js,mjs,ts}` or the `"codegen"` key of package.json) cannot be loaded, or has an unknown option or a value of the wrong type.',
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
    doc: 'The name is not a valid identifier, or Prisma reserves it (JavaScript keywords, `PrismaClient`, the scalar type names). Names that clash only with the generated client are warnings (V244).',
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
    severity: 'error',
    doc: 'The feature exists, but Prisma accepts it only with a `previewFeatures` flag in a generator block (views, partial indexes, shard keys). We require the flag too, so that a schema we accept stays valid for Prisma.',
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
  V242: {
    title: 'Required relation over optional fields',
    severity: 'error',
    doc: 'A required relation field (`author User`) must be backed by required scalar fields. When one of its `fields` is optional, the relation can be missing, so the relation field must be optional too.',
  },
  V243: {
    title: 'Cyclic referential actions',
    severity: 'error',
    hint: 'Set `onDelete: NoAction, onUpdate: NoAction` on one relation of the cycle (where the provider allows it), or use foreign keys instead of `relationMode = "prisma"`.',
    doc: 'With `relationMode = "prisma"`, Prisma emulates referential actions and rejects actions that could cascade around a cycle of relations, or from a table into itself (a self-relation). On SQLite this means self-relations and cycles need `relationMode = "foreignKeys"`, because emulation does not offer `NoAction`.',
  },
  V244: {
    title: 'Name clashes with the generated client',
    severity: 'warning',
    doc: 'Prisma accepts the name, but the generated client declares or uses it too: a model or enum named like a TypeScript type (`object`, `Date`, `Promise`) or like a type generated for another model (`UserSelect` next to `User`) gets another TypeScript type name (`object_`); two models with one accessor (`User` and `user`), or a field named `AND`, `OR` or `NOT`, stop `codegen generate` (G508).',
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
    doc: 'Something the schema cannot describe (a CHECK constraint, a trigger, a view) depends on a column or table that the migration drops, so it cannot be kept. The migration drops it (a view or trigger left naming a missing table or column would make SQLite refuse every later `ALTER TABLE … RENAME`); recreate it by hand if it is still needed.',
  },
  D313: {
    title: 'Foreign key violated by existing rows',
    severity: 'error',
    hint: 'Fix or delete the rows that point at missing parents, then migrate.',
    doc: 'A new foreign key cannot hold: existing rows reference parent rows that do not exist.',
  },
  // (D3xx codes go above this line)

  // ── M4xx: migrations ─────────────────────────────────────────────────────────────────────────
  M401: {
    title: 'Migrations path is not a folder',
    severity: 'error',
    hint: 'Point `--migrations` at the folder that holds the `<timestamp>_<name>/migration.sql` folders.',
    doc: 'The migrations location exists but is a file.',
  },
  M402: {
    title: 'Missing or unreadable migration_lock.toml',
    severity: 'warning',
    doc: 'Prisma keeps the provider of a migrations folder in `migration_lock.toml`. It is missing or has no provider line; it is written again by `migrate dev`.',
  },
  M403: {
    title: 'Migrations for another provider',
    severity: 'error',
    doc: 'migration_lock.toml names a provider other than sqlite, so these migrations cannot be applied to a SQLite database.',
  },
  M404: {
    title: 'Migration folder without migration.sql',
    severity: 'error',
    doc: 'A folder in the migrations folder has no migration.sql file.',
  },
  M410: {
    title: 'A failed migration blocks deploys',
    severity: 'error',
    doc: 'A migration started and failed earlier (its history row has no finished_at). Nothing runs until it is resolved with `codegen migrate resolve`, as in Prisma (P3009).',
  },
  M411: {
    title: 'Applied migration was modified',
    severity: 'error',
    doc: 'The file of an applied migration changed since it was applied (its checksum differs, line endings aside). Prisma\'s deploy ignores this; we stop, because the database may not match the file. `--allow-modified` accepts it as a warning.',
  },
  M412: {
    title: 'Applied migration missing from the folder',
    severity: 'warning',
    doc: 'The history records a migration whose folder is gone. Usually the wrong folder, or a branch switch.',
  },
  M413: {
    title: 'Migration failed and was rolled back',
    severity: 'error',
    doc: 'A statement of the migration failed (or foreign keys would break). The whole migration, history row included, was rolled back; a failed row with the error is recorded, and later deploys stop until it is resolved.',
  },
  M414: {
    title: 'Migration not found',
    severity: 'error',
    doc: '`migrate resolve` (or `lint({ only })` in the API) names a migration that is not in the migrations folder.',
  },
  M415: {
    title: 'Cannot resolve this migration',
    severity: 'error',
    doc: '`migrate resolve --rolled-back` applies to failed migrations only, and `--applied` to migrations that are not applied yet.',
  },
  M416: {
    title: 'Database differs from the migration history (drift)',
    severity: 'error',
    doc: 'The dev database does not match what the migrations folder produces when replayed. Someone changed the database by hand, or a migration was edited. `migrate dev` reports what differs and never resets without `--force-reset`.',
  },
  M417: {
    title: 'Data loss needs confirmation',
    severity: 'error',
    hint: 'Read the warnings, then run again with --accept-data-loss.',
    doc: 'The new migration would lose data (warnings with row counts). `migrate dev` stops with exit code 3 unless `--accept-data-loss` is given.',
  },
  M418: {
    title: 'Migration cannot run on this data',
    severity: 'error',
    doc: 'The new migration has an unexecutable step (for example a required column without a default on a table with rows). It is not written; the message suggests the fix.',
  },
  M419: {
    title: 'No database location',
    severity: 'error',
    hint: 'Pass --db <file>, set DATABASE_URL=file:./dev.db, or add `url = "file:./dev.db"` to the datasource.',
    doc: 'The command needs a database and none was given: no --db, no DATABASE_URL and no datasource url.',
  },
  M420: {
    title: 'Replaying the migrations failed',
    severity: 'error',
    doc: 'A migration failed when the folder was replayed into an in-memory database (the shadow database). The migration itself is broken, or depends on data.',
  },
  M421: {
    title: 'Reset refused',
    severity: 'error',
    doc: '`migrate reset` drops every table; it refuses to run without --force.',
  },
  M422: {
    title: 'Backup failed',
    severity: 'error',
    doc: 'The backup taken before migrating (`VACUUM INTO`) failed, so nothing was applied.',
  },
  M423: {
    title: 'Double-quoted string literal in a migration',
    severity: 'warning',
    doc: 'A migration writes a string in double quotes (`VALUES ("x")`). Prisma\'s older engines accepted that SQLite quirk; the SQLite build we use does not, so the value is run as a single-quoted string. The file itself is not changed, and its checksum stays the same.',
  },
  M430: {
    title: 'A migration of the base branch was edited',
    severity: 'error',
    hint: 'Restore it (`git checkout <base> -- <file>`) and put the change in a new migration: databases that already ran it will never see the edit.',
    doc: '`codegen check` found that a migration that exists on the base branch differs from the base version (line endings aside).',
  },
  M431: {
    title: 'A migration of the base branch was deleted or renamed',
    severity: 'error',
    hint: 'Restore it under its old name: databases record migrations by folder name.',
    doc: '`codegen check` found that a migration folder that exists on the base branch is gone (or renamed) on this branch.',
  },
  M432: {
    title: 'New migration sorts before existing ones',
    severity: 'error',
    hint: 'Rename its folder with a timestamp newer than the base branch\'s newest migration (it is applied after them anyway on existing databases; fresh databases would apply it earlier).',
    doc: 'A migration added on this branch has a name that sorts before a migration that already exists on the base branch, typically after a merge. Fresh databases and existing ones would then apply migrations in different orders.',
  },
  M433: {
    title: 'Schema changes without a migration',
    severity: 'error',
    hint: 'Run `codegen migrate dev --name <name>` and commit the new migration.',
    doc: 'Replaying the migrations folder does not give the database the schema describes: a migration is missing. The report shows its SQL.',
  },
  M434: {
    title: 'Base ref not available',
    severity: 'error',
    doc: '`codegen check` compares with a base commit (`--base`, default: the merge base with origin/main or main) and cannot find it, typically in a shallow CI clone. The message says what to fetch.',
  },
  M435: {
    title: 'Not a git repository',
    severity: 'warning',
    doc: 'Without git, `codegen check` cannot tell which migrations are new or whether old ones were edited; it checks the schema, the migrations folder and the generated client only.',
  },
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
    doc: '`codegen generate --check` or `codegen check` found generated files that differ from what the schema produces now, or that are missing.',
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
  G508: {
    title: 'Name the generated client cannot use',
    severity: 'error',
    doc: 'Two models would have the same accessor (`User` and `user` are both `client.user`), or a field is named like a filter combinator of `<Model>WhereInput` (`AND`, `OR`, `NOT`). Prisma accepts such a schema (`codegen validate` warns, V244), but the client cannot tell the two apart. Rename in the schema and keep the database name with `@@map`/`@map`.',
  },
  // (G5xx codes go above this line)

  // ── I6xx: introspection and opening databases ────────────────────────────────────────────────
  I601: {
    title: 'Database not found',
    severity: 'error',
    hint: 'Check the path (a relative path starts from the current folder). A database file is only created by the commands that say so.',
    doc: 'The database file does not exist. It is never created by accident: reading or diffing a missing database stops here instead of creating an empty file.',
  },
  I602: {
    title: 'Database path is a folder',
    severity: 'error',
    hint: 'Point at the database file inside the folder, such as `prisma/dev.db`.',
    doc: 'The path names a folder, not a database file.',
  },
  I603: {
    title: 'Database folder missing',
    severity: 'error',
    hint: 'Create the folder first, or fix the path.',
    doc: 'The folder that should hold the database file does not exist (or a part of the path is a file), so the database can be neither read nor created.',
  },
  I604: {
    title: 'Not a SQLite database',
    severity: 'error',
    hint: 'Check the path. The file may be another format, an encrypted database (SQLCipher), or a partial download.',
    doc: 'The file exists but does not start with the SQLite header, so SQLite refuses it (`SQLITE_NOTADB`).',
  },
  I605: {
    title: 'Database is corrupt',
    severity: 'error',
    hint: 'Restore the file from a backup. `sqlite3 file.db ".recover"` can often rescue the rows of a damaged database.',
    doc: 'SQLite reports the file as damaged (`SQLITE_CORRUPT`): truncated, overwritten in part, or failing `PRAGMA quick_check`. Nothing is written to it.',
  },
  I606: {
    title: 'Database is busy',
    severity: 'error',
    hint: 'Another program holds a lock on the database. Wait for it to finish or close it, or raise the busy timeout.',
    doc: 'Another connection was writing to the database (`SQLITE_BUSY`) and did not finish within the busy timeout.',
  },
  I607: {
    title: 'Database is read-only',
    severity: 'error',
    hint: 'Make the file and its folder writable (SQLite writes a journal next to the file), or open it read-only.',
    doc: 'A write was needed, but the database file or the folder that holds it cannot be written, or the connection was opened read-only.',
  },
  I608: {
    title: 'Cannot access database',
    severity: 'error',
    doc: 'The database file could not be opened, read or written: permission denied, an I/O error, a full disk, or another error from the operating system.',
  },
  I609: {
    title: 'Foreign key violations',
    severity: 'error',
    hint: 'Fix or delete the rows named in the message, or change the statements so that every reference points at an existing row.',
    doc: 'After the statements of an atomic unit ran, `PRAGMA foreign_key_check` found rows whose foreign keys point at missing rows. The unit was rolled back, so nothing changed.',
  },
  I610: {
    title: 'Statement failed',
    severity: 'error',
    doc: 'A statement of an atomic unit (a migration, say) failed. Every statement of the unit was rolled back, so the database is as it was before.',
  },
  I611: {
    title: 'Table definition not fully read',
    severity: 'warning',
    hint: 'Please report the table definition: it is valid SQLite that this tool does not read yet.',
    doc: 'The `CREATE TABLE` or `CREATE INDEX` text could not be parsed, or disagrees with what SQLite reports. Columns, keys, indexes and foreign keys still come from SQLite itself, but what only the text says (CHECK constraints, collations, AUTOINCREMENT, constraint names, default expressions, index expressions and conditions) may be missing for that object.',
  },
  I612: {
    title: 'Virtual table not managed',
    severity: 'info',
    doc: 'Virtual tables (FTS5, R*Tree, extension modules) and their shadow tables are left as they are: they are not part of the database model, so they are never diffed, rebuilt or dropped.',
  },
  I613: {
    title: 'Table feature not modelled',
    severity: 'warning',
    doc: 'The table uses a feature the database model does not record (an `ON CONFLICT` clause, a descending column in a compound primary key, a `MATCH` clause). It stays in the database as long as the table is not rebuilt; a rebuild would drop it.',
  },
  I614: {
    title: 'Schema cannot be re-pulled',
    severity: 'error',
    hint: 'Fix the schema first (`codegen validate` lists the problems), or pass --force to replace it with a fresh pull.',
    doc: '`codegen pull` merges the database into an existing schema only when that schema is valid: a re-pull keeps what the schema says and changes what the database says, so it must be able to read the schema completely. Nothing was written.',
  },
  I615: {
    title: 'Pulled schema cannot describe everything',
    severity: 'warning',
    hint: 'Run `codegen diff --from-db <database> --to-schema <schema>` to see the differences before you migrate from this schema.',
    doc: 'The database has something a Prisma schema cannot express (an `INTEGER PRIMARY KEY` without `AUTOINCREMENT`, a key column that may hold NULL, a generated column, an index on an expression, a foreign key that is not a valid relation). The schema describes the rest, and a migration made from it would change these tables.',
  },
  I616: {
    title: 'Model ignored',
    severity: 'warning',
    hint: 'Add a primary key or a unique index on required columns to the table, then pull again.',
    doc: 'A table has no primary key and no unique index on required columns, so Prisma Client cannot address its rows. Its model is written with `@@ignore` and a comment, as `prisma db pull` does: migrations keep the table, the client leaves it out.',
  },
  I617: {
    title: 'Unsupported column type',
    severity: 'info',
    doc: 'A column\'s declared type has no Prisma type, even by its SQLite affinity (a `POINT`, a `MONEY`, a column without a type). The field is written as `Unsupported("…")`, which keeps the type for migrations and leaves the field out of the client.',
  },
  I618: {
    title: 'Kept by the database only',
    severity: 'info',
    doc: 'Views, and column collations, CHECK constraints, generated columns, expression indexes and table options have no schema syntax. The pull writes them as `//` comments, so that they are seen; the database keeps them, and migrations preserve them through table rebuilds.',
  },
  I619: {
    title: 'Partial index needs a Prisma preview feature',
    severity: 'warning',
    hint: 'Add `previewFeatures = ["partialIndexes"]` to a generator block if Prisma reads this schema too.',
    doc: 'The database has a partial index (`CREATE INDEX … WHERE …`), which the schema writes as `where: raw("…")`. This package reads it as it is; Prisma accepts it only with the `partialIndexes` preview feature.',
  },
  // (I6xx codes go above this line)

  // ── L7xx: lint ───────────────────────────────────────────────────────────────────────────────
  L701: {
    title: 'Drops a table',
    severity: 'warning',
    hint: 'Check the row count in production first (`SELECT count(*) FROM "T"`), and copy the data out if it is still needed. App versions that still read the table break.',
    doc: 'The migration drops a table and every row in it.',
  },
  L702: {
    title: 'Drops a column',
    severity: 'warning',
    hint: 'If the column was renamed, use `/// @renamed(from: "old")` so the data moves. App versions that still read the column break.',
    doc: 'The migration drops a column and its values.',
  },
  L703: {
    title: 'A table rebuild does not copy all the data',
    severity: 'error',
    hint: 'Add the missing columns to the INSERT … SELECT of the rebuild, or drop them explicitly.',
    doc: 'A table is rebuilt (created anew and dropped), but a column that exists before and after is not copied, or no rows are copied at all: the rebuild silently empties it.',
  },
  L704: {
    title: 'Adds a unique constraint',
    severity: 'warning',
    hint: 'Check for duplicates first: `SELECT <cols>, count(*) FROM "T" GROUP BY <cols> HAVING count(*) > 1`.',
    doc: 'A unique index on an existing table fails when rows hold duplicate values.',
  },
  L705: {
    title: 'Makes a column required',
    severity: 'warning',
    hint: 'Fill the NULLs in an earlier migration (UPDATE … WHERE col IS NULL), or give the column a default.',
    doc: 'A column becomes NOT NULL; the migration fails when rows hold NULL in it and no default fills them.',
  },
  L706: {
    title: 'Adds a required column without a default',
    severity: 'error',
    hint: 'Add the column as optional, fill it, then make it required; or give it a default.',
    doc: 'A NOT NULL column without a default is added to an existing table: the migration fails when the table has rows.',
  },
  L707: {
    title: 'Narrows a column type',
    severity: 'warning',
    doc: 'A column changes to a narrower type (text to a number, a real to an integer, a BIGINT to an INTEGER): values that do not fit are kept as they are by SQLite, or rounded, and the client may not read them.',
  },
  L708: {
    title: 'Renames a table or column',
    severity: 'warning',
    hint: 'During a rolling deploy, app versions that still use the old name break. Add the new name first, move readers, then remove the old one.',
    doc: 'A rename is backward-incompatible for app versions that still run with the previous client.',
  },
  L709: {
    title: 'Probable rename',
    severity: 'warning',
    hint: 'If this is a rename, keep the data: `/// @renamed(from: "old")` on the field (or `@map("old")` to keep the column name).',
    doc: 'A column is dropped and another of the same type is added to the same table in one migration, which usually means a rename that loses the data.',
  },
  L710: {
    title: 'DECIMAL stores floats in SQLite',
    severity: 'info',
    doc: 'SQLite gives DECIMAL the NUMERIC affinity: `1.10` is stored as the float 1.1, and digits beyond about 15 are lost. The client maps Decimal to a string, but it cannot give back digits SQLite did not keep. Store exact amounts as integers (cents) or text.',
  },
  L711: {
    title: 'JSONB has numeric affinity',
    severity: 'info',
    doc: 'The declared type JSONB gives the column NUMERIC affinity: a JSON text that looks like a number (`\'1\'`, `\'2.50\'`) is stored as a number. The client stores JSON text and reads numbers back correctly; other tools writing to the column may be surprised.',
  },
  L712: {
    title: 'Rebuilds a table',
    severity: 'info',
    hint: 'On a large table, run it when the app is idle, or split the change so SQLite can ALTER instead.',
    doc: 'A rebuild copies every row while holding the write lock, so other connections wait for the whole copy.',
  },
  L713: {
    title: 'PRAGMA foreign_keys inside a transaction',
    severity: 'warning',
    hint: 'Remove BEGIN/COMMIT from the file: the applier runs each migration in a transaction and turns foreign keys off before it.',
    doc: '`PRAGMA foreign_keys` does nothing inside a transaction, so the file does not do what it says when run as written.',
  },
  L714: {
    title: 'CASCADE children of a dropped or rebuilt table',
    severity: 'warning',
    hint: 'Run the file with `codegen migrate deploy` (foreign keys are turned off before the transaction), never inside a transaction with foreign keys on.',
    doc: 'The migration drops a table that other tables reference with ON DELETE CASCADE. Run by another tool inside a transaction (where `PRAGMA foreign_keys=OFF` is a no-op), the DROP deletes the child rows.',
  },
  L715: {
    title: 'Hand-written statements',
    severity: 'info',
    doc: 'The migration contains statements the diff engine would not generate for this change (data updates, inserts, deletes). They are fine, and worth a reviewer\'s look.',
  },
  // (L7xx codes go above this line)
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;

/**
 * Typed client errors. Codes reuse Prisma's known request-error codes where one fits, so that code written for
 * Prisma's `e.code === 'P2002'` keeps working. Every error names the model and, where known, the fields.
 */

export type ClientErrorCode =
  /** Unique constraint failed. */
  | 'P2002'
  /** Foreign key constraint failed. */
  | 'P2003'
  /** A value is invalid for its field (type, enum value, DateTime). */
  | 'P2007'
  /** Invalid query arguments (unknown field, unsupported operation). */
  | 'P2009'
  /** Null constraint violation. */
  | 'P2011'
  /** The change would violate a required relation. */
  | 'P2014'
  /** A related record that a nested write needs was not found. */
  | 'P2018'
  /** A stored value cannot be read. */
  | 'P2023'
  /** The record that an operation depends on was not found. */
  | 'P2025'
  /** Other database errors (the SQLite code is in `cause`). */
  | 'P2010';

export interface ClientErrorMeta {
  readonly model?: string;
  readonly fields?: readonly string[];
  readonly cause?: unknown;
}

export class ClientError extends Error {
  override readonly name = 'CodegenClientError';
  readonly code: ClientErrorCode;
  readonly model: string | undefined;
  readonly fields: readonly string[];
  readonly meta: { readonly model?: string; readonly target?: readonly string[] };

  constructor(code: ClientErrorCode, message: string, meta: ClientErrorMeta = {}) {
    super(message, meta.cause === undefined ? undefined : { cause: meta.cause });
    this.code = code;
    this.model = meta.model;
    this.fields = meta.fields ?? [];
    this.meta = { ...(meta.model ? { model: meta.model } : {}), ...(meta.fields ? { target: meta.fields } : {}) };
  }
}

/** Prisma's name for it; also exported as `CodegenClientError`. */
export { ClientError as CodegenClientError };

export function notFound(model: string, operation: string): ClientError {
  return new ClientError('P2025', `${operation} on \`${model}\` failed: the record was not found.`, { model });
}

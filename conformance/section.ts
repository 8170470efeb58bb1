export interface SectionContext {
  /** Absolute path of ../shared/corpus. */
  readonly corpus: string;
  /** The repository root. */
  readonly root: string;
}

export interface SectionResult {
  /** False when a committed target was missed. */
  readonly ok: boolean;
  /** One line for the summary. */
  readonly summary: string;
}

/** One part of the conformance report. It prints its own table and details. */
export interface Section {
  readonly name: string;
  readonly title: string;
  run(ctx: SectionContext): Promise<SectionResult>;
}

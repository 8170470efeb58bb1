import { diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnosticsReport } from '../diagnostics/format.js';

/** What a command may touch of the outside world. Tests pass their own; the binary passes the process's. */
export interface CliIO {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour, prompts). */
  readonly isTTY: boolean;
}

export function processIO(): CliIO {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: writerTo(process.stdout),
    stderr: writerTo(process.stderr),
    isTTY: !!process.stdout.isTTY,
  };
}

/**
 * Writes to a standard stream. When its reader has gone (`codegen diff … | head`: EPIPE), the rest is dropped and the
 * command ends with its own exit code. When writing fails otherwise (a full disk), the rest is dropped too, the
 * failure is reported on stderr, and the exit code is 1 (outputFailed). Never an unhandled stream error.
 */
function writerTo(stream: NodeJS.WriteStream): (text: string) => void {
  if (!watched.has(stream)) {
    watched.add(stream);
    stream.on('error', (e: NodeJS.ErrnoException) => {
      stopped.add(stream);
      if (e.code === 'EPIPE') return;
      failed.add(stream);
      if (stream !== process.stderr && !stopped.has(process.stderr)) {
        const failure = diagnostic('P115', `Cannot write the output: ${e.message}.`, {
          hint: 'Check where the output goes (a full disk?), or write it to a file with -o FILE where the command has it.',
        });
        process.stderr.write(formatDiagnosticsReport([failure], [], { color: false }));
      }
      // The command may be done already (an asynchronous write failing late): then its code is final here.
      if (!process.exitCode) process.exitCode = EXIT.errors;
    });
  }
  return (text) => {
    if (!stopped.has(stream)) stream.write(text);
  };
}
const watched = new WeakSet<NodeJS.WriteStream>();
/** Streams written no more: their reader went away, or a write failed. */
const stopped = new WeakSet<NodeJS.WriteStream>();
const failed = new WeakSet<NodeJS.WriteStream>();

/** Whether writing the command's results to stdout failed (other than its reader going away). */
export function outputFailed(): boolean {
  return failed.has(process.stdout);
}

/** Colour only on a terminal, and never when NO_COLOR is set; FORCE_COLOR forces it. */
export function useColor(io: CliIO): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}

/** Exit codes shared by every command (docs/cli.md). */
export const EXIT = {
  ok: 0,
  errors: 1,
  difference: 2,
  dataLoss: 3,
  usage: 64,
  internal: 70,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

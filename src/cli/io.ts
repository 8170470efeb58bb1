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
 * Writes to a standard stream; when its reader has gone (`codegen diff … | head`: EPIPE), the rest is dropped and the
 * command finishes as it would have, with its exit code, instead of dying on an unhandled stream error.
 */
function writerTo(stream: NodeJS.WriteStream): (text: string) => void {
  if (!watched.has(stream)) {
    watched.add(stream);
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      readerGone.add(stream);
    });
  }
  return (text) => {
    if (!readerGone.has(stream)) stream.write(text);
  };
}
const watched = new WeakSet<NodeJS.WriteStream>();
const readerGone = new WeakSet<NodeJS.WriteStream>();

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

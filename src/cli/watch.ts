/**
 * Watching a schema for `generate --watch`. The folder is watched, not the file: editors that save by writing a
 * temporary file and renaming it over the schema (vim, JetBrains, many formatters) replace the file's inode, and
 * a watcher on the old file would never fire again. Events are debounced (a burst of saves → one run) and runs
 * never overlap: a change during a run queues exactly one more.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface SchemaWatcher {
  /** Stops watching; resolves when a run in progress has finished. */
  close(): Promise<void>;
}

export interface WatchOptions {
  /** Quiet time after the last event before running (ms). */
  readonly debounceMs?: number;
  /** The watcher failed (the folder was deleted, say). */
  readonly onError?: (error: Error) => void;
}

/** Calls `run` after changes to the schema at `location` (a file, or a folder of `.prisma` files). */
export function watchSchema(location: string, run: () => Promise<void>, options: WatchOptions = {}): SchemaWatcher {
  const isFolder = statSync(location, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const dir = isFolder ? location : path.dirname(location);
  const name = path.basename(location);
  const relevant = (file: string | null): boolean => (file === null ? true : isFolder ? file.endsWith('.prisma') : path.basename(file) === name);
  const runner = serialRunner(run, options.debounceMs ?? 100);
  const watcher: FSWatcher = watch(dir, { recursive: isFolder }, (_event, file) => {
    if (relevant(file === null ? null : String(file))) runner.trigger();
  });
  watcher.on('error', (e) => options.onError?.(e));
  return {
    async close() {
      watcher.close();
      await runner.stop();
    },
  };
}

/** Debounced, never-overlapping calls of `run`. */
export function serialRunner(run: () => Promise<void>, debounceMs: number): { trigger(): void; stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  let pending = false;
  let stopped = false;
  const start = (): void => {
    if (stopped) return;
    if (current) {
      pending = true;
      return;
    }
    current = run().finally(() => {
      current = undefined;
      if (pending) {
        pending = false;
        start();
      }
    });
  };
  return {
    trigger() {
      if (stopped) return;
      clearTimeout(timer);
      timer = setTimeout(start, debounceMs);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      pending = false;
      await current;
    },
  };
}

/**
 * Watching a schema for `generate --watch`. The folder is watched, not the file: editors that save by writing a
 * temporary file and renaming it over the schema (vim, JetBrains, many formatters) replace the file's inode, and
 * a watcher on the old file would never fire again. Events are debounced (a burst of saves → one run) and runs
 * never overlap: a change during a run queues exactly one more.
 */
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface SchemaWatcher {
  /** Also runs after changes to any file in `dir` and its subfolders (a custom templates folder, say). */
  watchFolder(dir: string): void;
  /** Stops watching; resolves when a run in progress has finished. */
  close(): Promise<void>;
}

export interface WatchOptions {
  /** Quiet time after the last event before running (ms). */
  readonly debounceMs?: number;
  /** The watcher failed (the folder was deleted, say). */
  readonly onError?: (error: Error) => void;
}

/**
 * Calls `run` after changes to the schema at `location` (a file, or a folder of `.prisma` files), and to the files
 * of the folders added later with `watchFolder`.
 */
export function watchSchema(location: string, run: () => Promise<void>, options: WatchOptions = {}): SchemaWatcher {
  const isFolder = statSync(location, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const runner = serialRunner(run, options.debounceMs ?? 100);
  const watchers = new Map<string, FSWatcher>();
  // One non-recursive watcher per folder, all in place before this returns. (Node 20's recursive watch on Linux
  // adds the subfolders' watchers asynchronously, so a change made right after start could be missed.)
  const watchFolder = (dir: string, relevant: (file: string) => boolean, onEntry?: (entry: string) => void): void => {
    if (watchers.has(dir)) return;
    const watcher = watch(dir, (_event, file) => {
      const name = file === null ? null : String(file);
      // A new subfolder of a watched tree is watched too.
      if (onEntry && name !== null) onEntry(path.join(dir, name));
      if (name === null || relevant(name)) runner.trigger();
    });
    watcher.on('error', (e) => options.onError?.(e));
    watchers.set(dir, watcher);
  };
  const isSchemaFile = (name: string): boolean => name.endsWith('.prisma');
  const anyFile = (): boolean => true;
  const addTree = (dir: string, relevant: (file: string) => boolean): void => {
    if (watchers.has(dir) || !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return;
    watchFolder(dir, relevant, (sub) => addTree(sub, relevant));
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) addTree(path.join(dir, entry.name), relevant);
  };
  if (isFolder) addTree(location, isSchemaFile);
  // A single file: watch its folder, for the editors that replace the file by a rename.
  else watchFolder(path.dirname(location), (name) => name === path.basename(location));
  return {
    watchFolder(dir) {
      addTree(path.resolve(dir), anyFile);
    },
    async close() {
      for (const w of watchers.values()) w.close();
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

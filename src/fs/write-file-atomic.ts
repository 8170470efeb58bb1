/**
 * Replaces a file's content all at once: the new text goes to a temporary file in the same folder, which is then
 * renamed over the old file. A crash or a full disk leaves either the old file or the new one, never half of one.
 */
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Per process: with the pid, a name no other live writer uses. The suffix only avoids a leftover of a dead process
 * that had the same pid; `wx` (exclusive create) is what guarantees no file is ever clobbered. Not node:crypto,
 * which would cost every command that writes a file ~6 ms to load. */
let written = 0;

export function writeFileAtomic(file: string, content: string): void {
  const unique = `${process.pid}.${(written++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${unique}.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(file).mode & 0o7777;
  } catch {
    // a new file: default permissions
  }
  const fd = openSync(temp, 'wx', mode ?? 0o666);
  try {
    try {
      // The umask may have narrowed the mode given to open; the file keeps exactly the permissions it had.
      if (mode !== undefined) fchmodSync(fd, mode);
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw e;
  }
}

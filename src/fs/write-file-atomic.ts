/**
 * Replaces a file's content all at once: the new text goes to a temporary file in the same folder, which is then
 * renamed over the old file. A crash or a full disk leaves either the old file or the new one, never half of one.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export function writeFileAtomic(file: string, content: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
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

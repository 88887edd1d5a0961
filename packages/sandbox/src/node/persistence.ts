/**
 * The CLI's state file: the sandbox snapshot plus the wall-clock time it was saved, so a restart
 * can let virtual time catch up with the time the server was down. Writes are atomic (a
 * temporary file renamed over the old one), so a crash never leaves half a file. The temporary
 * file has a random name and is created exclusively (`wx`: never an existing file, never through
 * a symlink someone planted), readable by its owner only: the state holds PINs and credentials.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { ForbiddenKeyError, parseJsonSafe } from '@seam-codes/core';
import type { Sandbox } from '../sandbox.js';
import type { SandboxState } from '../state.js';

/** What the state file holds. */
export interface StateFile {
  format: 'seam-sandbox-state';
  /** Wall-clock time of the save, ISO 8601. */
  saved_at: string;
  /** The clock speed when saved (0 = manual). */
  speed: number;
  state: SandboxState;
}

/** Reads a state file; null when it does not exist. Throws a clear error when it is unusable. */
export function readStateFile(path: string): StateFile | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`Cannot read the state file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let parsed: unknown;
  try {
    // Prototype-less, refusing __proto__/constructor/prototype keys, like every other input.
    parsed = parseJsonSafe(text, 'throw');
  } catch (error) {
    throw new Error(
      error instanceof ForbiddenKeyError
        ? `The state file ${path} is refused: ${error.message} Delete it to start from the seeded catalogue.`
        : `The state file ${path} is not valid JSON. Delete it to start from the seeded catalogue.`,
      { cause: error },
    );
  }
  const file = parsed as Partial<StateFile>;
  if (
    file.format !== 'seam-sandbox-state' ||
    typeof file.saved_at !== 'string' ||
    typeof file.speed !== 'number' ||
    file.state?.version !== 1
  ) {
    throw new Error(
      `The file ${path} is not a seam-sandbox state file (or comes from another version). Delete it or pass another --state path.`,
    );
  }
  return file as StateFile;
}

/** Writes the sandbox's state atomically. */
export function writeStateFile(path: string, sandbox: Sandbox, realNow = Date.now()): void {
  const file: StateFile = {
    format: 'seam-sandbox-state',
    saved_at: new Date(realNow).toISOString(),
    speed: sandbox.clock.speed,
    state: sandbox.snapshot(),
  };
  const temporary = `${path}.${randomBytes(12).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    try {
      writeSync(fd, JSON.stringify(file));
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Already renamed or gone: nothing to clean.
    }
    throw error;
  }
}

/**
 * Where virtual time should be after a restart: when the clock was running, it ran on while the
 * server was down (as Seam's would); a manual clock stays where it was.
 */
export function resumeTime(file: StateFile, realNow = Date.now()): number {
  const downFor = Math.max(0, realNow - Date.parse(file.saved_at));
  return file.state.now + downFor * file.speed;
}

/** Saves the state a short while after each change (and on `flush`). */
export class StateSaver {
  readonly #sandbox: Sandbox;
  readonly #path: string;
  readonly #delayMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #stop: () => void;

  constructor(sandbox: Sandbox, path: string, delayMs = 250) {
    this.#sandbox = sandbox;
    this.#path = path;
    this.#delayMs = delayMs;
    this.#stop = sandbox.onChange(() => this.#schedule());
  }

  #schedule(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.flush();
    }, this.#delayMs);
  }

  /** Writes now. */
  flush(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    writeStateFile(this.#path, this.#sandbox);
  }

  /** Writes a last time and stops listening. */
  close(): void {
    this.#stop();
    this.flush();
  }
}

import type { ChildProcess } from 'node:child_process';

/** A running `seam-sandbox serve`. */
export interface SandboxServer {
  readonly child: ChildProcess;
  readonly url: string;
  readonly controlToken: string;
  readonly stop: () => Promise<void>;
}

/** Starts `seam-sandbox serve` on a free loopback port; `args` are extra CLI flags. */
export function startSandboxServer(options?: {
  args?: readonly string[];
  onLine?: (line: string) => void;
}): Promise<SandboxServer>;

/**
 * @seam-codes/sandbox/node: the Node-only faces of the sandbox: the HTTP server, the CLI and
 * the state file.
 */
export { startServer, type SandboxServer, type ServerOptions } from './server.js';
export {
  readStateFile,
  resumeTime,
  StateSaver,
  writeStateFile,
  type StateFile,
} from './persistence.js';
export {
  parseServeArgs,
  runCli,
  serve,
  UsageError,
  type Served,
  type ServeOptions,
} from './cli.js';

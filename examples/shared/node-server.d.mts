import type { Server } from 'node:http';
export declare function exampleServer(options: {
  root: string;
  files?: Record<string, string>;
  render?: () => Promise<string>;
}): Server;
export declare function listen(server: Server): void;

// A web-test-runner plugin that starts `seam-sandbox serve` on a free loopback port the first time
// a test asks for it (GET /__seam-sandbox), answers { url, controlToken }, and stops it when the
// runner stops. Only the HTTP test asks, so other runs never start a server.
import { startSandboxServer } from '../tools/sandbox-process.mjs';

/** The plugin. */
export function sandboxServerPlugin() {
  let running = null;
  return {
    name: 'seam-sandbox-server',
    async serve(context) {
      if (context.path !== '/__seam-sandbox') return undefined;
      // A stopped clock: the test moves it through the control routes.
      running ??= startSandboxServer({ args: ['--speed', '0'] });
      const { url, controlToken } = await running;
      return { body: JSON.stringify({ url, controlToken }), type: 'json' };
    },
    async serverStop() {
      if (running === null) return;
      const server = await running.catch(() => null);
      await server?.stop();
    },
  };
}

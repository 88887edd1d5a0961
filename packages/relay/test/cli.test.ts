import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from '../src/cli-args.js';
import {
  SUBSCRIBER_SECRET,
  WEBHOOK_SECRET,
  accessCodeEvent,
  deliver,
  token,
} from './support/fixtures.js';
import { openSse } from './support/sse-client.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { SEAM_WEBHOOK_SECRET: WEBHOOK_SECRET, RELAY_SUBSCRIBER_SECRET: SUBSCRIBER_SECRET };

describe('parseCliArgs', () => {
  it('reads secrets from the environment and applies the defaults', () => {
    const parsed = parseCliArgs(['serve'], env);
    expect(parsed).toEqual({
      command: 'serve',
      quiet: false,
      warnings: [],
      options: {
        webhookSecret: WEBHOOK_SECRET,
        subscriberSecret: SUBSCRIBER_SECRET,
        port: 8788,
        host: '127.0.0.1',
        allowedOrigins: [],
      },
    });
  });

  it('takes flags, repeated and comma-separated origins, and warns about secrets on the command line', () => {
    const parsed = parseCliArgs(
      [
        'serve',
        '--port=0',
        '--host',
        '0.0.0.0',
        '--webhook-secret',
        WEBHOOK_SECRET,
        '--allow-origin',
        'https://a.example,https://b.example',
        '--allow-origin=https://c.example',
        '--max-subscribers',
        '10',
        '--heartbeat-seconds',
        '20',
        '--quiet',
      ],
      { RELAY_SUBSCRIBER_SECRET: SUBSCRIBER_SECRET },
    );
    expect(parsed).toMatchObject({
      command: 'serve',
      quiet: true,
      options: {
        port: 0,
        host: '0.0.0.0',
        allowedOrigins: ['https://a.example', 'https://b.example', 'https://c.example'],
        maxSubscribers: 10,
        heartbeatIntervalMs: 20_000,
      },
    });
    expect(parsed.command === 'serve' && parsed.warnings[0]).toMatch(/--webhook-secret is visible/);
  });

  it('reads RELAY_ALLOW_ORIGINS', () => {
    const parsed = parseCliArgs(['serve'], {
      ...env,
      RELAY_ALLOW_ORIGINS: 'https://a.example, https://b.example',
    });
    expect(parsed.command === 'serve' && parsed.options.allowedOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });

  it.each([
    [['serve'], {}, /Missing the webhook secret: set SEAM_WEBHOOK_SECRET/],
    [['serve'], { SEAM_WEBHOOK_SECRET: WEBHOOK_SECRET }, /set RELAY_SUBSCRIBER_SECRET/],
    [
      ['serve', '--port', '99999'],
      env,
      /--port must be a whole number from 0 to 65535; got "99999"/,
    ],
    [['serve', '--port', 'http'], env, /--port must be a whole number/],
    [['serve', '--max-body-bytes', '0'], env, /--max-body-bytes must be a whole number from 1/],
    [['serve', '--frobnicate'], env, /Unknown option '--frobnicate'/],
    [['start'], env, /the only command is "serve"/],
  ])('refuses %j', (argv, environment, message) => {
    expect(() => parseCliArgs(argv, environment)).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv, environment)).toThrow(message);
  });

  it('shows help with no command or --help', () => {
    expect(parseCliArgs([], {})).toEqual({ command: 'help' });
    expect(parseCliArgs(['serve', '--help'], {})).toEqual({ command: 'help' });
  });
});

describe('dist/cli.js', () => {
  beforeAll(() => {
    // Run the package's own build script, with the workspace root's esbuild on PATH as pnpm does.
    const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
      scripts: { build: string };
    };
    const bins = [
      join(packageDir, 'node_modules', '.bin'),
      join(packageDir, '..', '..', 'node_modules', '.bin'),
    ];
    execFileSync('sh', ['-c', pkg.scripts.build], {
      cwd: packageDir,
      env: { ...process.env, PATH: [...bins, process.env.PATH].join(delimiter) },
      stdio: 'pipe',
    });
  }, 60_000);

  it('starts, prints its URL, relays a webhook, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['dist/cli.js', 'serve', '--port', '0'], {
      cwd: packageDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no URL printed; stderr: ${stderr}`)),
          10_000,
        );
        child.stdout.on('data', () => {
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        void exited.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)));
      });

      const subscriberToken = token(['code_1']);
      const stream = await openSse(`${url}/events?token=${subscriberToken}`);
      expect(stream.status).toBe(200);
      const event = accessCodeEvent({ access_code_id: 'code_1' });
      expect((await deliver(url, event)).status).toBe(200);
      expect((await stream.nextEvent()).id).toBe(event.event_id);
      const health = (await (await fetch(`${url}/health`)).json()) as { subscribers: number };
      expect(health.subscribers).toBe(1);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await stream.ended;
      expect(stdout).toContain('seam-relay stopped');
      expect(stderr).toContain('SIGTERM, closing streams');
      // Requests are logged by path only: the token in the query string never reaches the log.
      expect(stderr).toContain('POST /webhooks/seam 200');
      expect(stderr).not.toContain(subscriberToken.split('.')[1]);
      expect(stderr).not.toContain('token=');
      stream.close();
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('exits with 2 and says what is missing when a secret is not set', () => {
    let failure: { status: number; stderr: Buffer } | undefined;
    try {
      execFileSync(process.execPath, ['dist/cli.js', 'serve'], {
        cwd: packageDir,
        env: { PATH: process.env.PATH },
        stdio: 'pipe',
      });
    } catch (error) {
      failure = error as { status: number; stderr: Buffer };
    }
    expect(failure?.status).toBe(2);
    expect(failure?.stderr.toString()).toContain('set SEAM_WEBHOOK_SECRET');
  });
});

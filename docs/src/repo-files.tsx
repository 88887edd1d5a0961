/**
 * Files of other packages shown in the guides as they are in the repository at build time: the
 * examples (packages' integration code that builds in CI), the relay's README, the extension's
 * README and the screenshots its end-to-end tests take. When a file is not there yet, the page
 * says so instead of showing a copy that would drift.
 */
import { Markdown, Source } from '@storybook/addon-docs/blocks';
import type { ReactNode } from 'react';

const examples = import.meta.glob<string>(
  [
    '../../examples/**/*.{html,ts,tsx,js,mjs,mts,vue,json}',
    '!**/*.d.mts',
    '!**/node_modules/**',
    '!**/dist/**',
    '!**/.next/**',
  ],
  { query: '?raw', import: 'default', eager: true },
);
const relayReadme = import.meta.glob<string>('../../packages/relay/README.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const extensionReadme = import.meta.glob<string>('../../packages/extension/README.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const extensionShots = import.meta.glob<string>('../../packages/extension/docs/**/*.png', {
  query: '?url',
  import: 'default',
  eager: true,
});

// The languages Storybook's highlighter knows (its `SupportedLanguage`).
type Language = 'html' | 'typescript' | 'tsx' | 'jsx' | 'json' | 'text';
const LANGUAGES: Readonly<Record<string, Language>> = {
  html: 'html',
  vue: 'html',
  ts: 'typescript',
  tsx: 'tsx',
  js: 'jsx',
  mjs: 'jsx',
  json: 'json',
};
const languageOf = (path: string): Language => LANGUAGES[path.split('.').pop() ?? ''] ?? 'text';

const repoPath = (path: string) => path.replace(/^(\.\.\/)+/, '');

/** Every file of `examples/<name>/` (package.json, sources), or a note that it is not there. */
export function Example({ name }: { name: string }): ReactNode {
  const files = Object.entries(examples).filter(([path]) =>
    repoPath(path).startsWith(`examples/${name}/`),
  );
  if (files.length === 0) {
    return (
      <p>
        <em>
          <code>examples/{name}/</code> is not in this build of the repository yet: the guide below
          is written from the package's public API. When the example lands, its code appears here as
          it builds in CI.
        </em>
      </p>
    );
  }
  return (
    <>
      {files.map(([path, text]) => (
        <div key={path}>
          <p>
            <code>{repoPath(path)}</code>
          </p>
          <Source code={text} language={languageOf(path)} />
        </div>
      ))}
    </>
  );
}

function readme(files: Record<string, string>, what: string): ReactNode {
  const text = Object.values(files)[0];
  if (text === undefined) {
    return (
      <p>
        <em>{what} is not in this build of the repository yet.</em>
      </p>
    );
  }
  return <Markdown>{text}</Markdown>;
}

export const RelayReadme = (): ReactNode => readme(relayReadme, 'packages/relay/README.md');
export const ExtensionReadme = (): ReactNode =>
  readme(extensionReadme, 'The extension (packages/extension/README.md)');

export function ExtensionScreenshots(): ReactNode {
  const shots = Object.entries(extensionShots);
  if (shots.length === 0) {
    return (
      <p>
        <em>
          No screenshots yet: the extension's end-to-end tests write them under{' '}
          <code>packages/extension/docs/</code>, and they appear here on the next build.
        </em>
      </p>
    );
  }
  return (
    <>
      {shots.map(([path, url]) => (
        <figure key={path}>
          <img src={url} alt={`Screenshot: ${repoPath(path)}`} style={{ maxWidth: '100%' }} />
          <figcaption>
            <code>{repoPath(path)}</code>
          </figcaption>
        </figure>
      ))}
    </>
  );
}

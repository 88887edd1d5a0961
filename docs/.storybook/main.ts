import type { StorybookConfig } from '@storybook/web-components-vite';
import remarkGfm from 'remark-gfm';

const config: StorybookConfig = {
  stories: ['../guides/*.mdx', '../stories/*.mdx', '../stories/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  addons: [
    {
      name: '@storybook/addon-docs',
      // GitHub-flavoured Markdown (tables) in the guides and in the READMEs they embed.
      options: { mdxPluginOptions: { mdxCompileOptions: { remarkPlugins: [remarkGfm] } } },
    },
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Docs' },
};
export default config;

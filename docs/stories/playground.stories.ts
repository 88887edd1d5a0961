/** The playground: both elements on any lock, as one page of this site. */
import type { Meta } from '@storybook/web-components-vite';
import { live } from '../src/live.js';
import { playground } from '../src/playground.js';

const meta: Meta = { title: 'Playground' };
export default meta;

export const Playground = live({ render: (world) => playground(world) });

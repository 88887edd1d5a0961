// The browser: hydrates the server's HTML with the same props.
import { hydrateRoot } from 'react-dom/client';
import { Page } from './app/page.js';
import type { CreatorProps } from './app/code-creator.js';

const props = JSON.parse(document.getElementById('props')!.textContent!) as CreatorProps;
hydrateRoot(document.getElementById('root')!, <Page {...props} />);

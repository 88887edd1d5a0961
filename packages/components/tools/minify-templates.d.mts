import type { Plugin } from 'vite';

/** CSS text without comments and without the whitespace its syntax ignores. */
export function minifyCssText(text: string): string;
/** HTML text with each run of whitespace that spans lines shortened to one space. */
export function minifyHtmlText(text: string): string;
/** The source with the static text of every `css` and `html` tagged template minified. */
export function minifyTemplates(source: string, fileName?: string): string;
/** The Vite plugin: minifies the templates of this package's TypeScript sources. */
export function minifyTemplatesPlugin(): Plugin;

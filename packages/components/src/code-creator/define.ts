/**
 * Registers `<seam-code-creator>`. The `<seam-code-status>` it shows after creating a code is
 * loaded and defined then, from its own module. Import this module where the element should
 * exist; a second import, or another define of the same class, is harmless.
 */
import { defineElement } from '../internal/define-element.js';
import { SeamCodeCreator } from './code-creator.js';

defineElement('seam-code-creator', SeamCodeCreator);

export { SeamCodeCreator };

/**
 * Registers `<seam-code-creator>` (and `<seam-code-status>`, which it shows after creating a
 * code). Import this module where the element should exist; a second import, or another define of
 * the same class, is harmless.
 */
import { defineElement } from '../internal/define-element.js';
import { SeamCodeStatus } from '../code-status/code-status.js';
import { SeamCodeCreator } from './code-creator.js';

defineElement('seam-code-status', SeamCodeStatus);
defineElement('seam-code-creator', SeamCodeCreator);

export { SeamCodeCreator };

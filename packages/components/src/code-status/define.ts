/**
 * Registers `<seam-code-status>`. Import this module where the element should exist; a second
 * import, or another define of the same class, is harmless.
 */
import { defineElement } from '../internal/define-element.js';
import { SeamCodeStatus } from './code-status.js';

defineElement('seam-code-status', SeamCodeStatus);

export { SeamCodeStatus };

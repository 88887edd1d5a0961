/**
 * Registers both elements, `<seam-code-creator>` and `<seam-code-status>`. A second import (or a
 * bundle that defines them too) is harmless.
 */
import './code-status/define.js';
import './code-creator/define.js';

export { SeamCodeCreator } from './code-creator/code-creator.js';
export { SeamCodeStatus } from './code-status/code-status.js';

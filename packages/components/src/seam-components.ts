/**
 * The entry of `dist/seam-components.js`: everything in one ES module that also registers both
 * elements, for a plain HTML page:
 *
 * ```html
 * <script type="module" src="seam-components.js"></script>
 * <seam-code-creator client-session-token="seam_cst…" device-id="…"></seam-code-creator>
 * ```
 */
import './define.js';

export * from './index.js';
export { SeamClient } from '@seam-codes/core';

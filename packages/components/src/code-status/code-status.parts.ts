/**
 * The `::part` names of `<seam-code-status>` (its `@csspart` tags; a test keeps the two lists
 * equal), and the `exportparts` value that an element showing a status passes on, so that a page
 * styles that status as `seam-code-creator::part(status-phase)`.
 */
export const STATUS_PARTS = [
  'base',
  'header',
  'phase',
  'detail',
  'window',
  'pin',
  'issues',
  'issue',
  'flags',
  'timeline',
  'actions',
  'button',
  'confirm',
  'backup',
  'error',
] as const;

/** `base: status-base, header: status-header, …` */
export const STATUS_EXPORTPARTS = STATUS_PARTS.map((part) => `${part}: status-${part}`).join(', ');

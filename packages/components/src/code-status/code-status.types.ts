/** How `<seam-code-status>` learns about changes to the code. */
export const VERIFICATION_MODES = ['auto', 'poll', 'events', 'push'] as const;
/**
 * `auto`: the verifier's best sources (events with polling as a safety net); `poll`: fetch the
 * code on an adaptive interval; `events`: follow Seam's events list; `push`: a relay streams
 * Seam's webhooks (needs `relay-url` and `relay-token`), with polling as a safety net.
 */
export type VerificationMode = (typeof VERIFICATION_MODES)[number];

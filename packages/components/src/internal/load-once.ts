/**
 * A load that runs once and is shared by every caller; a failed one is forgotten, so the next
 * call tries again (offline for a moment, a deploy that replaced a chunk). Chromium fetches a
 * failed dynamic import again, so this is all a retry needs.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

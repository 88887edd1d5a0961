// `POST /api/seam/client-session`: a route handler, for a page that needs a new token (after
// `seam-session-expired`).
export { POST } from '../../../../../shared/client-session.mjs';

// Core's create-and-confirm steps, in a chunk of their own: fetched when the user submits, not
// with the form.
export { createAccessCode, createAccessCodes } from '@seam-codes/core';

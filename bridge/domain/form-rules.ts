/**
 * What every form rule of the bridge shares: the errors a form answers with (field → message), and the characters no
 * one-line value may hold.
 */
export type FieldErrors = { [field: string]: string }

export const CONTROL_CHARS = /[\u0000-\u001f\u007f]/ // eslint-disable-line no-control-regex

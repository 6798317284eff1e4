/**
 * What every form rule of the bridge shares: the errors a form answers with (field → message), and the characters no
 * one-line value may hold.
 */
export type FieldErrors = { [field: string]: string }

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const CONTROL_CHARS = /[\u0000-\u001f\u007f]/ // eslint-disable-line no-control-regex

/** The control characters no multi-line value may hold: all but the tab and the line feed. */
export const MULTILINE_CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/ // eslint-disable-line no-control-regex

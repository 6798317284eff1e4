export const helper = (x: unknown): string => `got ${String(x)}`

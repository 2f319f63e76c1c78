/** A JSON object (not null, not an array): what a webhook field must be before its own fields are read. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A date as an ISO 8601 string, for answers (the response schemas say `format: date-time`). */
export const iso = (date: Date): string => date.toISOString();

/** A nullable date as an ISO 8601 string or `null`. */
export const isoOrNull = (date: Date | null): string | null => (date === null ? null : date.toISOString());

/**
 * Whether every field `desired` sets has the same value in `live`: the test
 * for "a server-side apply of `desired` would change nothing we own", which
 * lets a resync of unchanged objects make no API writes at all. Fields only
 * `live` has (defaults, status, other managers' fields) do not matter; lists
 * must match element by element. Pure.
 */
export function isSubset(desired: unknown, live: unknown): boolean {
  if (desired === live) return true;
  if (Array.isArray(desired)) {
    return (
      Array.isArray(live) &&
      desired.length === live.length &&
      desired.every((item, i) => isSubset(item, live[i]))
    );
  }
  if (isRecord(desired)) {
    if (!isRecord(live)) return false;
    return Object.entries(desired).every(([key, value]) => value === undefined || isSubset(value, live[key]));
  }
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

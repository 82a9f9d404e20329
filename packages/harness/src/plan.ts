import type { Service } from './service.ts';

/**
 * The services to act on for a request: the named ones plus everything they
 * depend on, in the order of `all` (which lists dependencies first). No names
 * means all of them.
 * @throws Error naming the unknown services.
 */
export function selectServices(all: readonly Service[], names: readonly string[]): Service[] {
  if (names.length === 0) return [...all];
  const byName = new Map(all.map((s) => [s.name, s]));
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length > 0) {
    throw new Error(`unknown service(s): ${unknown.join(', ')}; known: ${all.map((s) => s.name).join(', ')}`);
  }
  const wanted = new Set<string>();
  const visit = (name: string): void => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const dep of byName.get(name)?.dependsOn ?? []) visit(dep);
  };
  names.forEach(visit);
  return all.filter((s) => wanted.has(s.name));
}

/**
 * Values recently passed to each prompt argument, so that `completion/complete` can suggest them
 * (the tenant's templates declare names and descriptions, not value lists). Per runtime process,
 * bounded, and only ever shown back to callers of the same tenant.
 */

/** Most values kept per argument. */
const PER_ARGUMENT = 50;
/** Longest value kept; longer ones are not suggestions anyone wants. */
const MAX_VALUE_LENGTH = 200;

/** Recently used prompt argument values. */
export class ArgumentHistory {
  readonly #values = new Map<string, string[]>();

  /** Remembers the values of one prompt call. */
  remember(prompt: string, args: Readonly<Record<string, string | undefined>>): void {
    for (const [name, value] of Object.entries(args)) {
      if (value === undefined || value === '' || value.length > MAX_VALUE_LENGTH) continue;
      const key = `${prompt}\u0000${name}`;
      const list = (this.#values.get(key) ?? []).filter((v) => v !== value);
      list.unshift(value);
      this.#values.set(key, list.slice(0, PER_ARGUMENT));
    }
  }

  /** Values of `prompt`'s `argument` starting with `prefix` (case-insensitive), most recent first. */
  suggest(prompt: string, argument: string, prefix: string): string[] {
    const lower = prefix.toLowerCase();
    return (this.#values.get(`${prompt}\u0000${argument}`) ?? []).filter((v) =>
      v.toLowerCase().startsWith(lower),
    );
  }
}

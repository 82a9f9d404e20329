// Kubernetes resource quantities ("125m", "256Mi", "2k", "1.5") as plain numbers.

const SUFFIXES: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

/** A quantity as a number (cores, bytes, counts); NaN when it is not one. Pure. */
export function parseQuantity(quantity: string | number | undefined): number {
  if (typeof quantity === 'number') return quantity;
  const match = /^([0-9.]+)([a-zA-Z]*)$/.exec(quantity ?? '');
  const factor = SUFFIXES[match?.[2] ?? 'x'];
  return match && factor !== undefined ? Number(match[1]) * factor : Number.NaN;
}

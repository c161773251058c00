/** A clear error for a bad command-line value; main() prints its message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function numberOption(
  flag: string,
  raw: string | undefined,
  fallback: number,
  limits: { min: number; max: number; integer?: boolean },
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || (limits.integer && !Number.isInteger(value))) {
    throw new UsageError(`${flag} must be ${limits.integer ? 'an integer' : 'a number'}, got '${raw}'.`);
  }
  if (value < limits.min || value > limits.max) {
    throw new UsageError(`${flag} must be between ${limits.min} and ${limits.max}, got ${value}.`);
  }
  return value;
}

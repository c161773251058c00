import { StoreError } from './store';

/**
 * The database URL as it may appear in logs and messages: without its password (in the user
 * part or as a `password` parameter). An unparseable URL is refused without repeating it.
 */
export function describeUrl(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed?.protocol !== 'postgres:' && parsed?.protocol !== 'postgresql:') {
    throw new StoreError(
      'open-failed',
      'The database URL is not a PostgreSQL URL: write it as ' +
        'postgres://user:password@host:5432/database (or postgresql://…).',
    );
  }
  parsed.password = '';
  parsed.searchParams.delete('password');
  return parsed.toString();
}

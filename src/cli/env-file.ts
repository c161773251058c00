import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Loads `.env` from the working directory when present (Node's own parser). Variables already
 * set in the environment win, so a deployment's real settings are never overridden by a file.
 */
export function loadEnvFile(cwd: string = process.cwd()): string | undefined {
  const file = path.join(cwd, '.env');
  if (!existsSync(file)) return undefined;
  process.loadEnvFile(file);
  return file;
}

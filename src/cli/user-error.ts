import { readFileSync } from 'node:fs';

/** An error the user can fix; the CLI prints its message without a stack and exits 2. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** A file the user named, or a UserError that says which file and why it cannot be read. */
export function readUserFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserError(
      `prodops: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
}

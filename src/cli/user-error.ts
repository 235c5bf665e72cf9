/** An error the user can fix; the CLI prints its message without a stack and exits 2. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** Stable error codes of the API (DESIGN.md "one error type"); the HTTP status follows from the code. */
export const ERROR_STATUS = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;

  constructor(code: ErrorCode, message: string, fields?: FieldError[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (why = 'you are not allowed to do this') => new AppError('forbidden', why);
export const invalid = (fields: FieldError[], message = 'the request is not valid') =>
  new AppError(
    'validation_failed',
    `${message}: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`,
    fields,
  );

/** Turns zod-style issue paths into the dotted form used everywhere ("members.2.personId"). */
export function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

import { useCallback, useRef, useState } from 'react';
import type { z } from 'zod';
import { ApiError, type FieldProblem } from '../api-client.ts';

/** What a failed submit shows: a summary message and the problems per field path. */
export interface Problem {
  message: string;
  fields: FieldProblem[];
}

/** Thrown by `validate`: the same shape as the server's 400, found before the round trip. */
export class InvalidInput extends Error {
  readonly fields: FieldProblem[];
  constructor(fields: FieldProblem[]) {
    super('Some fields are not valid.');
    this.fields = fields;
  }
}

/** Checks a body with the API's own schema, so the messages match the server's word for word. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || 'body',
    message: friendlier(issue.message, valueAt(value, issue.path)),
  }));
  // Two checks of one empty field ("must be a date", "is not a real date") both read "is required": say it once.
  const seen = new Set<string>();
  throw new InvalidInput(
    problems.filter((p) => {
      const key = `${p.path}\u0000${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** An empty box gets "is required" rather than the schema's format message or zod's type jargon. */
function friendlier(message: string, value: unknown): string {
  if (message.startsWith('is required')) return message;
  if (value === '' || (typeof value === 'string' && value.trim() === '')) return 'is required';
  if (typeof value === 'number' && Number.isNaN(value)) return 'must be a number';
  return message;
}

export function problemFrom(err: unknown): Problem {
  if (err instanceof InvalidInput) return { message: err.message, fields: err.fields };
  if (err instanceof ApiError) {
    if (err.code === 'forbidden') {
      return { message: `You are not allowed to do this: ${err.message}`, fields: err.fields };
    }
    return { message: err.message, fields: err.fields };
  }
  return { message: err instanceof Error ? err.message : String(err), fields: [] };
}

export interface Submit {
  pending: boolean;
  problem: Problem | null;
  /** Increments on every failed submit, so the summary can take focus again. */
  attempt: number;
  run: (action: () => Promise<void>) => Promise<boolean>;
  clear: () => void;
}

/** One form's submit state: pending flag, the last problem, no double submits. */
export function useSubmit(): Submit {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const busy = useRef(false);
  const run = useCallback(async (action: () => Promise<void>) => {
    if (busy.current) return false;
    busy.current = true;
    setPending(true);
    try {
      await action();
      setProblem(null);
      return true;
    } catch (err) {
      setProblem(problemFrom(err));
      setAttempt((n) => n + 1);
      return false;
    } finally {
      busy.current = false;
      setPending(false);
    }
  }, []);
  const clear = useCallback(() => setProblem(null), []);
  return { pending, problem, attempt, run, clear };
}

/** The fields that changed, for PATCH: sends only what the user touched (some roles may edit only some). */
export function changedFields<T extends object>(before: T, after: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = after[key];
  }
  return out;
}

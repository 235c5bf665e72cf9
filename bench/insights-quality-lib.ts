/** What bench/insights-quality.ts and its per-set part share: tasks, and running both sides on them. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { evaluate, predict, serializeModel, trainClassifier } from '../src/domain/insights/tagger/index.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PYTHON = '/usr/bin/python3';

export interface Task {
  id: string;
  fold: number;
  /** Training items, or null for all of the training folds. */
  n: number | null;
  train: number[];
  test: number[];
}

export interface Outcome {
  macroF1: number;
  predictions: string[];
  trainSeconds: number;
  predictSeconds: number;
}

export async function runSklearn(
  texts: string[],
  labels: string[],
  tasks: Task[],
): Promise<Map<string, Outcome>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'prodops-bench-'));
  try {
    const job = path.join(dir, 'job.json');
    writeFileSync(
      job,
      JSON.stringify({ texts, labels, tasks: tasks.map(({ id, train, test }) => ({ id, train, test })) }),
    );
    const { stdout } = await promisify(execFile)(
      PYTHON,
      [path.join(ROOT, 'bench/sklearn_baseline.py'), job],
      {
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    const { results } = JSON.parse(stdout) as {
      results: { id: string; predictions: string[]; trainSeconds: number; predictSeconds: number }[];
    };
    const byId = new Map(tasks.map((t) => [t.id, t]));
    return new Map(
      results.map((r) => {
        const truth = byId.get(r.id)!.test.map((i) => labels[i]!);
        const macroF1 = evaluate(truth, r.predictions).macroF1;
        const { predictions, trainSeconds, predictSeconds } = r;
        return [r.id, { macroF1, predictions, trainSeconds, predictSeconds }];
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function runOurs(
  texts: string[],
  labels: string[],
  tasks: Task[],
): { outcomes: Map<string, Outcome>; size: number } {
  const outcomes = new Map<string, Outcome>();
  let size = 0;
  for (const task of tasks) {
    const t0 = performance.now();
    const model = trainClassifier(task.train.map((i) => ({ text: texts[i]!, label: labels[i]! })));
    const t1 = performance.now();
    const predictions = task.test.map((i) => predict(model, texts[i]!).label);
    const t2 = performance.now();
    const truth = task.test.map((i) => labels[i]!);
    outcomes.set(task.id, {
      macroF1: evaluate(truth, predictions).macroF1,
      predictions,
      trainSeconds: (t1 - t0) / 1000,
      predictSeconds: (t2 - t1) / 1000,
    });
    if (task.n === null && task.fold === 0) size = serializeModel(model).length;
  }
  return { outcomes, size };
}

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
export const f3 = (x: number) => x.toFixed(3);
export const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
export const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

import type { FieldProblem } from '../../api-client.ts';
import { FieldError, useField } from '../../components/form.tsx';

/** "- a\n\n* b" → ["a", "b"]: one bullet per non-empty line, a typed list marker dropped. */
export const linesToItems = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.replace(/^\s*[-*•]\s+/, '').trim())
    .filter((line) => line !== '');

export const itemsToLines = (items: readonly string[]): string => items.join('\n');

/** The problems at `path` and under it: "content.wins.2" reads "bullet 3: …". */
function messagesAt(path: string, problems: readonly FieldProblem[]): string[] {
  return problems.flatMap((p) => {
    if (p.path === path) return [p.message];
    const index = p.path.startsWith(`${path}.`) ? Number(p.path.slice(path.length + 1)) : Number.NaN;
    return Number.isInteger(index) ? [`bullet ${index + 1}: ${p.message}`] : [];
  });
}

/**
 * One of the template's five bullets as a textarea, one item per line. Problems on the list
 * ("content.wins") or on an item ("content.wins.2") show next to it.
 */
export function BulletsField({
  path,
  label,
  value,
  onChange,
  problems,
}: {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The form's last problems (submit.problem.fields). */
  problems: readonly FieldProblem[];
}) {
  const f = useField(path, label);
  const messages = messagesAt(path, problems);
  const error = messages.length ? messages.join('; ') : null;
  const hintId = `${f.id}-hint`;
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={f.id} className="field-label">
        {label}
      </label>
      <p className="field-hint" id={hintId}>
        One bullet per line; markdown allowed.
      </p>
      <textarea
        id={f.id}
        name={path}
        rows={3}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, error ? f.errorId : null].filter(Boolean).join(' ')}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldError id={f.errorId} error={error} />
    </div>
  );
}

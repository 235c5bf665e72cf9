import { type KeyboardEvent, type ReactNode, useRef } from 'react';
import { AUDIENCE_LABELS } from '../../../domain/roadmap/view.ts';
import { AUDIENCES, type TAudience } from '../../../shared/roadmap.ts';

/** "" = everyone (the whole view); otherwise the audience's own rendering. */
export type AudienceTab = TAudience | '';

const TABS: { key: AudienceTab; label: string }[] = [
  { key: '', label: 'Everyone' },
  ...AUDIENCES.map((a) => ({ key: a, label: a === 'cs' ? 'CS' : AUDIENCE_LABELS[a] })),
];

export const isAudience = (s: string | null): s is TAudience =>
  s !== null && (AUDIENCES as readonly string[]).includes(s);

export const audienceLabel = (a: AudienceTab) => TABS.find((t) => t.key === a)!.label;

const tabId = (key: AudienceTab) => `audience-tab-${key || 'everyone'}`;

/** ARIA tabs (arrow keys, Home, End move and select); the panel is the children. */
export function AudienceTabs({
  value,
  onChange,
  children,
}: {
  value: AudienceTab;
  onChange: (value: AudienceTab) => void;
  children: ReactNode;
}) {
  const list = useRef<HTMLDivElement>(null);
  const select = (i: number) => {
    const t = TABS[(i + TABS.length) % TABS.length]!;
    onChange(t.key);
    list.current?.querySelector<HTMLButtonElement>(`#${tabId(t.key)}`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.key === value);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    select(to);
  };
  return (
    <>
      <div className="tabs" role="tablist" aria-label="Audience" ref={list} onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.key || 'everyone'}
            type="button"
            role="tab"
            id={tabId(t.key)}
            aria-selected={t.key === value}
            aria-controls="audience-panel"
            tabIndex={t.key === value ? 0 : -1}
            className="tab"
            onClick={() => onChange(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="audience-panel" aria-labelledby={tabId(value)} className="tab-panel">
        {children}
      </div>
    </>
  );
}

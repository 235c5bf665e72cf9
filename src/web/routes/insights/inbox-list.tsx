import { useEffect, useRef, useState } from 'react';
import type { TInsightItem, TInsightPatch } from '../../../shared/insights.ts';
import type { TArea } from '../../../shared/org.ts';
import type { InsightFilter } from '../../api-insights.ts';
import { LoadError, Loading } from '../../components/page.tsx';
import { plural } from '../../lib/labels.ts';
import { InsightRow } from './insight-row.tsx';
import { KIND_OPTIONS, type Taxonomy } from './labels.ts';
import { ShortcutLegend } from './shortcut-legend.tsx';
import { confirmPatch, TagPanel } from './tag-panel.tsx';
import { useInbox } from './use-inbox.ts';
import { useTriageKeys } from './use-triage-keys.ts';

/** The list, the selected item's tag panel and the shortcuts that drive both. */
export function InboxList({
  filter,
  tax,
  areas,
  canEdit,
  selectedId,
  onSelect,
  onOpen,
}: {
  filter: InsightFilter;
  tax: Taxonomy;
  areas: readonly TArea[];
  canEdit: boolean;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onOpen: (id: number) => void;
}) {
  const areaName = (id: string | null) => areas.find((a) => a.id === id)?.name ?? null;
  const inbox = useInbox(filter, areaName);
  const rows = inbox.rows ?? [];
  // The selection lives here (a ref too, for keys pressed faster than renders); the URL follows it.
  const [selectedState, setSelectedState] = useState(selectedId);
  const selectedRef = useRef(selectedId);
  const indexIn = (list: readonly TInsightItem[]) =>
    Math.max(
      0,
      list.findIndex((r) => r.id === selectedRef.current),
    );
  const selected = rows.find((r) => r.id === selectedState) ?? rows[0];
  const select = (id: number) => {
    selectedRef.current = id;
    setSelectedState(id);
    onSelect(id);
  };
  const links = useRef(new Map<number, HTMLAnchorElement>());
  const themeRef = useRef<HTMLSelectElement>(null);
  const areaRef = useRef<HTMLSelectElement>(null);
  // Focus follows the keys, not the first render: a page load leaves focus where the browser put it.
  const moved = useRef(false);

  useEffect(() => {
    if (!selected || !moved.current) return;
    moved.current = false;
    const link = links.current.get(selected.id);
    link?.focus({ preventScroll: true });
    link?.closest('li')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  /** The selected row as it is now, pending changes included. */
  const current = () => {
    const list = inbox.latest();
    return list[indexIn(list)];
  };
  const moveBy = (step: number) => {
    const list = inbox.latest();
    const row = list[Math.min(list.length - 1, Math.max(0, indexIn(list) + step))];
    if (!row) return;
    // Same row (the ends of the list): focus it here, the effect above will not run.
    if (row.id === selectedRef.current) {
      links.current.get(row.id)?.focus();
      return;
    }
    moved.current = true;
    select(row.id);
  };
  const correct = (patch: TInsightPatch) => {
    const item = current();
    if (item && canEdit) inbox.correct(item.id, patch);
  };
  const focusSelected = () => {
    const item = current();
    if (item) links.current.get(item.id)?.focus();
  };

  useTriageKeys(
    {
      next: () => moveBy(1),
      previous: () => moveBy(-1),
      open: () => {
        const item = current();
        if (item) onOpen(item.id);
      },
      setKind: (i) => correct({ kind: KIND_OPTIONS[i]!.value }),
      focusTheme: () => themeRef.current?.focus(),
      cycleSeverity: () => {
        const item = current();
        if (!item) return;
        const keys = tax.severities.map((s) => s.key);
        correct({ severity: keys[(keys.indexOf(item.severity) + 1) % keys.length] });
      },
      focusArea: () => areaRef.current?.focus(),
      confirm: () => {
        const item = current();
        if (!item) return;
        correct(confirmPatch(item));
        moveBy(1);
      },
      loadMore: inbox.loadMore,
    },
    canEdit,
  );

  if (inbox.error && !inbox.rows) return <LoadError error={inbox.error} retry={inbox.reload} />;
  if (!inbox.rows) return <Loading what="feedback" />;
  return (
    <div className="triage">
      <section className="triage-list" aria-labelledby="inbox-heading" aria-busy={inbox.loading}>
        <h2 id="inbox-heading">Inbox</h2>
        <p className="result-count">
          {rows.length === 0
            ? 'No feedback matches.'
            : `${plural(rows.length, 'item')} shown${inbox.hasMore ? ', more to load' : ''}.`}
        </p>
        <ol className="insight-list" aria-label="Feedback items">
          {rows.map((item) => (
            <InsightRow
              key={item.id}
              ref={(el) => {
                if (el) links.current.set(item.id, el);
                else links.current.delete(item.id);
              }}
              item={item}
              tax={tax}
              selected={item.id === selected?.id}
              onSelect={() => select(item.id)}
            />
          ))}
        </ol>
        {inbox.hasMore ? (
          <button
            type="button"
            className="button"
            aria-disabled={inbox.loadingMore || undefined}
            onClick={inbox.loadMore}
          >
            {inbox.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        ) : null}
      </section>
      <aside className="triage-side" aria-label="Triage">
        {canEdit && selected ? (
          <TagPanel
            key={selected.id}
            item={selected}
            tax={tax}
            areas={areas}
            themeRef={themeRef}
            areaRef={areaRef}
            onCorrect={correct}
            onDone={focusSelected}
          />
        ) : null}
        {!canEdit ? (
          <p className="muted">Product Ops and PMs correct tags; you can read and send feedback.</p>
        ) : null}
        <p className={inbox.status?.error ? 'field-error' : 'live-status'} role="status" aria-live="polite">
          {inbox.status?.text ?? ''}
        </p>
        <ShortcutLegend editing={canEdit} />
      </aside>
    </div>
  );
}

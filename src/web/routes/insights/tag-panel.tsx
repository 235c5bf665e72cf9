import type { RefObject } from 'react';
import type { TInsightItem, TInsightPatch } from '../../../shared/insights.ts';
import type { TArea } from '../../../shared/org.ts';
import { KIND_OPTIONS, percent, type Taxonomy } from './labels.ts';
import { TagSelect } from './tag-select.tsx';

/** Confirming says every current tag is right: the same values, sent as a correction. */
export const confirmPatch = (item: TInsightItem): TInsightPatch => ({
  kind: item.kind,
  theme: item.theme,
  severity: item.severity,
  areaId: item.areaId,
});

/** The kind as six toggle buttons (keys 1–6). */
function KindButtons({ item, onCorrect }: { item: TInsightItem; onCorrect: (p: TInsightPatch) => void }) {
  const corrected = item.correctedTags.includes('kind');
  return (
    <fieldset className="field kind-buttons">
      <legend className="field-label">Kind</legend>
      <div className="button-row">
        {KIND_OPTIONS.map((k, i) => (
          <button
            key={k.value}
            type="button"
            className="button small kind-toggle"
            aria-pressed={item.kind === k.value}
            onClick={() => onCorrect({ kind: k.value })}
          >
            <span className="key-hint" aria-hidden="true">
              {i + 1}
            </span>{' '}
            {k.label}
          </button>
        ))}
      </div>
      <p className="field-hint">
        {corrected ? 'Set by a person' : `Tagger: ${percent(item.kindConfidence)} sure`}
      </p>
    </fieldset>
  );
}

/** The selected item's tags, each changeable by mouse; the shortcuts act on the same item. */
export function TagPanel({
  item,
  tax,
  areas,
  themeRef,
  areaRef,
  onCorrect,
  onDone,
}: {
  item: TInsightItem;
  tax: Taxonomy;
  areas: readonly TArea[];
  themeRef: RefObject<HTMLSelectElement | null>;
  areaRef: RefObject<HTMLSelectElement | null>;
  onCorrect: (patch: TInsightPatch) => void;
  onDone: () => void;
}) {
  const set = (tag: string) => item.correctedTags.includes(tag);
  return (
    <section className="tag-panel" aria-labelledby="tag-panel-heading">
      <h2 id="tag-panel-heading">Tags of the selected item</h2>
      <p className="tag-panel-title">{item.title || item.body.slice(0, 120)}</p>
      <KindButtons item={item} onCorrect={onCorrect} />
      <TagSelect
        id="tag-theme"
        ref={themeRef}
        label="Theme"
        value={item.theme ?? ''}
        emptyLabel="No theme"
        options={tax.themes.map((t) => ({ value: t.key, label: t.label }))}
        confidence={item.themeConfidence}
        corrected={set('theme')}
        onCommit={(v) => onCorrect({ theme: v || null })}
        onDone={onDone}
      />
      <TagSelect
        id="tag-severity"
        label="Severity"
        value={item.severity}
        options={tax.severities.map((s) => ({ value: s.key, label: s.label }))}
        confidence={item.severityConfidence}
        corrected={set('severity')}
        onCommit={(v) => onCorrect({ severity: v })}
        onDone={onDone}
      />
      <TagSelect
        id="tag-area"
        ref={areaRef}
        label="Area"
        value={item.areaId ?? ''}
        emptyLabel="No area"
        options={areas.map((a) => ({ value: a.id, label: a.name }))}
        confidence={item.areaConfidence}
        corrected={set('area')}
        onCommit={(v) => onCorrect({ areaId: v || null })}
        onDone={onDone}
      />
      <div className="form-actions">
        <button type="button" className="button primary" onClick={() => onCorrect(confirmPatch(item))}>
          Confirm tags
        </button>
        <span className="muted">
          {item.correctedTags.length ? `Reviewed (${item.correctedTags.join(', ')})` : 'Not reviewed yet'}
        </span>
      </div>
    </section>
  );
}

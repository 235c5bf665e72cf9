import { Fragment } from 'react';

/** [keys, what they do, changes tags, joined as a range ("1–6") rather than alternatives ("j or ↓")]. */
const KEYS: [keys: string[], what: string, edits: boolean, range?: boolean][] = [
  [['j', '↓'], 'next item', false],
  [['k', '↑'], 'previous item', false],
  [['Enter'], 'open the item', false],
  [['1', '6'], 'kind: bug, feature request, confusion, complaint, praise, other', true, true],
  [['t'], 'theme picker (↑/↓, then Enter; Esc goes back)', true],
  [['s'], 'next severity', true],
  [['a'], 'area picker (↑/↓, then Enter; Esc goes back)', true],
  [['c'], 'confirm the tags as correct, then the next item', true],
  [['n'], 'load more items', false],
];

/** Always on screen: the shortcuts are the fast way, never the only one. */
export function ShortcutLegend({ editing }: { editing: boolean }) {
  return (
    <section className="shortcut-legend" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      <dl>
        {KEYS.filter(([, , edits]) => editing || !edits).map(([keys, what, , range]) => (
          <div key={what} className="legend-row">
            <dt>
              {keys.map((k, i) => (
                <Fragment key={k}>
                  {i > 0 ? (range ? '–' : ' or ') : null}
                  <kbd>{k}</kbd>
                </Fragment>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

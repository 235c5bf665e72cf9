import type { TSettings } from '../../../shared/settings.ts';
import { SECTION_OPTIONS, SIGN_OFF_OPTIONS, TIERS } from './settings-meta.ts';

const labelsOf = (options: readonly { value: string; label: string }[], values: readonly string[]) =>
  values.map((v) => options.find((o) => o.value === v)?.label ?? v);

/** What the release gate asks of each tier: bundle sections written, readiness sign-offs given. */
export function TierRequirementsView({ tiers }: { tiers: TSettings['tiers'] }) {
  return (
    <section aria-labelledby="sv-gate" className="panel">
      <h3 id="sv-gate">What the release gate requires</h3>
      <dl className="details">
        {TIERS.map((t) => {
          const r = tiers[t.key];
          const sections = labelsOf(SECTION_OPTIONS, r.requiredSections);
          const signOffs = labelsOf(SIGN_OFF_OPTIONS, r.signOffs);
          if (r.trainingSession) signOffs.push('Training session held');
          return (
            <div key={t.key} className="details-row">
              <dt>{t.label}</dt>
              <dd>
                {sections.length === SECTION_OPTIONS.length
                  ? 'All nine bundle sections'
                  : sections.length
                    ? `Bundle sections: ${sections.join(', ')}`
                    : 'No bundle sections'}
                <span className="cell-note">
                  {signOffs.length ? `Sign-offs: ${signOffs.join(', ')}` : 'No sign-offs'}
                </span>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

/** The org's tier table: which attribute implies which tier. */
export function ReleaseAttributesView({ attributes }: { attributes: TSettings['releaseAttributes'] }) {
  return (
    <section aria-labelledby="sv-attributes" className="panel">
      <h3 id="sv-attributes">Release attributes</h3>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Release attributes and the tier each implies</caption>
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              <th scope="col">Key</th>
              <th scope="col">Implies</th>
            </tr>
          </thead>
          <tbody>
            {attributes.map((a) => (
              <tr key={a.key}>
                <th scope="row">{a.label}</th>
                <td className="mono">{a.key}</td>
                <td>Tier {a.tier}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

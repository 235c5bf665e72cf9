import type { TArea } from '../../../shared/org.ts';
import type { TSettings } from '../../../shared/settings.ts';

type Labelled = TSettings['insights']['segments'];

const labels = (xs: Labelled) => (xs.length ? xs.map((x) => x.label).join(', ') : 'none');

/** The insights taxonomy as a reader sees it: themes and their words, the tag lists, area words. */
export function InsightsView({
  insights: t,
  areas,
}: {
  insights: TSettings['insights'];
  areas: readonly Pick<TArea, 'slug' | 'name'>[];
}) {
  const areaName = (slug: string) => areas.find((a) => a.slug === slug)?.name ?? slug;
  const areaWords = Object.entries(t.areaKeywords).filter(([, words]) => words.length > 0);
  return (
    <section aria-labelledby="sv-insights" className="panel wide">
      <h3 id="sv-insights">Insights taxonomy</h3>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Insight themes and the keywords that suggest each</caption>
          <thead>
            <tr>
              <th scope="col">Theme</th>
              <th scope="col">Key</th>
              <th scope="col">Keywords</th>
            </tr>
          </thead>
          <tbody>
            {t.themes.map((theme) => (
              <tr key={theme.key}>
                <th scope="row">{theme.label}</th>
                <td className="mono">{theme.key}</td>
                <td>{theme.keywords.length ? theme.keywords.join(', ') : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="details">
        <dt>Segments</dt>
        <dd>{labels(t.segments)}</dd>
        <dt>Severities (least → most severe)</dt>
        <dd>{t.severities.map((x) => x.label).join(' → ')}</dd>
        <dt>Evidence types</dt>
        <dd>{labels(t.evidenceTypes)}</dd>
        <dt>Sources</dt>
        <dd>{labels(t.sources)}</dd>
        <dt>Area keywords</dt>
        <dd>
          {areaWords.length === 0 ? (
            'none'
          ) : (
            <ul className="plain">
              {areaWords.map(([slug, words]) => (
                <li key={slug}>
                  {areaName(slug)}: {words.join(', ')}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Themes routed in the weekly triage</dt>
        <dd>top {t.triageThemes}</dd>
        <dt>Themes shown in the monthly digest</dt>
        <dd>top {t.digestThemes}</dd>
      </dl>
    </section>
  );
}

import { MONTH_NAMES } from '../../../shared/calendar.ts';
import type { TArea } from '../../../shared/org.ts';
import type { TSettings } from '../../../shared/settings.ts';
import { plural, weekdayName } from '../../lib/labels.ts';
import { InsightsView } from './insights-view.tsx';
import { ReleaseAttributesView, TierRequirementsView } from './release-rules-view.tsx';
import {
  AUDIENCE_LABELS,
  BUNDLE_LABELS,
  POD_TARGET_FIELDS,
  READINESS_LABELS,
  THRESHOLD_FIELDS,
  TIERS,
} from './settings-meta.ts';
import { SsoView } from './sso-fields.tsx';

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

/** The org settings as a reader sees them. */
export function SettingsView({
  settings: s,
  secretSet,
  areas,
}: {
  settings: TSettings;
  secretSet: boolean;
  areas: readonly Pick<TArea, 'slug' | 'name'>[];
}) {
  const { deadlines: d } = s;
  return (
    <div className="settings-view">
      <section aria-labelledby="sv-general" className="panel">
        <h3 id="sv-general">Org and calendar</h3>
        <dl className="details">
          <dt>Org name</dt>
          <dd>{s.orgName}</dd>
          <dt>Time zone</dt>
          <dd>{s.timeZone}</dd>
          <dt>Work week</dt>
          <dd>
            {[...s.workWeek]
              .sort((a, b) => a - b)
              .map(weekdayName)
              .join(', ')}
          </dd>
          <dt>Holidays</dt>
          <dd>
            {s.holidays.length === 0 ? (
              'none'
            ) : (
              <ul className="plain">
                {[...s.holidays]
                  .sort((a, b) => a.date.localeCompare(b.date))
                  .map((h) => (
                    <li key={`${h.date}-${h.name}`}>
                      <time dateTime={h.date}>{h.date}</time> {h.name}
                    </li>
                  ))}
              </ul>
            )}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="sv-deadlines" className="panel">
        <h3 id="sv-deadlines">Deadlines</h3>
        <dl className="details">
          <dt>Weekly update due</dt>
          <dd>
            {weekdayName(d.weeklyUpdateDue.weekday)} {d.weeklyUpdateDue.time}
          </dd>
          <dt>Weekly update published</dt>
          <dd>
            {weekdayName(d.weeklyUpdatePublish.weekday)} {d.weeklyUpdatePublish.time}
          </dd>
          <dt>Reminders to PMs who have not submitted</dt>
          <dd>
            {d.weeklyUpdateReminderMinutes.length
              ? `${d.weeklyUpdateReminderMinutes
                  .map((m) => (m % 60 === 0 ? `${m / 60} h` : `${m} min`))
                  .join(', ')} before due`
              : 'none'}
          </dd>
          <dt>Roadmap view republished within</dt>
          <dd>{plural(d.roadmapViewRepublishHours, 'hour')} of the review</dd>
          <dt>Roadmap quarters</dt>
          <dd>
            {s.roadmap.fiscalYearStartMonth === 1
              ? 'Calendar quarters'
              : `Fiscal year from ${MONTH_NAMES[s.roadmap.fiscalYearStartMonth - 1]}`}
          </dd>
          <dt>Roadmap subscribers hear of moves beyond</dt>
          <dd>{plural(s.roadmap.moveToleranceDays, 'day')} (unless they chose otherwise)</dd>
          <dt>Release owners warned before a bundle deadline</dt>
          <dd>
            {d.releaseWarningBusinessDays.length
              ? `${d.releaseWarningBusinessDays.join(', ')} business days before`
              : 'never'}
          </dd>
          <dt>Launch Readiness Check time</dt>
          <dd>{d.readinessCheckTime}</dd>
        </dl>
      </section>
      <section aria-labelledby="sv-thresholds" className="panel">
        <h3 id="sv-thresholds">Thresholds and targets</h3>
        <dl className="details">
          {THRESHOLD_FIELDS.map((f) => (
            <div key={f.key} className="details-row">
              <dt>{f.label}</dt>
              <dd>
                {s.thresholds[f.key]} {f.unit}
              </dd>
            </div>
          ))}
          <div className="details-row">
            <dt>Metrics baseline from</dt>
            <dd>{s.thresholds.metricsBaselineFrom ?? 'The first weeks of use'}</dd>
          </div>
          <div className="details-row">
            <dt>Sources that are support tickets</dt>
            <dd>{s.thresholds.supportSources.join(', ')}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="sv-tiers" className="panel wide">
        <h3 id="sv-tiers">Release tiers</h3>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Tier</th>
                <th scope="col">Bundle</th>
                <th scope="col">Distributed</th>
                <th scope="col">Published</th>
                <th scope="col">Announced to</th>
                <th scope="col">Readiness</th>
                <th scope="col">Training</th>
                <th scope="col">Post-launch capture</th>
              </tr>
            </thead>
            <tbody>
              {TIERS.map((t) => {
                const r = s.tiers[t.key];
                return (
                  <tr key={t.key}>
                    <th scope="row">{t.label}</th>
                    <td>{BUNDLE_LABELS[r.bundle]}</td>
                    <td>
                      {r.bundle === 'none'
                        ? '—'
                        : `≥ ${plural(r.distributeBusinessDays, 'business day')} before`}
                    </td>
                    <td>
                      {r.bundle === 'none'
                        ? '—'
                        : `≥ ${plural(r.publishBusinessDays, 'business day')} before`}
                    </td>
                    <td>
                      {r.announceTo.length ? r.announceTo.map((a) => AUDIENCE_LABELS[a]).join(', ') : '—'}
                    </td>
                    <td>{READINESS_LABELS[r.readinessCheck]}</td>
                    <td>{yesNo(r.trainingSession)}</td>
                    <td>{yesNo(r.postLaunchCapture)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <TierRequirementsView tiers={s.tiers} />
      <ReleaseAttributesView attributes={s.releaseAttributes} />
      <InsightsView insights={s.insights} areas={areas} />
      <SsoView oidc={s.sso.oidc} secretSet={secretSet} />
      <section aria-labelledby="sv-pods" className="panel">
        <h3 id="sv-pods">Pod targets (3-1-1)</h3>
        <dl className="details">
          {POD_TARGET_FIELDS.map((f) => (
            <div key={f.key} className="details-row">
              <dt>{f.label}</dt>
              <dd>{s.pods[f.key]}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}

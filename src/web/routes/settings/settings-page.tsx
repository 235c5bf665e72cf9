import { useEffect, useRef, useState } from 'react';
import type { TArea, TRaci } from '../../../shared/org.ts';
import type { TSettingsReply } from '../../../shared/settings.ts';
import { api } from '../../api-client.ts';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import { useSession } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { RaciEditor, RaciTable } from './raci.tsx';
import { SettingsForm } from './settings-form.tsx';
import { SettingsTabs } from './settings-tabs.tsx';
import { SettingsView } from './settings-view.tsx';
import './settings.css';
import '../insights/insights.css';

type Editing = 'settings' | 'raci' | null;

export function SettingsPage() {
  const { setOrgName } = useSession();
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState('');
  const data = useLoad<{ settings: TSettingsReply; raci: TRaci; areas: TArea[] }>(
    ['settings', 'page'],
    async (signal) => {
      const [settings, raci, areas] = await Promise.all([
        api.settings.get(signal),
        api.raci.get(signal),
        api.areas.all(signal),
      ]);
      return { settings, raci, areas };
    },
  );
  const editSettingsButton = useRef<HTMLButtonElement>(null);
  const editRaciButton = useRef<HTMLButtonElement>(null);
  const lastEditing = useRef<Editing>(null);
  useEffect(() => {
    // Closing an editor returns focus to the button that opened it.
    if (editing === null && lastEditing.current === 'settings') editSettingsButton.current?.focus();
    if (editing === null && lastEditing.current === 'raci') editRaciButton.current?.focus();
    lastEditing.current = editing;
  }, [editing]);

  const open = (which: Editing) => {
    setStatus('');
    setEditing(which);
  };

  return (
    <Page
      title="Settings"
      intro={
        <p>
          How the org runs: calendar, deadlines, thresholds, release tiers, insights taxonomy, pod targets and
          who does what.
        </p>
      }
    >
      <SettingsTabs />
      <LiveStatus>{status}</LiveStatus>
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {!data.data ? (
        data.error ? null : (
          <Loading what="settings" />
        )
      ) : (
        <>
          <section aria-labelledby="org-settings" className="settings-section">
            <div className="section-header">
              <h2 id="org-settings">Org configuration</h2>
              {data.data.settings.permissions.update && editing === null ? (
                <button
                  type="button"
                  className="button"
                  ref={editSettingsButton}
                  onClick={() => open('settings')}
                >
                  Edit settings
                </button>
              ) : null}
            </div>
            {editing === 'settings' ? (
              <SettingsForm
                settings={data.data.settings.settings}
                secretSet={data.data.settings.secrets.oidcClientSecretSet}
                areas={data.data.areas}
                onCancel={() => setEditing(null)}
                onSaved={(reply) => {
                  data.setData({ ...data.data!, settings: reply });
                  setOrgName(reply.settings.orgName);
                  setEditing(null);
                  setStatus('Settings saved.');
                }}
              />
            ) : (
              <SettingsView
                settings={data.data.settings.settings}
                secretSet={data.data.settings.secrets.oidcClientSecretSet}
                areas={data.data.areas}
              />
            )}
          </section>
          <section aria-labelledby="raci-heading" className="settings-section">
            <div className="section-header">
              <h2 id="raci-heading">RACI matrix</h2>
              {data.data.raci.permissions.update && editing === null ? (
                <button type="button" className="button" ref={editRaciButton} onClick={() => open('raci')}>
                  Edit RACI
                </button>
              ) : null}
            </div>
            <p className="section-intro">
              Responsible does the work, Accountable decides, Consulted are asked first, Informed are told.
            </p>
            {editing === 'raci' ? (
              <RaciEditor
                items={data.data.raci.items}
                onCancel={() => setEditing(null)}
                onSaved={(items) => {
                  data.setData({ ...data.data!, raci: { ...data.data!.raci, items } });
                  setEditing(null);
                  setStatus('RACI matrix saved.');
                }}
              />
            ) : (
              <RaciTable items={data.data.raci.items} />
            )}
          </section>
        </>
      )}
    </Page>
  );
}

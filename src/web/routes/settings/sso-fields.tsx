import { FUNCTIONS, ROLE_LABELS, ROLES, type TFunction, type TRole } from '../../../shared/roles.ts';
import type { TOidcSettings } from '../../../shared/sso.ts';
import { CheckboxField, CheckboxGroup, SelectField, TextField } from '../../components/fields.tsx';
import { newRowKey, RowList } from '../../components/row-list.tsx';
import { FUNCTION_LABELS } from '../../lib/labels.ts';

/** The form's copy of the OIDC settings: lists as the text people type, the secret as a new value or nothing. */
export interface OidcValues {
  settings: Omit<TOidcSettings, 'clientSecret' | 'groupRoles'>;
  groupRoles: { key: number; group: string; roles: TRole[] }[];
  scopes: string;
  allowedDomains: string;
  /** A new secret ('' keeps the stored one). */
  newSecret: string;
  clearSecret: boolean;
}

const words = (s: string) => s.split(/[\s,]+/).filter(Boolean);
const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export const toOidcValues = (o: TOidcSettings): OidcValues => ({
  settings: o,
  groupRoles: o.groupRoles.map((g) => ({ key: newRowKey(), ...g })),
  scopes: o.scopes.join(' '),
  allowedDomains: o.allowedDomains.join(', '),
  newSecret: '',
  clearSecret: false,
});

/** The settings to save; the secret only when it changes (omitted: the stored one is kept). */
export function fromOidcValues(v: OidcValues): TOidcSettings {
  const settings = v.settings;
  return {
    ...settings,
    displayName: settings.displayName?.trim() || null,
    issuer: settings.issuer?.trim() || null,
    clientId: settings.clientId?.trim() || null,
    scopes: words(v.scopes),
    allowedDomains: words(v.allowedDomains),
    groupRoles: v.groupRoles.map(({ group, roles }) => ({ group, roles })),
    ...(v.clearSecret ? { clientSecret: null } : v.newSecret ? { clientSecret: v.newSecret } : {}),
  };
}

/** Issue 18: OpenID Connect single sign-on (the redirect URI to register is in the hint). */
export function SsoFields({
  value,
  secretSet,
  onChange,
}: {
  value: OidcValues;
  secretSet: boolean;
  onChange: (v: OidcValues) => void;
}) {
  const s = value.settings;
  const set = (patch: Partial<OidcValues['settings']>) =>
    onChange({ ...value, settings: { ...s, ...patch } });
  return (
    <fieldset className="section">
      <legend>Single sign-on (OIDC)</legend>
      <p className="field-hint">
        Register this redirect URI at your identity provider: {window.location.origin}
        /api/v1/auth/oidc/callback
      </p>
      <CheckboxField
        path="sso.oidc.enabled"
        label="Offer single sign-on"
        checked={s.enabled}
        onChange={(enabled) => set({ enabled })}
      />
      <div className="form-grid">
        <TextField
          path="sso.oidc.displayName"
          label="Button name"
          hint="“Sign in with …”; empty: single sign-on."
          value={s.displayName ?? ''}
          onChange={(displayName) => set({ displayName })}
        />
        <TextField
          path="sso.oidc.issuer"
          label="Issuer URL"
          type="url"
          value={s.issuer ?? ''}
          onChange={(issuer) => set({ issuer })}
        />
        <TextField
          path="sso.oidc.clientId"
          label="Client ID"
          value={s.clientId ?? ''}
          onChange={(clientId) => set({ clientId })}
        />
        <TextField
          path="sso.oidc.clientSecret"
          label="Client secret"
          type="password"
          autoComplete="off"
          hint={
            secretSet ? 'Set. Type a new one to replace it.' : 'Not set (a public client uses PKCE only).'
          }
          value={value.newSecret}
          onChange={(newSecret) => onChange({ ...value, newSecret })}
        />
        <TextField
          path="sso.oidc.scopes"
          label="Scopes"
          hint="Separated by spaces; openid is required."
          value={value.scopes}
          onChange={(scopes) => onChange({ ...value, scopes })}
        />
        <TextField
          path="sso.oidc.groupsClaim"
          label="Claim with the groups"
          value={s.groupsClaim}
          onChange={(groupsClaim) => set({ groupsClaim })}
        />
        <TextField
          path="sso.oidc.allowedDomains"
          label="Email domains that may join"
          hint="People of these domains without an account get one at their first sign-in."
          value={value.allowedDomains}
          onChange={(allowedDomains) => onChange({ ...value, allowedDomains })}
        />
        <SelectField
          path="sso.oidc.defaultFunction"
          label="New people's function"
          value={s.defaultFunction}
          options={FUNCTIONS.map((f) => ({ value: f, label: FUNCTION_LABELS[f] }))}
          onChange={(f) => set({ defaultFunction: f as TFunction })}
        />
      </div>
      {secretSet ? (
        <CheckboxField
          path="sso.oidc.clearSecret"
          label="Remove the stored client secret"
          checked={value.clearSecret}
          onChange={(clearSecret) => onChange({ ...value, clearSecret })}
        />
      ) : null}
      <CheckboxGroup
        path="sso.oidc.defaultRoles"
        legend="Roles of new people (and of anyone no group maps)"
        options={roleOptions}
        values={s.defaultRoles}
        onChange={(defaultRoles) => set({ defaultRoles })}
      />
      <fieldset className="rows-editor">
        <legend>Roles by group</legend>
        <p className="field-hint">When any is set, people's roles follow their groups at every sign-in.</p>
        <RowList
          rows={value.groupRoles}
          onChange={(groupRoles) => onChange({ ...value, groupRoles })}
          rowKey={(r) => r.key}
          noun="group"
          blank={() => ({ key: newRowKey(), group: '', roles: [] })}
        >
          {(row, i, update) => (
            <>
              <TextField
                path={`sso.oidc.groupRoles.${i}.group`}
                label={`Group ${i + 1}`}
                hideLabel
                placeholder="Group"
                value={row.group}
                onChange={(group) => update({ group })}
              />
              <CheckboxGroup
                path={`sso.oidc.groupRoles.${i}.roles`}
                legend={`Roles of group ${i + 1}`}
                options={roleOptions}
                values={row.roles}
                onChange={(roles) => update({ roles })}
              />
            </>
          )}
        </RowList>
      </fieldset>
      <CheckboxField
        path="sso.oidc.passwordSignIn"
        label="Allow password sign-in"
        checked={s.passwordSignIn}
        onChange={(passwordSignIn) => set({ passwordSignIn })}
      />
    </fieldset>
  );
}

/** The single sign-on settings as a reader sees them (the secret only as set or not). */
export function SsoView({ oidc: o, secretSet }: { oidc: TOidcSettings; secretSet: boolean }) {
  const rolesIn = (roles: readonly TRole[]) => roles.map((r) => ROLE_LABELS[r]).join(', ');
  return (
    <section aria-labelledby="sv-sso" className="panel">
      <h3 id="sv-sso">Single sign-on (OIDC)</h3>
      <dl className="details">
        <dt>Single sign-on</dt>
        <dd>{o.enabled ? `On (“Sign in with ${o.displayName ?? 'single sign-on'}”)` : 'Off'}</dd>
        <dt>Issuer URL</dt>
        <dd>{o.issuer ?? '—'}</dd>
        <dt>Client ID</dt>
        <dd>{o.clientId ?? '—'}</dd>
        <dt>Client secret</dt>
        <dd>{secretSet ? 'Set' : 'Not set'}</dd>
        <dt>Scopes</dt>
        <dd>{o.scopes.join(' ')}</dd>
        <dt>Email domains that may join</dt>
        <dd>{o.allowedDomains.length ? o.allowedDomains.join(', ') : 'none'}</dd>
        <dt>New people</dt>
        <dd>
          {FUNCTION_LABELS[o.defaultFunction]}; {rolesIn(o.defaultRoles)}
        </dd>
        <dt>Roles by group (claim “{o.groupsClaim}”)</dt>
        <dd>
          {o.groupRoles.length === 0 ? (
            'none: roles are managed in prodops'
          ) : (
            <ul className="plain">
              {o.groupRoles.map((g) => (
                <li key={g.group}>
                  {g.group}: {rolesIn(g.roles)}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Password sign-in</dt>
        <dd>{o.passwordSignIn ? 'Allowed' : 'Off (API tokens and the CLI’s admin commands still work)'}</dd>
      </dl>
    </section>
  );
}

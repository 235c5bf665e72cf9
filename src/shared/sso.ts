import { z } from 'zod';
import { ZFunction, ZRole } from './roles.ts';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** HTTPS, or plain HTTP to this machine only (a provider run beside the app, as the tests do). */
export function issuerUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a URL like https://login.example.com';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return 'must be an https:// URL';
}

/** Whether requests to this issuer may go over plain HTTP (only a loopback one, see issuerUrlProblem). */
export const isLoopbackIssuer = (value: string): boolean => new URL(value).protocol === 'http:';

const ZDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'must be a domain like example.com',
  );

const unique = (xs: readonly unknown[]) => new Set(xs).size === xs.length;

/**
 * OpenID Connect single sign-on (issue 18). The client secret is write-only: a save sets it (a string), clears it
 * (null) or keeps it (omitted); it is stored apart from the settings document and never read back.
 */
export const ZOidcSettings = z
  .strictObject({
    enabled: z.boolean(),
    /** What the sign-in button names ("Sign in with Okta"); null: "single sign-on". */
    displayName: z.string().trim().min(1).max(60).nullable(),
    issuer: z
      .string()
      .trim()
      .max(500)
      .nullable()
      .superRefine((v, ctx) => {
        const problem = v ? issuerUrlProblem(v) : null;
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    clientId: z.string().trim().min(1).max(500).nullable(),
    clientSecret: z.string().min(1).max(2000).nullable().optional(),
    scopes: z
      .array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]{1,100}$/, 'must be a scope name without spaces'))
      .min(1)
      .max(30)
      .refine((s) => s.includes('openid'), 'must include openid')
      .refine(unique, 'must not repeat a scope'),
    /** The claim (in the ID token or from the userinfo endpoint) that lists the person's groups. */
    groupsClaim: z.string().trim().min(1).max(100),
    /** Roles each group gives; when any is set, a person's roles follow their groups at every sign-in. */
    groupRoles: z
      .array(z.strictObject({ group: z.string().trim().min(1).max(200), roles: z.array(ZRole).min(1) }))
      .max(100)
      .refine((g) => unique(g.map((x) => x.group)), 'must not repeat a group'),
    /** People unknown to prodops are created at their first sign-in when their email is in one of these. */
    allowedDomains: z.array(ZDomain).max(50).refine(unique, 'must not repeat a domain'),
    /** New people's function, and their roles when no group gives one. */
    defaultFunction: ZFunction,
    defaultRoles: z.array(ZRole).min(1, 'needs at least one role').refine(unique, 'must not repeat a role'),
    /** Off: the web app signs in through the issuer only (API tokens and the CLI's admin commands still work). */
    passwordSignIn: z.boolean(),
  })
  .superRefine((o, ctx) => {
    if (o.enabled && !o.issuer)
      ctx.addIssue({ code: 'custom', path: ['issuer'], message: 'is required while single sign-on is on' });
    if (o.enabled && !o.clientId)
      ctx.addIssue({ code: 'custom', path: ['clientId'], message: 'is required while single sign-on is on' });
    if (!o.passwordSignIn && !o.enabled)
      ctx.addIssue({
        code: 'custom',
        path: ['passwordSignIn'],
        message: 'can be off only while single sign-on is on (nobody could sign in)',
      });
  });
export type TOidcSettings = z.infer<typeof ZOidcSettings>;

export const DEFAULT_OIDC: TOidcSettings = {
  enabled: false,
  displayName: null,
  issuer: null,
  clientId: null,
  scopes: ['openid', 'email', 'profile'],
  groupsClaim: 'groups',
  groupRoles: [],
  allowedDomains: [],
  defaultFunction: 'pm',
  defaultRoles: ['stakeholder'],
  passwordSignIn: true,
};

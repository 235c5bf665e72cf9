import type { Db } from '../../db/client.ts';
import type { TOrgFile, TTrackerFileEntry } from '../../shared/org-file.ts';
import {
  type TGithubConnectionInput,
  TRACKER_KINDS,
  TRACKER_LABELS,
  type TTrackerKind,
  ZGithubConnectionInput,
  ZJiraConnectionInput,
  ZLinearConnectionInput,
} from '../../shared/trackers.ts';
import type { Actor } from '../actor.ts';
import { setTrackerConnection, trackerConnection } from '../trackers/connection.ts';

/** Where the secrets a file names come from: the CLI passes process.env; tests pass their own. */
export type OrgFileEnv = Readonly<Record<string, string | undefined>>;
type Path = (string | number)[];
type Count = (what: string, result: 'created' | 'updated' | 'unchanged') => void;
type Trackers = Partial<Record<TTrackerKind, TTrackerFileEntry>>;

const INPUTS = {
  github: ZGithubConnectionInput,
  jira: ZJiraConnectionInput,
  linear: ZLinearConnectionInput,
} as const;
/** A secret's field in the API and the file field that names its environment variable. */
const SECRET_FIELDS = { token: 'tokenEnv', webhookSecret: 'webhookSecretEnv' } as const;

/**
 * The connection input a file entry means, its secrets read from the environment. Problems name the file's
 * field (tokenEnv for the token) and the variable, never its value.
 */
function inputOf(
  kind: TTrackerKind,
  entry: TTrackerFileEntry,
  env: OrgFileEnv,
): { input: TGithubConnectionInput | null; problems: [Path, string][] } {
  const problems: [Path, string][] = [];
  const raw: Record<string, string> = {};
  for (const key of ['apiUrl', 'bugLabel', 'feedbackLabel'] as const)
    if (entry[key] !== undefined) raw[key] = entry[key];
  for (const [field, envField] of Object.entries(SECRET_FIELDS)) {
    const name = entry[envField];
    if (name === undefined) continue;
    const value = env[name];
    if (value === undefined || value.trim() === '')
      problems.push([['trackers', kind, envField], `the environment variable ${name} is not set`]);
    else raw[field] = value;
  }
  if (problems.length) return { input: null, problems };
  const parsed = INPUTS[kind].safeParse(raw);
  if (parsed.success) return { input: parsed.data, problems };
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    const envField = SECRET_FIELDS[field as keyof typeof SECRET_FIELDS];
    problems.push(
      envField
        ? [['trackers', kind, envField], `${entry[envField]}: ${issue.message}`]
        : [['trackers', kind, field], issue.message],
    );
  }
  return { input: null, problems };
}

const entries = (trackers: Trackers | undefined) =>
  TRACKER_KINDS.flatMap((kind) => (trackers?.[kind] ? [[kind, trackers[kind]] as const] : []));

/** The file's tracker entries checked: their secrets set and valid, a Jira site known (in the file or already). */
export async function checkTrackers(
  db: Db,
  trackers: Trackers | undefined,
  env: OrgFileEnv,
): Promise<[Path, string][]> {
  const out: [Path, string][] = [];
  for (const [kind, entry] of entries(trackers)) {
    out.push(...inputOf(kind, entry, env).problems);
    if (kind === 'jira' && !entry.apiUrl && !(await trackerConnection(db, kind))?.apiUrl)
      out.push([['trackers', kind, 'apiUrl'], 'is required: the Jira site, as https://acme.atlassian.net']);
  }
  return out;
}

/** Each declared connection set when it differs from what is stored (fields left out keep their value). */
export async function applyTrackers(
  tx: Db,
  actor: Actor,
  now: Date,
  doc: TOrgFile,
  env: OrgFileEnv,
  count: Count,
) {
  for (const [kind, entry] of entries(doc.trackers)) {
    const { input } = inputOf(kind, entry, env);
    if (!input) throw new Error(`trackers.${kind} was not checked before applying`);
    const before = await trackerConnection(tx, kind);
    const same =
      before !== null && (Object.keys(input) as (keyof typeof input)[]).every((k) => input[k] === before[k]);
    if (!same) await setTrackerConnection({ db: tx, actor, kind, input, now });
    count(`tracker ${TRACKER_LABELS[kind]}`, before === null ? 'created' : same ? 'unchanged' : 'updated');
  }
}

/** The connections as the file writes them: never a secret (the file names their variables, if anyone adds them). */
export async function exportTrackers(db: Db): Promise<Pick<TOrgFile, 'trackers'>> {
  const trackers: Trackers = {};
  for (const kind of TRACKER_KINDS) {
    const row = await trackerConnection(db, kind);
    if (row)
      trackers[kind] = { apiUrl: row.apiUrl, bugLabel: row.bugLabel, feedbackLabel: row.feedbackLabel };
  }
  return Object.keys(trackers).length ? { trackers } : {};
}

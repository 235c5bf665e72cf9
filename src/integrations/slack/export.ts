import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Reads a Slack workspace export, as Slack's "How to read Slack data exports" describes it: `channels.json` (public
 * channels), `groups.json` (private channels), `mpims.json` (group DMs) and `dms.json` (DMs) list the
 * conversations; `users.json` (`org_users.json` on Enterprise Grid) the members; each conversation has a folder —
 * named after the channel, a DM's after its id — holding one `YYYY-MM-DD.json` per day with activity: an array of
 * messages (`type`, `user`, `text`, `ts`, and optionally `subtype`, `thread_ts`, `user_profile`, `bot_id`…).
 *
 * Messages are read a day file at a time, in conversation order then date order, so memory holds one day of one
 * channel (and the members' names), never the export. Only an unpacked folder is read: no zip reader is among the
 * dependencies, so a .zip is refused with a message saying to unpack it.
 */

/** One message a person wrote. */
export interface SlackExportMessage {
  /** The channel's name (a DM's id), as its folder is named. */
  channel: string;
  /** Slack's id of the message within its channel ("1772460310.000200"): with the channel, a permalink's parts. */
  ts: string;
  postedAt: Date;
  user: string | null;
  /** The member's display name, else their real name, from users.json or the message's own profile. */
  userName: string | null;
  text: string;
  /** A reply's thread (the parent's ts); null for a message in the channel itself, a thread's parent included. */
  threadTs: string | null;
}

export interface SlackExportOptions {
  /** Only these channels (by name), in the export's order. */
  channels?: readonly string[];
}

export class SlackExportError extends Error {
  override name = 'SlackExportError';
}

/**
 * Subtypes that are a person's words: a reply also sent to the channel, a /me message, a file shared with a
 * comment. Every other subtype (channel_join, channel_leave, bot_message, channel_topic, pinned_item, tombstone…)
 * is Slack or an app speaking, and a message without a subtype is a person's unless an app posted it (bot_id).
 */
const PEOPLES_SUBTYPES = new Set(['thread_broadcast', 'me_message', 'file_share']);

const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;

/** The conversation lists, and how each names its folder. */
const CONVERSATION_LISTS: ReadonlyArray<{ file: string; folder: 'name' | 'id' }> = [
  { file: 'channels.json', folder: 'name' },
  { file: 'groups.json', folder: 'name' },
  { file: 'mpims.json', folder: 'name' },
  { file: 'dms.json', folder: 'id' },
];

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

async function readJson(file: string, root: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new SlackExportError(`${path.relative(root, file)} is not valid JSON: ${(err as Error).message}`);
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Display name, else real name, else the handle: what Slack shows beside a message. */
function nameOf(profile: unknown, fallback?: Json): string | null {
  const p = isRecord(profile) ? profile : {};
  return (
    str(p.display_name) ?? str(p.real_name) ?? str(fallback?.real_name) ?? str(p.name) ?? str(fallback?.name)
  );
}

async function readMembers(root: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const file of ['users.json', 'org_users.json']) {
    const full = path.join(root, file);
    if (!(await exists(full))) continue;
    const users = await readJson(full, root);
    if (!Array.isArray(users)) throw new SlackExportError(`${file} is not a list of members`);
    for (const u of users) {
      if (!isRecord(u) || !str(u.id)) continue;
      const name = nameOf(u.profile, u);
      if (name) names.set(u.id as string, name);
    }
  }
  return names;
}

/** A folder name from a conversation list must stay inside the export: no separators, no "." or "..". */
const safeFolder = (name: string) => !/[/\\]/.test(name) && name !== '.' && name !== '..';

async function readConversations(root: string): Promise<string[]> {
  const folders: string[] = [];
  let lists = 0;
  for (const { file, folder } of CONVERSATION_LISTS) {
    const full = path.join(root, file);
    if (!(await exists(full))) continue;
    lists++;
    const list = await readJson(full, root);
    if (!Array.isArray(list)) throw new SlackExportError(`${file} is not a list of conversations`);
    for (const c of list) {
      const name = isRecord(c) ? str(c[folder]) : null;
      if (name && safeFolder(name) && !folders.includes(name)) folders.push(name);
    }
  }
  if (lists === 0) throw new SlackExportError('not a Slack export: there is no channels.json');
  return folders;
}

/** "1772460310.000200" → the instant (Slack's ts is seconds, a dot, microseconds). */
export function slackTsToDate(ts: string): Date | null {
  const m = /^(\d{1,12})(?:\.(\d{1,6}))?$/.exec(ts);
  if (!m) return null;
  return new Date(Number(m[1]) * 1000 + Math.floor(Number((m[2] ?? '').padEnd(6, '0')) / 1000));
}

function toMessage(raw: unknown, channel: string, members: Map<string, string>): SlackExportMessage | null {
  if (!isRecord(raw) || raw.type !== 'message') return null;
  const subtype = str(raw.subtype);
  if (subtype && !PEOPLES_SUBTYPES.has(subtype)) return null;
  if (raw.bot_id !== undefined && raw.bot_id !== null) return null;
  const ts = str(raw.ts);
  const postedAt = ts ? slackTsToDate(ts) : null;
  if (!ts || !postedAt || typeof raw.text !== 'string') return null;
  const user = str(raw.user);
  const threadTs = str(raw.thread_ts);
  return {
    channel,
    ts,
    postedAt,
    user,
    userName: (user && members.get(user)) || nameOf(raw.user_profile),
    text: raw.text,
    threadTs: threadTs && threadTs !== ts ? threadTs : null,
  };
}

/** The people's messages of an unpacked Slack export folder, a day file at a time. */
export async function* readSlackExport(
  exportPath: string,
  options: SlackExportOptions = {},
): AsyncGenerator<SlackExportMessage> {
  const info = await stat(exportPath).catch(() => null);
  if (!info) throw new SlackExportError(`${exportPath} does not exist`);
  if (!info.isDirectory()) {
    throw new SlackExportError(
      /\.zip$/i.test(exportPath)
        ? `${exportPath} is a zip: unpack it and pass the folder (no zip reader is installed)`
        : `${exportPath} is not a folder holding a Slack export`,
    );
  }
  const members = await readMembers(exportPath);
  const wanted = options.channels ? new Set(options.channels) : null;
  for (const channel of await readConversations(exportPath)) {
    if (wanted && !wanted.has(channel)) continue;
    const folder = path.join(exportPath, channel);
    // A channel with no activity in the export's range has no folder.
    const days = await readdir(folder).catch(() => [] as string[]);
    for (const day of days.filter((d) => DAY_FILE.test(d)).sort()) {
      const messages = await readJson(path.join(folder, day), exportPath);
      if (!Array.isArray(messages)) throw new SlackExportError(`${channel}/${day} is not a list of messages`);
      for (const raw of messages) {
        const message = toMessage(raw, channel, members);
        if (message) yield message;
      }
    }
  }
}

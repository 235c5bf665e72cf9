import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import yauzl from 'yauzl';

/**
 * Reads a Slack workspace export, as Slack's "How to read Slack data exports" describes it: `channels.json` (public
 * channels), `groups.json` (private channels), `mpims.json` (group DMs) and `dms.json` (DMs) list the
 * conversations; `users.json` (`org_users.json` on Enterprise Grid) the members; each conversation has a folder —
 * named after the channel, a DM's after its id — holding one `YYYY-MM-DD.json` per day with activity: an array of
 * messages (`type`, `user`, `text`, `ts`, and optionally `subtype`, `thread_ts`, `user_profile`, `bot_id`…).
 *
 * Messages are read a day file at a time, in conversation order then date order, so memory holds one day of one
 * channel (and the members' names), never the export. The export is an unpacked folder or the .zip Slack delivers
 * (read with yauzl: the zip's directory first, then each file streamed when its turn comes; its files may sit under
 * one top folder). A zip is untrusted: names with `..` or an absolute path are skipped (only names the export lists
 * are ever read, and nothing is written to disk), and a file or the whole read past its cap is refused.
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
  /** What messages call the export (default: its path): an upload is "the upload", not a temporary file. */
  name?: string;
  /** A zip's caps, tighter than the defaults (ZIP_LIMITS). */
  limits?: Partial<ZipLimits>;
}

/** What a zip may hold, uncompressed (yauzl checks each file's bytes against the size its directory declares). */
export interface ZipLimits {
  /** One file: a day of one channel, or a list of members or channels. */
  fileBytes: number;
  /** Everything read from the zip. */
  totalBytes: number;
  /** Entries in the zip's directory (each is kept in memory while reading). */
  entries: number;
}

const MB = 1024 * 1024;
export const ZIP_LIMITS: ZipLimits = { fileBytes: 50 * MB, totalBytes: 4096 * MB, entries: 1_000_000 };
/** "50 MB", "1.5 KB", "917 bytes" */
function sizeText(bytes: number): string {
  const [n, unit] =
    bytes >= MB ? [bytes / MB, 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : [bytes, 'bytes'];
  return `${Number(n.toFixed(1))} ${unit}`;
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

/** The files of an export, by their path inside it ("channels.json", "sales/2026-03-02.json"). */
interface ExportSource {
  /** A file's text; null when the export has no such file. */
  read(name: string): Promise<string | null>;
  /** A conversation folder's day files ("2026-03-02.json"), sorted; none without a folder. */
  days(folder: string): Promise<string[]>;
  close(): Promise<void>;
}

async function readJson(source: ExportSource, name: string): Promise<unknown> {
  const text = await source.read(name);
  if (text === null) return undefined;
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new SlackExportError(`${name} is not valid JSON: ${(err as Error).message}`);
  }
}

function folderSource(root: string): ExportSource {
  return {
    read: (name) =>
      readFile(path.join(root, name), 'utf8').catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return null;
        throw err;
      }),
    // Listed when the read gets there: a day file added meanwhile is read too.
    days: async (folder) =>
      (await readdir(path.join(root, folder)).catch(() => [] as string[]))
        .filter((d) => DAY_FILE.test(d))
        .sort(),
    close: async () => {},
  };
}

/**
 * The one folder every file of the zip sits in ("slack-export/channels.json"), when the lists are not at the top;
 * '' otherwise. macOS adds a __MACOSX/ folder of its own, which is never read.
 */
function topFolder(names: readonly string[]): string {
  if (CONVERSATION_LISTS.some((l) => names.includes(l.file))) return '';
  const tops = new Set(names.map((n) => n.split('/')[0]));
  const [top] = tops;
  return tops.size === 1 && names.every((n) => n.includes('/')) ? `${top}/` : '';
}

async function zipSource(file: string, label: string, limits: ZipLimits): Promise<ExportSource> {
  let zip: yauzl.ZipFile;
  try {
    // Names are decoded and checked here (decodeStrings: false), so a bad name skips its entry, not the zip.
    zip = await yauzl.openPromise(file, { autoClose: false, decodeStrings: false, validateEntrySizes: true });
  } catch {
    throw new SlackExportError(`${label} is not a zip file`);
  }
  const entries = new Map<string, yauzl.Entry>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (entries.size >= limits.entries)
        throw new SlackExportError(`${label} holds more than ${limits.entries} files`);
      const name = yauzl.getFileNameLowLevel(
        entry.generalPurposeBitFlag,
        entry.fileNameRaw,
        entry.extraFields,
        false,
      );
      // `..` anywhere, "/etc/…", "C:…": no export names a file so; such an entry is never looked at.
      if (yauzl.validateFileName(name) !== null) continue;
      if (name.endsWith('/') || name.startsWith('__MACOSX/')) continue;
      entries.set(name, entry);
    }
  } catch (err) {
    zip.close();
    if (err instanceof SlackExportError) throw err;
    throw new SlackExportError(`${label} is a damaged zip file (${(err as Error).message})`);
  }
  const prefix = topFolder([...entries.keys()]);
  const days = new Map<string, string[]>();
  for (const name of entries.keys()) {
    const parts = name.startsWith(prefix) ? name.slice(prefix.length).split('/') : [];
    if (parts.length !== 2 || !DAY_FILE.test(parts[1]!)) continue;
    days.set(parts[0]!, [...(days.get(parts[0]!) ?? []), parts[1]!]);
  }
  let total = 0;
  return {
    async read(name) {
      const entry = entries.get(prefix + name);
      if (!entry) return null;
      if (entry.uncompressedSize > limits.fileBytes)
        throw new SlackExportError(
          `${name} is ${sizeText(entry.uncompressedSize)} unpacked, more than the ${sizeText(limits.fileBytes)} a file may be`,
        );
      total += entry.uncompressedSize;
      if (total > limits.totalBytes)
        throw new SlackExportError(`${label} unpacks to more than ${sizeText(limits.totalBytes)}`);
      const chunks: Buffer[] = [];
      try {
        // yauzl fails the stream when the bytes inflated differ from the size the directory declares.
        for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      } catch (err) {
        throw new SlackExportError(`${name} in ${label} cannot be read (${(err as Error).message})`);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    days: async (folder) => [...(days.get(folder) ?? [])].sort(),
    close: async () => zip.close(),
  };
}

/** A folder, or a zip file: a folder that names a zip is unpacked already. */
async function openExport(exportPath: string, options: SlackExportOptions): Promise<ExportSource> {
  const label = options.name ?? exportPath;
  const info = await stat(exportPath).catch(() => null);
  if (!info) throw new SlackExportError(`${label} does not exist`);
  if (info.isDirectory()) return folderSource(exportPath);
  if (!info.isFile()) throw new SlackExportError(`${label} is neither a folder nor a zip file`);
  return zipSource(exportPath, label, { ...ZIP_LIMITS, ...options.limits });
}

/** Display name, else real name, else the handle: what Slack shows beside a message. */
function nameOf(profile: unknown, fallback?: Json): string | null {
  const p = isRecord(profile) ? profile : {};
  return (
    str(p.display_name) ?? str(p.real_name) ?? str(fallback?.real_name) ?? str(p.name) ?? str(fallback?.name)
  );
}

async function readMembers(source: ExportSource): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const file of ['users.json', 'org_users.json']) {
    const users = await readJson(source, file);
    if (users === undefined) continue;
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

async function readConversations(source: ExportSource): Promise<string[]> {
  const folders: string[] = [];
  let lists = 0;
  for (const { file, folder } of CONVERSATION_LISTS) {
    const list = await readJson(source, file);
    if (list === undefined) continue;
    lists++;
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

/** The people's messages of a Slack export (a folder or a .zip), a day file at a time. */
export async function* readSlackExport(
  exportPath: string,
  options: SlackExportOptions = {},
): AsyncGenerator<SlackExportMessage> {
  const source = await openExport(exportPath, options);
  try {
    const members = await readMembers(source);
    const wanted = options.channels ? new Set(options.channels) : null;
    for (const channel of await readConversations(source)) {
      if (wanted && !wanted.has(channel)) continue;
      // A channel with no activity in the export's range has no folder.
      for (const day of await source.days(channel)) {
        const messages = await readJson(source, `${channel}/${day}`);
        if (!Array.isArray(messages))
          throw new SlackExportError(`${channel}/${day} is not a list of messages`);
        for (const raw of messages) {
          const message = toMessage(raw, channel, members);
          if (message) yield message;
        }
      }
    }
  } finally {
    await source.close();
  }
}

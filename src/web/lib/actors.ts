/**
 * Who did something, as a reader says it. The API stores actors as labels: a person's email, "system:<job>" for
 * prodops' own jobs (the demo seeding, defaults, automatic publishing), "cli:<user>@<host>" for the admin CLI,
 * or already a name. People are shown by name (names never emails, issue 17).
 */

const SYSTEM_WORDS: Record<string, string> = {
  demo: 'demo data',
  defaults: 'defaults',
  'auto-publish': 'automatic publishing',
  surveys: 'surveys',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Name by lower-cased email. */
export type PeopleNames = ReadonlyMap<string, string>;

export function actorText(actor: string | null, names: PeopleNames): string {
  if (actor === null) return 'someone';
  if (actor.startsWith('system:')) {
    const job = actor.slice('system:'.length);
    return `prodops (${SYSTEM_WORDS[job] ?? job.replace(/[-_]/g, ' ')})`;
  }
  if (actor.startsWith('cli:')) return `${actor.slice('cli:'.length).split('@')[0]} (command line)`;
  if (!EMAIL.test(actor)) return actor;
  // Someone no longer in the directory (or not loaded yet): the mailbox's name, never the address.
  return names.get(actor.toLowerCase()) ?? actor.split('@')[0]!;
}

import { useEffect, useState } from 'react';
import { api } from '../api-client.ts';
import { actorText, type PeopleNames } from './actors.ts';

let loading: Promise<PeopleNames> | null = null;

/** The directory's names by email, fetched once per page load and shared by every component asking. */
function peopleNames(): Promise<PeopleNames> {
  loading ??= api.people.all().then(
    (people) => new Map(people.map((p) => [p.email.toLowerCase(), p.name])),
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/** `actorText` with the directory's names: a person's name where the API gives their email. */
export function useActorText(): (actor: string | null) => string {
  const [names, setNames] = useState<PeopleNames>(new Map());
  useEffect(() => {
    let live = true;
    peopleNames().then(
      (n) => {
        if (live) setNames(n);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return (actor) => actorText(actor, names);
}

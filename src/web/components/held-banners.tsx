import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { inProductOrg } from '../../shared/role-names.ts';
import { broadcastsApi } from '../api-broadcasts.ts';
import { useLayoutShows } from '../lib/held-broadcasts.ts';
import { useMe } from '../lib/session.tsx';
import { useLoad } from '../lib/use-load.ts';
import { UndoBanner } from './undo-banner.tsx';

/**
 * The undo banners of my actions still inside their window that no page shows: after a reload, or on another
 * page. Undo there puts the action back and every page on screen reads again.
 */
export function HeldBanners() {
  // Stakeholders take no action that notifies people: their pages skip the request.
  const mayHold = inProductOrg(useMe().roles);
  const held = useLoad(mayHold ? ['broadcasts', 'held'] : null, (signal) => broadcastsApi.held(signal));
  const shows = useLayoutShows();
  const client = useQueryClient();
  const page = useLocation().key;
  // What was undone, said on the page it was undone on.
  const [undone, setUndone] = useState<{ text: string; page: string } | null>(null);
  const said = undone?.page === page ? undone.text : '';
  const open = (held.data ?? []).filter((h) => shows(h.id));
  if (open.length === 0 && !said) return null;
  return (
    <div className="held-banners">
      {open.map((h) => (
        <UndoBanner
          key={h.id}
          held={h}
          inLayout
          onUndone={(restored) => {
            setUndone({ text: `Undone. ${restored}`, page });
            void client.invalidateQueries();
          }}
          onDismiss={() => {}}
        />
      ))}
      {said ? (
        <p role="status" className="muted">
          {said}
        </p>
      ) : null}
    </div>
  );
}

import type { TStakeholderWhen } from '../../../shared/releases.ts';
import { inProductOrg } from '../../../shared/roles.ts';
import { formatLocalDate } from '../../lib/org-time.ts';
import { useMe } from '../../lib/session.tsx';

interface Dated {
  targetDate: string;
  when: TStakeholderWhen;
}

/** Whether this reader sees the launch day: the product org always, stakeholders once it is announced. */
export function useSeesDay(): (r: Dated) => boolean {
  const me = useMe();
  return (r) => inProductOrg(me.roles) || r.when.exact;
}

/** The launch date as this reader may read it: the day, or a stakeholder's range until it is announced. */
export function LaunchDay({ r }: { r: Dated }) {
  const seesDay = useSeesDay();
  if (seesDay(r)) return <time dateTime={r.targetDate}>{formatLocalDate(r.targetDate, true)}</time>;
  return (
    <span>
      {r.when.text} <span className="muted">(not announced yet)</span>
    </span>
  );
}

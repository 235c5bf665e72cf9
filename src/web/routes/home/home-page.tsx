import { Link } from 'react-router';
import type { THomeSection } from '../../../shared/home.ts';
import { homeApi } from '../../api-home.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { SalesSection } from './sales-section.tsx';
import { SupportSection } from './support-section.tsx';
import { HeadSection, OpsSection, PmSection } from './work-sections.tsx';
import './home.css';

function Section({ s, timeZone }: { s: THomeSection; timeZone: string }) {
  switch (s.kind) {
    case 'sales':
      return <SalesSection s={s} />;
    case 'support':
      return <SupportSection s={s} />;
    case 'pm':
      return <PmSection s={s} timeZone={timeZone} />;
    case 'ops':
      return <OpsSection s={s} />;
    case 'head':
      return <HeadSection s={s} />;
  }
}

/** Issue 17: the front door, one section per role the reader holds (GET /api/v1/home decides which). */
export function HomePage() {
  const home = useLoad(['home'], (signal) => homeApi.get(signal));
  const data = home.data;
  return (
    <Page
      title="Home"
      intro={
        data ? (
          <p className="muted">
            Times in the org's time zone ({data.timeZone}).
            {data.orgOverview ? (
              <>
                {' '}
                <Link to="/org">Org overview</Link>
              </>
            ) : null}
          </p>
        ) : null
      }
    >
      {home.error ? <LoadError error={home.error} retry={home.reload} /> : null}
      {!data ? (
        home.error ? null : (
          <Loading what="your home" />
        )
      ) : (
        data.sections.map((s) => <Section key={s.kind} s={s} timeZone={data.timeZone} />)
      )}
    </Page>
  );
}

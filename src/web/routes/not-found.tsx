import { Link } from 'react-router';
import { Page } from '../components/page.tsx';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p>There is no page at this address. It may have moved, or the link may have a typo.</p>
      <p>
        <Link to="/">Go to your home</Link>
      </p>
    </Page>
  );
}

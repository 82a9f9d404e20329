/** A dashboard address that leads nowhere. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header.tsx';

/** The 404 page. */
export function NotFoundPage(): ReactNode {
  return (
    <div className="auth-page">
      <PageHeader title="Page not found" description="There is nothing at this address." />
      <p>
        <Link to="/">Go to your tenants</Link>
      </p>
    </div>
  );
}

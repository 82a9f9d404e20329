/** PLACEHOLDER: being written. */
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/page-header.tsx';

/** The All tenants page. */
export function AdminPage(): ReactNode {
  return <PageHeader title="All tenants" />;
}

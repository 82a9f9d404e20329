/** PLACEHOLDER: being written. */
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/page-header.tsx';

/** The Billing page. */
export function BillingPage(): ReactNode {
  return <PageHeader title="Billing" />;
}

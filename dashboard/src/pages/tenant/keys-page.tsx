/** PLACEHOLDER: being written. */
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/page-header.tsx';

/** The API keys page. */
export function KeysPage(): ReactNode {
  return <PageHeader title="API keys" />;
}

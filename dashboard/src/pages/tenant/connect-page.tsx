/** PLACEHOLDER: being written. */
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/page-header.tsx';

/** The Connect page. */
export function ConnectPage(): ReactNode {
  return <PageHeader title="Connect" />;
}

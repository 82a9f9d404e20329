/** PLACEHOLDER: being written. */
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/page-header.tsx';

/** The Members page. */
export function MembersPage(): ReactNode {
  return <PageHeader title="Members" />;
}

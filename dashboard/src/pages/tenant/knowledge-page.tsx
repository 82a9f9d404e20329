/** PLACEHOLDER: being written. */
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/page-header.tsx';

/** The Knowledge page. */
export function KnowledgePage(): ReactNode {
  return <PageHeader title="Knowledge" />;
}

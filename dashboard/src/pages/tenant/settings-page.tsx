/** PLACEHOLDER: being written. */
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/page-header.tsx';

/** The Model settings page. */
export function SettingsPage(): ReactNode {
  return <PageHeader title="Model settings" />;
}

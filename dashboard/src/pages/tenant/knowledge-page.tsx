/**
 * A tenant's knowledge: upload text, Markdown and PDF documents (with progress), list and delete
 * them, and try the search the tenant's apps get through MCP.
 */
import type { ReactNode } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { useTenantName } from '../../session/tenant.ts';
import { DocumentsTable } from './knowledge/documents-table.tsx';
import { KnowledgeSearch } from './knowledge/knowledge-search.tsx';
import { UploadForm } from './knowledge/upload-form.tsx';
import { browserXhr, type XhrFactory } from './knowledge/upload-request.ts';
import './knowledge/knowledge.css';

/** The Knowledge page; `createXhr` makes upload requests (tests pass a fake). */
export function KnowledgePage({ createXhr = browserXhr }: { createXhr?: XhrFactory }): ReactNode {
  const tenant = useTenantName();
  return (
    <>
      <PageHeader
        title="Knowledge"
        description="Documents your apps can search over MCP with the search_knowledge tool."
      />
      <section className="card knowledge-upload" aria-labelledby="knowledge-upload-heading">
        <h2 id="knowledge-upload-heading">Add a document</h2>
        <UploadForm tenant={tenant} createXhr={createXhr} />
      </section>
      <section aria-labelledby="knowledge-documents-heading">
        <h2 id="knowledge-documents-heading">Documents</h2>
        <DocumentsTable tenant={tenant} />
      </section>
      <KnowledgeSearch tenant={tenant} />
    </>
  );
}

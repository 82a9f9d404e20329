/** The tenant's knowledge documents: name, type, size, passages, upload time, and delete. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useApi } from '../../../api/api-context.tsx';
import { call } from '../../../api/client.ts';
import { ConfirmButton } from '../../../components/confirm-button.tsx';
import { QueryView } from '../../../components/query-view.tsx';
import { formatCount, formatTime } from '../../../format/format.ts';
import { formatBytes, typeLabel } from './file-rules.ts';

/** Query key of everything about a tenant's knowledge (documents and searches); writes invalidate it. */
export const knowledgeKey = (tenant: string): readonly unknown[] => ['knowledge', tenant];

/** The documents of `tenant`, newest first, each with a delete button. */
export function DocumentsTable({ tenant }: { tenant: string }): ReactNode {
  const api = useApi();
  const queryClient = useQueryClient();
  const documents = useQuery({
    queryKey: [...knowledgeKey(tenant), 'documents'],
    queryFn: () => call(api.GET('/v1/tenants/{tenant}/knowledge', { params: { path: { tenant } } })),
  });
  return (
    <QueryView
      query={documents}
      what="the documents"
      isEmpty={(data) => data.items.length === 0}
      empty={
        <>
          <strong>No documents yet.</strong> Upload text, Markdown or PDF files above; your apps can then
          search them.
        </>
      }
    >
      {(data) => (
        <div className="table-wrap knowledge-documents">
          <table>
            <caption className="muted">
              {data.items.length === 1 ? '1 document' : `${formatCount(data.items.length)} documents`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Size</th>
                <th scope="col">Passages</th>
                <th scope="col">Uploaded</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((doc) => (
                <tr key={doc.id}>
                  <td className="knowledge-name">{doc.name}</td>
                  <td>{typeLabel(doc.contentType)}</td>
                  <td>{formatBytes(doc.bytes)}</td>
                  <td>{formatCount(doc.chunks)}</td>
                  <td>{formatTime(doc.createdAt)}</td>
                  <td>
                    <ConfirmButton
                      label="Delete"
                      ariaLabel={`Delete ${doc.name}`}
                      consequence="Its passages leave search at once."
                      onConfirm={async () => {
                        await call(
                          api.DELETE('/v1/tenants/{tenant}/knowledge/{documentId}', {
                            params: { path: { tenant, documentId: doc.id } },
                          }),
                        );
                        await queryClient.invalidateQueries({ queryKey: knowledgeKey(tenant) });
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </QueryView>
  );
}

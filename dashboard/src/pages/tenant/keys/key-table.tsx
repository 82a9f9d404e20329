/** The tenant's live API keys, with revoke behind a confirmation. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useApi } from '../../../api/api-context.tsx';
import { call } from '../../../api/client.ts';
import { ConfirmButton } from '../../../components/confirm-button.tsx';
import { formatAgo, formatTime } from '../../../format/format.ts';
import { useNewKeys } from '../../../session/new-keys.tsx';
import { keysKey, type ApiKey } from './keys-query.ts';

function KeyStatus({ apiKey }: { apiKey: ApiKey }): ReactNode {
  return apiKey.lastUsedAt === null ? (
    <span className="badge">Active, not used yet</span>
  ) : (
    <span className="badge badge-ok">Active</span>
  );
}

function KeyRow({ tenant, apiKey }: { tenant: string; apiKey: ApiKey }): ReactNode {
  const api = useApi();
  const queries = useQueryClient();
  const { forget } = useNewKeys();
  const revoke = useMutation({
    mutationFn: () =>
      call(
        api.DELETE('/v1/tenants/{tenant}/api-keys/{keyId}', {
          params: { path: { tenant, keyId: apiKey.id } },
        }),
      ),
    onSuccess: async () => {
      forget(tenant, apiKey.id);
      await queries.invalidateQueries({ queryKey: keysKey(tenant) });
    },
  });
  return (
    <tr>
      <td>{apiKey.name}</td>
      <td>
        <span className="code">{apiKey.prefix}_…</span>
      </td>
      <td>
        <time dateTime={apiKey.createdAt}>{formatTime(apiKey.createdAt)}</time>
      </td>
      <td>
        {apiKey.lastUsedAt === null ? (
          'never'
        ) : (
          <time dateTime={apiKey.lastUsedAt} title={formatTime(apiKey.lastUsedAt)}>
            {formatAgo(apiKey.lastUsedAt)}
          </time>
        )}
      </td>
      <td>
        <KeyStatus apiKey={apiKey} />
      </td>
      <td>
        <ConfirmButton
          label="Revoke"
          ariaLabel={`Revoke key ${apiKey.name}`}
          consequence="Apps using this key stop working within seconds."
          onConfirm={() => revoke.mutateAsync()}
        />
      </td>
    </tr>
  );
}

/** The table of keys (the caller handles the empty state). */
export function KeyTable({ tenant, keys }: { tenant: string; keys: readonly ApiKey[] }): ReactNode {
  return (
    <div className="table-wrap keys-table-wrap">
      <table>
        <caption className="keys-sr-only">API keys of {tenant}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="keys-sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((apiKey) => (
            <KeyRow key={apiKey.id} tenant={tenant} apiKey={apiKey} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

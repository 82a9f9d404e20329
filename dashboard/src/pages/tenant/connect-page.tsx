/** Connect an app: ready-to-copy snippets for the tenant's endpoint, and a live connection test. */
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { TenantView } from '../../api/types.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { Field } from '../../components/field.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useNewKeys, type NewKey } from '../../session/new-keys.tsx';
import { useTenant, useTenantName } from '../../session/tenant.ts';
import { endpointOf } from './connect/endpoint.ts';
import { SnippetTabs } from './connect/snippet-tabs.tsx';
import { KEY_PLACEHOLDER, snippetsFor } from './connect/snippets.ts';
import { TestConnectionPanel } from './connect/test-connection-panel.tsx';
import './connect-page.css';

const PLACEHOLDER = 'placeholder';

interface SnippetKeyChoiceProps {
  readonly tenant: string;
  readonly keys: readonly NewKey[];
  readonly choice: string;
  readonly onChoose: (choice: string) => void;
}

function SnippetKeyChoice({ tenant, keys, choice, onChoose }: SnippetKeyChoiceProps): ReactNode {
  if (keys.length === 0) {
    return (
      <p className="muted">
        The snippets say <span className="code">{KEY_PLACEHOLDER}</span>: replace it with a key from the{' '}
        <Link to={`/tenants/${tenant}/keys`}>API keys</Link> page. A key created there in this tab can be
        filled in here.
      </p>
    );
  }
  return (
    <Field
      label="Key shown in the snippets"
      hint="Filled-in snippets contain a secret: share them only with people who may use that key."
    >
      {(control) => (
        <select
          {...control}
          value={choice}
          onChange={(event) => {
            onChoose(event.target.value);
          }}
        >
          <option value={PLACEHOLDER}>Placeholder: {KEY_PLACEHOLDER}</option>
          {keys.map((key) => (
            <option key={key.keyId} value={key.keyId}>
              Fill in key {key.name} (created in this tab)
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function ConnectContent({ view, keys }: { view: TenantView; keys: readonly NewKey[] }): ReactNode {
  const [choice, setChoice] = useState(PLACEHOLDER);
  const endpoint = endpointOf(view.name, view.status, window.location.origin);
  const apiKey = keys.find((key) => key.keyId === choice)?.key ?? KEY_PLACEHOLDER;
  const snippets = snippetsFor({
    tenant: view.name,
    mcpUrl: endpoint.mcpUrl,
    queryUrl: endpoint.queryUrl,
    apiKey,
  });
  return (
    <>
      <section className="card" aria-labelledby="snippets-heading">
        <h2 id="snippets-heading">Your endpoint</h2>
        <div className="endpoint-line">
          <code aria-label="Endpoint URL">{endpoint.mcpUrl}</code>
          <CopyButton text={endpoint.mcpUrl} label="Copy endpoint URL" />
        </div>
        {endpoint.reported ? null : (
          <p className="notice notice-warn">
            The platform has not reported this endpoint yet; this is where it will be on this site once the
            tenant is set up.
          </p>
        )}
        <p>
          Every request needs an API key in the <span className="code">Authorization: Bearer</span> header.
          Your apps can ask with the <span className="code">ask</span> tool (MCP) or the REST query endpoint.
        </p>
        <SnippetKeyChoice tenant={view.name} keys={keys} choice={choice} onChoose={setChoice} />
        <SnippetTabs snippets={snippets} />
      </section>
      <TestConnectionPanel url={`${window.location.origin}/t/${view.name}/v1/query`} keys={keys} />
    </>
  );
}

/** The Connect page. */
export function ConnectPage(): ReactNode {
  const tenant = useTenantName();
  const view = useTenant(tenant);
  const { keys } = useNewKeys();
  const mine = keys.filter((key) => key.tenant === tenant);
  return (
    <>
      <PageHeader
        title="Connect"
        description="Connect your apps to this tenant: copy a configuration, then test it with a key."
      />
      <QueryView query={view} what="the tenant">
        {(data) => <ConnectContent view={data} keys={mine} />}
      </QueryView>
    </>
  );
}

/** A tenant at a glance: its endpoint, its status in words, its plan and this month's usage, next steps. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TenantView } from '../../api/types.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { useTenant, useTenantName } from '../../session/tenant.ts';
import { endpointOf } from './connect/endpoint.ts';
import { StatusCard } from './overview/status-card.tsx';
import { UsageCard } from './overview/usage-card.tsx';
import './overview-page.css';

function EndpointCard({ view }: { view: TenantView }): ReactNode {
  const endpoint = endpointOf(view.name, view.status, window.location.origin);
  return (
    <section className="card" aria-labelledby="endpoint-heading">
      <h2 id="endpoint-heading">Your endpoint</h2>
      <div className="endpoint-row">
        <code className="endpoint-url" aria-label="Endpoint URL">
          {endpoint.mcpUrl}
        </code>
        <CopyButton text={endpoint.mcpUrl} label="Copy endpoint URL" />
      </div>
      {endpoint.reported ? (
        <p className="muted">
          MCP clients connect here over Streamable HTTP, sending an API key as{' '}
          <span className="code">Authorization: Bearer &lt;key&gt;</span>. Apps without MCP can call{' '}
          <span className="code">{endpoint.queryUrl}</span>.
        </p>
      ) : (
        <p className="notice notice-warn">
          The platform has not reported this tenant’s endpoint yet, so this is where it will be on this site.
          It is confirmed here as soon as the tenant is set up.
        </p>
      )}
    </section>
  );
}

function NextSteps({ tenant }: { tenant: string }): ReactNode {
  return (
    <section className="card" aria-labelledby="next-heading">
      <h2 id="next-heading">Next steps</h2>
      <ol className="next-steps">
        <li>
          <Link to={`/tenants/${tenant}/keys`}>Create an API key</Link> for each app or environment.
        </li>
        <li>
          <Link to={`/tenants/${tenant}/connect`}>Connect your app</Link>: copy a ready-made configuration and
          test the connection.
        </li>
        <li>
          Optionally, choose the model on <Link to={`/tenants/${tenant}/settings`}>Model settings</Link> and
          add documents to <Link to={`/tenants/${tenant}/knowledge`}>Knowledge</Link>.
        </li>
      </ol>
    </section>
  );
}

/** The Overview page. */
export function OverviewPage(): ReactNode {
  const tenant = useTenantName();
  const view = useTenant(tenant);
  return (
    <>
      <PageHeader
        title={view.data?.spec.displayName ?? tenant}
        description={`Tenant ${tenant}: its endpoint, whether it is serving, and what it used this month.`}
      />
      <QueryView query={view} what="the tenant">
        {(data) => (
          <>
            <EndpointCard view={data} />
            <StatusCard status={data.status} />
            <UsageCard tenant={tenant} spec={data.spec} />
            <NextSteps tenant={tenant} />
          </>
        )}
      </QueryView>
    </>
  );
}

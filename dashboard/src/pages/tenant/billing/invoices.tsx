/** The tenant's invoices from Stripe (owners), with links to Stripe's own invoice pages. */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useApi } from '../../../api/api-context.tsx';
import { call } from '../../../api/client.ts';
import { ApiError } from '../../../api/errors.ts';
import { QueryView } from '../../../components/query-view.tsx';
import { formatMoney } from '../../../format/format.ts';
import { invoiceBadge, type Invoice } from './billing-data.ts';

const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });
const period = (invoice: Invoice): string =>
  `${day.format(new Date(invoice.periodStart))} – ${day.format(new Date(invoice.periodEnd))}`;

/** Why there are no invoices to show, for the answers that are not failures to retry. */
function Unavailable({ error, tenant }: { error: unknown; tenant: string }): ReactNode {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'LMO_DEPENDENCY_UNAVAILABLE') {
    return (
      <div className="notice notice-warn" role="status">
        <strong>No invoices on this platform</strong>
        <p>
          This LMO platform does not bill through Stripe, so it makes no invoices. Your tokens are still
          counted and recorded every hour (see below).
        </p>
      </div>
    );
  }
  if (error.code === 'LMO_FORBIDDEN') return <OwnersOnly tenant={tenant} />;
  return null;
}

function OwnersOnly({ tenant }: { tenant: string }): ReactNode {
  return (
    <p className="notice notice-warn" role="status">
      Only owners of {tenant} can see its invoices. Ask one of them.
    </p>
  );
}

/** The invoices, or why they cannot be shown; only owners (and platform admins) ask for them. */
export function Invoices({ tenant, isOwner }: { tenant: string; isOwner: boolean }): ReactNode {
  const api = useApi();
  const invoices = useQuery({
    queryKey: ['billing', tenant, 'invoices'],
    queryFn: () =>
      call(api.GET('/v1/tenants/{tenant}/invoices', { params: { path: { tenant }, query: { limit: 24 } } })),
    enabled: isOwner,
    staleTime: 60_000,
  });
  if (!isOwner) return <OwnersOnly tenant={tenant} />;
  const unavailable = invoices.isError ? <Unavailable error={invoices.error} tenant={tenant} /> : null;
  if (unavailable !== null) return unavailable;
  return (
    <QueryView
      query={invoices}
      what="invoices"
      isEmpty={(data) => data.items.length === 0}
      empty={<p>No invoices yet. Stripe makes the first one at the end of the first billing period.</p>}
    >
      {(data) => <InvoiceTable invoices={data.items} />}
    </QueryView>
  );
}

function InvoiceTable({ invoices }: { invoices: readonly Invoice[] }): ReactNode {
  return (
    <div className="table-wrap">
      <table aria-label="Invoices">
        <thead>
          <tr>
            <th scope="col">Invoice</th>
            <th scope="col">Period</th>
            <th scope="col">Status</th>
            <th scope="col">Amount due</th>
            <th scope="col">Paid</th>
            <th scope="col">Open</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((invoice) => {
            const name = invoice.number ?? invoice.id;
            return (
              <tr key={invoice.id}>
                <td>{name}</td>
                <td>{period(invoice)}</td>
                <td>
                  <span className={invoiceBadge(invoice.status)}>{invoice.status ?? 'unknown'}</span>
                </td>
                <td>{formatMoney(invoice.amountDue, invoice.currency)}</td>
                <td>{formatMoney(invoice.amountPaid, invoice.currency)}</td>
                <td className="invoice-links">
                  <ExternalLink href={invoice.hostedInvoiceUrl} label={`View invoice ${name} on Stripe`}>
                    View
                  </ExternalLink>
                  <ExternalLink href={invoice.invoicePdf} label={`Download invoice ${name} as PDF`}>
                    PDF
                  </ExternalLink>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** A link to Stripe in a new tab, which gets no access to this page; only https links are shown. */
function ExternalLink({
  href,
  label,
  children,
}: {
  href: string | null;
  label: string;
  children: ReactNode;
}): ReactNode {
  if (href === null || !href.startsWith('https://')) return null;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" aria-label={`${label} (opens in a new tab)`}>
      {children}
    </a>
  );
}

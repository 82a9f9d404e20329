/** The admin page's billing reconciliation: billed against analytics tokens per tenant, for one hour. */
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useApi } from '../../api/api-context.tsx';
import { call } from '../../api/client.ts';
import { Field } from '../../components/field.tsx';
import { QueryView } from '../../components/query-view.tsx';
import { formatCount } from '../../format/format.ts';
import {
  byDifference,
  formatUtcHour,
  hourFromInput,
  hourInputValue,
  reconciliationSummary,
  shiftHour,
  signed,
  type Reconciliation,
  type ReconciliationItem,
} from './admin-data.ts';

const HOUR_MS = 3_600_000;

/** Props of {@link HourPicker}. */
interface HourPickerProps {
  /** The hour shown (from the answer), once known. */
  readonly shown: string | undefined;
  /** Whether the shown hour is the API's default, the last closed hour. */
  readonly latest: boolean;
  readonly onPick: (hour: string | undefined) => void;
}

/** Earlier, later, latest, or a chosen UTC hour. */
function HourPicker({ shown, latest, onPick }: HourPickerProps): ReactNode {
  const [typed, setTyped] = useState(shown === undefined ? '' : hourInputValue(shown));
  const [problem, setProblem] = useState<string | undefined>();
  return (
    <form
      className="inline"
      aria-label="Hour to reconcile"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const hour = hourFromInput(typed);
        setProblem(hour === undefined ? 'Enter a date and an hour.' : undefined);
        if (hour !== undefined) onPick(hour);
      }}
    >
      <Field label="Hour (UTC)" error={problem}>
        {(control) => (
          <input
            {...control}
            type="datetime-local"
            step={3600}
            value={typed}
            onChange={(event) => {
              setTyped(event.target.value);
            }}
          />
        )}
      </Field>
      <button type="submit">Show</button>
      <button
        type="button"
        className="button-secondary"
        disabled={shown === undefined}
        onClick={() => {
          if (shown !== undefined) onPick(shiftHour(shown, -1));
        }}
      >
        Earlier hour
      </button>
      <button
        type="button"
        className="button-secondary"
        disabled={shown === undefined || latest}
        onClick={() => {
          if (shown === undefined) return;
          const next = shiftHour(shown, 1);
          // An hour is closed once it has ended; the API's default is the last closed one.
          onPick(Date.parse(next) + 2 * HOUR_MS > Date.now() ? undefined : next);
        }}
      >
        Later hour
      </button>
      {latest ? null : (
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            onPick(undefined);
          }}
        >
          Last closed hour
        </button>
      )}
    </form>
  );
}

function ReconciliationTable({ items }: { items: readonly ReconciliationItem[] }): ReactNode {
  return (
    <div className="table-wrap">
      <table aria-label="Billing reconciliation">
        <thead>
          <tr>
            <th scope="col">Tenant</th>
            <th scope="col">Billed tokens</th>
            <th scope="col">Analytics tokens</th>
            <th scope="col">Difference</th>
            <th scope="col">Billing record</th>
          </tr>
        </thead>
        <tbody>
          {byDifference(items).map((item) => (
            <tr key={item.tenant} className={item.difference === 0 ? undefined : 'row-differs'}>
              <td>{item.tenant}</td>
              <td>{formatCount(item.meteredTokens)}</td>
              <td>{formatCount(item.analyticsTokens)}</td>
              <td>
                {item.difference === 0 ? (
                  <span className="badge badge-ok">0</span>
                ) : (
                  <span className="badge badge-warn" title="Billed minus analytics">
                    {signed(item.difference)}
                  </span>
                )}
              </td>
              <td>{item.state ?? <span className="muted">none</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReconciliationView({
  data,
  filter,
}: {
  data: Reconciliation;
  filter: (tenant: string) => boolean;
}): ReactNode {
  const items = data.items.filter((item) => filter(item.tenant));
  if (data.items.length === 0) {
    return (
      <p className="empty">
        No tenant used or billed tokens in the hour starting {formatUtcHour(data.hour)}.
      </p>
    );
  }
  if (items.length === 0) return <p className="empty">No tenant of that hour matches the filter.</p>;
  const differs = items.some((item) => item.difference !== 0);
  return (
    <>
      <p className={differs ? 'notice notice-warn' : 'notice notice-ok'}>
        Hour starting {formatUtcHour(data.hour)}: {reconciliationSummary(items)}
        {differs
          ? ' A difference can mean usage events still arriving, a missed metrics scrape, or a runtime restart.'
          : ''}
      </p>
      <ReconciliationTable items={items} />
    </>
  );
}

/** The reconciliation of the chosen hour (default: the last closed hour), filtered by tenant name. */
export function ReconciliationSection({ filter }: { filter: (tenant: string) => boolean }): ReactNode {
  const api = useApi();
  const [hour, setHour] = useState<string | undefined>();
  const query = useQuery({
    queryKey: ['admin', 'reconciliation', hour ?? 'latest'],
    queryFn: () =>
      call(
        api.GET('/v1/admin/billing/reconciliation', {
          params: { query: hour === undefined ? {} : { hour } },
        }),
      ),
    refetchInterval: hour === undefined ? 60_000 : false,
  });
  return (
    <section aria-labelledby="reconciliation-heading">
      <h2 id="reconciliation-heading">Billing reconciliation</h2>
      <p className="muted">
        Tokens billed from the runtimes’ metrics against tokens counted from usage events, per tenant and
        hour.
      </p>
      <HourPicker
        key={query.data?.hour ?? 'loading'}
        shown={query.data?.hour}
        latest={hour === undefined}
        onPick={setHour}
      />
      <QueryView query={query} what="the reconciliation">
        {(data) => <ReconciliationView data={data} filter={filter} />}
      </QueryView>
    </section>
  );
}

/** The Usage page's view controls: range, bucket size and grouping, all kept in the URL. */
import type { ReactNode } from 'react';
import { Field } from '../../../components/field.tsx';
import {
  DEFAULT_GRANULARITY,
  RANGES,
  type Granularity,
  type RangeName,
  type UsageView,
} from './usage-data.ts';

const RANGE_LABELS: Readonly<Record<RangeName, string>> = {
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  custom: 'Custom dates',
};

const isoDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** A view with another range: its default bucket size, and the last 7 days as custom dates to start. */
function withRange(view: UsageView, range: RangeName): UsageView {
  const today = Date.now();
  const custom =
    range === 'custom' && (view.from === '' || view.to === '')
      ? { from: isoDay(today - 6 * 86_400_000), to: isoDay(today) }
      : {};
  return { ...view, range, granularity: DEFAULT_GRANULARITY[range], ...custom };
}

/** Range, granularity and grouping pickers; `onChange` gets the whole new view. */
export function UsageControls({
  view,
  onChange,
}: {
  view: UsageView;
  onChange: (view: UsageView) => void;
}): ReactNode {
  return (
    <form
      className="inline usage-controls"
      aria-label="What to show"
      onSubmit={(event) => {
        event.preventDefault();
      }}
    >
      <Field label="Range">
        {(control) => (
          <select
            {...control}
            value={view.range}
            onChange={(event) => {
              onChange(withRange(view, event.target.value as RangeName));
            }}
          >
            {RANGES.map((range) => (
              <option key={range} value={range}>
                {RANGE_LABELS[range]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {view.range === 'custom' ? <CustomDates view={view} onChange={onChange} /> : null}
      <Field label="Per">
        {(control) => (
          <select
            {...control}
            value={view.granularity}
            onChange={(event) => {
              onChange({ ...view, granularity: event.target.value as Granularity });
            }}
          >
            <option value="hour">Hour</option>
            <option value="day">Day (UTC)</option>
          </select>
        )}
      </Field>
      <Field label="Split by">
        {(control) => (
          <select
            {...control}
            value={view.groupBy ?? ''}
            onChange={(event) => {
              const value = event.target.value;
              onChange({ ...view, groupBy: value === 'key' || value === 'model' ? value : null });
            }}
          >
            <option value="">Nothing (whole tenant)</option>
            <option value="key">API key</option>
            <option value="model">Model</option>
          </select>
        )}
      </Field>
    </form>
  );
}

function CustomDates({
  view,
  onChange,
}: {
  view: UsageView;
  onChange: (view: UsageView) => void;
}): ReactNode {
  return (
    <>
      <Field label="First day (UTC)">
        {(control) => (
          <input
            {...control}
            type="date"
            value={view.from}
            max={view.to === '' ? undefined : view.to}
            onChange={(event) => {
              onChange({ ...view, from: event.target.value });
            }}
          />
        )}
      </Field>
      <Field label="Last day (UTC)">
        {(control) => (
          <input
            {...control}
            type="date"
            value={view.to}
            min={view.from === '' ? undefined : view.from}
            onChange={(event) => {
              onChange({ ...view, to: event.target.value });
            }}
          />
        )}
      </Field>
    </>
  );
}

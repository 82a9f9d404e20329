/** The tenant's phase as a badge and each operator condition explained: what it means, what to do. */
import type { ReactNode } from 'react';
import type { TenantStatus } from '../../../api/types.ts';
import { formatAgo } from '../../../format/format.ts';
import { CONDITION_ORDER, explainCondition, phaseText, type Tone } from './condition-text.ts';

/** The CSS class of a badge of `tone`. */
export function badgeClass(tone: Tone): string {
  return tone === 'neutral' ? 'badge' : `badge badge-${tone}`;
}

function ConditionRow({
  type,
  label,
  status,
}: {
  type: string;
  label: string;
  status: TenantStatus;
}): ReactNode {
  const condition = status.conditions?.find((c) => c.type === type);
  const text = explainCondition(type, condition);
  const detail =
    condition === undefined || condition.message === text.meaning ? undefined : condition.message;
  return (
    <li className="condition">
      <div className="condition-head">
        <strong>{label}</strong> <span className={badgeClass(text.tone)}>{text.title}</span>
        {condition === undefined ? null : (
          <span className="muted condition-since"> since {formatAgo(condition.lastTransitionTime)}</span>
        )}
      </div>
      <p>{text.meaning}</p>
      {text.action === undefined ? null : <p className="condition-action">{text.action}</p>}
      {detail === undefined || detail === '' ? null : (
        <p className="muted condition-detail">
          Platform detail: {detail}
          {condition?.reason === undefined ? null : <span className="code"> ({condition.reason})</span>}
        </p>
      )}
    </li>
  );
}

/** The status card: phase and the five conditions. */
export function StatusCard({ status }: { status: TenantStatus }): ReactNode {
  const phase = phaseText(status.phase);
  return (
    <section className="card" aria-labelledby="status-heading">
      <h2 id="status-heading">
        Status <span className={badgeClass(phase.tone)}>{phase.label}</span>
      </h2>
      <p>{phase.meaning}</p>
      <ul className="conditions" aria-label="Conditions">
        {CONDITION_ORDER.map(({ type, label }) => (
          <ConditionRow key={type} type={type} label={label} status={status} />
        ))}
      </ul>
    </section>
  );
}

/** The plans side by side, and changing the tenant's plan (owners) after a confirmation. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useApi } from '../../../api/api-context.tsx';
import { call } from '../../../api/client.ts';
import { ApiError, fieldErrors } from '../../../api/errors.ts';
import { ErrorNotice } from '../../../components/error-notice.tsx';
import { tenantKey } from '../../../session/tenant.ts';
import { meteredPrice, monthlyPrice, planLimits, planMove, planTitle, type Plan } from './billing-data.ts';

/** Props of {@link PlanChooser}. */
export interface PlanChooserProps {
  readonly tenant: string;
  readonly plans: readonly Plan[];
  readonly current: string;
  /** Whether the caller may try to change the plan (owners and platform admins); undefined while unknown. */
  readonly canChange: boolean | undefined;
}

/** Every plan with its limits and prices; owners pick another one here. */
export function PlanChooser({ tenant, plans, current, canChange }: PlanChooserProps): ReactNode {
  const api = useApi();
  const queries = useQueryClient();
  const [chosen, setChosen] = useState<Plan | undefined>();
  const change = useMutation({
    mutationFn: (plan: Plan['name']) =>
      call(api.PATCH('/v1/tenants/{tenant}', { params: { path: { tenant } }, body: { plan } })),
    onSuccess: async () => {
      setChosen(undefined);
      await Promise.all([
        queries.invalidateQueries({ queryKey: tenantKey(tenant) }),
        queries.invalidateQueries({ queryKey: ['billing', tenant] }),
      ]);
    },
  });
  const currentPlan = plans.find((plan) => plan.name === current);
  return (
    <>
      {canChange !== false ? null : (
        <p className="notice notice-warn">Only owners of {tenant} can change its plan. Ask one of them.</p>
      )}
      <ul className="plans" aria-label="Plans">
        {plans.map((plan) => (
          <PlanCard
            key={plan.name}
            plan={plan}
            isCurrent={plan.name === current}
            action={
              canChange === true && plan.name !== current
                ? `${planMove(currentPlan, plan)} to ${planTitle(plan.name)}`
                : undefined
            }
            onChoose={() => {
              change.reset();
              setChosen(plan);
            }}
          />
        ))}
      </ul>
      {chosen === undefined ? null : (
        <ConfirmPlan
          tenant={tenant}
          plan={chosen}
          current={currentPlan}
          pending={change.isPending}
          onConfirm={() => {
            change.mutate(chosen.name);
          }}
          onCancel={() => {
            setChosen(undefined);
            change.reset();
          }}
        />
      )}
      {change.isError ? <PlanChangeError error={change.error} /> : null}
      {change.isSuccess ? (
        <p className="notice notice-ok" role="status">
          {tenant} is now on {planTitle(change.data.spec.plan)}. The runtime applies the new limits within a
          minute.
        </p>
      ) : null}
    </>
  );
}

function PlanCard({
  plan,
  isCurrent,
  action,
  onChoose,
}: {
  plan: Plan;
  isCurrent: boolean;
  action: string | undefined;
  onChoose: () => void;
}): ReactNode {
  const title = planTitle(plan.name);
  return (
    <li className={isCurrent ? 'card plan plan-current' : 'card plan'} aria-label={title}>
      <h3>
        {title} {isCurrent ? <span className="badge badge-ok">Current plan</span> : null}
      </h3>
      <p className="stat">{monthlyPrice(plan)}</p>
      <p className="muted">{meteredPrice(plan)}</p>
      <ul className="plan-limits">
        {planLimits(plan).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {action === undefined ? null : (
        <button type="button" className="button-secondary" onClick={onChoose}>
          {action}
        </button>
      )}
    </li>
  );
}

function ConfirmPlan({
  tenant,
  plan,
  current,
  pending,
  onConfirm,
  onCancel,
}: {
  tenant: string;
  plan: Plan;
  current: Plan | undefined;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}): ReactNode {
  const title = planTitle(plan.name);
  const down = planMove(current, plan) === 'Downgrade';
  return (
    <div className="notice notice-warn confirm-plan" role="group" aria-label={`Confirm the ${title} plan`}>
      <p>
        <strong>
          Move {tenant} to {title}?
        </strong>{' '}
        {monthlyPrice(plan)}; {meteredPrice(plan).toLowerCase()}. The new limits apply within a minute.
        {down ? ' Calls over the lower limits will be refused.' : ''}
      </p>
      <div className="actions">
        <button type="button" disabled={pending} onClick={onConfirm}>
          {pending ? 'Changing…' : `Yes, move to ${title}`}
        </button>
        <button type="button" className="button-secondary" disabled={pending} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** Why the plan did not change, in words: refused to non-admins, or settings above the new plan. */
function PlanChangeError({ error }: { error: unknown }): ReactNode {
  if (error instanceof ApiError && error.code === 'LMO_FORBIDDEN') {
    return (
      <div role="alert" className="notice notice-error">
        <strong>The plan was not changed</strong>
        <p>
          {error.message} <span className="code">({error.code})</span>
        </p>
        <p>
          On this platform a platform admin changes plans (with Stripe billing, your subscription sets it).
          Ask your LMO contact or support to move the tenant to the plan you chose.
        </p>
      </div>
    );
  }
  const issues = Object.entries(fieldErrors(error));
  if (issues.length > 0) {
    return (
      <div role="alert" className="notice notice-error">
        <strong>The plan was not changed: some settings are above what it allows</strong>
        <ul>
          {issues.map(([path, message]) => (
            <li key={path}>
              <code>{path}</code> {message}
            </li>
          ))}
        </ul>
        <p>Lower those on the Model settings page first, then change the plan again.</p>
      </div>
    );
  }
  return <ErrorNotice error={error} title="The plan was not changed" />;
}

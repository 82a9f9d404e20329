/**
 * A tenant's people: its members (owners remove them; anyone may leave) and, for owners,
 * invitations by e-mail with a one-time link and the pending ones with revoke.
 */
import type { ReactNode } from 'react';
import { ErrorNotice } from '../../components/error-notice.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { Loading } from '../../components/query-view.tsx';
import { useTenant, useTenantName } from '../../session/tenant.ts';
import { InvitationsTable, InviteForm } from './members/invitations.tsx';
import { MembersTable } from './members/members-table.tsx';
import './members/members.css';

function OwnerSections({ tenant }: { tenant: string }): ReactNode {
  return (
    <>
      <section className="card members-invite" aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite someone</h2>
        <InviteForm tenant={tenant} />
      </section>
      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">Pending invitations</h2>
        <InvitationsTable tenant={tenant} />
      </section>
    </>
  );
}

/** The Members page. */
export function MembersPage(): ReactNode {
  const name = useTenantName();
  const tenant = useTenant(name);
  const access = tenant.data?.access;
  const canManage = access === 'owner' || access === 'admin';
  return (
    <>
      <PageHeader title="Members" description="Who can work on this tenant, and invitations to join it." />
      {access === undefined ? (
        tenant.isError ? (
          <ErrorNotice
            error={tenant.error}
            title="Could not load the tenant"
            onRetry={() => {
              void tenant.refetch();
            }}
          />
        ) : (
          <Loading what="the tenant" />
        )
      ) : (
        <>
          <section aria-labelledby="members-heading">
            <h2 id="members-heading">Members</h2>
            <MembersTable tenant={name} canManage={canManage} />
            <p className="hint">
              {canManage
                ? "To change someone's role, invite their e-mail address again with the new role: their role changes when they accept. LMO cannot change a role directly yet."
                : 'Only owners can invite people, remove members or change roles. You can leave the tenant.'}
            </p>
          </section>
          {canManage ? <OwnerSections tenant={name} /> : null}
        </>
      )}
    </>
  );
}

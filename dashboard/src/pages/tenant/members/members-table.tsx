/**
 * A tenant's members: e-mail, role and when they joined; owners remove members, anyone may leave
 * (except the last owner, as the API refuses that).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useApi } from '../../../api/api-context.tsx';
import { call } from '../../../api/client.ts';
import type { Ok } from '../../../api/types.ts';
import { ConfirmButton } from '../../../components/confirm-button.tsx';
import { QueryView } from '../../../components/query-view.tsx';
import { formatTime } from '../../../format/format.ts';
import { useSession } from '../../../session/session.tsx';
import { membersKey, roleLabel } from './member-rules.ts';

type Member = Ok<'/v1/tenants/{tenant}/members', 'get'>['items'][number];

interface RowProps {
  readonly tenant: string;
  readonly member: Member;
  readonly me: string | undefined;
  readonly canManage: boolean;
  readonly owners: number;
}

function MemberAction({ tenant, member, me, canManage, owners }: RowProps): ReactNode {
  const api = useApi();
  const queryClient = useQueryClient();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const self = member.userId === me;
  if (member.role === 'owner' && owners === 1) {
    return (
      <span className="muted">
        {self ? 'You are the only owner: make someone else owner before leaving.' : 'The only owner'}
      </span>
    );
  }
  if (!self && !canManage) return null;
  const remove = async (): Promise<void> => {
    await call(
      api.DELETE('/v1/tenants/{tenant}/members/{userId}', {
        params: { path: { tenant, userId: member.userId } },
      }),
    );
    if (self) {
      await refresh();
      await navigate('/');
    } else {
      await queryClient.invalidateQueries({ queryKey: membersKey(tenant) });
    }
  };
  return self ? (
    <ConfirmButton
      label="Leave"
      ariaLabel="Leave this tenant"
      consequence="You lose access to it at once."
      onConfirm={remove}
    />
  ) : (
    <ConfirmButton
      label="Remove"
      ariaLabel={`Remove ${member.email}`}
      consequence={`${member.email} loses access to this tenant at once.`}
      onConfirm={remove}
    />
  );
}

/** The members of `tenant`; `canManage` (owners, platform admins) adds remove buttons. */
export function MembersTable({ tenant, canManage }: { tenant: string; canManage: boolean }): ReactNode {
  const api = useApi();
  const { me } = useSession();
  const members = useQuery({
    queryKey: membersKey(tenant),
    queryFn: () => call(api.GET('/v1/tenants/{tenant}/members', { params: { path: { tenant } } })),
  });
  return (
    <QueryView
      query={members}
      what="the members"
      isEmpty={(data) => data.items.length === 0}
      empty="No members yet. Invite someone below."
    >
      {(data) => {
        const owners = data.items.filter((m) => m.role === 'owner').length;
        return (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">E-mail</th>
                  <th scope="col">Role</th>
                  <th scope="col">Joined</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((member) => (
                  <tr key={member.userId}>
                    <td className="members-email">
                      {member.email}
                      {member.userId === me?.user.id ? <span className="muted"> (you)</span> : null}
                    </td>
                    <td>
                      <span className={member.role === 'owner' ? 'badge badge-ok' : 'badge'}>
                        {roleLabel(member.role)}
                      </span>
                    </td>
                    <td>{formatTime(member.since)}</td>
                    <td>
                      <MemberAction
                        tenant={tenant}
                        member={member}
                        me={me?.user.id}
                        canManage={canManage}
                        owners={owners}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      }}
    </QueryView>
  );
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { EMAIL_PATTERN } from '@lmo/contracts';
import Type, { type Static } from 'typebox';
import type { Invitation, Member } from '../tenants/memberships.ts';
import type { RouteModule } from '../app.ts';
import { userOf } from '../http/auth.ts';
import { Closed, errorResponses, TenantParams, Timestamp } from '../http/schemas.ts';
import { iso } from './json.ts';

const Role = Type.Enum(['owner', 'member'], { type: 'string' });

const MemberSchema = Type.Object(
  { userId: Type.String(), email: Type.String(), role: Role, since: Timestamp('When they joined.') },
  Closed,
);

const InvitationSchema = Type.Object(
  {
    id: Type.String(),
    tenant: Type.String(),
    email: Type.String(),
    role: Role,
    createdAt: Timestamp('When it was sent.'),
    expiresAt: Timestamp('When it can no longer be accepted.'),
  },
  Closed,
);

const CreatedInvitation = Type.Object(
  {
    ...InvitationSchema.properties,
    token: Type.String({
      description: 'Give it to the invitee, who accepts with POST /v1/invitations/accept. Shown only here.',
    }),
  },
  Closed,
);

const memberJson = (m: Member): Static<typeof MemberSchema> => ({ ...m, since: iso(m.since) });
const invitationJson = (i: Invitation): Static<typeof InvitationSchema> => ({
  id: i.id,
  tenant: i.tenant,
  email: i.email,
  role: i.role,
  createdAt: iso(i.createdAt),
  expiresAt: iso(i.expiresAt),
});

const InviteBody = Type.Object(
  {
    email: Type.String({ pattern: EMAIL_PATTERN, maxLength: 254 }),
    role: Type.Optional(Type.Enum(['owner', 'member'], { type: 'string', default: 'member' })),
  },
  Closed,
);

const MemberParams = Type.Object(
  { ...TenantParams.properties, userId: Type.String({ format: 'uuid' }) },
  Closed,
);
const InvitationParams = Type.Object(
  { ...TenantParams.properties, id: Type.String({ format: 'uuid' }) },
  Closed,
);
const AcceptBody = Type.Object({ token: Type.String({ minLength: 1, maxLength: 128 }) }, Closed);
const NoContent = { 204: Type.Null(), ...errorResponses };

/** Members of a tenant and invitations to join it. */
export const memberRoutes: RouteModule = (plain, { services }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['members'];

  app.get(
    '/v1/tenants/:tenant/members',
    {
      schema: {
        tags,
        summary: "The tenant's members",
        params: TenantParams,
        response: { 200: Type.Object({ items: Type.Array(MemberSchema) }, Closed), ...errorResponses },
      },
    },
    async (request) => {
      await services.tenants.access(userOf(request), request.params.tenant);
      return { items: (await services.members.list(request.params.tenant)).map(memberJson) };
    },
  );

  app.delete(
    '/v1/tenants/:tenant/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member (owners; members may leave)',
        params: MemberParams,
        response: NoContent,
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const { tenant, userId } = request.params;
      if (userId === user.id) await services.tenants.access(user, tenant);
      else await services.tenants.require(user, tenant, ['owner']);
      await services.members.remove(tenant, userId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/tenants/:tenant/invitations',
    {
      schema: {
        tags,
        summary: 'Pending invitations (owners)',
        params: TenantParams,
        response: { 200: Type.Object({ items: Type.Array(InvitationSchema) }, Closed), ...errorResponses },
      },
    },
    async (request) => {
      await services.tenants.require(userOf(request), request.params.tenant, ['owner']);
      return { items: (await services.members.invitations(request.params.tenant)).map(invitationJson) };
    },
  );

  app.post(
    '/v1/tenants/:tenant/invitations',
    {
      schema: {
        tags,
        summary: 'Invite someone by e-mail (owners)',
        params: TenantParams,
        body: InviteBody,
        response: { 201: CreatedInvitation, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const { tenant } = request.params;
      await services.tenants.require(user, tenant, ['owner']);
      const role = request.body.role ?? 'member';
      const invitation = await services.members.invite(tenant, request.body.email, role, user.id);
      request.log.info({ tenant, invitationId: invitation.id }, 'Created invitation');
      return reply.code(201).send({ ...invitationJson(invitation), token: invitation.token });
    },
  );

  app.delete(
    '/v1/tenants/:tenant/invitations/:id',
    {
      schema: {
        tags,
        summary: 'Withdraw an invitation (owners)',
        params: InvitationParams,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await services.tenants.require(userOf(request), request.params.tenant, ['owner']);
      await services.members.withdraw(request.params.tenant, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/invitations/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation addressed to the signed-in e-mail',
        body: AcceptBody,
        response: {
          200: Type.Object({ tenant: Type.String(), role: Role }, Closed),
          ...errorResponses,
        },
      },
    },
    async (request) => services.members.accept(request.body.token, userOf(request)),
  );
};

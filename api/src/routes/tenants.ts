import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { RouteModule } from '../app.ts';
import { userOf } from '../http/auth.ts';
import { Closed, errorResponses, TenantParams } from '../http/schemas.ts';
import { TenantSettingsPatchSchema } from '../tenants/tenant-settings.ts';
import { TenantViewSchema, tenantViewJson } from './tenant-json.ts';

const CreateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 40, description: 'DNS label: a-z, 0-9 and -, at most 40.' }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
  },
  Closed,
);

const ListQuery = Type.Object(
  { all: Type.Optional(Type.Boolean({ description: 'Platform admins: every tenant, not only their own.' })) },
  Closed,
);

const Tenant = { 200: TenantViewSchema, ...errorResponses };

/** Tenants: create, list, read, change settings, suspend, resume, delete. */
export const tenantRoutes: RouteModule = (plain, { services }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['tenants'];

  app.get(
    '/v1/tenants',
    {
      schema: {
        tags,
        summary: "The caller's tenants (admins: ?all=true for every tenant)",
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(TenantViewSchema) }, Closed), ...errorResponses },
      },
    },
    async (request) => {
      const views = await services.tenants.list(userOf(request), request.query.all === true);
      return { items: views.map(tenantViewJson) };
    },
  );

  app.post(
    '/v1/tenants',
    {
      schema: {
        tags,
        summary: 'Create a tenant owned by the caller',
        body: CreateBody,
        response: { 201: TenantViewSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const view = await services.tenants.create(userOf(request), request.body);
      request.log.info({ tenant: view.name }, 'Created tenant');
      return reply.code(201).send(tenantViewJson(view));
    },
  );

  app.get(
    '/v1/tenants/:tenant',
    { schema: { tags, summary: 'A tenant: settings and status', params: TenantParams, response: Tenant } },
    async (request) => tenantViewJson(await services.tenants.get(userOf(request), request.params.tenant)),
  );

  app.patch(
    '/v1/tenants/:tenant',
    {
      schema: {
        tags,
        summary: 'Change settings (owners, within the plan)',
        description:
          'JSON merge patch: absent fields stay, null clears an optional field, objects merge, promptTemplates is replaced whole.',
        params: TenantParams,
        body: TenantSettingsPatchSchema,
        response: Tenant,
      },
    },
    async (request) => {
      const { tenant } = request.params;
      const view = await services.tenants.updateSettings(userOf(request), tenant, request.body);
      request.log.info({ tenant, generation: view.generation }, 'Changed tenant settings');
      return tenantViewJson(view);
    },
  );

  for (const [action, suspended] of [
    ['suspend', true],
    ['resume', false],
  ] as const) {
    app.post(
      `/v1/tenants/:tenant/${action}`,
      {
        schema: {
          tags,
          summary: suspended ? 'Suspend a tenant (platform admins)' : 'Resume a tenant (platform admins)',
          params: TenantParams,
          response: Tenant,
        },
      },
      async (request) => {
        const { tenant } = request.params;
        const view = await services.tenants.setSuspended(userOf(request), tenant, suspended);
        request.log.info({ tenant }, suspended ? 'Suspended tenant' : 'Resumed tenant');
        return tenantViewJson(view);
      },
    );
  }

  app.delete(
    '/v1/tenants/:tenant',
    {
      schema: {
        tags,
        summary: 'Delete a tenant (owners); its keys stop working',
        params: TenantParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { tenant } = request.params;
      await services.tenants.delete(userOf(request), tenant);
      request.log.info({ tenant }, 'Deleted tenant');
      return reply.code(204).send(null);
    },
  );
};

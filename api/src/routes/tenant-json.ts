import { TenantSpecSchema, TenantStatusSchema } from '@lmo/contracts';
import Type, { type Static } from 'typebox';
import { Closed, Timestamp } from '../http/schemas.ts';
import type { TenantView } from '../tenants/tenant-service.ts';
import { iso } from './json.ts';

/** A tenant in API answers: its settings (the spec), the operator's status and the caller's access. */
export const TenantViewSchema = Type.Object(
  {
    name: Type.String({ description: 'The tenant name; its endpoint is /t/<name>/.' }),
    access: Type.Enum(['owner', 'member', 'admin'], {
      type: 'string',
      description: "The caller's role; admin for platform admins.",
    }),
    createdAt: Timestamp('When the tenant was created.'),
    generation: Type.Integer({ description: 'Bumped on every settings change.' }),
    spec: TenantSpecSchema,
    status: TenantStatusSchema,
  },
  Closed,
);

/** The JSON of a tenant view. */
export function tenantViewJson(view: TenantView): Static<typeof TenantViewSchema> {
  return {
    name: view.name,
    access: view.access,
    createdAt: iso(view.createdAt),
    generation: view.generation,
    spec: view.spec,
    status: view.status,
  };
}

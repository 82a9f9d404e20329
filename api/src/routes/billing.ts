import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { LmoError, TENANT_PLANS } from '@lmo/contracts';
import Type from 'typebox';
import type { RouteModule } from '../app.ts';
import { BILLING_PLANS } from '../billing/billing-plans.ts';
import { userOf } from '../http/auth.ts';
import { Closed, errorResponses, TenantParams, Timestamp } from '../http/schemas.ts';
import { hourOf } from '../usage/usage-fold.ts';
import { iso } from './json.ts';

const Plan = Type.Enum([...TENANT_PLANS], { type: 'string' });
const Nullable = <T extends Type.TSchema>(schema: T): Type.TUnion<[T, Type.TNull]> =>
  Type.Union([schema, Type.Null()]);

const PlanSchema = Type.Object(
  {
    name: Plan,
    tokensPerMonth: Type.Integer(),
    requestsPerMinute: Type.Integer(),
    cpu: Type.String(),
    memory: Type.String(),
    maxReplicas: Type.Integer(),
    monthlyPriceCents: Type.Integer(),
    meteredCentsPerMillionTokens: Type.Integer(),
    stripeLookupKey: Type.String(),
  },
  Closed,
);

const RecordSchema = Type.Object(
  {
    hour: Timestamp('Start of the billed hour.'),
    tokens: Type.Integer(),
    state: Type.Enum(['pending', 'reported', 'local'], { type: 'string' }),
    identifier: Type.String({ description: 'The Stripe meter event identifier.' }),
  },
  Closed,
);

const BillingSchema = Type.Object(
  {
    plan: Plan,
    stripeCustomerId: Nullable(Type.String()),
    subscriptionStatus: Nullable(Type.String()),
    currentPeriodEnd: Nullable(Timestamp('End of the paid period.')),
    records: Type.Array(RecordSchema, { description: 'The most recent billed hours.' }),
  },
  Closed,
);

const InvoiceSchema = Type.Object(
  {
    id: Type.String(),
    number: Nullable(Type.String()),
    status: Nullable(Type.String()),
    currency: Type.String(),
    amountDue: Type.Integer({ description: 'In the currency’s smallest unit.' }),
    amountPaid: Type.Integer(),
    periodStart: Timestamp('Start of the invoiced period.'),
    periodEnd: Timestamp('End of the invoiced period.'),
    created: Timestamp('When Stripe made it.'),
    hostedInvoiceUrl: Nullable(Type.String()),
    invoicePdf: Nullable(Type.String()),
  },
  Closed,
);

const ReconciliationSchema = Type.Object(
  {
    hour: Timestamp('Start of the hour.'),
    items: Type.Array(
      Type.Object(
        {
          tenant: Type.String(),
          meteredTokens: Type.Integer({ description: 'Billed (Prometheus).' }),
          analyticsTokens: Type.Integer({ description: 'Usage events (Kafka).' }),
          difference: Type.Integer({ description: 'metered − analytics.' }),
          state: Nullable(Type.String()),
        },
        Closed,
      ),
    ),
  },
  Closed,
);

/** Plans, a tenant's billing and invoices, and the platform admins' reconciliation view. */
export const billingRoutes: RouteModule = (plain, { services, deps }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['billing'];
  const { billing, tenants } = services;

  app.get(
    '/v1/billing/plans',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The plans: limits, monthly price and metered token price',
        security: [],
        response: { 200: Type.Object({ items: Type.Array(PlanSchema) }, Closed), ...errorResponses },
      },
    },
    () => ({ items: BILLING_PLANS.map((plan) => ({ ...plan })) }),
  );

  app.get(
    '/v1/tenants/:tenant/billing',
    {
      schema: {
        tags,
        summary: 'The tenant’s plan, subscription and most recent billed hours',
        params: TenantParams,
        response: { 200: BillingSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { tenant } = request.params;
      const view = await tenants.get(userOf(request), tenant);
      const account = await billing.accounts.get(tenant);
      const records = await billing.records(tenant, 48);
      return {
        plan: view.spec.plan,
        stripeCustomerId: account?.stripeCustomerId ?? null,
        subscriptionStatus: account?.subscriptionStatus ?? null,
        currentPeriodEnd: account?.currentPeriodEnd == null ? null : iso(account.currentPeriodEnd),
        records: records.map((r) => ({
          hour: iso(r.hour),
          tokens: r.tokens,
          state: r.state,
          identifier: r.identifier,
        })),
      };
    },
  );

  app.get(
    '/v1/tenants/:tenant/invoices',
    {
      schema: {
        tags,
        summary: 'The tenant’s invoices from Stripe, newest first (owners)',
        params: TenantParams,
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) },
          Closed,
        ),
        response: { 200: Type.Object({ items: Type.Array(InvoiceSchema) }, Closed), ...errorResponses },
      },
    },
    async (request) => {
      const { tenant } = request.params;
      await tenants.require(userOf(request), tenant, ['owner']);
      const invoices = await billing.accounts.invoices(tenant, request.query.limit ?? 24);
      return {
        items: invoices.map((i) => ({
          ...i,
          periodStart: iso(i.periodStart),
          periodEnd: iso(i.periodEnd),
          created: iso(i.created),
        })),
      };
    },
  );

  app.get(
    '/v1/admin/billing/reconciliation',
    {
      schema: {
        tags,
        summary: 'Billed tokens against usage analytics per tenant for one hour (platform admins)',
        querystring: Type.Object(
          { hour: Type.Optional(Timestamp('Any time within the hour; default: the last closed hour.')) },
          Closed,
        ),
        response: { 200: ReconciliationSchema, ...errorResponses },
      },
    },
    async (request) => {
      if (!userOf(request).isPlatformAdmin)
        throw new LmoError('LMO_FORBIDDEN', 'This is for platform admins');
      const { hour: asked } = request.query;
      const hour = hourOf(
        asked === undefined ? new Date(deps.clock.now().getTime() - 3_600_000) : new Date(asked),
      );
      return { hour: iso(hour), items: await billing.reconciliation(hour) };
    },
  );
};

/**
 * `POST /v1/stripe/webhook`: Stripe's deliveries, verified against the raw body with the signing
 * secret (this context parses JSON bodies as bytes for that), then applied once.
 */
export const stripeWebhookRoutes: RouteModule = (app, { services }) => {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });
  app.post(
    '/v1/stripe/webhook',
    {
      config: { public: true },
      schema: {
        tags: ['billing'],
        summary: 'Stripe webhook (subscription changes); verified by the Stripe-Signature header',
        security: [],
        body: Type.Object(
          {},
          { additionalProperties: true, description: 'A Stripe event, as Stripe signed it.' },
        ),
        response: {
          200: Type.Object({ received: Type.Boolean(), type: Type.String() }, Closed),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const signature = request.headers['stripe-signature'];
      const outcome = await services.billing.handleWebhook(
        request.body as Buffer,
        typeof signature === 'string' ? signature : undefined,
      );
      request.log.info(
        { type: outcome.type, tenant: outcome.account?.tenant, status: outcome.account?.subscriptionStatus },
        'Received Stripe webhook',
      );
      return { received: true, type: outcome.type };
    },
  );
};

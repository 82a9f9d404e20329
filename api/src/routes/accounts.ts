import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { EMAIL_PATTERN, LmoError } from '@lmo/contracts';
import Type, { type Static } from 'typebox';
import type { User } from '../accounts/users.ts';
import { csrfTokenOf } from '../auth/secrets.ts';
import { clearSessionCookie, setSessionCookie, userOf } from '../http/auth.ts';
import { Closed, errorResponses, Timestamp } from '../http/schemas.ts';
import type { RouteModule } from '../app.ts';
import { iso } from './json.ts';
import { TenantViewSchema, tenantViewJson } from './tenant-json.ts';

const Email = Type.String({ pattern: EMAIL_PATTERN, maxLength: 254, description: 'E-mail address.' });
const Password = Type.String({ minLength: 12, maxLength: 1024, description: 'At least 12 characters.' });

const UserSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    email: Type.String(),
    isPlatformAdmin: Type.Boolean(),
    createdAt: Timestamp('When the account was made.'),
  },
  Closed,
);

const SignUpBody = Type.Object(
  {
    email: Email,
    password: Password,
    tenant: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 40, description: 'DNS label: a-z, 0-9 and -.' }),
          displayName: Type.String({ minLength: 1, maxLength: 100 }),
        },
        { ...Closed, description: 'A tenant to create, owned by the new account.' },
      ),
    ),
  },
  Closed,
);

const LoginBody = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: 1024 }) },
  Closed,
);

const SessionAnswer = Type.Object(
  {
    user: UserSchema,
    csrfToken: Type.String({ description: 'Send it in x-csrf-token on every write with this session.' }),
    tenant: Type.Optional(TenantViewSchema),
  },
  Closed,
);

const MeAnswer = Type.Object(
  {
    user: UserSchema,
    authenticatedWith: Type.Enum(['session', 'token'], { type: 'string' }),
    csrfToken: Type.Optional(Type.String({ description: 'Present for sessions.' })),
    sessionExpiresAt: Type.Optional(Timestamp('When the session ends.')),
    tenants: Type.Array(
      Type.Object({ name: Type.String(), role: Type.Enum(['owner', 'member'], { type: 'string' }) }, Closed),
    ),
  },
  Closed,
);

const userJson = (user: User): Static<typeof UserSchema> => ({
  id: user.id,
  email: user.email,
  isPlatformAdmin: user.isPlatformAdmin,
  createdAt: iso(user.createdAt),
});

/** Sign-up, login, logout and `GET /v1/me`: cookie sessions with a CSRF token. */
export const accountRoutes: RouteModule = (plain, { services, deps }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const { config } = deps;
  const rateLimit = { max: config.authRateLimit.max, timeWindow: config.authRateLimit.windowSeconds * 1000 };

  app.post(
    '/v1/signup',
    {
      config: { public: true, rateLimit },
      schema: {
        tags: ['accounts'],
        summary: 'Create an account (and optionally its first tenant) and sign in',
        security: [],
        body: SignUpBody,
        response: { 201: SessionAnswer, ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (body.tenant !== undefined && (await services.registry.get(body.tenant.name)) !== undefined) {
        throw new LmoError('LMO_CONFLICT', `A tenant named ${body.tenant.name} already exists`);
      }
      const user = await services.users.create(body.email, body.password);
      let tenant;
      try {
        tenant = body.tenant === undefined ? undefined : await services.tenants.create(user, body.tenant);
      } catch (error) {
        await services.users.delete(user.id);
        throw error;
      }
      const session = await services.sessions.create(user.id);
      setSessionCookie(reply, session, config.cookieSecure);
      request.log.info({ userId: user.id, tenant: tenant?.name }, 'Created account');
      return reply.code(201).send({
        user: userJson(user),
        csrfToken: session.csrfToken,
        ...(tenant === undefined ? {} : { tenant: tenantViewJson(tenant) }),
      });
    },
  );

  app.post(
    '/v1/login',
    {
      config: { public: true, rateLimit },
      schema: {
        tags: ['accounts'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        security: [],
        body: LoginBody,
        response: { 200: SessionAnswer, ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const user = await services.users.authenticate(body.email, body.password);
      const session = await services.sessions.create(user.id);
      setSessionCookie(reply, session, config.cookieSecure);
      return { user: userJson(user), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/v1/logout',
    {
      schema: {
        tags: ['accounts'],
        summary: 'End the current session (a no-op with a token)',
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = request.principal;
      if (principal?.via === 'session') await services.sessions.destroy(principal.sessionSecret);
      clearSessionCookie(reply, config.cookieSecure);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/v1/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in user, their tenants and the CSRF token of the session',
        response: { 200: MeAnswer, ...errorResponses },
      },
    },
    async (request) => {
      const user = userOf(request);
      const principal = request.principal;
      const tenants = (await services.members.tenantsOf(user.id)).map(({ tenant, role }) => ({
        name: tenant,
        role,
      }));
      const session =
        principal?.via === 'session'
          ? { csrfToken: csrfTokenOf(principal.sessionSecret), sessionExpiresAt: iso(principal.expiresAt) }
          : {};
      return { user: userJson(user), authenticatedWith: principal?.via ?? 'token', ...session, tenants };
    },
  );
};

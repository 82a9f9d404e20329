import cookie from '@fastify/cookie';
import { LmoError } from '@lmo/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { SessionService } from '../accounts/sessions.ts';
import type { PersonalAccessTokenService } from '../accounts/personal-access-tokens.ts';
import type { User, UserService } from '../accounts/users.ts';
import { csrfTokenOf, safeEqual } from '../auth/secrets.ts';
import { CSRF_HEADER } from './schemas.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'lmo_session';

/** Who is calling and how they proved it. */
export type Principal =
  | { readonly user: User; readonly via: 'session'; readonly sessionSecret: string; readonly expiresAt: Date }
  | { readonly user: User; readonly via: 'token' };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Serve without credentials (health, docs, sign-up, login). Every other route requires them. */
    public?: boolean;
  }
  interface FastifyRequest {
    /** The authenticated caller; `null` on public routes. */
    principal: Principal | null;
  }
}

/** Options of the {@link authPlugin}. */
export interface AuthOptions {
  readonly users: UserService;
  readonly sessions: SessionService;
  readonly tokens: PersonalAccessTokenService;
  readonly cookieSecure: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const unauthenticated = (): LmoError => new LmoError('LMO_UNAUTHENTICATED');

/** The caller on a route that is not public. @throws {LmoError} `LMO_UNAUTHENTICATED` otherwise. */
export function userOf(request: FastifyRequest): User {
  if (request.principal === null) throw unauthenticated();
  return request.principal.user;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure unless configured off, expiring with the session. */
export function setSessionCookie(
  reply: FastifyReply,
  session: { secret: string; expiresAt: Date },
  secure: boolean,
): void {
  reply.setCookie(SESSION_COOKIE, session.secret, {
    httpOnly: true,
    secure,
    sameSite: 'lax',
    path: '/',
    expires: session.expiresAt,
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, secure, sameSite: 'lax', path: '/' });
}

async function tokenPrincipal(authorization: string, options: AuthOptions): Promise<Principal> {
  const token = /^Bearer (\S+)$/i.exec(authorization)?.[1];
  const userId = token === undefined ? undefined : await options.tokens.resolve(token);
  const user = userId === undefined ? undefined : await options.users.get(userId);
  if (user === undefined) throw unauthenticated();
  return { user, via: 'token' };
}

async function principalOf(request: FastifyRequest, options: AuthOptions): Promise<Principal> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) return tokenPrincipal(authorization, options);
  const secret = request.cookies[SESSION_COOKIE];
  if (secret === undefined || secret === '') throw unauthenticated();
  const session = await options.sessions.resolve(secret);
  const user = session === undefined ? undefined : await options.users.get(session.userId);
  if (session === undefined || user === undefined) throw unauthenticated();
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !safeEqual(sent, csrfTokenOf(secret))) {
      throw new LmoError('LMO_CSRF_FAILED');
    }
  }
  return { user, via: 'session', sessionSecret: secret, expiresAt: session.expiresAt };
}

/**
 * Authentication for every route not marked `config: { public: true }`: a personal access token
 * (`Authorization: Bearer lmo_pat_…`, no CSRF needed) or the session cookie, whose writes must
 * carry the session's CSRF token in `x-csrf-token`. Runs before body parsing and validation, so an
 * unauthenticated request learns nothing about the route's schema.
 */
export const authPlugin = fp<AuthOptions>(
  async (app: FastifyInstance, options) => {
    await app.register(cookie);
    app.decorateRequest('principal', null);
    app.addHook('onRequest', async (request) => {
      if (request.is404 || request.routeOptions.config.public === true) return;
      request.principal = await principalOf(request, options);
    });
  },
  { name: 'lmo-auth' },
);

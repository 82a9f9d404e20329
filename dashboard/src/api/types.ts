/** Shorthands over the generated API types: a route's success answer and its JSON body. */
import type { paths } from './schema.generated.ts';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type Responses<O> = O extends { responses: infer R } ? R : never;
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** The JSON a route answers on success (its 200 or 201 response). */
export type Ok<P extends keyof paths, M extends Method> = JsonOf<
  Responses<Operation<P, M>>[Extract<keyof Responses<Operation<P, M>>, 200 | 201>]
>;

/** The JSON body a route takes. */
export type Body<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/** A tenant as the API shows it: name, the caller's access, settings (spec) and status. */
export type TenantView = Ok<'/v1/tenants/{tenant}', 'get'>;
/** A tenant's settings. */
export type TenantSpec = TenantView['spec'];
/** A tenant's status, as the operator (or the local supervisor) reports it. */
export type TenantStatus = TenantView['status'];

import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { LmoError } from '@lmo/contracts';
import Type from 'typebox';
import type { RouteModule } from '../app.ts';
import { userOf } from '../http/auth.ts';
import { Closed, errorResponses, TenantParams, Timestamp } from '../http/schemas.ts';
import { createValidatorCompiler } from '../http/validator.ts';
import { knowledgeContentType } from '../knowledge/document-text.ts';

const DocumentSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    contentType: Type.String({ description: 'text/plain, text/markdown or application/pdf.' }),
    bytes: Type.Integer({ description: 'Size of the upload.' }),
    chunks: Type.Integer({ description: 'Passages the text was cut into and embedded.' }),
    createdAt: Timestamp('When it was uploaded.'),
  },
  Closed,
);

const DocumentWithText = Type.Object(
  { ...DocumentSchema.properties, text: Type.String({ description: 'The extracted text.' }) },
  Closed,
);

const HitSchema = Type.Object(
  {
    documentId: Type.String(),
    documentName: Type.String(),
    chunk: Type.Integer({ description: 'Position of the passage in its document, from 0.' }),
    text: Type.String(),
    score: Type.Number({ description: 'Cosine similarity, -1 to 1; higher is closer.' }),
  },
  Closed,
);

const DocumentParams = Type.Object(
  { ...TenantParams.properties, documentId: Type.String({ format: 'uuid' }) },
  Closed,
);

const UploadQuery = Type.Object(
  {
    name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 255, description: 'Defaults to the file name.' }),
    ),
  },
  Closed,
);

const SearchBody = Type.Object(
  {
    query: Type.String({ minLength: 1, maxLength: 10_000 }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 5 })),
  },
  Closed,
);

const UploadBody = Type.Object(
  {
    file: Type.Unsafe<unknown>({
      type: 'string',
      format: 'binary',
      description: 'The document: .txt, .md or .pdf (or its content type).',
    }),
  },
  { ...Closed, description: 'multipart/form-data with one file part.' },
);

const displayName = (name: string): string =>
  (name.split(/[\\/]/).pop() ?? '')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 255) || 'document';

/**
 * A tenant's knowledge: upload text, Markdown and PDF (multipart, one file), list, read, delete,
 * and search. Any member may manage it; without pgvector every route answers
 * `LMO_DEPENDENCY_UNAVAILABLE`.
 */
export const knowledgeRoutes: RouteModule = async (plain, { services, deps }) => {
  await plain.register(multipart, {
    limits: { fileSize: deps.config.knowledge.maxUploadBytes, files: 1, fields: 4, parts: 5 },
  });
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['knowledge'];
  // The upload's body is a multipart stream read by the handler; its schema only documents it.
  const compile = createValidatorCompiler();
  const { knowledge, tenants } = services;

  app.get(
    '/v1/tenants/:tenant/knowledge',
    {
      schema: {
        tags,
        summary: "The tenant's knowledge documents, newest first",
        params: TenantParams,
        response: { 200: Type.Object({ items: Type.Array(DocumentSchema) }, Closed), ...errorResponses },
      },
    },
    async (request) => {
      await tenants.access(userOf(request), request.params.tenant);
      return { items: await knowledge.list(request.params.tenant) };
    },
  );

  app.post(
    '/v1/tenants/:tenant/knowledge',
    {
      schema: {
        tags,
        summary: 'Upload a document (multipart/form-data, one file): text, Markdown or PDF',
        description:
          'The text is extracted, cut into overlapping passages and embedded with the tenant’s embedding model; its runtime searches it at once. Larger than LMO_KNOWLEDGE_MAX_BYTES: 413.',
        consumes: ['multipart/form-data'],
        params: TenantParams,
        querystring: UploadQuery,
        body: UploadBody,
        response: { 201: DocumentSchema, ...errorResponses },
      },
      validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : compile(route)),
    },
    async (request, reply) => {
      const { tenant } = request.params;
      await tenants.access(userOf(request), tenant);
      if (!request.isMultipart()) {
        throw new LmoError('LMO_UNSUPPORTED_MEDIA_TYPE', 'Upload the document as multipart/form-data');
      }
      const file = await request.file();
      if (file === undefined) throw new LmoError('LMO_VALIDATION_FAILED', 'The upload holds no file');
      const contentType = knowledgeContentType(file.mimetype, file.filename);
      const bytes = await file.toBuffer();
      const document = await knowledge.upload(tenant, {
        name: request.query.name ?? displayName(file.filename),
        contentType,
        bytes,
      });
      request.log.info(
        { tenant, documentId: document.id, chunks: document.chunks },
        'Stored knowledge document',
      );
      return reply.code(201).send(document);
    },
  );

  app.get(
    '/v1/tenants/:tenant/knowledge/:documentId',
    {
      schema: {
        tags,
        summary: 'A document with its extracted text',
        params: DocumentParams,
        response: { 200: DocumentWithText, ...errorResponses },
      },
    },
    async (request) => {
      await tenants.access(userOf(request), request.params.tenant);
      return knowledge.get(request.params.tenant, request.params.documentId);
    },
  );

  app.delete(
    '/v1/tenants/:tenant/knowledge/:documentId',
    {
      schema: {
        tags,
        summary: 'Delete a document and its passages',
        params: DocumentParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { tenant, documentId } = request.params;
      await tenants.access(userOf(request), tenant);
      await knowledge.delete(tenant, documentId);
      request.log.info({ tenant, documentId }, 'Deleted knowledge document');
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/tenants/:tenant/knowledge/search',
    {
      schema: {
        tags,
        summary: 'The passages closest to a query (what the runtime’s search_knowledge tool answers)',
        params: TenantParams,
        body: SearchBody,
        response: { 200: Type.Object({ items: Type.Array(HitSchema) }, Closed), ...errorResponses },
      },
    },
    async (request) => {
      const { tenant } = request.params;
      await tenants.access(userOf(request), tenant);
      return { items: await knowledge.search(tenant, request.body.query, request.body.limit ?? 5) };
    },
  );
};

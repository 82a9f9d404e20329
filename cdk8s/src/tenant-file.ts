/**
 * Reading Tenant objects from YAML, for `synth.ts` and reviews: the same defaults and validation the
 * apiserver applies, so a file that synthesizes here is one the cluster accepts.
 */
import {
  TENANT_API_VERSION,
  TENANT_KIND,
  validateTenantName,
  validateTenantSpec,
  type ValidationIssue,
  type ValidationResult,
} from '@lmo/contracts';
import { parseAllDocuments } from 'yaml';
import type { TenantManifestInput } from './runtime-config.ts';

/** The uid given to a Tenant read from a file without `metadata.uid` (the apiserver assigns real ones). */
export const PLACEHOLDER_TENANT_UID = '00000000-0000-0000-0000-000000000000';

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function kindIssues(doc: Readonly<Record<string, unknown>>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (doc.apiVersion !== TENANT_API_VERSION) {
    issues.push({ path: '/apiVersion', message: `must be "${TENANT_API_VERSION}"` });
  }
  if (doc.kind !== TENANT_KIND) issues.push({ path: '/kind', message: `must be "${TENANT_KIND}"` });
  return issues;
}

function tenantFromDocument(doc: unknown): ValidationResult<TenantManifestInput> {
  if (!isRecord(doc)) return { ok: false, issues: [{ path: '', message: 'must be a Tenant object' }] };
  const metadata = isRecord(doc.metadata) ? doc.metadata : {};
  const name = validateTenantName(metadata.name);
  const spec = validateTenantSpec(doc.spec);
  const uid = metadata.uid ?? PLACEHOLDER_TENANT_UID;
  const uidOk = typeof uid === 'string' && uid !== '';
  const issues = [
    ...kindIssues(doc),
    ...(name.ok ? [] : name.issues),
    ...(uidOk ? [] : [{ path: '/metadata/uid', message: 'must be a non-empty string' }]),
    ...(spec.ok ? [] : spec.issues.map((issue) => ({ ...issue, path: `/spec${issue.path}` }))),
  ];
  if (!name.ok || !spec.ok || typeof uid !== 'string' || issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { name: name.value, uid, spec: spec.value } };
}

/**
 * Parses one or more YAML documents, each a `lmo.dev/v1alpha1` Tenant, into render inputs with the
 * spec's defaults applied. A missing `metadata.uid` becomes {@link PLACEHOLDER_TENANT_UID}.
 * @returns the inputs, or every issue found, each path prefixed with the document's position
 *   (`#1/spec/model/temperature`) when the text holds several documents. Never throws.
 */
export function parseTenantDocuments(text: string): ValidationResult<TenantManifestInput[]> {
  const documents = parseAllDocuments(text);
  const syntax = documents.flatMap((doc, index) =>
    doc.errors.map((error) => ({ path: `#${index + 1}`, message: error.message })),
  );
  if (syntax.length > 0) return { ok: false, issues: syntax };
  const results = documents.map((doc) => doc.toJS() as unknown).map(tenantFromDocument);
  const several = results.length > 1;
  const issues = results.flatMap((result, index) =>
    result.ok
      ? []
      : result.issues.map((issue) => (several ? { ...issue, path: `#${index + 1}${issue.path}` } : issue)),
  );
  if (issues.length > 0) return { ok: false, issues };
  if (results.length === 0) return { ok: false, issues: [{ path: '', message: 'holds no Tenant' }] };
  return { ok: true, value: results.flatMap((result) => (result.ok ? [result.value] : [])) };
}

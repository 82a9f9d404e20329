/**
 * Regular expressions shared by the schemas, as JSON Schema `pattern` strings.
 *
 * Each pattern is evaluated by two engines: TypeBox (ECMAScript, `u` flag) in the API and the
 * Kubernetes apiserver (Go RE2) for the CRD. So they stay inside the common subset: no
 * lookaround, no backreferences, no `\u` escapes.
 */

/** A DNS-1123 label (RFC 1123): lower-case alphanumerics and `-`, alphanumeric at both ends. At most 63 characters. */
export const DNS1123_LABEL_PATTERN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';

/** A DNS-1123 subdomain: dot-separated DNS-1123 labels, at most 253 characters (Secret and ConfigMap names). */
export const DNS1123_SUBDOMAIN_PATTERN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';

/**
 * A non-negative Kubernetes resource quantity such as `500m`, `2`, `1.5Gi` or `1e3`: the apimachinery
 * quantity grammar without the sign.
 */
export const QUANTITY_PATTERN =
  '^(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';

/** A lower-case identifier (prompt and argument names): a letter, then letters, digits or `-`; at most 63 characters. */
export const IDENTIFIER_PATTERN = '^[a-z][a-z0-9-]{0,62}$';

/** An e-mail address, loosely: one `@`, no whitespace, a dot in the domain. Mailbox existence is the sign-up flow's job. */
export const EMAIL_PATTERN = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';

/** An absolute `http` or `https` URL prefix; combined with `format: uri`. */
export const HTTP_URL_PATTERN = '^https?://';

/** A key inside a Secret's `data` (Kubernetes' `IsConfigMapKey`). */
export const SECRET_KEY_PATTERN = '^[-._a-zA-Z0-9]+$';

/** An idempotency key: 8 to 128 URL-safe characters; a UUID is typical. */
export const REQUEST_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$';

/** An API key id (never the key itself): 1 to 64 characters of `[A-Za-z0-9_-]`. */
export const KEY_ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';

/** `metav1.Condition.type`: an optional DNS-subdomain prefix and `/`, then a CamelCase-ish name. */
export const CONDITION_TYPE_PATTERN =
  '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$';

/** `metav1.Condition.reason`: a CamelCase word, programmatic and stable. */
export const CONDITION_REASON_PATTERN = '^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$';

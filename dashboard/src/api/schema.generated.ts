// Generated from the platform API's OpenAPI document by dashboard/scripts/generate-api-types.ts.
// Do not edit: change the API's route schemas and run `npm run api-types -w dashboard`.
export type paths = {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checks?: {
                                [key: string]: string;
                            };
                            status: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database (and the Kubernetes API) answer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checks?: {
                                [key: string]: string;
                            };
                            status: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/billing/reconciliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Billed tokens against usage analytics per tenant for one hour (platform admins) */
        get: {
            parameters: {
                query?: {
                    /** @description Any time within the hour; default: the last closed hour. */
                    hour?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description Start of the hour.
                             */
                            hour: string;
                            items: {
                                /** @description Usage events (Kafka). */
                                analyticsTokens: number;
                                /** @description metered − analytics. */
                                difference: number;
                                /** @description Billed (Prometheus). */
                                meteredTokens: number;
                                state: string | null;
                                tenant: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/billing/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The plans: limits, monthly price and metered token price */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                cpu: string;
                                maxReplicas: number;
                                memory: string;
                                meteredCentsPerMillionTokens: number;
                                monthlyPriceCents: number;
                                /** @enum {string} */
                                name: "free" | "pro" | "enterprise";
                                requestsPerMinute: number;
                                stripeLookupKey: string;
                                tokensPerMonth: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation addressed to the signed-in e-mail */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            role: "owner" | "member";
                            tenant: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with e-mail and password; sets the session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description E-mail address. */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Send it in x-csrf-token on every write with this session. */
                            csrfToken: string;
                            tenant?: {
                                /**
                                 * @description The caller's role; admin for platform admins.
                                 * @enum {string}
                                 */
                                access: "owner" | "member" | "admin";
                                /**
                                 * Format: date-time
                                 * @description When the tenant was created.
                                 */
                                createdAt: string;
                                /** @description Bumped on every settings change. */
                                generation: number;
                                /** @description The tenant name; its endpoint is /t/<name>/. */
                                name: string;
                                /** @description Desired state of the tenant. */
                                spec: {
                                    /** @description Human-readable tenant name. */
                                    displayName: string;
                                    /**
                                     * @description Overrides of the plan's limits; an unset field takes the plan's default.
                                     * @default {}
                                     */
                                    limits: {
                                        /** @description CPU quota of the tenant namespace. Unset: the plan's default. */
                                        cpu?: string;
                                        /** @description Memory quota of the tenant namespace. Unset: the plan's default. */
                                        memory?: string;
                                        /** @description Requests per minute across all of the tenant's API keys. Unset: the plan's default. */
                                        requestsPerMinute?: number;
                                        /** @description LLM tokens (in + out) per calendar month. Unset: the plan's default. */
                                        tokensPerMonth?: number;
                                    };
                                    /**
                                     * @description LLM provider and model settings.
                                     * @default {}
                                     */
                                    model: {
                                        /**
                                         * Format: uri
                                         * @description Base URL of an OpenAI-compatible API, for example "https://llm.example.com/v1". Required when provider is openai-compatible. Private and link-local addresses are refused unless the platform allows them.
                                         */
                                        baseUrl?: string;
                                        /** @description Model used to embed knowledge documents for search. */
                                        embeddingModel?: string;
                                        /**
                                         * @description Most tokens the model may generate per completion.
                                         * @default 1024
                                         */
                                        maxTokens: number;
                                        /**
                                         * @description Model name as the provider knows it, for example "gpt-4o-mini". "echo-1" is only valid with the echo provider.
                                         * @default echo-1
                                         */
                                        model: string;
                                        /**
                                         * @description LLM provider. "echo" is the built-in deterministic provider for development; "openai-compatible" covers vLLM, Ollama, llama.cpp and similar servers and needs baseUrl.
                                         * @default echo
                                         * @enum {string}
                                         */
                                        provider: "openai" | "anthropic" | "openai-compatible" | "echo";
                                        /** @description System prompt prepended to every conversation. */
                                        systemPrompt?: string;
                                        /**
                                         * @description Sampling temperature, 0 to 2.
                                         * @default 0.7
                                         */
                                        temperature: number;
                                    };
                                    /** @description E-mail address of the tenant's owning user. */
                                    owner: string;
                                    /**
                                     * @description Billing plan; sets the default limits and the maximum replicas.
                                     * @default free
                                     * @enum {string}
                                     */
                                    plan: "free" | "pro" | "enterprise";
                                    /**
                                     * @description MCP prompts the runtime serves; names are unique.
                                     * @default []
                                     */
                                    promptTemplates: {
                                        /**
                                         * @description Arguments of the prompt; names are unique.
                                         * @default []
                                         */
                                        arguments: {
                                            /** @description What the argument is for. */
                                            description?: string;
                                            /** @description Argument name, used as {{name}} in the template. */
                                            name: string;
                                            /**
                                             * @description Whether MCP clients must supply the argument.
                                             * @default false
                                             */
                                            required: boolean;
                                        }[];
                                        /** @description What the prompt does. */
                                        description?: string;
                                        /** @description Prompt name as MCP clients list it; unique within the tenant. */
                                        name: string;
                                        /** @description Prompt text; {{argument}} placeholders are replaced by argument values. */
                                        template: string;
                                    }[];
                                    /** @description Secret in the platform namespace that holds the provider credentials. The operator copies it into the tenant namespace. */
                                    providerSecretRef?: {
                                        /**
                                         * @description Key in the Secret that holds the provider API key.
                                         * @default apiKey
                                         */
                                        key: string;
                                        /** @description Name of a Secret in the platform namespace. */
                                        name: string;
                                        /** @description Namespace of the Secret. Only the platform namespace (the default) is allowed; the operator refuses any other with a Degraded condition. */
                                        namespace?: string;
                                    };
                                    /**
                                     * @description Settings of the tenant's MCP runtime.
                                     * @default {}
                                     */
                                    runtime: {
                                        /** @description Runtime container image. Unset: the platform's default runtime image. */
                                        image?: string;
                                        /**
                                         * @description Runtime pods. 0 stops the runtime without suspending the tenant. At most the plan's maxReplicas.
                                         * @default 1
                                         */
                                        replicas: number;
                                        /** @description Compute resources of each runtime pod. Unset: derived from the plan. */
                                        resources?: {
                                            limits?: {
                                                /** @description CPU as a Kubernetes quantity string, for example "500m" or "2". */
                                                cpu?: string;
                                                /** @description Memory as a Kubernetes quantity string, for example "512Mi" or "2Gi". */
                                                memory?: string;
                                            };
                                            requests?: {
                                                /** @description CPU as a Kubernetes quantity string, for example "500m" or "2". */
                                                cpu?: string;
                                                /** @description Memory as a Kubernetes quantity string, for example "512Mi" or "2Gi". */
                                                memory?: string;
                                            };
                                        };
                                    };
                                    /**
                                     * @description Stops serving: the runtime scales to zero and requests are refused. Data and keys are kept.
                                     * @default false
                                     */
                                    suspended: boolean;
                                };
                                /** @description Observed state of the tenant, written by the operator. */
                                status: {
                                    /** @description Current conditions: Ready, NamespaceReady, RuntimeReady, Suspended, Degraded. */
                                    conditions?: {
                                        /**
                                         * Format: date-time
                                         * @description When the status last changed from one value to another.
                                         */
                                        lastTransitionTime: string;
                                        /** @description Human-readable detail of the last transition. */
                                        message: string;
                                        /** @description metadata.generation the condition was computed from. */
                                        observedGeneration?: number;
                                        /** @description Programmatic identifier in CamelCase for the last transition. */
                                        reason: string;
                                        /**
                                         * @description True, False or Unknown.
                                         * @enum {string}
                                         */
                                        status: "True" | "False" | "Unknown";
                                        /** @description Type of condition in CamelCase, for example Ready. */
                                        type: string;
                                    }[];
                                    /** @description URL of the tenant's MCP endpoint. */
                                    endpoint?: string;
                                    /** @description Namespace that holds the tenant's runtime. */
                                    namespace?: string;
                                    /** @description metadata.generation the operator last reconciled. */
                                    observedGeneration?: number;
                                    /**
                                     * @description Summary of the conditions, for display.
                                     * @enum {string}
                                     */
                                    phase?: "Pending" | "Provisioning" | "Ready" | "Degraded" | "Suspended" | "Terminating";
                                };
                            };
                            user: {
                                /**
                                 * Format: date-time
                                 * @description When the account was made.
                                 */
                                createdAt: string;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                isPlatformAdmin: boolean;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the current session (a no-op with a token) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, their tenants and the CSRF token of the session */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            authenticatedWith: "session" | "token";
                            /** @description Present for sessions. */
                            csrfToken?: string;
                            /**
                             * Format: date-time
                             * @description When the session ends.
                             */
                            sessionExpiresAt?: string;
                            tenants: {
                                name: string;
                                /** @enum {string} */
                                role: "owner" | "member";
                            }[];
                            user: {
                                /**
                                 * Format: date-time
                                 * @description When the account was made.
                                 */
                                createdAt: string;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                isPlatformAdmin: boolean;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account (and optionally its first tenant) and sign in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description E-mail address. */
                        email: string;
                        /** @description At least 12 characters. */
                        password: string;
                        /** @description A tenant to create, owned by the new account. */
                        tenant?: {
                            displayName: string;
                            /** @description DNS label: a-z, 0-9 and -. */
                            name: string;
                        };
                    };
                };
            };
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Send it in x-csrf-token on every write with this session. */
                            csrfToken: string;
                            tenant?: {
                                /**
                                 * @description The caller's role; admin for platform admins.
                                 * @enum {string}
                                 */
                                access: "owner" | "member" | "admin";
                                /**
                                 * Format: date-time
                                 * @description When the tenant was created.
                                 */
                                createdAt: string;
                                /** @description Bumped on every settings change. */
                                generation: number;
                                /** @description The tenant name; its endpoint is /t/<name>/. */
                                name: string;
                                /** @description Desired state of the tenant. */
                                spec: {
                                    /** @description Human-readable tenant name. */
                                    displayName: string;
                                    /**
                                     * @description Overrides of the plan's limits; an unset field takes the plan's default.
                                     * @default {}
                                     */
                                    limits: {
                                        /** @description CPU quota of the tenant namespace. Unset: the plan's default. */
                                        cpu?: string;
                                        /** @description Memory quota of the tenant namespace. Unset: the plan's default. */
                                        memory?: string;
                                        /** @description Requests per minute across all of the tenant's API keys. Unset: the plan's default. */
                                        requestsPerMinute?: number;
                                        /** @description LLM tokens (in + out) per calendar month. Unset: the plan's default. */
                                        tokensPerMonth?: number;
                                    };
                                    /**
                                     * @description LLM provider and model settings.
                                     * @default {}
                                     */
                                    model: {
                                        /**
                                         * Format: uri
                                         * @description Base URL of an OpenAI-compatible API, for example "https://llm.example.com/v1". Required when provider is openai-compatible. Private and link-local addresses are refused unless the platform allows them.
                                         */
                                        baseUrl?: string;
                                        /** @description Model used to embed knowledge documents for search. */
                                        embeddingModel?: string;
                                        /**
                                         * @description Most tokens the model may generate per completion.
                                         * @default 1024
                                         */
                                        maxTokens: number;
                                        /**
                                         * @description Model name as the provider knows it, for example "gpt-4o-mini". "echo-1" is only valid with the echo provider.
                                         * @default echo-1
                                         */
                                        model: string;
                                        /**
                                         * @description LLM provider. "echo" is the built-in deterministic provider for development; "openai-compatible" covers vLLM, Ollama, llama.cpp and similar servers and needs baseUrl.
                                         * @default echo
                                         * @enum {string}
                                         */
                                        provider: "openai" | "anthropic" | "openai-compatible" | "echo";
                                        /** @description System prompt prepended to every conversation. */
                                        systemPrompt?: string;
                                        /**
                                         * @description Sampling temperature, 0 to 2.
                                         * @default 0.7
                                         */
                                        temperature: number;
                                    };
                                    /** @description E-mail address of the tenant's owning user. */
                                    owner: string;
                                    /**
                                     * @description Billing plan; sets the default limits and the maximum replicas.
                                     * @default free
                                     * @enum {string}
                                     */
                                    plan: "free" | "pro" | "enterprise";
                                    /**
                                     * @description MCP prompts the runtime serves; names are unique.
                                     * @default []
                                     */
                                    promptTemplates: {
                                        /**
                                         * @description Arguments of the prompt; names are unique.
                                         * @default []
                                         */
                                        arguments: {
                                            /** @description What the argument is for. */
                                            description?: string;
                                            /** @description Argument name, used as {{name}} in the template. */
                                            name: string;
                                            /**
                                             * @description Whether MCP clients must supply the argument.
                                             * @default false
                                             */
                                            required: boolean;
                                        }[];
                                        /** @description What the prompt does. */
                                        description?: string;
                                        /** @description Prompt name as MCP clients list it; unique within the tenant. */
                                        name: string;
                                        /** @description Prompt text; {{argument}} placeholders are replaced by argument values. */
                                        template: string;
                                    }[];
                                    /** @description Secret in the platform namespace that holds the provider credentials. The operator copies it into the tenant namespace. */
                                    providerSecretRef?: {
                                        /**
                                         * @description Key in the Secret that holds the provider API key.
                                         * @default apiKey
                                         */
                                        key: string;
                                        /** @description Name of a Secret in the platform namespace. */
                                        name: string;
                                        /** @description Namespace of the Secret. Only the platform namespace (the default) is allowed; the operator refuses any other with a Degraded condition. */
                                        namespace?: string;
                                    };
                                    /**
                                     * @description Settings of the tenant's MCP runtime.
                                     * @default {}
                                     */
                                    runtime: {
                                        /** @description Runtime container image. Unset: the platform's default runtime image. */
                                        image?: string;
                                        /**
                                         * @description Runtime pods. 0 stops the runtime without suspending the tenant. At most the plan's maxReplicas.
                                         * @default 1
                                         */
                                        replicas: number;
                                        /** @description Compute resources of each runtime pod. Unset: derived from the plan. */
                                        resources?: {
                                            limits?: {
                                                /** @description CPU as a Kubernetes quantity string, for example "500m" or "2". */
                                                cpu?: string;
                                                /** @description Memory as a Kubernetes quantity string, for example "512Mi" or "2Gi". */
                                                memory?: string;
                                            };
                                            requests?: {
                                                /** @description CPU as a Kubernetes quantity string, for example "500m" or "2". */
                                                cpu?: string;
                                                /** @description Memory as a Kubernetes quantity string, for example "512Mi" or "2Gi". */
                                                memory?: string;
                                            };
                                        };
                                    };
                                    /**
                                     * @description Stops serving: the runtime scales to zero and requests are refused. Data and keys are kept.
                                     * @default false
                                     */
                                    suspended: boolean;
                                };
                                /** @description Observed state of the tenant, written by the operator. */
                                status: {
                                    /** @description Current conditions: Ready, NamespaceReady, RuntimeReady, Suspended, Degraded. */
                                    conditions?: {
                                        /**
                                         * Format: date-time
                                         * @description When the status last changed from one value to another.
                                         */
                                        lastTransitionTime: string;
                                        /** @description Human-readable detail of the last transition. */
                                        message: string;
                                        /** @description metadata.generation the condition was computed from. */
                                        observedGeneration?: number;
                                        /** @description Programmatic identifier in CamelCase for the last transition. */
                                        reason: string;
                                        /**
                                         * @description True, False or Unknown.
                                         * @enum {string}
                                         */
                                        status: "True" | "False" | "Unknown";
                                        /** @description Type of condition in CamelCase, for example Ready. */
                                        type: string;
                                    }[];
                                    /** @description URL of the tenant's MCP endpoint. */
                                    endpoint?: string;
                                    /** @description Namespace that holds the tenant's runtime. */
                                    namespace?: string;
                                    /** @description metadata.generation the operator last reconciled. */
                                    observedGeneration?: number;
                                    /**
                                     * @description Summary of the conditions, for display.
                                     * @enum {string}
                                     */
                                    phase?: "Pending" | "Provisioning" | "Ready" | "Degraded" | "Suspended" | "Terminating";
                                };
                            };
                            user: {
                                /**
                                 * Format: date-time
                                 * @description When the account was made.
                                 */
                                createdAt: string;
                                email: string;
                                /** Format: uuid */
                                id: string;
                                isPlatformAdmin: boolean;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stripe/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stripe webhook (subscription changes); verified by the Stripe-Signature header */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description A Stripe event, as Stripe signed it. */
            requestBody: {
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            received: boolean;
                            type: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's tenants (admins: ?all=true for every tenant) */
        get: {
            parameters: {
                query?: {
                    /** @description Platform admins: every tenant, not only their own. */
                    all?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * @description The caller's role; admin for platform admins.
                                 * @enum {string}
                                 */
                                access: "owner" | "member" | "admin";
                                /**
                                 * Format: date-time
                                 * @description When the tenant was created.
                                 */
                                createdAt: string;
                                /** @description Bumped on every settings change. */
                                generation: number;
                                /** @description The tenant name; its endpoint is /t/<name>/. */
                                name: string;
                                /** @description Desired state of the tenant. */
                                spec: {
                                    /** @description Human-readable tenant name. */
                                    displayName: string;
                                    /**
                                     * @description Overrides of the plan's limits; an unset field takes the plan's default.
                                     * @default {}
                                     */
                                    limits: {
                                        /** @description CPU quota of the tenant namespace. Unset: the plan's default. */
                                        cpu?: string;
                                        /** @description Memory quota of the tenant namespace. Unset: the plan's default. */
                                        memory?: string;
                                        /** @description Requests per minute across all of the tenant's API keys. Unset: the plan's default. */
                                        requestsPerMinute?: number;
                                        /** @description LLM tokens (in + out) per calendar month. Unset: the plan's default. */
                                        tokensPerMonth?: number;
                                    };
                                    /**
                                     * @description LLM provider and model settings.
                                     * @default {}
                                     */
                                    model: {
                                        /**
                                         * Format: uri
                                         * @description Base URL of an OpenAI-compatible API, for example "https://llm.example.com/v1". Required when provider is openai-compatible. Private and link-local addresses are refused unless the platform allows them.
                                         */
                                        baseUrl?: string;
                                        /** @description Model used to embed knowledge documents for search. */
                                        embeddingModel?: string;
                                        /**
                                         * @description Most tokens the model may generate per completion.
                                         * @default 1024
                                         */
                                        maxTokens: number;
                                        /**
                                         * @description Model name as the provider knows it, for example "gpt-4o-mini". "echo-1" is only valid with the echo provider.
                                         * @default echo-1
                                         */
                                        model: string;
                                        /**
                                         * @description LLM provider. "echo" is the built-in deterministic provider for development; "openai-compatible" covers vLLM, Ollama, llama.cpp and similar servers and needs baseUrl.
                                         * @default echo
                                         * @enum {string}
                                         */
                                        provider: "openai" | "anthropic" | "openai-compatible" | "echo";
                                        /** @description System prompt prepended to every conversation. */
                                        systemPrompt?: string;
                                        /**
                                         * @description Sampling temperature, 0 to 2.
                                         * @default 0.7
                                         */
                                        temperature: number;
                                    };
                                    /** @description E-mail address of the tenant's owning user. */
                                    owner: string;
                                    /**
                                     * @description Billing plan; sets the default limits and the maximum replicas.
                                     * @default free
                                     * @enum {string}
                                     */
                                    plan: "free" | "pro" | "enterprise";
                                    /**
                                     * @description MCP prompts the runtime serves; names are unique.
                                     * @default []
                                     */
                                    promptTemplates: {
                                        /**
                                         * @description Arguments of the prompt; names are unique.
                                         * @default []
                                         */
                                        arguments: {
                                            /** @description What the argument is for. */
                                            description?: string;
                                            /** @description Argument name, used as {{name}} in the template. */
                                            name: string;
                                            /**
                                             * @description Whether MCP clients must supply the argument.
                                             * @default false
                                             */
                                            required: boolean;
                                        }[];
                                        /** @description What the prompt does. */
                                        description?: string;
                                        /** @description Prompt name as MCP clients list it; unique within the tenant. */
                                        name: string;
                                        /** @description Prompt text; {{argument}} placeholders are replaced by argument values. */
                                        template: string;
                                    }[];
                                    /** @description Secret in the platform namespace that holds the provider credentials. The operator copies it into the tenant namespace. */
                                    providerSecretRef?: {
                                        /**
                                         * @description Key in the Secret that holds the provider API key.
                                         * @default apiKey
                                         */
                                        key: string;
                                        /** @description Name of a Secret in the platform namespace. */
                                        name: string;
                                        /** @description Namespace of the Secret. Only the platform namespace (the default) is allowed; the operator refuses any other with a Degraded condition. */
                                        namespace?: string;
                                    };
                                    /**
                                     * @description Settings of the tenant's MCP runtime.
                                     * @default {}
                                     */
                                    runtime: {
                                        /** @description Runtime container image. Unset: the platform's default runtime image. */
                                        image?: string;
                                        /**
                                         * @description Runtime pods. 0 stops the runtime without suspending the tenant. At most the plan's maxReplicas.
                                         * @default 1
                                         */
                                        replicas: number;
                                        /** @description Compute resources of each runtime pod. Unset: derived from the plan. */
                                        resources?: {
                                            limits?: {
                                                /** @description CPU as a Kubernetes quantity string, for example "500m" or "2". */
                                                cpu?: string;
                                                /** @description Memory as a Kubernetes quantity string, for example "512Mi" or "2Gi". */
                                                memory?: string;
                                            };
                                            requests?: {
                                                /** @description CPU as a Kubernetes quantity string, for example "500m" or "2". */
                                                cpu?: string;
                                                /** @description Memory as a Kubernetes quantity string, for example "512Mi" or "2Gi". */
                                                memory?: string;
                                            };
                                        };
                                    };
                                    /**
                                     * @description Stops serving: the runtime scales to zero and requests are refused. Data and keys are kept.
                                     * @default false
                                     */
                                    suspended: boolean;
                                };
                                /** @description Observed state of the tenant, written by the operator. */
                                status: {
                                    /** @description Current conditions: Ready, NamespaceReady, RuntimeReady, Suspended, Degraded. */
                                    conditions?: {
                                        /**
                                         * Format: date-time
                                         * @description When the status last changed from one value to another.
                                         */
                                        lastTransitionTime: string;
                                        /** @description Human-readable detail of the last transition. */
                                        message: string;
                                        /** @description metadata.generation the condition was computed from. */
                                        observedGeneration?: number;
                                        /** @description Programmatic identifier in CamelCase for the last transition. */
                                        reason: string;
                                        /**
                                         * @description True, False or Unknown.
                                         * @enum {string}
                                         */
                                        status: "True" | "False" | "Unknown";
                                        /** @description Type of condition in CamelCase, for example Ready. */
                                        type: string;
                                    }[];
                                    /** @description URL of the tenant's MCP endpoint. */
                                    endpoint?: string;
                                    /** @description Namespace that holds the tenant's runtime. */
                                    namespace?: string;
                                    /** @description metadata.generation the operator last reconciled. */
                                    observedGeneration?: number;
                                    /**
                                     * @description Summary of the conditions, for display.
                                     * @enum {string}
                                     */
                                    phase?: "Pending" | "Provisioning" | "Ready" | "Degraded" | "Suspended" | "Terminating";
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a tenant owned by the caller */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName: string;
                        /** @description DNS label: a-z, 0-9 and -, at most 40. */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description The caller's role; admin for platform admins.
                             * @enum {string}
                             */
                            access: "owner" | "member" | "admin";
                            /**
                             * Format: date-time
                             * @description When the tenant was created.
                             */
                            createdAt: string;
                            /** @description Bumped on every settings change. */
                            generation: number;
                            /** @description The tenant name; its endpoint is /t/<name>/. */
                            name: string;
                            /** @description Desired state of the tenant. */
                            spec: {
                                /** @description Human-readable tenant name. */
                                displayName: string;
                                /**
                                 * @description Overrides of the plan's limits; an unset field takes the plan's default.
                                 * @default {}
                                 */
                                limits: {
                                    /** @description CPU quota of the tenant namespace. Unset: the plan's default. */
                                    cpu?: string;
                                    /** @description Memory quota of the tenant namespace. Unset: the plan's default. */
                                    memory?: string;
                                    /** @description Requests per minute across all of the tenant's API keys. Unset: the plan's default. */
                                    requestsPerMinute?: number;
                                    /** @description LLM tokens (in + out) per calendar month. Unset: the plan's default. */
                                    tokensPerMonth?: number;
                                };
                                /**
                                 * @description LLM provider and model settings.
                                 * @default {}
                                 */
                                model: {
                                    /**
                                     * Format: uri
                                     * @description Base URL of an OpenAI-compatible API, for example "https://llm.example.com/v1". Required when provider is openai-compatible. Private and link-local addresses are refused unless the platform allows them.
                                     */
                                    baseUrl?: string;
                                    /** @description Model used to embed knowledge documents for search. */
                                    embeddingModel?: string;
                                    /**
                                     * @description Most tokens the model may generate per completion.
                                     * @default 1024
                                     */
                                    maxTokens: number;
                                    /**
                                     * @description Model name as the provider knows it, for example "gpt-4o-mini". "echo-1" is only valid with the echo provider.
                                     * @default echo-1
                                     */
                                    model: string;
                                    /**
                                     * @description LLM provider. "echo" is the built-in deterministic provider for development; "openai-compatible" covers vLLM, Ollama, llama.cpp and similar servers and needs baseUrl.
                                     * @default echo
                                     * @enum {string}
                                     */
                                    provider: "openai" | "anthropic" | "openai-compatible" | "echo";
                                    /** @description System prompt prepended to every conversation. */
                                    systemPrompt?: string;
                                    /**
                                     * @description Sampling temperature, 0 to 2.
                                     * @default 0.7
                                     */
                                    temperature: number;
                                };
                                /** @description E-mail address of the tenant's owning user. */
                                owner: string;
                                /**
                                 * @description Billing plan; sets the default limits and the maximum replicas.
                                 * @default free
                                 * @enum {string}
                                 */
                                plan: "free" | "pro" | "enterprise";
                                /**
                                 * @description MCP prompts the runtime serves; names are unique.
                                 * @default []
                                 */
                                promptTemplates: {
                                    /**
                                     * @description Arguments of the prompt; names are unique.
                                     * @default []
                                     */
                                    arguments: {
                                        /** @description What the argument is for. */
                                        description?: string;
                                        /** @description Argument name, used as {{name}} in the template. */
                                        name: string;
                                        /**
                                         * @description Whether MCP clients must supply the argument.
                                         * @default false
                                         */
                                        required: boolean;
                                    }[];
                                    /** @description What the prompt does. */
                                    description?: string;
                                    /** @description Prompt name as MCP clients list it; unique within the tenant. */
                                    name: string;
                                    /** @description Prompt text; {{argument}} placeholders are replaced by argument values. */
                                    template: string;
                                }[];
                                /** @description Secret in the platform namespace that holds the provider credentials. The operator copies it into the tenant namespace. */
                                providerSecretRef?: {
                                    /**
                                     * @description Key in the Secret that holds the provider API key.
                                     * @default apiKey
                                     */
                                    key: string;
                                    /** @description Name of a Secret in the platform namespace. */
                                    name: string;
                                    /** @description Namespace of the Secret. Only the platform namespace (the default) is allowed; the operator refuses any other with a Degraded condition. */
                                    namespace?: string;
                                };
                                /**
                                 * @description Settings of the tenant's MCP runtime.
                                 * @default {}
                                 */
                                runtime: {
                                    /** @description Runtime container image. Unset: the platform's default runtime image. */
                                    image?: string;
                                    /**
                                     * @description Runtime pods. 0 stops the runtime without suspending the tenant. At most the plan's maxReplicas.
                                     * @default 1
                                     */
                                    replicas: number;
                                    /** @description Compute resources of each runtime pod. Unset: derived from the plan. */
                                    resources?: {
                                        limits?: {
                                            /** @description CPU as a Kubernetes quantity string, for example "500m" or "2". */
                                            cpu?: string;
                                            /** @description Memory as a Kubernetes quantity string, for example "512Mi" or "2Gi". */
                                            memory?: string;
                                        };
                                        requests?: {
                                            /** @description CPU as a Kubernetes quantity string, for example "500m" or "2". */
                                            cpu?: string;
                                            /** @description Memory as a Kubernetes quantity string, for example "512Mi" or "2Gi". */
                                            memory?: string;
                                        };
                                    };
                                };
                                /**
                                 * @description Stops serving: the runtime scales to zero and requests are refused. Data and keys are kept.
                                 * @default false
                                 */
                                suspended: boolean;
                            };
                            /** @description Observed state of the tenant, written by the operator. */
                            status: {
                                /** @description Current conditions: Ready, NamespaceReady, RuntimeReady, Suspended, Degraded. */
                                conditions?: {
                                    /**
                                     * Format: date-time
                                     * @description When the status last changed from one value to another.
                                     */
                                    lastTransitionTime: string;
                                    /** @description Human-readable detail of the last transition. */
                                    message: string;
                                    /** @description metadata.generation the condition was computed from. */
                                    observedGeneration?: number;
                                    /** @description Programmatic identifier in CamelCase for the last transition. */
                                    reason: string;
                                    /**
                                     * @description True, False or Unknown.
                                     * @enum {string}
                                     */
                                    status: "True" | "False" | "Unknown";
                                    /** @description Type of condition in CamelCase, for example Ready. */
                                    type: string;
                                }[];
                                /** @description URL of the tenant's MCP endpoint. */
                                endpoint?: string;
                                /** @description Namespace that holds the tenant's runtime. */
                                namespace?: string;
                                /** @description metadata.generation the operator last reconciled. */
                                observedGeneration?: number;
                                /**
                                 * @description Summary of the conditions, for display.
                                 * @enum {string}
                                 */
                                phase?: "Pending" | "Provisioning" | "Ready" | "Degraded" | "Suspended" | "Terminating";
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{tenant}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A tenant: settings and status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description The caller's role; admin for platform admins.
                             * @enum {string}
                             */
                            access: "owner" | "member" | "admin";
                            /**
                             * Format: date-time
                             * @description When the tenant was created.
                             */
                            createdAt: string;
                            /** @description Bumped on every settings change. */
                            generation: number;
                            /** @description The tenant name; its endpoint is /t/<name>/. */
                            name: string;
                            /** @description Desired state of the tenant. */
                            spec: {
                                /** @description Human-readable tenant name. */
                                displayName: string;
                                /**
                                 * @description Overrides of the plan's limits; an unset field takes the plan's default.
                                 * @default {}
                                 */
                                limits: {
                                    /** @description CPU quota of the tenant namespace. Unset: the plan's default. */
                                    cpu?: string;
                                    /** @description Memory quota of the tenant namespace. Unset: the plan's default. */
                                    memory?: string;
                                    /** @description Requests per minute across all of the tenant's API keys. Unset: the plan's default. */
                                    requestsPerMinute?: number;
                                    /** @description LLM tokens (in + out) per calendar month. Unset: the plan's default. */
                                    tokensPerMonth?: number;
                                };
                                /**
                                 * @description LLM provider and model settings.
                                 * @default {}
                                 */
                                model: {
                                    /**
                                     * Format: uri
                                     * @description Base URL of an OpenAI-compatible API, for example "https://llm.example.com/v1". Required when provider is openai-compatible. Private and link-local addresses are refused unless the platform allows them.
                                     */
                                    baseUrl?: string;
                                    /** @description Model used to embed knowledge documents for search. */
                                    embeddingModel?: string;
                                    /**
                                     * @description Most tokens the model may generate per completion.
                                     * @default 1024
                                     */
                                    maxTokens: number;
                                    /**
                                     * @description Model name as the provider knows it, for example "gpt-4o-mini". "echo-1" is only valid with the echo provider.
                                     * @default echo-1
                                     */
                                    model: string;
                                    /**
                                     * @description LLM provider. "echo" is the built-in deterministic provider for development; "openai-compatible" covers vLLM, Ollama, llama.cpp and similar servers and needs baseUrl.
                                     * @default echo
                                     * @enum {string}
                                     */
                                    provider: "openai" | "anthropic" | "openai-compatible" | "echo";
                                    /** @description System prompt prepended to every conversation. */
                                    systemPrompt?: string;
                                    /**
                                     * @description Sampling temperature, 0 to 2.
                                     * @default 0.7
                                     */
                                    temperature: number;
                                };
                                /** @description E-mail address of the tenant's owning user. */
                                owner: string;
                                /**
                                 * @description Billing plan; sets the default limits and the maximum replicas.
                                 * @default free
                                 * @enum {string}
                                 */
                                plan: "free" | "pro" | "enterprise";
                                /**
                                 * @description MCP prompts the runtime serves; names are unique.
                                 * @default []
                                 */
                                promptTemplates: {
                                    /**
                                     * @description Arguments of the prompt; names are unique.
                                     * @default []
                                     */
                                    arguments: {
                                        /** @description What the argument is for. */
                                        description?: string;
                                        /** @description Argument name, used as {{name}} in the template. */
                                        name: string;
                                        /**
                                         * @description Whether MCP clients must supply the argument.
                                         * @default false
                                         */
                                        required: boolean;
                                    }[];
                                    /** @description What the prompt does. */
                                    description?: string;
                                    /** @description Prompt name as MCP clients list it; unique within the tenant. */
                                    name: string;
                                    /** @description Prompt text; {{argument}} placeholders are replaced by argument values. */
                                    template: string;
                                }[];
                                /** @description Secret in the platform namespace that holds the provider credentials. The operator copies it into the tenant namespace. */
                                providerSecretRef?: {
                                    /**
                                     * @description Key in the Secret that holds the provider API key.
                                     * @default apiKey
                                     */
                                    key: string;
                                    /** @description Name of a Secret in the platform namespace. */
                                    name: string;
                                    /** @description Namespace of the Secret. Only the platform namespace (the default) is allowed; the operator refuses any other with a Degraded condition. */
                                    namespace?: string;
                                };
                                /**
                                 * @description Settings of the tenant's MCP runtime.
                                 * @default {}
                                 */
                                runtime: {
                                    /** @description Runtime container image. Unset: the platform's default runtime image. */
                                    image?: string;
                                    /**
                                     * @description Runtime pods. 0 stops the runtime without suspending the tenant. At most the plan's maxReplicas.
                                     * @default 1
                                     */
                                    replicas: number;
                                    /** @description Compute resources of each runtime pod. Unset: derived from the plan. */
                                    resources?: {
                                        limits?: {
                                            /** @description CPU as a Kubernetes quantity string, for example "500m" or "2". */
                                            cpu?: string;
                                            /** @description Memory as a Kubernetes quantity string, for example "512Mi" or "2Gi". */
                                            memory?: string;
                                        };
                                        requests?: {
                                            /** @description CPU as a Kubernetes quantity string, for example "500m" or "2". */
                                            cpu?: string;
                                            /** @description Memory as a Kubernetes quantity string, for example "512Mi" or "2Gi". */
                                            memory?: string;
                                        };
                                    };
                                };
                                /**
                                 * @description Stops serving: the runtime scales to zero and requests are refused. Data and keys are kept.
                                 * @default false
                                 */
                                suspended: boolean;
                            };
                            /** @description Observed state of the tenant, written by the operator. */
                            status: {
                                /** @description Current conditions: Ready, NamespaceReady, RuntimeReady, Suspended, Degraded. */
                                conditions?: {
                                    /**
                                     * Format: date-time
                                     * @description When the status last changed from one value to another.
                                     */
                                    lastTransitionTime: string;
                                    /** @description Human-readable detail of the last transition. */
                                    message: string;
                                    /** @description metadata.generation the condition was computed from. */
                                    observedGeneration?: number;
                                    /** @description Programmatic identifier in CamelCase for the last transition. */
                                    reason: string;
                                    /**
                                     * @description True, False or Unknown.
                                     * @enum {string}
                                     */
                                    status: "True" | "False" | "Unknown";
                                    /** @description Type of condition in CamelCase, for example Ready. */
                                    type: string;
                                }[];
                                /** @description URL of the tenant's MCP endpoint. */
                                endpoint?: string;
                                /** @description Namespace that holds the tenant's runtime. */
                                namespace?: string;
                                /** @description metadata.generation the operator last reconciled. */
                                observedGeneration?: number;
                                /**
                                 * @description Summary of the conditions, for display.
                                 * @enum {string}
                                 */
                                phase?: "Pending" | "Provisioning" | "Ready" | "Degraded" | "Suspended" | "Terminating";
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a tenant (owners); its keys stop working */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change settings (owners, within the plan)
         * @description JSON merge patch: absent fields stay, null clears an optional field, objects merge, promptTemplates is replaced whole.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: string;
                        /** @description Limits; owners may only lower the plan's, null restores the plan's. */
                        limits?: {
                            cpu?: string | null;
                            memory?: string | null;
                            requestsPerMinute?: number | null;
                            tokensPerMonth?: number | null;
                        };
                        /** @description Model settings; merged into the current ones. */
                        model?: {
                            baseUrl?: string | null;
                            embeddingModel?: string | null;
                            /**
                             * @description Most tokens the model may generate per completion.
                             * @default 1024
                             */
                            maxTokens?: number;
                            /**
                             * @description Model name as the provider knows it, for example "gpt-4o-mini". "echo-1" is only valid with the echo provider.
                             * @default echo-1
                             */
                            model?: string;
                            /**
                             * @description LLM provider. "echo" is the built-in deterministic provider for development; "openai-compatible" covers vLLM, Ollama, llama.cpp and similar servers and needs baseUrl.
                             * @default echo
                             * @enum {string}
                             */
                            provider?: "openai" | "anthropic" | "openai-compatible" | "echo";
                            systemPrompt?: string | null;
                            /**
                             * @description Sampling temperature, 0 to 2.
                             * @default 0.7
                             */
                            temperature?: number;
                        };
                        /**
                         * @description Platform admins only.
                         * @enum {string}
                         */
                        plan?: "free" | "pro" | "enterprise";
                        promptTemplates?: {
                            arguments?: {
                                description?: string;
                                /** @description Argument name, used as {{name}} in the template. */
                                name: string;
                                required?: boolean;
                            }[];
                            description?: string;
                            /** @description Prompt name as MCP clients list it; unique within the tenant. */
                            name: string;
                            /** @description Prompt text; {{argument}} placeholders are replaced by argument values. */
                            template: string;
                        }[];
                        providerSecretRef?: {
                            /**
                             * @description Key in the Secret that holds the provider API key.
                             * @default apiKey
                             */
                            key: string;
                            /** @description Name of a Secret in the platform namespace. */
                            name: string;
                            /** @description Namespace of the Secret. Only the platform namespace (the default) is allowed; the operator refuses any other with a Degraded condition. */
                            namespace?: string;
                        } | null;
                        /** @description Runtime; image and resources are for platform admins only. */
                        runtime?: {
                            image?: string | null;
                            /**
                             * @description Runtime pods. 0 stops the runtime without suspending the tenant. At most the plan's maxReplicas.
                             * @default 1
                             */
                            replicas?: number;
                            resources?: {
                                limits?: {
                                    /** @description CPU as a Kubernetes quantity string, for example "500m" or "2". */
                                    cpu?: string;
                                    /** @description Memory as a Kubernetes quantity string, for example "512Mi" or "2Gi". */
                                    memory?: string;
                                };
                                requests?: {
                                    /** @description CPU as a Kubernetes quantity string, for example "500m" or "2". */
                                    cpu?: string;
                                    /** @description Memory as a Kubernetes quantity string, for example "512Mi" or "2Gi". */
                                    memory?: string;
                                };
                            } | null;
                        };
                    };
                };
            };
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description The caller's role; admin for platform admins.
                             * @enum {string}
                             */
                            access: "owner" | "member" | "admin";
                            /**
                             * Format: date-time
                             * @description When the tenant was created.
                             */
                            createdAt: string;
                            /** @description Bumped on every settings change. */
                            generation: number;
                            /** @description The tenant name; its endpoint is /t/<name>/. */
                            name: string;
                            /** @description Desired state of the tenant. */
                            spec: {
                                /** @description Human-readable tenant name. */
                                displayName: string;
                                /**
                                 * @description Overrides of the plan's limits; an unset field takes the plan's default.
                                 * @default {}
                                 */
                                limits: {
                                    /** @description CPU quota of the tenant namespace. Unset: the plan's default. */
                                    cpu?: string;
                                    /** @description Memory quota of the tenant namespace. Unset: the plan's default. */
                                    memory?: string;
                                    /** @description Requests per minute across all of the tenant's API keys. Unset: the plan's default. */
                                    requestsPerMinute?: number;
                                    /** @description LLM tokens (in + out) per calendar month. Unset: the plan's default. */
                                    tokensPerMonth?: number;
                                };
                                /**
                                 * @description LLM provider and model settings.
                                 * @default {}
                                 */
                                model: {
                                    /**
                                     * Format: uri
                                     * @description Base URL of an OpenAI-compatible API, for example "https://llm.example.com/v1". Required when provider is openai-compatible. Private and link-local addresses are refused unless the platform allows them.
                                     */
                                    baseUrl?: string;
                                    /** @description Model used to embed knowledge documents for search. */
                                    embeddingModel?: string;
                                    /**
                                     * @description Most tokens the model may generate per completion.
                                     * @default 1024
                                     */
                                    maxTokens: number;
                                    /**
                                     * @description Model name as the provider knows it, for example "gpt-4o-mini". "echo-1" is only valid with the echo provider.
                                     * @default echo-1
                                     */
                                    model: string;
                                    /**
                                     * @description LLM provider. "echo" is the built-in deterministic provider for development; "openai-compatible" covers vLLM, Ollama, llama.cpp and similar servers and needs baseUrl.
                                     * @default echo
                                     * @enum {string}
                                     */
                                    provider: "openai" | "anthropic" | "openai-compatible" | "echo";
                                    /** @description System prompt prepended to every conversation. */
                                    systemPrompt?: string;
                                    /**
                                     * @description Sampling temperature, 0 to 2.
                                     * @default 0.7
                                     */
                                    temperature: number;
                                };
                                /** @description E-mail address of the tenant's owning user. */
                                owner: string;
                                /**
                                 * @description Billing plan; sets the default limits and the maximum replicas.
                                 * @default free
                                 * @enum {string}
                                 */
                                plan: "free" | "pro" | "enterprise";
                                /**
                                 * @description MCP prompts the runtime serves; names are unique.
                                 * @default []
                                 */
                                promptTemplates: {
                                    /**
                                     * @description Arguments of the prompt; names are unique.
                                     * @default []
                                     */
                                    arguments: {
                                        /** @description What the argument is for. */
                                        description?: string;
                                        /** @description Argument name, used as {{name}} in the template. */
                                        name: string;
                                        /**
                                         * @description Whether MCP clients must supply the argument.
                                         * @default false
                                         */
                                        required: boolean;
                                    }[];
                                    /** @description What the prompt does. */
                                    description?: string;
                                    /** @description Prompt name as MCP clients list it; unique within the tenant. */
                                    name: string;
                                    /** @description Prompt text; {{argument}} placeholders are replaced by argument values. */
                                    template: string;
                                }[];
                                /** @description Secret in the platform namespace that holds the provider credentials. The operator copies it into the tenant namespace. */
                                providerSecretRef?: {
                                    /**
                                     * @description Key in the Secret that holds the provider API key.
                                     * @default apiKey
                                     */
                                    key: string;
                                    /** @description Name of a Secret in the platform namespace. */
                                    name: string;
                                    /** @description Namespace of the Secret. Only the platform namespace (the default) is allowed; the operator refuses any other with a Degraded condition. */
                                    namespace?: string;
                                };
                                /**
                                 * @description Settings of the tenant's MCP runtime.
                                 * @default {}
                                 */
                                runtime: {
                                    /** @description Runtime container image. Unset: the platform's default runtime image. */
                                    image?: string;
                                    /**
                                     * @description Runtime pods. 0 stops the runtime without suspending the tenant. At most the plan's maxReplicas.
                                     * @default 1
                                     */
                                    replicas: number;
                                    /** @description Compute resources of each runtime pod. Unset: derived from the plan. */
                                    resources?: {
                                        limits?: {
                                            /** @description CPU as a Kubernetes quantity string, for example "500m" or "2". */
                                            cpu?: string;
                                            /** @description Memory as a Kubernetes quantity string, for example "512Mi" or "2Gi". */
                                            memory?: string;
                                        };
                                        requests?: {
                                            /** @description CPU as a Kubernetes quantity string, for example "500m" or "2". */
                                            cpu?: string;
                                            /** @description Memory as a Kubernetes quantity string, for example "512Mi" or "2Gi". */
                                            memory?: string;
                                        };
                                    };
                                };
                                /**
                                 * @description Stops serving: the runtime scales to zero and requests are refused. Data and keys are kept.
                                 * @default false
                                 */
                                suspended: boolean;
                            };
                            /** @description Observed state of the tenant, written by the operator. */
                            status: {
                                /** @description Current conditions: Ready, NamespaceReady, RuntimeReady, Suspended, Degraded. */
                                conditions?: {
                                    /**
                                     * Format: date-time
                                     * @description When the status last changed from one value to another.
                                     */
                                    lastTransitionTime: string;
                                    /** @description Human-readable detail of the last transition. */
                                    message: string;
                                    /** @description metadata.generation the condition was computed from. */
                                    observedGeneration?: number;
                                    /** @description Programmatic identifier in CamelCase for the last transition. */
                                    reason: string;
                                    /**
                                     * @description True, False or Unknown.
                                     * @enum {string}
                                     */
                                    status: "True" | "False" | "Unknown";
                                    /** @description Type of condition in CamelCase, for example Ready. */
                                    type: string;
                                }[];
                                /** @description URL of the tenant's MCP endpoint. */
                                endpoint?: string;
                                /** @description Namespace that holds the tenant's runtime. */
                                namespace?: string;
                                /** @description metadata.generation the operator last reconciled. */
                                observedGeneration?: number;
                                /**
                                 * @description Summary of the conditions, for display.
                                 * @enum {string}
                                 */
                                phase?: "Pending" | "Provisioning" | "Ready" | "Degraded" | "Suspended" | "Terminating";
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/tenants/{tenant}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's live API keys */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: date-time
                                 * @description When the key was made.
                                 */
                                createdAt: string;
                                /** @description The key id, as usage events name the key. */
                                id: string;
                                lastUsedAt: string | null;
                                name: string;
                                /** @description lmo_<id>: recognisable, useless to authenticate. */
                                prefix: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API key (shown once); its hash reaches the runtime within seconds */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description When the key was made.
                             */
                            createdAt: string;
                            /** @description The key id, as usage events name the key. */
                            id: string;
                            /** @description The key itself (lmo_<id>_<secret>): shown only in this answer. Keep it secret. */
                            key: string;
                            lastUsedAt: string | null;
                            name: string;
                            /** @description lmo_<id>: recognisable, useless to authenticate. */
                            prefix: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{tenant}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key; the runtime refuses it within seconds */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    keyId: string;
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{tenant}/billing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant’s plan, subscription and most recent billed hours */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            currentPeriodEnd: string | null;
                            /** @enum {string} */
                            plan: "free" | "pro" | "enterprise";
                            /** @description The most recent billed hours. */
                            records: {
                                /**
                                 * Format: date-time
                                 * @description Start of the billed hour.
                                 */
                                hour: string;
                                /** @description The Stripe meter event identifier. */
                                identifier: string;
                                /** @enum {string} */
                                state: "pending" | "reported" | "local";
                                tokens: number;
                            }[];
                            stripeCustomerId: string | null;
                            subscriptionStatus: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{tenant}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pending invitations (owners) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: date-time
                                 * @description When it was sent.
                                 */
                                createdAt: string;
                                email: string;
                                /**
                                 * Format: date-time
                                 * @description When it can no longer be accepted.
                                 */
                                expiresAt: string;
                                id: string;
                                /** @enum {string} */
                                role: "owner" | "member";
                                tenant: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Invite someone by e-mail (owners) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        /**
                         * @default member
                         * @enum {string}
                         */
                        role?: "owner" | "member";
                    };
                };
            };
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description When it was sent.
                             */
                            createdAt: string;
                            email: string;
                            /**
                             * Format: date-time
                             * @description When it can no longer be accepted.
                             */
                            expiresAt: string;
                            id: string;
                            /** @enum {string} */
                            role: "owner" | "member";
                            tenant: string;
                            /** @description Give it to the invitee, who accepts with POST /v1/invitations/accept. Shown only here. */
                            token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{tenant}/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw an invitation (owners) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{tenant}/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant’s invoices from Stripe, newest first (owners) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description In the currency’s smallest unit. */
                                amountDue: number;
                                amountPaid: number;
                                /**
                                 * Format: date-time
                                 * @description When Stripe made it.
                                 */
                                created: string;
                                currency: string;
                                hostedInvoiceUrl: string | null;
                                id: string;
                                invoicePdf: string | null;
                                number: string | null;
                                /**
                                 * Format: date-time
                                 * @description End of the invoiced period.
                                 */
                                periodEnd: string;
                                /**
                                 * Format: date-time
                                 * @description Start of the invoiced period.
                                 */
                                periodStart: string;
                                status: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{tenant}/knowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's knowledge documents, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Size of the upload. */
                                bytes: number;
                                /** @description Passages the text was cut into and embedded. */
                                chunks: number;
                                /** @description text/plain, text/markdown or application/pdf. */
                                contentType: string;
                                /**
                                 * Format: date-time
                                 * @description When it was uploaded.
                                 */
                                createdAt: string;
                                /** Format: uuid */
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload a document (multipart/form-data, one file): text, Markdown or PDF
         * @description The text is extracted, cut into overlapping passages and embedded with the tenant’s embedding model; its runtime searches it at once. Larger than LMO_KNOWLEDGE_MAX_BYTES: 413.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Defaults to the file name. */
                    name?: string;
                };
                header?: never;
                path: {
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            /** @description multipart/form-data with one file part. */
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * Format: binary
                         * @description The document: .txt, .md or .pdf (or its content type).
                         */
                        file: string;
                    };
                };
            };
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Size of the upload. */
                            bytes: number;
                            /** @description Passages the text was cut into and embedded. */
                            chunks: number;
                            /** @description text/plain, text/markdown or application/pdf. */
                            contentType: string;
                            /**
                             * Format: date-time
                             * @description When it was uploaded.
                             */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{tenant}/knowledge/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A document with its extracted text */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    documentId: string;
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Size of the upload. */
                            bytes: number;
                            /** @description Passages the text was cut into and embedded. */
                            chunks: number;
                            /** @description text/plain, text/markdown or application/pdf. */
                            contentType: string;
                            /**
                             * Format: date-time
                             * @description When it was uploaded.
                             */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description The extracted text. */
                            text: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a document and its passages */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    documentId: string;
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{tenant}/knowledge/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The passages closest to a query (what the runtime’s search_knowledge tool answers) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 5 */
                        limit?: number;
                        query: string;
                    };
                };
            };
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Position of the passage in its document, from 0. */
                                chunk: number;
                                documentId: string;
                                documentName: string;
                                /** @description Cosine similarity, -1 to 1; higher is closer. */
                                score: number;
                                text: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{tenant}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's members */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                email: string;
                                /** @enum {string} */
                                role: "owner" | "member";
                                /**
                                 * Format: date-time
                                 * @description When they joined.
                                 */
                                since: string;
                                userId: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{tenant}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (owners; members may leave) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The tenant name. */
                    tenant: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{tenant}/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The most recent requests, newest first (filter by key, model, status) */
        get: {
            parameters: {
                query?: {
                    /** @description Only requests that finished before this time (paging back). */
                    before?: string;
                    keyId?: string;
                    limit?: number;
                    model?: string;
                    status?: "ok" | "error" | "rate_limited" | "quota_exceeded" | "invalid_request" | "cancelled" | "timeout";
                };
                header?: never;
                path: {
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                cached: boolean;
                                errorCode: string | null;
                                keyId: string;
                                latencyMs: number;
                                model: string;
                                provider: string;
                                requestId: string;
                                status: string;
                                /**
                                 * Format: date-time
                                 * @description When the request finished.
                                 */
                                time: string;
                                tokensIn: number;
                                tokensOut: number;
                                tool: string | null;
                                transport: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{tenant}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a tenant (platform admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description The caller's role; admin for platform admins.
                             * @enum {string}
                             */
                            access: "owner" | "member" | "admin";
                            /**
                             * Format: date-time
                             * @description When the tenant was created.
                             */
                            createdAt: string;
                            /** @description Bumped on every settings change. */
                            generation: number;
                            /** @description The tenant name; its endpoint is /t/<name>/. */
                            name: string;
                            /** @description Desired state of the tenant. */
                            spec: {
                                /** @description Human-readable tenant name. */
                                displayName: string;
                                /**
                                 * @description Overrides of the plan's limits; an unset field takes the plan's default.
                                 * @default {}
                                 */
                                limits: {
                                    /** @description CPU quota of the tenant namespace. Unset: the plan's default. */
                                    cpu?: string;
                                    /** @description Memory quota of the tenant namespace. Unset: the plan's default. */
                                    memory?: string;
                                    /** @description Requests per minute across all of the tenant's API keys. Unset: the plan's default. */
                                    requestsPerMinute?: number;
                                    /** @description LLM tokens (in + out) per calendar month. Unset: the plan's default. */
                                    tokensPerMonth?: number;
                                };
                                /**
                                 * @description LLM provider and model settings.
                                 * @default {}
                                 */
                                model: {
                                    /**
                                     * Format: uri
                                     * @description Base URL of an OpenAI-compatible API, for example "https://llm.example.com/v1". Required when provider is openai-compatible. Private and link-local addresses are refused unless the platform allows them.
                                     */
                                    baseUrl?: string;
                                    /** @description Model used to embed knowledge documents for search. */
                                    embeddingModel?: string;
                                    /**
                                     * @description Most tokens the model may generate per completion.
                                     * @default 1024
                                     */
                                    maxTokens: number;
                                    /**
                                     * @description Model name as the provider knows it, for example "gpt-4o-mini". "echo-1" is only valid with the echo provider.
                                     * @default echo-1
                                     */
                                    model: string;
                                    /**
                                     * @description LLM provider. "echo" is the built-in deterministic provider for development; "openai-compatible" covers vLLM, Ollama, llama.cpp and similar servers and needs baseUrl.
                                     * @default echo
                                     * @enum {string}
                                     */
                                    provider: "openai" | "anthropic" | "openai-compatible" | "echo";
                                    /** @description System prompt prepended to every conversation. */
                                    systemPrompt?: string;
                                    /**
                                     * @description Sampling temperature, 0 to 2.
                                     * @default 0.7
                                     */
                                    temperature: number;
                                };
                                /** @description E-mail address of the tenant's owning user. */
                                owner: string;
                                /**
                                 * @description Billing plan; sets the default limits and the maximum replicas.
                                 * @default free
                                 * @enum {string}
                                 */
                                plan: "free" | "pro" | "enterprise";
                                /**
                                 * @description MCP prompts the runtime serves; names are unique.
                                 * @default []
                                 */
                                promptTemplates: {
                                    /**
                                     * @description Arguments of the prompt; names are unique.
                                     * @default []
                                     */
                                    arguments: {
                                        /** @description What the argument is for. */
                                        description?: string;
                                        /** @description Argument name, used as {{name}} in the template. */
                                        name: string;
                                        /**
                                         * @description Whether MCP clients must supply the argument.
                                         * @default false
                                         */
                                        required: boolean;
                                    }[];
                                    /** @description What the prompt does. */
                                    description?: string;
                                    /** @description Prompt name as MCP clients list it; unique within the tenant. */
                                    name: string;
                                    /** @description Prompt text; {{argument}} placeholders are replaced by argument values. */
                                    template: string;
                                }[];
                                /** @description Secret in the platform namespace that holds the provider credentials. The operator copies it into the tenant namespace. */
                                providerSecretRef?: {
                                    /**
                                     * @description Key in the Secret that holds the provider API key.
                                     * @default apiKey
                                     */
                                    key: string;
                                    /** @description Name of a Secret in the platform namespace. */
                                    name: string;
                                    /** @description Namespace of the Secret. Only the platform namespace (the default) is allowed; the operator refuses any other with a Degraded condition. */
                                    namespace?: string;
                                };
                                /**
                                 * @description Settings of the tenant's MCP runtime.
                                 * @default {}
                                 */
                                runtime: {
                                    /** @description Runtime container image. Unset: the platform's default runtime image. */
                                    image?: string;
                                    /**
                                     * @description Runtime pods. 0 stops the runtime without suspending the tenant. At most the plan's maxReplicas.
                                     * @default 1
                                     */
                                    replicas: number;
                                    /** @description Compute resources of each runtime pod. Unset: derived from the plan. */
                                    resources?: {
                                        limits?: {
                                            /** @description CPU as a Kubernetes quantity string, for example "500m" or "2". */
                                            cpu?: string;
                                            /** @description Memory as a Kubernetes quantity string, for example "512Mi" or "2Gi". */
                                            memory?: string;
                                        };
                                        requests?: {
                                            /** @description CPU as a Kubernetes quantity string, for example "500m" or "2". */
                                            cpu?: string;
                                            /** @description Memory as a Kubernetes quantity string, for example "512Mi" or "2Gi". */
                                            memory?: string;
                                        };
                                    };
                                };
                                /**
                                 * @description Stops serving: the runtime scales to zero and requests are refused. Data and keys are kept.
                                 * @default false
                                 */
                                suspended: boolean;
                            };
                            /** @description Observed state of the tenant, written by the operator. */
                            status: {
                                /** @description Current conditions: Ready, NamespaceReady, RuntimeReady, Suspended, Degraded. */
                                conditions?: {
                                    /**
                                     * Format: date-time
                                     * @description When the status last changed from one value to another.
                                     */
                                    lastTransitionTime: string;
                                    /** @description Human-readable detail of the last transition. */
                                    message: string;
                                    /** @description metadata.generation the condition was computed from. */
                                    observedGeneration?: number;
                                    /** @description Programmatic identifier in CamelCase for the last transition. */
                                    reason: string;
                                    /**
                                     * @description True, False or Unknown.
                                     * @enum {string}
                                     */
                                    status: "True" | "False" | "Unknown";
                                    /** @description Type of condition in CamelCase, for example Ready. */
                                    type: string;
                                }[];
                                /** @description URL of the tenant's MCP endpoint. */
                                endpoint?: string;
                                /** @description Namespace that holds the tenant's runtime. */
                                namespace?: string;
                                /** @description metadata.generation the operator last reconciled. */
                                observedGeneration?: number;
                                /**
                                 * @description Summary of the conditions, for display.
                                 * @enum {string}
                                 */
                                phase?: "Pending" | "Provisioning" | "Ready" | "Degraded" | "Suspended" | "Terminating";
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{tenant}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend a tenant (platform admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description The caller's role; admin for platform admins.
                             * @enum {string}
                             */
                            access: "owner" | "member" | "admin";
                            /**
                             * Format: date-time
                             * @description When the tenant was created.
                             */
                            createdAt: string;
                            /** @description Bumped on every settings change. */
                            generation: number;
                            /** @description The tenant name; its endpoint is /t/<name>/. */
                            name: string;
                            /** @description Desired state of the tenant. */
                            spec: {
                                /** @description Human-readable tenant name. */
                                displayName: string;
                                /**
                                 * @description Overrides of the plan's limits; an unset field takes the plan's default.
                                 * @default {}
                                 */
                                limits: {
                                    /** @description CPU quota of the tenant namespace. Unset: the plan's default. */
                                    cpu?: string;
                                    /** @description Memory quota of the tenant namespace. Unset: the plan's default. */
                                    memory?: string;
                                    /** @description Requests per minute across all of the tenant's API keys. Unset: the plan's default. */
                                    requestsPerMinute?: number;
                                    /** @description LLM tokens (in + out) per calendar month. Unset: the plan's default. */
                                    tokensPerMonth?: number;
                                };
                                /**
                                 * @description LLM provider and model settings.
                                 * @default {}
                                 */
                                model: {
                                    /**
                                     * Format: uri
                                     * @description Base URL of an OpenAI-compatible API, for example "https://llm.example.com/v1". Required when provider is openai-compatible. Private and link-local addresses are refused unless the platform allows them.
                                     */
                                    baseUrl?: string;
                                    /** @description Model used to embed knowledge documents for search. */
                                    embeddingModel?: string;
                                    /**
                                     * @description Most tokens the model may generate per completion.
                                     * @default 1024
                                     */
                                    maxTokens: number;
                                    /**
                                     * @description Model name as the provider knows it, for example "gpt-4o-mini". "echo-1" is only valid with the echo provider.
                                     * @default echo-1
                                     */
                                    model: string;
                                    /**
                                     * @description LLM provider. "echo" is the built-in deterministic provider for development; "openai-compatible" covers vLLM, Ollama, llama.cpp and similar servers and needs baseUrl.
                                     * @default echo
                                     * @enum {string}
                                     */
                                    provider: "openai" | "anthropic" | "openai-compatible" | "echo";
                                    /** @description System prompt prepended to every conversation. */
                                    systemPrompt?: string;
                                    /**
                                     * @description Sampling temperature, 0 to 2.
                                     * @default 0.7
                                     */
                                    temperature: number;
                                };
                                /** @description E-mail address of the tenant's owning user. */
                                owner: string;
                                /**
                                 * @description Billing plan; sets the default limits and the maximum replicas.
                                 * @default free
                                 * @enum {string}
                                 */
                                plan: "free" | "pro" | "enterprise";
                                /**
                                 * @description MCP prompts the runtime serves; names are unique.
                                 * @default []
                                 */
                                promptTemplates: {
                                    /**
                                     * @description Arguments of the prompt; names are unique.
                                     * @default []
                                     */
                                    arguments: {
                                        /** @description What the argument is for. */
                                        description?: string;
                                        /** @description Argument name, used as {{name}} in the template. */
                                        name: string;
                                        /**
                                         * @description Whether MCP clients must supply the argument.
                                         * @default false
                                         */
                                        required: boolean;
                                    }[];
                                    /** @description What the prompt does. */
                                    description?: string;
                                    /** @description Prompt name as MCP clients list it; unique within the tenant. */
                                    name: string;
                                    /** @description Prompt text; {{argument}} placeholders are replaced by argument values. */
                                    template: string;
                                }[];
                                /** @description Secret in the platform namespace that holds the provider credentials. The operator copies it into the tenant namespace. */
                                providerSecretRef?: {
                                    /**
                                     * @description Key in the Secret that holds the provider API key.
                                     * @default apiKey
                                     */
                                    key: string;
                                    /** @description Name of a Secret in the platform namespace. */
                                    name: string;
                                    /** @description Namespace of the Secret. Only the platform namespace (the default) is allowed; the operator refuses any other with a Degraded condition. */
                                    namespace?: string;
                                };
                                /**
                                 * @description Settings of the tenant's MCP runtime.
                                 * @default {}
                                 */
                                runtime: {
                                    /** @description Runtime container image. Unset: the platform's default runtime image. */
                                    image?: string;
                                    /**
                                     * @description Runtime pods. 0 stops the runtime without suspending the tenant. At most the plan's maxReplicas.
                                     * @default 1
                                     */
                                    replicas: number;
                                    /** @description Compute resources of each runtime pod. Unset: derived from the plan. */
                                    resources?: {
                                        limits?: {
                                            /** @description CPU as a Kubernetes quantity string, for example "500m" or "2". */
                                            cpu?: string;
                                            /** @description Memory as a Kubernetes quantity string, for example "512Mi" or "2Gi". */
                                            memory?: string;
                                        };
                                        requests?: {
                                            /** @description CPU as a Kubernetes quantity string, for example "500m" or "2". */
                                            cpu?: string;
                                            /** @description Memory as a Kubernetes quantity string, for example "512Mi" or "2Gi". */
                                            memory?: string;
                                        };
                                    };
                                };
                                /**
                                 * @description Stops serving: the runtime scales to zero and requests are refused. Data and keys are kept.
                                 * @default false
                                 */
                                suspended: boolean;
                            };
                            /** @description Observed state of the tenant, written by the operator. */
                            status: {
                                /** @description Current conditions: Ready, NamespaceReady, RuntimeReady, Suspended, Degraded. */
                                conditions?: {
                                    /**
                                     * Format: date-time
                                     * @description When the status last changed from one value to another.
                                     */
                                    lastTransitionTime: string;
                                    /** @description Human-readable detail of the last transition. */
                                    message: string;
                                    /** @description metadata.generation the condition was computed from. */
                                    observedGeneration?: number;
                                    /** @description Programmatic identifier in CamelCase for the last transition. */
                                    reason: string;
                                    /**
                                     * @description True, False or Unknown.
                                     * @enum {string}
                                     */
                                    status: "True" | "False" | "Unknown";
                                    /** @description Type of condition in CamelCase, for example Ready. */
                                    type: string;
                                }[];
                                /** @description URL of the tenant's MCP endpoint. */
                                endpoint?: string;
                                /** @description Namespace that holds the tenant's runtime. */
                                namespace?: string;
                                /** @description metadata.generation the operator last reconciled. */
                                observedGeneration?: number;
                                /**
                                 * @description Summary of the conditions, for display.
                                 * @enum {string}
                                 */
                                phase?: "Pending" | "Provisioning" | "Ready" | "Degraded" | "Suspended" | "Terminating";
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants/{tenant}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tokens, requests, cache hits, errors and latency per hour or day
         * @description Buckets are UTC hours or days; buckets without requests are left out.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start (inclusive); default: 24 hours (hour) or 30 days (day) before `to`. */
                    from?: string;
                    granularity?: "hour" | "day";
                    groupBy?: "key" | "model";
                    /** @description End (exclusive); default: the end of the current bucket. */
                    to?: string;
                };
                header?: never;
                path: {
                    /** @description The tenant name. */
                    tenant: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description Start.
                             */
                            from: string;
                            /** @enum {string} */
                            granularity: "hour" | "day";
                            items: {
                                avgLatencyMs: number;
                                /**
                                 * Format: date-time
                                 * @description Start of the bucket.
                                 */
                                bucket: string;
                                /** @description Requests answered from the response cache. */
                                cached: number;
                                /** @description Requests that did not end ok. */
                                errors: number;
                                keyId?: string;
                                maxLatencyMs: number;
                                model?: string;
                                requests: number;
                                tokensIn: number;
                                tokensOut: number;
                            }[];
                            /**
                             * Format: date-time
                             * @description End.
                             */
                            to: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's live personal access tokens */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: date-time
                                 * @description When the token was made.
                                 */
                                createdAt: string;
                                expiresAt: string | null;
                                id: string;
                                lastUsedAt: string | null;
                                name: string;
                                /** @description lmo_pat_<id>: recognisable, useless to authenticate. */
                                prefix: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a personal access token (shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        expiresInDays?: number;
                        /** @description What the token is for. */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: date-time
                             * @description When the token was made.
                             */
                            createdAt: string;
                            expiresAt: string | null;
                            id: string;
                            lastUsedAt: string | null;
                            name: string;
                            /** @description lmo_pat_<id>: recognisable, useless to authenticate. */
                            prefix: string;
                            /** @description The token itself: shown only in this answer. Keep it secret. */
                            token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a personal access token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An LMO error. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description An LMO error. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["def-0"];
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        /**
         * ErrorBody
         * @description An LMO error.
         */
        "def-0": {
            error: {
                /**
                 * @description Stable catalogue code.
                 * @enum {string}
                 */
                code: "LMO_BAD_REQUEST" | "LMO_VALIDATION_FAILED" | "LMO_TOOL_INPUT_INVALID" | "LMO_UNAUTHENTICATED" | "LMO_FORBIDDEN" | "LMO_CSRF_FAILED" | "LMO_ORIGIN_FORBIDDEN" | "LMO_TENANT_SUSPENDED" | "LMO_NOT_FOUND" | "LMO_METHOD_NOT_FOUND" | "LMO_METHOD_NOT_ALLOWED" | "LMO_NOT_ACCEPTABLE" | "LMO_SESSION_NOT_FOUND" | "LMO_CONFLICT" | "LMO_PAYLOAD_TOO_LARGE" | "LMO_UNSUPPORTED_MEDIA_TYPE" | "LMO_UNSUPPORTED_PROTOCOL_VERSION" | "LMO_QUOTA_EXCEEDED" | "LMO_RATE_LIMITED" | "LMO_TENANT_NOT_READY" | "LMO_PROVIDER_ERROR" | "LMO_PROVIDER_TIMEOUT" | "LMO_PROVIDER_RATE_LIMITED" | "LMO_PROVIDER_REJECTED" | "LMO_PROVIDER_CREDENTIALS_INVALID" | "LMO_PROVIDER_URL_FORBIDDEN" | "LMO_DEPENDENCY_UNAVAILABLE" | "LMO_DEADLINE_EXCEEDED" | "LMO_INTERNAL";
                /** @description Structured detail, by code. */
                details?: {
                    [key: string]: unknown;
                };
                /** @description Safe to show; never parse it, branch on `code`. */
                message: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export type operations = Record<string, never>;

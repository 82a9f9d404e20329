/**
 * The API's optional background services, started beside the HTTP server by `startApi`: the usage
 * consumer (a Kafka consumer group, or the tailer of the runtimes' local event files) and the
 * hourly billing job (Prometheus or a direct scrape of the runtimes, reporting to Stripe or
 * keeping records only). Each starts only when configured and stops cleanly, finishing its batch.
 */
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { BuiltApp } from './app.ts';
import { BillingJob } from './billing/billing-job.ts';
import { StripeMeterReporter } from './billing/meter-reporter.ts';
import { reconciliationGauge } from './billing/reconciliation.ts';
import { ScrapeTokenSource } from './billing/scrape-token-source.ts';
import { PrometheusTokenSource, type TokenSource } from './billing/token-source.ts';
import type { Clock } from './clock.ts';
import type { ApiConfig } from './config/api-config.ts';
import { KafkaUsageConsumer } from './usage/kafka-usage-consumer.ts';
import { UsageFileTailer } from './usage/usage-file-tailer.ts';

/** The running background services. */
export interface Background {
  readonly consumer: KafkaUsageConsumer | undefined;
  readonly tailer: UsageFileTailer | undefined;
  readonly billingJob: BillingJob | undefined;
  /** Stops them all, each finishing what it is doing. */
  stop(): Promise<void>;
}

/** What the background services need besides the built app. */
export interface BackgroundDeps {
  readonly config: ApiConfig;
  readonly db: Knex;
  readonly clock: Clock;
  readonly logger: Logger;
}

const RESTART_MS = 5_000;

/** Starts the Kafka consumer, and starts it again every few seconds while Kafka refuses. */
function superviseConsumer(consumer: KafkaUsageConsumer, logger: Logger): { stop: () => Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const attempt = (): void => {
    consumer.start().catch(async (error: unknown) => {
      logger.error({ err: error }, 'The usage consumer could not start; retrying');
      await consumer.stop().catch(() => undefined);
      if (!stopped) timer = setTimeout(attempt, RESTART_MS);
    });
  };
  attempt();
  return {
    stop: async () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await consumer.stop();
    },
  };
}

function tokenSourceOf(deps: BackgroundDeps): TokenSource | undefined {
  const { tokens } = deps.config.billing;
  if (tokens.kind === 'prometheus') return new PrometheusTokenSource(tokens.url);
  if (tokens.kind === 'scrape')
    return new ScrapeTokenSource({ db: deps.db, urls: tokens.urls, logger: deps.logger });
  return undefined;
}

function billingJobOf(deps: BackgroundDeps, built: BuiltApp): BillingJob | undefined {
  const tokens = tokenSourceOf(deps);
  if (tokens === undefined) return undefined;
  const { config } = deps;
  const { services } = built;
  const reporter =
    services.stripe === undefined || config.stripe === undefined
      ? undefined
      : new StripeMeterReporter(services.stripe, services.billing.accounts, config.stripe.meterEventName);
  return new BillingJob({
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger.child({ job: 'billing' }),
    tokens,
    reporter,
    usage: services.usageReports,
    gauge: reconciliationGauge(built.metrics),
    graceSeconds: config.billing.graceSeconds,
    lookbackHours: config.billing.lookbackHours,
  });
}

/** Starts what the configuration asks for. */
export function startBackground(deps: BackgroundDeps, built: BuiltApp): Background {
  const { config, logger } = deps;
  const usage = config.usage;
  const consumer =
    usage.kind === 'kafka'
      ? new KafkaUsageConsumer({
          brokers: usage.brokers,
          topic: usage.topic,
          groupId: usage.groupId,
          store: built.services.usage,
          logger: logger.child({ job: 'usage-consumer' }),
        })
      : undefined;
  const supervised = consumer === undefined ? undefined : superviseConsumer(consumer, logger);
  const tailer =
    usage.kind === 'files'
      ? new UsageFileTailer({
          dir: usage.dir,
          db: deps.db,
          store: built.services.usage,
          clock: deps.clock,
          logger: logger.child({ job: 'usage-files' }),
        })
      : undefined;
  tailer?.start();
  const billingJob = billingJobOf(deps, built);
  billingJob?.start(config.billing.intervalSeconds * 1000);
  logger.info(
    { usage: usage.kind, billing: config.billing.tokens.kind, stripe: config.stripe !== undefined },
    'Started background services',
  );
  return {
    consumer,
    tailer,
    billingJob,
    stop: async () => {
      await Promise.all([billingJob?.stop(), tailer?.stop(), supervised?.stop()]);
    },
  };
}

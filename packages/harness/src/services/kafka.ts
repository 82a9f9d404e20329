import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { logFile } from '../daemon.ts';
import { daemonService } from '../daemon-service.ts';
import { run, which } from '../exec.ts';
import { binDir, ensureBinaries } from '../install/cached-binary.ts';
import type { HarnessContext } from '../service.ts';
import { host, ports, versions } from '../settings.ts';
import { tcpOpen } from '../wait.ts';

/**
 * A throw-away Maven project whose only job is to copy Kafka's jars and a
 * logging backend (the Kafka POM ships none) out of Maven Central.
 */
export function kafkaPom(): string {
  const dep = (g: string, a: string, v: string): string =>
    `<dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version></dependency>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.lmo.infra</groupId>
  <artifactId>kafka-libs</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    ${dep('org.apache.kafka', 'kafka_2.13', versions.kafka)}
    ${dep('org.slf4j', 'slf4j-reload4j', versions.slf4j)}
    ${dep('ch.qos.reload4j', 'reload4j', versions.reload4j)}
  </dependencies>
</project>
`;
}

/** Single-node KRaft settings: broker and controller in one process, everything on loopback. */
export function kafkaServerProperties(dataDir: string): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${host}:${ports.kafkaController}`,
    `listeners=PLAINTEXT://${host}:${ports.kafka},CONTROLLER://${host}:${ports.kafkaController}`,
    `advertised.listeners=PLAINTEXT://${host}:${ports.kafka}`,
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${join(dataDir, 'logs')}`,
    'num.partitions=3',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=true',
    '',
  ].join('\n');
}

const libs = (ctx: HarnessContext): string => join(binDir(ctx, 'kafka', versions.kafka), 'libs');

/** Kafka 3.9 in KRaft mode (no ZooKeeper), its jars from Maven Central. */
export const kafka = daemonService({
  name: 'kafka',
  description: `Kafka ${versions.kafka} (KRaft)`,
  readyWithinSeconds: 60,
  async install(ctx) {
    await ensureBinaries(
      ctx,
      { name: 'kafka', version: versions.kafka, outputs: [`libs/kafka_2.13-${versions.kafka}.jar`] },
      async (dir) => {
        const project = join(ctx.paths.cache, 'src', `kafka-${versions.kafka}`);
        await mkdir(project, { recursive: true });
        await writeFile(join(project, 'pom.xml'), kafkaPom());
        await run(
          'mvn',
          [
            '-B',
            '-q',
            'dependency:copy-dependencies',
            `-DoutputDirectory=${join(dir, 'libs')}`,
            '-DincludeScope=runtime',
          ],
          {
            cwd: project,
            env: ctx.env,
            logFile: logFile(ctx.paths.run, 'kafka-build'),
          },
        );
      },
    );
  },
  async prepare(ctx, dataDir) {
    const java = (await which('java', ctx.env['PATH'])) ?? 'java';
    const config = join(dataDir, 'server.properties');
    await writeFile(config, kafkaServerProperties(dataDir));
    await writeFile(join(dataDir, 'log4j.properties'), log4jProperties);
    const classpath = `${libs(ctx)}/*`;
    const jvm = [
      '-Xms256m',
      '-Xmx512m',
      `-Dlog4j.configuration=file:${join(dataDir, 'log4j.properties')}`,
      '-cp',
      classpath,
    ];
    if (!(await formatted(dataDir))) {
      await run(
        java,
        [
          ...jvm,
          'kafka.tools.StorageTool',
          'format',
          '-t',
          randomBytes(16).toString('base64url'),
          '-c',
          config,
        ],
        {
          env: ctx.env,
          logFile: logFile(ctx.paths.run, 'kafka'),
        },
      );
    }
    return { command: java, args: [...jvm, 'kafka.Kafka', config] };
  },
  probe: (ctx) => async () => (await tcpOpen(host, ports.kafka)) && (await started(ctx)),
  env: () => ({ KAFKA_BROKERS: `${host}:${ports.kafka}` }),
});

const log4jProperties = [
  'log4j.rootLogger=INFO, stdout',
  'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
  'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
  'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
  'log4j.logger.kafka=INFO',
  'log4j.logger.org.apache.kafka=WARN',
  '',
].join('\n');

async function formatted(dataDir: string): Promise<boolean> {
  try {
    await access(join(dataDir, 'logs', 'meta.properties'));
    return true;
  } catch {
    return false;
  }
}

/** The broker logs this line once it serves requests; an open port alone comes earlier. */
async function started(ctx: HarnessContext): Promise<boolean> {
  const log = await readFile(logFile(ctx.paths.run, 'kafka'), 'utf8');
  return /\[KafkaRaftServer nodeId=1\] Kafka Server started/.test(log);
}

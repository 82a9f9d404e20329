import type { Service } from '../service.ts';
import { chromium } from './chromium.ts';
import { etcd } from './etcd.ts';
import { kafka } from './kafka.ts';
import { kubeApiserver } from './kube-apiserver.ts';
import { kubeControllerManager, kubeScheduler } from './kube-controllers.ts';
import { kwok } from './kwok.ts';
import { postgres } from './postgres.ts';
import { prometheus } from './prometheus.ts';
import { redis } from './redis.ts';
import { stripeMock } from './stripe-mock.ts';

/** Every service of the harness, dependencies before dependents. */
export const allServices: readonly Service[] = [
  postgres,
  redis,
  kafka,
  etcd,
  kubeApiserver,
  kubeControllerManager,
  kubeScheduler,
  kwok,
  prometheus,
  stripeMock,
  chromium,
];

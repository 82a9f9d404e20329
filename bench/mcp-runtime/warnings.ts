// kafkajs 2.2 schedules a timer with a negative delay on Node ≥ 23, which prints a
// TimeoutNegativeWarning now and then (harmless: Node uses 1 ms). The benchmark's own Kafka admin
// client triggers it; this keeps it out of the output and lets every other warning through.

/** Replaces Node's warning printer with one that skips `TimeoutNegativeWarning`. */
export function quietKafkaTimeoutWarning(): void {
  const printers = process.listeners('warning');
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name === 'TimeoutNegativeWarning') return;
    for (const print of printers) print(warning);
  });
}

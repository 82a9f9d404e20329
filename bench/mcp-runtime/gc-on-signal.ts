// Preloaded into the benchmark's runtime child (`node --expose-gc --import <this> ...`): a full
// garbage collection on SIGUSR2, so memory is read without garbage that happens to be uncollected.
// The runtime itself is unchanged; nothing else listens to SIGUSR2.
const collect = (globalThis as { gc?: () => void }).gc;
if (collect !== undefined) {
  process.on('SIGUSR2', () => {
    collect();
  });
}

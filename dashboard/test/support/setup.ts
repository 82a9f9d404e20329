// Component tests: jest-dom matchers, and the browser APIs jsdom lacks that the dashboard uses.
import '@testing-library/jest-dom/jest-globals';
import { cleanup } from '@testing-library/react';
import { afterEach } from '@jest/globals';

afterEach(() => {
  cleanup();
});

// Recharts' ResponsiveContainer measures its parent; jsdom has no layout, so report a fixed size.
class FixedSizeObserver {
  readonly #callback: ResizeObserverCallback;
  constructor(callback: ResizeObserverCallback) {
    this.#callback = callback;
  }
  observe(target: Element): void {
    const rect = { width: 800, height: 300, top: 0, left: 0, bottom: 300, right: 800, x: 0, y: 0 };
    this.#callback([{ target, contentRect: rect } as unknown as ResizeObserverEntry], this);
  }
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver = FixedSizeObserver;

const copied: string[] = [];
Object.defineProperty(navigator, 'clipboard', {
  configurable: true,
  value: {
    writeText: (text: string) => {
      copied.push(text);
      return Promise.resolve();
    },
  },
});

/** What the page copied to the clipboard, oldest first. */
export const clipboardWrites = (): readonly string[] => copied;

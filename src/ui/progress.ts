import type { Io } from './io.js';

/**
 * Progress on standard error for work that takes more than a second, on a terminal only: one line
 * rewritten in place ("checked 3,000 of 10,000 partnerships"), erased when the work is done.
 */
export function progressLine(io: Io, what: string, delayMs = 1000): { update: (done: number, total: number) => void; end: () => void } {
  if (!io.stderr.isTTY) return { update: () => {}, end: () => {} };
  const start = Date.now();
  let shown = false;
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - start < delayMs || now - last < 100) return;
      last = now;
      shown = true;
      io.stderr.write(`\r${what} ${done.toLocaleString('en')} of ${total.toLocaleString('en')} partnerships…\u001b[K`);
    },
    end() {
      if (shown) io.stderr.write('\r\u001b[K');
    },
  };
}

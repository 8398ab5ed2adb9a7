import type { Logger } from '../observability/logger.ts';

/**
 * A background loop that runs `step` again at once while it finds work, else
 * sleeps `intervalMs` or until nudged. `stop()` waits for the running step.
 */
export interface WakeableLoop {
  start(): void;
  nudge(): void;
  stop(): Promise<void>;
  readonly running: boolean;
}

export function createWakeableLoop(options: {
  name: string;
  intervalMs: number;
  logger: Logger;
  /** Returns true when it did work (so more may be waiting). */
  step: () => Promise<boolean>;
}): WakeableLoop {
  let running = false;
  let nudged = false;
  let wake: (() => void) | undefined;
  let done: Promise<void> | undefined;

  async function run() {
    let failures = 0;
    while (running) {
      nudged = false;
      let busy = false;
      try {
        busy = await options.step();
        failures = 0;
      } catch (error) {
        failures++;
        options.logger.error({ err: error, loop: options.name }, `${options.name} failed; retrying`);
      }
      if (!running) break;
      if ((busy || nudged) && failures === 0) continue;
      // after an error, wait longer each time so a lost database is not hammered
      const delay = options.intervalMs * Math.min(2 ** failures, 30);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  }

  return {
    get running() {
      return running;
    },
    start() {
      if (running) return;
      running = true;
      done = run();
    },
    nudge() {
      nudged = true;
      wake?.();
    },
    async stop() {
      running = false;
      wake?.();
      await done;
      done = undefined;
    },
  };
}

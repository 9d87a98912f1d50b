import type { FastifyBaseLogger } from "fastify";

/**
 * Work a request starts and does not wait for (an allocation round's run). The app awaits it on close, so
 * that no task still writes to a database that is being shut down; a task's failure is logged and handled
 * by the task itself (it records it where the user will see it).
 */
export interface Background {
  run(name: string, task: () => Promise<void>): void;
  /** Resolves when every task started so far has finished. */
  drain(): Promise<void>;
}

export function createBackground(log: FastifyBaseLogger): Background {
  const running = new Set<Promise<void>>();
  return {
    run(name, task) {
      const promise: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(task)
        .catch((error: unknown) => log.error({ err: error, task: name }, "background task failed"))
        .finally(() => running.delete(promise));
      running.add(promise);
    },
    async drain() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}

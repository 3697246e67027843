// Work that follows an acknowledgement (saving an update, answering through
// response_url) runs here, a few jobs at a time. Slack needs the ack within
// 3 s; if every acknowledged request started its work at once, a burst of
// commands would keep the event loop busy and delay the next acks. Queued
// work lets incoming requests be acknowledged between jobs.

export interface WorkQueue {
  run(job: () => Promise<void>): void;
  /** Resolves when every queued job has finished (graceful shutdown, tests). */
  idle(): Promise<void>;
  readonly pending: number;
}

export function createWorkQueue(concurrency = 2, onError: (e: unknown) => void = () => {}): WorkQueue {
  const waiting: Array<() => Promise<void>> = [];
  let running = 0;
  let idleWaiters: Array<() => void> = [];

  const pump = () => {
    while (running < concurrency && waiting.length) {
      const job = waiting.shift()!;
      running++;
      // setImmediate: start after pending I/O (new requests) has been read.
      setImmediate(() => {
        job()
          .catch(onError)
          .finally(() => {
            running--;
            if (!running && !waiting.length) {
              for (const w of idleWaiters) w();
              idleWaiters = [];
            }
            pump();
          });
      });
    }
  };

  return {
    run(job) {
      waiting.push(job);
      pump();
    },
    idle: () => (running || waiting.length ? new Promise((ok) => idleWaiters.push(ok)) : Promise.resolve()),
    get pending() {
      return running + waiting.length;
    },
  };
}

/** Read-through cache and counters: in memory by default, Redis when REDIS_URL is set. */
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlSeconds: number): Promise<void>;
  delete(...keys: string[]): Promise<void>;
  /** Deletes every key starting with the prefix (e.g. "listing:123:"). */
  deletePrefix(prefix: string): Promise<void>;
  /** Atomically increments a counter that expires `ttlSeconds` after it was created; returns the new value. */
  increment(key: string, ttlSeconds: number): Promise<number>;
  /** Calls `load` on a miss and stores its result. */
  wrap<T>(key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

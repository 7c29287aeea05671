/**
 * Runs tasks one at a time per key, in the order they were queued; tasks on different keys run concurrently. A failed
 * task does not stop the ones queued after it. Used for writes to one record file and for uploads to one path.
 *
 * @example
 * ```ts
 * const queue = new KeyedQueue();
 * await Promise.all([queue.run("/a.jpg", first), queue.run("/a.jpg", second)]); // second starts after first ends
 * ```
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `task` once every earlier task for `key` has settled; resolves or rejects with its outcome. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

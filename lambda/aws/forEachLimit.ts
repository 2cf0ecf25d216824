/**
 * Runs `task` over `items` with at most `limit` running at once. A summary
 * of thousands of alerts gates each one in DynamoDB; one at a time that
 * would take minutes.
 */
export async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await task(item);
    }
  }
  const workers = Array.from({ length: Math.min(limit, items.length) }, worker);
  await Promise.all(workers);
}

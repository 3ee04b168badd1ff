/**
 * `mapOrdered`: run an async step over a stream of items with a bounded window in flight, and yield the
 * results in input order. This is the back-pressure ingest needs: an item is read only when fewer than
 * `window` results are waiting, so 10,000 inputs are never all in memory, while the workers stay busy.
 */

export interface MapOrderedOptions {
  /** Items started and not yet yielded, at most (≥ 1). For the pool: `threads * IN_FLIGHT_PER_THREAD`. */
  window: number;
}

type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Start `step` on each item in order, at most `window` ahead of the consumer, and yield the results in
 * the items' order. A step that throws makes the generator throw at that item's turn (results before it
 * are yielded first). Leaving the loop early (break, throw) stops reading: the source's `return()` is
 * called, and steps still running are left to finish on their own (cancel them with the pool's close()
 * or a signal); their results and errors are dropped.
 */
export async function* mapOrdered<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  step: (item: T, index: number) => Promise<R> | R,
  options: MapOrderedOptions,
): AsyncGenerator<R, void, undefined> {
  const { window } = options;
  if (!Number.isInteger(window) || window < 1)
    throw new RangeError(`mapOrdered: window must be an integer ≥ 1, got ${window}`);
  const source = iteratorOf(items);
  const pending: Promise<Settled<R>>[] = [];
  let index = 0;
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && pending.length < window) {
        const next = await source.next();
        if (next.done) exhausted = true;
        else pending.push(settle(step, next.value, index++));
      }
      const head = pending.shift();
      if (!head) return;
      const result = await head;
      if (!result.ok) throw result.error;
      yield result.value;
    }
  } finally {
    if (!exhausted) await source.return?.();
  }
}

function iteratorOf<T>(items: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in items
    ? (items as AsyncIterable<T>)[Symbol.asyncIterator]()
    : (items as Iterable<T>)[Symbol.iterator]();
}

/** Run one step, its throw or rejection captured (so a dropped step is never an unhandled rejection). */
async function settle<T, R>(
  step: (item: T, index: number) => Promise<R> | R,
  item: T,
  index: number,
): Promise<Settled<R>> {
  try {
    return { ok: true, value: await step(item, index) };
  } catch (error) {
    return { ok: false, error };
  }
}

'use client';

/**
 * A module fetched the first time it is needed (a dialog's first opening), then read
 * synchronously. Whoever opens the dialog awaits `load()` first, so the dialog's first frame
 * already holds its form and Radix puts focus in it as before: no loading flash, no suspense.
 * Keeps Radix's dialogs, react-hook-form, zod and each form out of a card's first load (issue 15).
 */
export function lazyModule<T>(load: () => Promise<T>) {
  let loaded: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    get: () => loaded,
    /** The module inside what `load()` opened: it has resolved by then. */
    ready: () => {
      if (!loaded) throw new Error('lazy module read before it loaded');
      return loaded;
    },
    load: () =>
      (pending ??= load().then(
        (m) => (loaded = m),
        (error: unknown) => {
          // A failed fetch (offline) may be retried by the next click.
          pending = undefined;
          throw error;
        },
      )),
  };
}

export type LazyModule<T> = ReturnType<typeof lazyModule<T>>;

/** Loads every module a dialog needs before it opens. */
export function preloadAll(...modules: Array<{ load: () => Promise<unknown> } | undefined>) {
  return Promise.all(modules.map((m) => m?.load()));
}

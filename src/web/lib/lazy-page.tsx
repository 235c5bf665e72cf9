import { type ComponentType, lazy, Suspense } from 'react';
import { Loading } from '../components/page.tsx';

const RELOADED = 'prodops:reloaded-for-chunk';

/**
 * A page loaded with its route: its code is a chunk of its own, fetched on first visit, so the sign-in page and
 * the layout do not wait for all ~50 pages. While it loads, the layout stays and the page says "Loading…".
 */
export function lazyPage<M, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): ComponentType & { preload: () => Promise<M> } {
  let loading: Promise<M> | null = null;
  // Asked for once, whether by preload() or by the first render.
  const preload = () => {
    loading ??= loadOrReload(load);
    return loading;
  };
  const Lazy = lazy(async () => ({ default: (await preload())[name] as ComponentType }));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per page at module load, so each page's component is one stable function, never re-created on render.
  function LazyPage() {
    return (
      <Suspense fallback={<Loading what="the page" />}>
        <Lazy />
      </Suspense>
    );
  }
  LazyPage.displayName = name;
  return Object.assign(LazyPage, { preload });
}

/**
 * A tab opened before a release asks for chunks the server no longer has: reload once to get the new
 * index.html and its chunks. A second failure at the same address is a real error and is thrown.
 */
async function loadOrReload<M>(load: () => Promise<M>): Promise<M> {
  try {
    const module = await load();
    sessionStorage.removeItem(RELOADED);
    return module;
  } catch (err) {
    const here = window.location.pathname;
    if (sessionStorage.getItem(RELOADED) === here) throw err;
    sessionStorage.setItem(RELOADED, here);
    window.location.reload();
    return new Promise<M>(() => {});
  }
}

'use client';

import dynamic from 'next/dynamic';

// Sonner (about 10 kB gzip) is fetched after the page is interactive, not in every page's first
// load (issue 15): toasts only follow a user's action, by which time it is there; toast() itself
// loads sonner on its first call (components/shell/toast.ts).
export const LazyToaster = dynamic(() => import('./toast').then((m) => m.Toaster), { ssr: false });

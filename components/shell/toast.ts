'use client';

// Sonner (about 11 kB gzip) arrives with the first toast, not in a card's first load (issue 15).
// Every toast follows something the user did, and the toaster (components/ui/lazy-toaster.tsx)
// is mounted by then; both share the one sonner module once it is loaded.
const sonner = () => import('@/components/ui/toast').then((m) => m.toast);

function show(message: string) {
  void sonner().then((toast) => toast(message));
}

show.success = (message: string) => void sonner().then((toast) => toast.success(message));

export const toast = show;

'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

/**
 * mm:ss until the selection's hold ends. The visible timer ticks every second but is not a
 * live region; a polite, visually hidden line changes only when the minute does, so a screen
 * reader hears "14 minutes left" once a minute, not a number every second. At zero the page
 * reloads: the server, not this clock, decides what is still held.
 */
export function HoldCountdown({ until, serverNow }: { until: string; serverNow: string }) {
  const t = useTranslations('numbers');
  const router = useRouter();
  const end = new Date(until).getTime();
  // The first render uses the server's clock so the markup matches the server's.
  const [now, setNow] = useState(() => new Date(serverNow).getTime());
  const refreshed = useRef(false);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const left = Math.max(0, end - now);
  useEffect(() => {
    if (left > 0 || refreshed.current) return;
    refreshed.current = true;
    router.refresh();
  }, [left, router]);

  const seconds = Math.ceil(left / 1000);
  const mmss = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
  const minutes = Math.ceil(left / 60_000);
  if (left === 0) {
    return (
      <p role="alert" className="text-sm font-medium text-destructive">
        {t('expired')}
      </p>
    );
  }
  return (
    <div className="grid gap-1">
      <p className="text-sm">
        {t('heldFor')}{' '}
        <span role="timer" className="font-mono text-lg font-semibold tabular-nums" data-countdown>
          {mmss}
        </span>
      </p>
      <p className="sr-only" aria-live="polite">
        {t('minutesLeft', { count: minutes })}
      </p>
    </div>
  );
}

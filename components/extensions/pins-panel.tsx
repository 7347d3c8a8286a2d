'use client';

import { useTranslations } from 'next-intl';
import { Fragment, useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';

export type Pins = { hostPin: string; participantPin: string };

/** The plain PINs, shown this once: only their hashes are stored. Focus moves here so it is read. */
export function PinsPanel({ pins, onClose }: { pins: Pins; onClose: () => void }) {
  const t = useTranslations('extensions');
  const panel = useRef<HTMLDivElement | null>(null);
  useEffect(() => panel.current?.focus(), []);
  return (
    <div ref={panel} tabIndex={-1} className="grid gap-4 outline-none" data-pins>
      <p role="status" className="rounded-md border border-amber-600 bg-amber-50 p-3 text-sm text-amber-950">
        {t('pinsShownOnce')}
      </p>
      <dl className="grid grid-cols-[max-content_1fr] items-center gap-x-6 gap-y-2">
        {(['host', 'participant'] as const).map((role) => (
          <Fragment key={role}>
            <dt className="font-medium">{t(`${role}Pin`)}</dt>
            <dd>
              <code data-pin={role} className="font-mono text-xl tracking-widest">
                {pins[`${role}Pin`]}
              </code>
            </dd>
          </Fragment>
        ))}
      </dl>
      <div className="flex justify-end">
        <Button type="button" onClick={onClose}>
          {t('pinsNoted')}
        </Button>
      </div>
    </div>
  );
}

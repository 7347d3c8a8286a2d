'use client';

import type { LucideIcon } from 'lucide-react';
import { createContext, useContext, useId } from 'react';

/*
 * A table row's icons drawn once per table: an inline SVG sprite (one <symbol> per icon) and, in
 * each row, an <svg><use href="#…"/></svg> of a few dozen bytes instead of the icon's paths (a
 * 50-row Team page repeated three icons in each row: 64 kB of its HTML).
 */
const Sprite = createContext<{ prefix: string; names: ReadonlySet<string> } | null>(null);

export function IconSprite({ icons, children }: { icons: Record<string, LucideIcon>; children: React.ReactNode }) {
  // useId's characters are not all valid in a URL fragment.
  const prefix = `icon${useId().replace(/[^\w-]/g, '')}`;
  return (
    <Sprite value={{ prefix, names: new Set(Object.keys(icons)) }}>
      <svg aria-hidden className="absolute size-0 overflow-hidden">
        {Object.entries(icons).map(([name, Icon]) => (
          <symbol key={name} id={`${prefix}-${name}`} viewBox="0 0 24 24">
            <Icon />
          </symbol>
        ))}
      </svg>
      {children}
    </Sprite>
  );
}

/** The icon `name` from the enclosing sprite; `icon` itself where there is none (a dialog alone). */
export function SpriteIcon({ name, icon: Icon, className }: { name: string; icon: LucideIcon; className?: string }) {
  const sprite = useContext(Sprite);
  if (!sprite?.names.has(name)) return <Icon aria-hidden className={className} />;
  return (
    <svg aria-hidden width="24" height="24" data-icon={name} className={className}>
      <use href={`#${sprite.prefix}-${name}`} />
    </svg>
  );
}

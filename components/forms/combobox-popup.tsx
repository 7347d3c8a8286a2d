'use client';

import { Check } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { RefObject } from 'react';
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList } from '@/components/ui/command';
import { Popover, PopoverAnchor, PopoverContent } from '@/components/ui/popover';
import { cn } from '@/lib/utils';
import type { ComboOption } from './server-combobox';

/**
 * The open part of a ServerCombobox: shadcn's Command (cmdk) in a Radix Popover anchored to the
 * trigger. Loaded on the first opening (issue 15: cmdk, the popover and the dialog cmdk brings
 * are about 32 kB gzip), so it anchors to the trigger instead of wrapping it. cmdk's own filter
 * is off: the server's order stands.
 */
export function ComboboxPopup({
  id,
  anchor,
  open,
  onOpenChange,
  query,
  onQueryChange,
  searchLabel,
  value,
  fixed,
  shown,
  loading,
  announcement,
  onChoose,
}: {
  id: string;
  anchor: RefObject<HTMLButtonElement | null>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  query: string;
  onQueryChange: (query: string) => void;
  searchLabel: string;
  value: string;
  fixed: ComboOption[];
  shown: ComboOption[];
  loading: boolean;
  announcement: string;
  onChoose: (option: ComboOption) => void;
}) {
  const t = useTranslations('picker');
  const groups = [...new Set(shown.map((o) => o.group ?? ''))];
  const item = (option: ComboOption) => (
    <CommandItem key={`${option.group ?? ''}:${option.value}`} value={`o:${option.value}`} onSelect={() => onChoose(option)} data-option={option.label}>
      <Check aria-hidden className={cn('size-4', option.value === value ? 'opacity-100' : 'opacity-0')} />
      <span className="grid">
        <span>{option.label}</span>
        {option.hint && <span className="text-xs text-muted-foreground">{option.hint}</span>}
      </span>
    </CommandItem>
  );
  return (
    // Modal: inside a dialog the list still scrolls with the wheel, and focus stays in it.
    <Popover open={open} onOpenChange={onOpenChange} modal>
      <PopoverAnchor virtualRef={anchor as RefObject<HTMLButtonElement>} />
      <PopoverContent
        id={id}
        className="w-(--radix-popover-trigger-width) min-w-72 p-0"
        align="start"
        // Focus goes to the search box with the caret after what was typed on the trigger.
        onOpenAutoFocus={(e) => {
          e.preventDefault();
          const input = e.currentTarget instanceof HTMLElement ? e.currentTarget.querySelector('input') : null;
          input?.focus();
          input?.setSelectionRange(input.value.length, input.value.length);
        }}
        // Back to the trigger, which is no Radix trigger of this popover.
        onCloseAutoFocus={(e) => {
          e.preventDefault();
          anchor.current?.focus();
        }}
      >
        <Command shouldFilter={false} label={searchLabel}>
          <CommandInput value={query} onValueChange={onQueryChange} placeholder={t('placeholder')} />
          <CommandList aria-label={searchLabel}>
            {fixed.length > 0 && <CommandGroup>{fixed.map(item)}</CommandGroup>}
            {loading && (
              <div role="presentation" className="px-2 py-3 text-sm text-muted-foreground">
                {t('searching')}
              </div>
            )}
            {!loading && shown.length === 0 && fixed.length > 0 && (
              <p role="presentation" className="px-2 py-3 text-sm text-muted-foreground">
                {announcement}
              </p>
            )}
            {!loading && <CommandEmpty>{announcement}</CommandEmpty>}
            {groups.map((g) => (
              <CommandGroup key={g || 'results'} heading={g || undefined}>
                {shown.filter((o) => (o.group ?? '') === g).map(item)}
              </CommandGroup>
            ))}
          </CommandList>
        </Command>
      </PopoverContent>
    </Popover>
  );
}

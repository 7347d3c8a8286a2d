'use client';

import { Check, ChevronsUpDown } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { SpriteIcon } from '@/components/icons/sprite';
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList } from '@/components/ui/command';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { cn } from '@/lib/utils';

/** One choice: `value` is what the form posts, `label` what the admin reads. */
export type ComboOption = { value: string; label: string; group?: string; hint?: string };

/** Asks the server for the matches of what was typed; a string is the refusal's message. */
export type ComboSearch = (query: string) => Promise<ComboOption[] | string>;

type Props = {
  /** FormField passes these to its control. */
  id?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
  'aria-required'?: boolean | 'true' | 'false';
  /** The accessible name when no <label for> names it (a table cell). */
  'aria-label'?: string;
  /** Posted as a hidden field when set. */
  name?: string;
  value: string;
  /** How the chosen value reads: the page sends the current value's label, never the list. */
  valueLabel: string;
  onChange: (option: ComboOption) => void;
  search: ComboSearch;
  /** Offered before the results whatever was typed (Unassigned, Another number). */
  fixed?: ComboOption[];
  /** Values not to offer (members already in the list). */
  exclude?: readonly string[];
  /** What the trigger says with nothing chosen. */
  placeholder: string;
  /** The search box's name for screen readers (the field's label). */
  searchLabel: string;
  disabled?: boolean;
  /** Stays open after a choice, for adding several in a row (ring-group members). */
  stayOpen?: boolean;
  className?: string;
};

const DEBOUNCE_MS = 200;

/**
 * A combobox whose options come from the server as the admin types: the trigger shows the
 * choice (Enter, Space, Down or any letter opens it), the search box filters on the server
 * (debounced, stale answers dropped), arrows move, Enter chooses, Escape closes and focus goes
 * back to the trigger. A polite live region says how many matched, or that nothing did.
 * Built on shadcn's Command (cmdk) in a Radix Popover; cmdk's own filter is off, the server's
 * order stands.
 */
export function ServerCombobox({
  id,
  name,
  value,
  valueLabel,
  onChange,
  search,
  fixed = [],
  exclude = [],
  placeholder,
  searchLabel,
  disabled,
  stayOpen = false,
  className,
  ...aria
}: Props) {
  const t = useTranslations('picker');
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ComboOption[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  // The live region comes with the first opening, before any result it announces: a page of 25
  // rows does not carry 25 empty ones.
  const [opened, setOpened] = useState(false);
  const searchRef = useRef(search);
  const seq = useRef(0);
  useEffect(() => {
    searchRef.current = search;
  });

  // Each keystroke waits a moment; only the latest question's answer is shown.
  useEffect(() => {
    if (!open) return;
    const mine = ++seq.current;
    const run = async () => {
      let answer: ComboOption[] | string;
      try {
        answer = await searchRef.current(query);
      } catch {
        // The network or the server failed: said in the list, and the next keystroke retries.
        answer = '';
      }
      if (mine !== seq.current) return;
      if (typeof answer === 'string') {
        setError(answer || null);
        setFailed(!answer);
        setResults([]);
      } else {
        setError(null);
        setFailed(false);
        setResults(answer);
      }
    };
    const timer = setTimeout(() => void run(), results === null ? 0 : DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // `results` only picks the first delay: not a reason to search again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, query]);

  const openWith = (next: boolean, typed = '') => {
    setOpen(next);
    if (next) setOpened(true);
    setQuery(next ? typed : '');
    if (!next) {
      seq.current++;
      setResults(null);
      setError(null);
      setFailed(false);
    }
  };

  // Typing on the closed trigger opens it with what was typed, like a select.
  const onTriggerKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (open || disabled) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      openWith(true);
    } else if (e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      openWith(true, e.key);
    }
  };

  const hidden = new Set(exclude);
  const shown = (results ?? []).filter((o) => !hidden.has(o.value));
  const groups = [...new Set(shown.map((o) => o.group ?? ''))];
  const loading = open && results === null;
  const announcement = !open
    ? ''
    : loading
      ? t('searching')
      : error || failed
        ? (error ?? t('failed'))
        : shown.length === 0
          ? query.trim()
            ? t('none', { query: query.trim() })
            : t('nothing')
          : t('results', { count: shown.length });

  const choose = (option: ComboOption) => {
    onChange(option);
    if (!stayOpen) openWith(false);
  };

  const item = (option: ComboOption) => (
    <CommandItem key={`${option.group ?? ''}:${option.value}`} value={`o:${option.value}`} onSelect={() => choose(option)} data-option={option.label}>
      <Check aria-hidden className={cn('size-4', option.value === value ? 'opacity-100' : 'opacity-0')} />
      <span className="grid">
        <span>{option.label}</span>
        {option.hint && <span className="text-xs text-muted-foreground">{option.hint}</span>}
      </span>
    </CommandItem>
  );

  return (
    <>
      {name !== undefined && <input type="hidden" name={name} value={value} />}
      {/* Modal: inside a dialog the list still scrolls with the wheel, and focus stays in it. */}
      <Popover open={open} onOpenChange={(next) => openWith(next)} modal>
        <PopoverTrigger asChild disabled={disabled}>
          {/* Button's outline look under one class (.combobox-trigger in app/globals.css): a table
              row per picker would otherwise repeat Button's 500-character class list. It shrinks on
              a phone (the label truncates) rather than pushing the row off screen. */}
          <button
            id={id}
            type="button"
            // eslint-disable-next-line jsx-a11y/role-has-required-aria-props -- PopoverTrigger adds aria-controls.
            role="combobox"
            aria-expanded={open}
            className={cn('combobox-trigger', className)}
            onKeyDown={onTriggerKeyDown}
            {...aria}
          >
            {/* No width of its own (w-0 grow): a long name truncates instead of widening a phone's row. */}
            <span className={cn('w-0 flex-1 truncate text-left', !valueLabel && 'text-muted-foreground')}>{valueLabel || placeholder}</span>
            {/* From the table's sprite when there is one (a row's picker: components/icons/sprite.tsx). */}
            <SpriteIcon name="chevrons" icon={ChevronsUpDown} className="opacity-50" />
          </button>
        </PopoverTrigger>
        <PopoverContent
          className="w-(--radix-popover-trigger-width) min-w-72 p-0"
          align="start"
          // Focus goes to the search box with the caret after what was typed on the trigger.
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            const input = e.currentTarget instanceof HTMLElement ? e.currentTarget.querySelector('input') : null;
            input?.focus();
            input?.setSelectionRange(input.value.length, input.value.length);
          }}
        >
          <Command shouldFilter={false} label={searchLabel}>
            <CommandInput value={query} onValueChange={setQuery} placeholder={t('placeholder')} />
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
      {/* A live region without role="status": the page's own statuses (an order placed) stay the only ones. */}
      {opened && (
        <span aria-live="polite" aria-atomic="true" className="sr-only" data-combobox-status>
          {announcement}
        </span>
      )}
    </>
  );
}

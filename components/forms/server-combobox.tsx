'use client';

import { ChevronsUpDown } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { SpriteIcon } from '@/components/icons/sprite';
import { cn } from '@/lib/utils';
import { lazyModule } from './lazy-module';

const popup = lazyModule(() => import('./combobox-popup'));

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
 * The list (components/forms/combobox-popup.tsx) loads with the first opening.
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
  const trigger = useRef<HTMLButtonElement | null>(null);
  const popupId = useId();
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
    if (next && !popup.get()) {
      // The first opening waits for the list's code; what was typed is kept for it.
      void popup.load().then(() => openWith(true, typed), () => undefined);
      return;
    }
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

  const Popup = opened ? popup.get()?.ComboboxPopup : undefined;
  const choose = (option: ComboOption) => {
    onChange(option);
    if (!stayOpen) openWith(false);
  };

  return (
    <>
      {name !== undefined && <input type="hidden" name={name} value={value} />}
      {/* Button's outline look under one class (.combobox-trigger in app/globals.css): a table
          row per picker would otherwise repeat Button's 500-character class list. It shrinks on
          a phone (the label truncates) rather than pushing the row off screen. */}
      <button
        ref={trigger}
        id={id}
        type="button"
        role="combobox"
        aria-expanded={open}
        aria-controls={open ? popupId : undefined}
        aria-haspopup="dialog"
        data-state={open ? 'open' : 'closed'}
        disabled={disabled}
        className={cn('combobox-trigger', className)}
        onClick={() => openWith(!open)}
        onKeyDown={onTriggerKeyDown}
        {...aria}
      >
        {/* No width of its own (w-0 grow): a long name truncates instead of widening a phone's row. */}
        <span className={cn('w-0 flex-1 truncate text-left', !valueLabel && 'text-muted-foreground')}>{valueLabel || placeholder}</span>
        {/* From the table's sprite when there is one (a row's picker: components/icons/sprite.tsx). */}
        <SpriteIcon name="chevrons" icon={ChevronsUpDown} className="opacity-50" />
      </button>
      {Popup && (
        <Popup
          id={popupId}
          anchor={trigger}
          open={open}
          onOpenChange={(next) => openWith(next)}
          query={query}
          onQueryChange={setQuery}
          searchLabel={searchLabel}
          value={value}
          fixed={fixed}
          shown={shown}
          loading={loading}
          announcement={announcement}
          onChoose={choose}
        />
      )}
      {/* A live region without role="status": the page's own statuses (an order placed) stay the only ones. */}
      {opened && (
        <span aria-live="polite" aria-atomic="true" className="sr-only" data-combobox-status>
          {announcement}
        </span>
      )}
    </>
  );
}

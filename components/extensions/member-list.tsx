'use client';

import { ArrowDown, ArrowUp, X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { MEMBERS, RING_SECONDS, type RingGroupForm, type RingGroupFormInput } from '@/lib/extensions/schema';
import type { PersonOption } from './types';

type Form = UseFormReturn<RingGroupFormInput, unknown, RingGroupForm>;

// Move up and Move down are one button but for their direction.
const MOVES = [
  { direction: 'up', label: 'moveUp', Icon: ArrowUp },
  { direction: 'down', label: 'moveDown', Icon: ArrowDown },
] as const;

/**
 * The members of a ring group: ticked in one checklist (Space toggles, Tab moves on), then the
 * ordered list of those ticked: remove, and reorder with
 * Move up / Move down buttons (keyboard and mouse alike). Each move is announced, and focus
 * stays on the moved member's button so the next press moves it again.
 */
export function MemberList({
  form,
  people,
  error,
  errorOf,
  onMembersChange,
}: {
  form: Form;
  people: PersonOption[];
  error?: string;
  errorOf: (name: string) => string | undefined;
  onMembersChange: (userIds: string[]) => void;
}) {
  const t = useTranslations('extensions');
  const tf = useTranslations('flow');
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: 'members' });
  const [announcement, setAnnouncement] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const boxes = useRef(new Map<string, HTMLInputElement | null>());
  const focusNext = useRef<{ userId: string; direction: 'up' | 'down' } | { box: string } | null>(null);
  const byId = new Map(people.map((p) => [p.userId, p]));
  const chosen = new Set(fields.map((f) => f.userId));
  const full = fields.length >= MEMBERS.max;
  const nameOf = (userId: string) => byId.get(userId)?.name ?? '';

  // After a move React re-renders the list; focus follows the member that moved.
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    if ('box' in target) return boxes.current.get(target.box)?.focus();
    const same = buttons.current.get(`${target.userId}:${target.direction}`);
    const other = buttons.current.get(`${target.userId}:${target.direction === 'up' ? 'down' : 'up'}`);
    (same && !same.disabled ? same : other)?.focus();
  }, [fields]);

  const moveMember = (index: number, direction: 'up' | 'down') => {
    const to = direction === 'up' ? index - 1 : index + 1;
    const userId = fields[index]?.userId;
    if (to < 0 || to >= fields.length || !userId) return;
    move(index, to);
    focusNext.current = { userId, direction };
    setAnnouncement(t('memberMoved', { name: nameOf(userId), position: to + 1, count: fields.length }));
  };

  const add = (userId: string) => {
    if (chosen.has(userId) || full) return;
    append({ userId, ringSeconds: RING_SECONDS.default });
    setAnnouncement(t('memberAdded', { name: nameOf(userId), position: fields.length + 1, count: fields.length + 1 }));
    onMembersChange([...fields.map((f) => f.userId), userId]);
  };

  const removeAt = (index: number, refocus: boolean) => {
    const userId = fields[index]?.userId;
    if (!userId) return;
    remove(index);
    // Removed from the ordered list: focus goes back to the person's box in the checklist.
    if (refocus) focusNext.current = { box: userId };
    setAnnouncement(t('memberRemoved', { name: nameOf(userId) }));
    onMembersChange(fields.filter((_, i) => i !== index).map((f) => f.userId));
  };

  return (
    <fieldset className="grid gap-3" aria-describedby="members-hint">
      <legend className="mb-1 font-medium">
        {t('members')}
        <span aria-hidden="true" className="text-destructive">
          *
        </span>
      </legend>
      <p id="members-hint" className="text-sm text-muted-foreground">
        {t('membersHint', { max: MEMBERS.max })}
      </p>
      {fields.length === 0 ? (
        <p className="text-sm">{t('noMembersYet')}</p>
      ) : (
        <ol className="grid gap-2" aria-label={t('memberOrder')}>
          {fields.map((field, index) => {
            const person = byId.get(field.userId);
            const name = person?.name ?? '';
            const ringId = `member-${index}-ring`;
            const ringError = errorOf(`members.${index}.ringSeconds`);
            return (
              <li
                key={field.id}
                data-member={name}
                className="grid gap-2 rounded-md border p-2 sm:grid-cols-[1fr_auto_auto] sm:items-center"
              >
                <span className="font-medium">
                  <span aria-hidden="true">{index + 1}. </span>
                  {name}
                  {person?.number && <span className="text-muted-foreground"> ({person.number})</span>}
                </span>
                <div className="flex items-center gap-2">
                  <Label htmlFor={ringId} className="text-sm font-normal">
                    {t('ringSeconds')}
                    <span className="sr-only"> {t('forMember', { name })}</span>
                  </Label>
                  <Input
                    id={ringId}
                    type="number"
                    inputMode="numeric"
                    min={RING_SECONDS.min}
                    max={RING_SECONDS.max}
                    className="w-20"
                    aria-invalid={Boolean(ringError)}
                    aria-describedby={ringError ? `${ringId}-error` : undefined}
                    {...form.register(`members.${index}.ringSeconds`)}
                  />
                </div>
                <div className="flex gap-1">
                  {MOVES.map(({ direction, label, Icon }) => (
                    <Button
                      key={direction}
                      type="button"
                      variant="outline"
                      size="icon"
                      aria-label={t(label, { name })}
                      disabled={direction === 'up' ? index === 0 : index === fields.length - 1}
                      ref={(el) => void buttons.current.set(`${field.userId}:${direction}`, el)}
                      onClick={() => moveMember(index, direction)}
                    >
                      <Icon aria-hidden />
                    </Button>
                  ))}
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    aria-label={t('removeMember', { name })}
                    onClick={() => removeAt(index, true)}
                  >
                    <X aria-hidden />
                  </Button>
                </div>
                {ringError && (
                  <p id={`${ringId}-error`} role="alert" className="text-sm text-destructive sm:col-span-3">
                    {ringError}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {/* Scrolls inside itself for a large team; every box is still reached with Tab. */}
      <fieldset className="grid max-h-64 gap-1 overflow-y-auto sm:grid-cols-2" aria-describedby={error ? 'members-error' : undefined}>
        <legend className="mb-1 text-sm font-medium">{tf('pickMembers')}</legend>
        {people.map((p) => {
          const id = `pick-${p.userId}`;
          const checked = chosen.has(p.userId);
          return (
            // Rows 2rem high: the 16 px boxes keep 24 px of space each (WCAG 2.5.8).
            <div key={p.userId} className="flex min-h-8 items-center gap-2">
              <Checkbox
                id={id}
                checked={checked}
                disabled={!checked && full}
                ref={(el) => void boxes.current.set(p.userId, el)}
                onChange={(e) => (e.target.checked ? add(p.userId) : removeAt(fields.findIndex((f) => f.userId === p.userId), false))}
              />
              <Label htmlFor={id} className="font-normal">
                {p.number ? `${p.name} (${p.number})` : p.name}
              </Label>
            </div>
          );
        })}
      </fieldset>
      {error && (
        <p id="members-error" role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
    </fieldset>
  );
}

import type { ComponentProps } from 'react';

/**
 * A table row's icon button (edit, remove, renumber…): the look of `<Button variant="ghost"
 * size="icon">` through one short class (`row-action` in app/globals.css). Button's own class
 * list is about 700 characters, and a 50-row page repeats it three times a row in its HTML.
 * `reveal` hides it until the row is hovered or holds focus (ActionsCell shows it on touch and
 * narrow screens).
 */
export function RowActionButton({ className, reveal = false, ...props }: ComponentProps<'button'> & { reveal?: boolean }) {
  const classes = ['row-action', reveal && 'row-action-reveal', className].filter(Boolean).join(' ');
  return <button type="button" data-slot="button" className={classes} {...props} />;
}


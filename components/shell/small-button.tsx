import type { ComponentProps } from 'react';

/**
 * `<Button size="sm">` in the ghost, outline or secondary look through short classes
 * (`small-button` in app/globals.css), for buttons a page repeats: a table row's Map, Make main,
 * Release or licence switch, and the site header's language and sign-out buttons, which every
 * page's payload carries several times (once per not-found and forbidden boundary). Button's own
 * class list is about 550 characters each time.
 */
export function SmallButton({
  className,
  variant = 'ghost',
  ...props
}: ComponentProps<'button'> & { variant?: 'ghost' | 'outline' | 'secondary' }) {
  const classes = ['small-button', variant !== 'ghost' && `small-button-${variant}`, className].filter(Boolean).join(' ');
  return <button type="button" className={classes} {...props} />;
}

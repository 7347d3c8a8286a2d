import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';

export type ListFilter = {
  /** The query parameter, e.g. `licence`. */
  name: string;
  label: string;
  /** The value in the URL; '' for "all". */
  value: string;
  options: { value: string; label: string }[];
};

/**
 * A list's search box and filters as a plain GET form: the search lives in the URL (shareable,
 * back button, works before any script), runs on the server, and a new search starts at page 1.
 */
export async function ListSearch({
  path,
  q,
  label,
  filters = [],
  hidden = {},
  id = 'q',
}: {
  path: string;
  q: string;
  /** What can be searched for, e.g. "Search by name, e-mail or extension". */
  label: string;
  filters?: ListFilter[];
  /** Parameters a search keeps as they are (a filter chosen by links, not in the form). */
  hidden?: Record<string, string>;
  id?: string;
}) {
  const t = await getTranslations('common');
  return (
    <form role="search" className="flex flex-wrap items-end gap-2" action={path}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="grid gap-2">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <Input id={id} name="q" type="search" defaultValue={q} className="w-56 sm:w-72" />
      </div>
      {filters.map((f) => (
        <div key={f.name} className="grid gap-2">
          <label htmlFor={`${id}-${f.name}`} className="text-sm font-medium">
            {f.label}
          </label>
          <Select id={`${id}-${f.name}`} name={f.name} defaultValue={f.value} className="w-44">
            <option value="">{t('all')}</option>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </div>
      ))}
      <Button type="submit" variant="secondary">
        {t('search')}
      </Button>
    </form>
  );
}

/** What a list says when a search or filter leaves nothing to show. */
export async function NoMatch({ q }: { q: string }) {
  const t = await getTranslations('common');
  return (
    <p role="status" data-empty-results>
      {q ? t('noMatchFor', { q }) : t('noMatch')}
    </p>
  );
}

/** The query parameters a pager keeps: the search and filters that are set. */
export function keptParams(params: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
}

/** `path` with the set parameters, and no dangling `?` when none is. */
export function withParams(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams(keptParams(params)).toString();
  return query ? `${path}?${query}` : path;
}

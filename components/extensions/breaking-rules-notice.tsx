import { TriangleAlert } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { BreakingExtension } from '@/lib/extensions/breaking-rules';
import { RenumberDialog } from './renumber-dialog';

/**
 * Extensions whose numbers a newer numbering rule forbids (lib/extensions/breaking-rules.ts):
 * each with the reason in words and a button opening the usual renumber dialog. Nothing is
 * renumbered for the admin; the Review blocks Finish until they are.
 */
export async function BreakingRulesNotice({ extensions }: { extensions: BreakingExtension[] }) {
  if (extensions.length === 0) return null;
  const t = await getTranslations();
  return (
    <Alert variant="destructive" data-banner="breaking-rules">
      <TriangleAlert aria-hidden />
      <AlertTitle>{t('extensions.breaking.title')}</AlertTitle>
      <AlertDescription>
        <p>{t('extensions.breaking.intro')}</p>
        <ul className="grid gap-2">
          {extensions.map((e) => {
            const reason = t(e.problem.key, 'params' in e.problem ? e.problem.params : undefined);
            return (
              <li key={e.id} data-extension={e.number} className="flex flex-wrap items-center gap-2 text-foreground">
                <span>
                  {e.name === e.number
                    ? t('extensions.breaking.itemUnnamed', { number: e.number, reason })
                    : t('extensions.breaking.item', { number: e.number, name: e.name, reason })}
                </span>
                <RenumberDialog
                  id={e.id}
                  name={e.name}
                  number={e.number}
                  trigger={
                    <Button variant="outline" size="sm">
                      {t('extensions.breaking.renumber', { number: e.number })}
                    </Button>
                  }
                />
              </li>
            );
          })}
        </ul>
      </AlertDescription>
    </Alert>
  );
}

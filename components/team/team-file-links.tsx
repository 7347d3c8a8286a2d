import { Download } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { LOCALES } from '@/lib/i18n/locales';
import { TEAM_FILE_FORMATS, type TeamFileFormat } from '@/lib/team/team-file';

const FORMAT_NAMES: Record<TeamFileFormat, string> = { csv: 'CSV', xlsx: 'Excel (.xlsx)' };

/** Plain links: the route handlers answer with a download, not a page to navigate to. */
function FileLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a href={href} download className="inline-flex items-center gap-1 text-sm underline underline-offset-4">
      <Download aria-hidden className="size-4" /> {children}
    </a>
  );
}

/** The import page's templates (each language, each format) and the team's export. */
export async function TeamFileLinks() {
  const t = await getTranslations();
  return (
    <section aria-labelledby="team-files-title" className="grid gap-4 rounded-md border p-4">
      <h2 id="team-files-title" className="text-lg font-semibold">
        {t('import.filesTitle')}
      </h2>
      <div className="grid gap-2">
        <h3 className="font-medium">{t('import.templates')}</h3>
        <p className="text-sm text-muted-foreground">{t('import.templatesHint')}</p>
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {LOCALES.flatMap((lang) =>
            TEAM_FILE_FORMATS.map((format) => (
              <li key={`${lang}-${format}`}>
                <FileLink href={`/setup/team/template?format=${format}&lang=${lang}`}>
                  {t('import.template', { format: FORMAT_NAMES[format], language: t(`import.languages.${lang}`) })}
                </FileLink>
              </li>
            )),
          )}
        </ul>
      </div>
      <div className="grid gap-2">
        <h3 className="font-medium">{t('import.export')}</h3>
        <p className="text-sm text-muted-foreground">{t('import.exportHint')}</p>
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {TEAM_FILE_FORMATS.map((format) => (
            <li key={format}>
              <FileLink href={`/setup/team/export?format=${format}`}>{t('import.exportAs', { format: FORMAT_NAMES[format] })}</FileLink>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

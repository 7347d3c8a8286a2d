import { requireAdmin } from '@/lib/auth/session';
import { requestLocale } from '@/lib/i18n/request';
import { teamFile, teamFileParamsSchema, teamFileResponse } from '@/lib/team/team-file';

/** The import's empty template: ?format=csv|xlsx&lang=fr|en (default: the admin's language). */
export async function GET(request: Request) {
  await requireAdmin('/setup/team/import');
  const params = teamFileParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const locale = params.lang ?? (await requestLocale());
  return teamFileResponse(await teamFile([], params.format, locale), `switchboard-users-template-${locale}`);
}

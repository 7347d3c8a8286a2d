import { requireAdmin } from '@/lib/auth/session';
import { requestLocale } from '@/lib/i18n/request';
import { getTeamFileRows, teamFile, teamFileParamsSchema, teamFileResponse } from '@/lib/team/team-file';

/** The admin's whole team in the import's format: ?format=csv|xlsx&lang=fr|en (default: the admin's language). */
export async function GET(request: Request) {
  const actor = await requireAdmin('/setup/team/import');
  const params = teamFileParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const locale = params.lang ?? (await requestLocale());
  const rows = await getTeamFileRows(actor.companyId);
  const day = new Date().toISOString().slice(0, 10);
  return teamFileResponse(await teamFile(rows, params.format, locale), `switchboard-team-${day}`);
}

'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import {
  holdNumbersAction,
  purchaseNumbersAction,
  releaseHeldNumbersAction,
} from '@/lib/numbers/bindings';
import { FormError } from '@/components/forms/form-error';
import { ExtensionPicker } from '@/components/forms/pickers';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { ActionsCell } from '@/components/tables/actions-cell';
import { ColumnHeaders } from '@/components/tables/column-headers';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Select } from '@/components/ui/select';
import { Table, TableBody, TableCaption, TableCell, TableHead, TableRow } from '@/components/ui/table';
import { toast } from '@/components/shell/toast';
import type { ActionState, FormAction } from '@/lib/actions/state';
import { formatMoney } from '@/lib/prices/money';
import { HoldCountdown } from './hold-countdown';
import type { OfferView } from './types';

/** The basket's heading: Select moves focus here, so the admin goes on to Buy. */
const BASKET_TITLE = 'basket-title';

function InlineError({ state }: { state: ActionState }) {
  const message = state.formError ?? Object.values(state.fieldErrors ?? {})[0];
  if (!message) return null;
  return (
    <p role="alert" className="max-w-64 text-sm whitespace-normal text-destructive">
      {message}
    </p>
  );
}

/**
 * One number's Select (holds it for the company; the page reloads with it in the selection,
 * focus moves to the basket and the toaster's live region says so) or Remove (releases the hold).
 */
function HoldButton({ offer, release }: { offer: OfferView; release?: boolean }) {
  const t = useTranslations('numbers');
  const tf = useTranslations('flow');
  const action: FormAction = release ? releaseHeldNumbersAction : holdNumbersAction;
  const [state, dispatch, pending] = useActionState(async (prev: ActionState, formData: FormData) => {
    const result = await action(prev, formData);
    if (result.ok && !release) {
      document.getElementById(BASKET_TITLE)?.focus();
      toast.success(tf('heldInBasket', { number: offer.national }));
    }
    return result;
  }, {});
  return (
    <form action={dispatch} className="inline-grid justify-items-end gap-1">
      <input type="hidden" name="ids[]" value={offer.id} />
      <Button type="submit" size="sm" variant={release ? 'ghost' : 'outline'} disabled={pending}>
        {t(release ? 'remove' : 'select')}
        <span className="sr-only"> {offer.national}</span>
      </Button>
      <InlineError state={state} />
    </form>
  );
}

export function ResultsTable({ offers, page }: { offers: OfferView[]; page: number }) {
  const t = useTranslations('numbers');
  return (
    <Table>
      <TableCaption className="sr-only">{t('resultsCaption', { page })}</TableCaption>
      <ColumnHeaders labels={[t('number'), t('region'), t('type'), t('monthly')]} actions={t('actions')} />
      <TableBody>
        {offers.map((offer) => (
          <TableRow key={offer.id} data-offer={offer.national} data-held={offer.heldUntil ? 'true' : undefined}>
            <TableHead scope="row" className="font-medium whitespace-nowrap">
              {offer.national}
            </TableHead>
            <TableCell>{offer.regionName}</TableCell>
            <TableCell>{offer.typeLabel}</TableCell>
            <TableCell className="whitespace-nowrap">{offer.priceLabel}</TableCell>
            <ActionsCell>
              {offer.heldUntil ? (
                <span className="inline-flex items-center gap-2">
                  <Badge variant="secondary">{t('heldForYou')}</Badge>
                  <HoldButton offer={offer} release />
                </span>
              ) : (
                <HoldButton offer={offer} />
              )}
            </ActionsCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

type PurchaseData = { orderId: string; created: boolean; totalMinor: number; currency: string; numbers: string[] };

/**
 * The held numbers, their countdown and Buy. The idempotency key is made here, in the browser:
 * it stays the same across double clicks and retries of one purchase (the server finds the
 * order it already made), and a new one is made after a purchase succeeds.
 */
export function SelectionPanel({
  held,
  heldUntil,
  serverNow,
  totalLabel,
  minutes,
}: {
  held: OfferView[];
  heldUntil: string | null;
  serverNow: string;
  totalLabel: string;
  minutes: number;
}) {
  const t = useTranslations('numbers');
  const locale = useLocale();
  const totalOf = (data: PurchaseData) => formatMoney(data.totalMinor, data.currency, locale);
  const [idempotencyKey, setKey] = useState(() => crypto.randomUUID());
  const tf = useTranslations('flow');
  const [done, setDone] = useState<PurchaseData | null>(null);
  // What the bought numbers will ring, searched on the server; nothing until chosen.
  const [rings, setRings] = useState(() => ({ value: '', label: tf('buyRingsLater') }));
  const result = useRef<HTMLDivElement | null>(null);
  // After Buy, focus goes to what happened (the toaster announces it too).
  useEffect(() => {
    if (done) result.current?.focus();
  }, [done]);
  const [state, dispatch, pending] = useActionState(async (prev: ActionState<PurchaseData>, formData: FormData) => {
    const result = await purchaseNumbersAction(prev, formData);
    if (result.ok && result.data) {
      const data = result.data;
      // A repeat of the order just placed (double click, retry) keeps saying it was placed.
      setDone((current) => (current?.orderId === data.orderId ? current : data));
      setKey(crypto.randomUUID());
      if (result.data.created) toast.success(t('bought', { count: result.data.numbers.length, total: totalOf(result.data) }));
    }
    return result;
  }, {});

  return (
    // First on a phone (reachable without scrolling past the results), sticky beside them on a wide screen.
    <section
      aria-labelledby={BASKET_TITLE}
      className="order-first grid content-start gap-3 self-start rounded-lg border bg-background p-4 lg:sticky lg:top-4 lg:order-none"
      data-selection
    >
      <h2 id={BASKET_TITLE} tabIndex={-1} className="text-lg font-semibold">
        {t('selection')}
      </h2>
      {done && (
        <Alert role="status" data-order={done.orderId} ref={result} tabIndex={-1}>
          <AlertDescription>
            <p>
              {done.created
                ? t('bought', { count: done.numbers.length, total: totalOf(done) })
                : t('alreadyBought')}
            </p>
            <Link href="/setup/numbers" className="font-medium text-foreground underline underline-offset-4">
              {t('seeNumbers')}
            </Link>
          </AlertDescription>
        </Alert>
      )}
      {held.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t('selectionEmpty', { minutes })}</p>
      ) : (
        <>
          {heldUntil && <HoldCountdown key={heldUntil} until={heldUntil} serverNow={serverNow} />}
          <ul className="grid gap-2" aria-label={t('selectionCaption')}>
            {held.map((offer) => (
              <li key={offer.id} className="flex flex-wrap items-center justify-between gap-2 text-sm" data-held-number={offer.national}>
                <span>
                  <span className="font-medium">{offer.national}</span>
                  <span className="text-muted-foreground"> · {offer.typeLabel} · {offer.priceLabel}</span>
                </span>
                <HoldButton offer={offer} release />
              </li>
            ))}
          </ul>
          <p className="flex justify-between border-t pt-2 text-sm font-medium">
            <span>{t('total')}</span>
            <span>{totalLabel}</span>
          </p>
          <form action={dispatch} className="grid gap-2" data-buy-form>
            <FormError message={state.formError ?? Object.values(state.fieldErrors ?? {})[0]} />
            <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
            {held.map((offer) => (
              <input key={offer.id} type="hidden" name="ids[]" value={offer.id} />
            ))}
            <FormField id="buy-rings" label={tf('buyRings', { count: held.length })} error={state.fieldErrors?.extensionId}>
              <ExtensionPicker
                name="extensionId"
                value={rings.value}
                valueLabel={rings.label}
                onChange={(o) => setRings({ value: o.value, label: o.label })}
                fixed={[{ value: '', label: tf('buyRingsLater') }]}
                searchLabel={tf('buyRings', { count: held.length })}
                className="w-full"
              />
            </FormField>
            <FormField id="buy-main" label={tf('buyMain')} error={state.fieldErrors?.mainId}>
              <Select name="mainId" defaultValue="">
                <option value="">{tf('buyMainKeep')}</option>
                {held.map((offer) => (
                  <option key={offer.id} value={offer.id}>
                    {offer.national}
                  </option>
                ))}
              </Select>
            </FormField>
            <Button type="submit" disabled={pending}>
              {pending ? t('buying') : t('buy', { count: held.length })}
            </Button>
          </form>
        </>
      )}
    </section>
  );
}

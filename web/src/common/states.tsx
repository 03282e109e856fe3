import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-busy="true">
      {t('loading')}
    </p>
  );
}

/** An empty state: what is missing and what to do about it. */
export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/** True when the API says there is no tiering run yet (NOT_FOUND on the run). */
export function isNoRun(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.code !== 'NOT_FOUND') return false;
  const d = error.details as { what?: unknown } | null;
  return d?.what === 'run';
}

/**
 * An API error in words: no run yet → what to do; 403 → not permitted; 404 → not found (or not yours); other
 * errors with their message.
 */
export function ErrorView({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (isNoRun(error)) return <Empty>{t('empty.noRuns')}</Empty>;
  if (error instanceof ApiError && error.status === 403) return <Empty>{t('common.forbidden')}</Empty>;
  if (error instanceof ApiError && error.status === 404) return <Empty>{t('common.notFound')}</Empty>;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <p role="alert" className="error">
      {t('error.generic', { message })}
    </p>
  );
}

/** Shows a page's content once its data is there: loading, then the error or the content. */
export function Async<T>(props: {
  data: T | undefined;
  error: unknown;
  loading?: boolean;
  children: (data: T) => ReactNode;
}) {
  if (props.error !== undefined) return <ErrorView error={props.error} />;
  if (props.data === undefined) return <Loading />;
  return <>{props.children(props.data)}</>;
}

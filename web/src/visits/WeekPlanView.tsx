import { formatNumber } from '../common/format';
import { TierBadge } from '../common/TierBadge';
import { useI18n } from '../i18n/i18n';
import type { Language } from '../i18n/messages';
import type { DayPlan, WeekPlan } from './types';

/** HH:MM of a local ISO date-time such as 2026-11-23T09:30:00+08:00 (already in the plan's zone). */
const clock = (isoDateTime: string) => isoDateTime.slice(11, 16);

/** A plan date as the weekday and the date, e.g. 星期一 2026-11-23. */
function dayName(date: string, lang: Language): string {
  const weekday = new Date(`${date}T12:00:00Z`).toLocaleDateString(lang, {
    weekday: 'long',
    timeZone: 'UTC',
  });
  return `${weekday} ${date}`;
}

function Day({ day }: { day: DayPlan }) {
  const { t, lang } = useI18n();
  const id = `visits-day-${day.date}`;
  return (
    <section className="card visits-day" aria-labelledby={id}>
      <h3 id={id}>
        {dayName(day.date, lang)}
        {day.onLeave ? <span className="visits-leave"> · {t('visits.onLeave')}</span> : null}
      </h3>
      {day.districts.length > 0 ? (
        <p className="muted small">{t('visits.districts', { districts: day.districts.join('、') })}</p>
      ) : null}
      {day.visits.length === 0 ? (
        <p className="muted">{day.onLeave ? t('visits.onLeave') : t('visits.noVisits')}</p>
      ) : (
        <div className="table-scroll">
          <table className="compact">
            <caption className="visually-hidden">{t('visits.dayCaption', { date: day.date })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('visits.col.time')}</th>
                <th scope="col">{t('visits.col.customer')}</th>
                <th scope="col">{t('visits.col.tier')}</th>
                <th scope="col">{t('visits.col.district')}</th>
                <th scope="col">{t('visits.col.address')}</th>
                <th scope="col" className="num">
                  {t('visits.col.travel')}
                </th>
              </tr>
            </thead>
            <tbody>
              {day.visits.map((v) => (
                <tr key={`${v.customerId}-${v.occurrence}`}>
                  <th scope="row" className="mono">
                    {clock(v.start)}–{clock(v.end)}
                  </th>
                  <td>
                    {v.name} <span className="muted small">{v.customerId}</span>
                  </td>
                  <td>
                    <TierBadge tier={v.tier} />
                  </td>
                  <td>{v.district}</td>
                  <td>{v.address}</td>
                  <td className="num">{formatNumber(v.travelMinutes, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** One rep's week: the visits day by day, then the phone calls and what could not be scheduled. */
export function WeekPlanView({ plan }: { plan: WeekPlan }) {
  const { t, lang } = useI18n();
  return (
    <div className="stack visits-plan">
      <p>
        {t('visits.planLine', {
          rep: `${plan.repName} (${plan.repId})`,
          week: plan.week,
          visits: formatNumber(plan.totals.visits, lang),
          calls: formatNumber(plan.totals.calls, lang),
          travel: formatNumber(plan.totals.travelMinutes, lang),
        })}
      </p>
      {plan.days.map((day) => (
        <Day key={day.date} day={day} />
      ))}
      {plan.calls.length > 0 ? (
        <section className="card" aria-labelledby="visits-calls">
          <h3 id="visits-calls">{t('visits.callsTitle', { count: plan.calls.length })}</h3>
          <div className="table-scroll">
            <table className="compact">
              <thead>
                <tr>
                  <th scope="col">{t('visits.col.date')}</th>
                  <th scope="col">{t('visits.col.time')}</th>
                  <th scope="col">{t('visits.col.customer')}</th>
                  <th scope="col">{t('visits.col.tier')}</th>
                  <th scope="col">{t('visits.col.district')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.calls.map((c) => (
                  <tr key={`${c.customerId}-${c.occurrence}`}>
                    <th scope="row">{c.date}</th>
                    <td className="mono">
                      {clock(c.start)}–{clock(c.end)}
                    </td>
                    <td>
                      {c.name} <span className="muted small">{c.customerId}</span>
                    </td>
                    <td>
                      <TierBadge tier={c.tier} />
                    </td>
                    <td>{c.district}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {plan.unscheduled.length > 0 ? (
        <section className="card" aria-labelledby="visits-unscheduled">
          <h3 id="visits-unscheduled">{t('visits.unscheduledTitle', { count: plan.unscheduled.length })}</h3>
          <div className="table-scroll">
            <table className="compact">
              <thead>
                <tr>
                  <th scope="col">{t('visits.col.customer')}</th>
                  <th scope="col">{t('visits.col.kind')}</th>
                  <th scope="col">{t('visits.col.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.unscheduled.map((u) => (
                  <tr key={`${u.customerId}-${u.kind}-${u.occurrence}`}>
                    <th scope="row">
                      {u.name} <span className="muted small">{u.customerId}</span>
                    </th>
                    <td>{t(`visits.kind.${u.kind}`)}</td>
                    <td>{t(`visits.reason.${u.reason}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}

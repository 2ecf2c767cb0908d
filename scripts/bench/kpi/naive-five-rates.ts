import type { Pool } from 'pg';

/**
 * The baseline: the five rates for a period grouped by unit, answered the plain way — each case's
 * events folded with GROUP BY case_id over the raw `case_events` table, then counted per unit. The
 * same definitions as docs/kpi.md (and the property test's independent reading), in one statement.
 */
const NAIVE_FIVE_RATES_BY_UNIT = `
WITH per_case AS (
  SELECT e.case_id,
         bool_or(e.type = 'registered' AND e.data->>'firstCall' = 'false') AS not_first_call,
         min((e.data->'deadlines'->>'dispatch')::timestamptz) FILTER (WHERE e.type = 'registered') AS dispatch_due,
         bool_or(e.type IN ('answered', 'transferred')) AS no_dispatch_needed,
         min(e.occurred_at) FILTER (WHERE e.type = 'dispatched') AS first_dispatched,
         max(e.occurred_at) FILTER (WHERE e.type = 'dispatched') AS last_dispatched,
         (array_agg(e.data->>'leadUnitCode' ORDER BY e.seq DESC) FILTER (WHERE e.type = 'dispatched'))[1] AS unit,
         (array_agg((e.data->'deadlines'->>'response')::timestamptz ORDER BY e.seq DESC)
            FILTER (WHERE e.type = 'dispatched'))[1] AS response_due,
         bool_or(e.type = 'return_requested' AND e.data->>'dispatchNo' = '1') AS return_requested,
         bool_or(e.type = 'return_reviewed' AND e.data->>'dispatchNo' = '1') AS return_reviewed,
         bool_or(e.type = 'return_reviewed' AND e.data->>'dispatchNo' = '1' AND e.data->>'approved' = 'true') AS returned,
         array_agg(e.occurred_at) FILTER (WHERE e.type = 'responded') AS responses,
         bool_or(e.type = 'marked_unreasonable') AS unreasonable,
         max(e.occurred_at) FILTER (WHERE e.type = 'resolved') AS last_resolved,
         (array_agg((e.data->>'callbackDueAt')::timestamptz ORDER BY e.seq DESC)
            FILTER (WHERE e.type = 'resolved'))[1] AS resolved_callback_due,
         (array_agg((e.data->>'callbackDueAt')::timestamptz ORDER BY e.seq)
            FILTER (WHERE e.type = 'sla_breached' AND e.data->>'kind' = 'resolve'))[1] AS breach_callback_due,
         array_agg(e.occurred_at) FILTER (WHERE (e.type = 'callback_recorded' AND e.data->>'reached' = 'true')
                                             OR (e.type = 'closed' AND e.data->>'reason' = 'unreachable')) AS callbacks,
         min(e.occurred_at) FILTER (WHERE e.type = 'supervision_triggered') AS triggered,
         array_agg(e.occurred_at) FILTER (WHERE e.type = 'supervision_issued') AS supervisions
    FROM case_events e
   GROUP BY e.case_id
), positions AS (
  SELECT coalesce(c.unit, '-') AS unit, m.metric, m.cohort_at, m.due_at, m.done_at, m.fixed
    FROM per_case c
   CROSS JOIN LATERAL (VALUES
     ('onTimeDispatch', c.dispatch_due, c.dispatch_due, c.first_dispatched, NULL::text, NOT c.no_dispatch_needed),
     ('dispatchAccuracy', c.first_dispatched, NULL, NULL,
        CASE WHEN c.returned THEN 'miss' WHEN c.return_requested AND NOT c.return_reviewed THEN 'pending' ELSE 'hit' END,
        c.first_dispatched IS NOT NULL),
     ('timelyResponse', c.response_due, c.response_due,
        (SELECT min(t) FROM unnest(c.responses) t WHERE t >= c.last_dispatched), NULL, c.first_dispatched IS NOT NULL),
     ('reasonableCallback', coalesce(c.resolved_callback_due, c.breach_callback_due), coalesce(c.resolved_callback_due, c.breach_callback_due),
        (SELECT min(t) FROM unnest(c.callbacks) t WHERE t >= coalesce(c.last_resolved, '-infinity')), NULL,
        NOT c.unreasonable AND coalesce(c.resolved_callback_due, c.breach_callback_due) IS NOT NULL),
     ('trackedSupervision', c.triggered + interval '24 hours', c.triggered + interval '24 hours',
        (SELECT min(t) FROM unnest(c.supervisions) t WHERE t >= c.triggered), NULL, c.triggered IS NOT NULL)
   ) AS m(metric, cohort_at, due_at, done_at, fixed, applies)
   WHERE NOT c.not_first_call AND m.applies
     AND (m.cohort_at AT TIME ZONE 'Asia/Shanghai')::date >= $1::date
     AND (m.cohort_at AT TIME ZONE 'Asia/Shanghai')::date < $2::date
), outcomes AS (
  SELECT unit, metric,
         coalesce(fixed, CASE WHEN done_at IS NOT NULL THEN CASE WHEN done_at <= due_at THEN 'hit' ELSE 'miss' END
                              WHEN $3::timestamptz < due_at THEN 'pending' ELSE 'miss' END) AS outcome
    FROM positions
)
SELECT unit, metric,
       count(*) FILTER (WHERE outcome = 'hit') AS hit,
       count(*) FILTER (WHERE outcome = 'miss') AS miss,
       count(*) FILTER (WHERE outcome = 'pending') AS pending
  FROM outcomes
 GROUP BY unit, metric`;

/** Runs the naive query; returns `unit|metric` → counts. */
export async function naiveFiveRatesByUnit(
  pool: Pool,
  from: string,
  to: string,
  now: Date,
): Promise<Map<string, { numerator: number; denominator: number; pending: number }>> {
  const { rows } = await pool.query<{ unit: string; metric: string; hit: string; miss: string; pending: string }>(
    NAIVE_FIVE_RATES_BY_UNIT,
    [from, to, now],
  );
  return new Map(
    rows.map((r) => [
      `${r.unit}|${r.metric}`,
      { numerator: Number(r.hit), denominator: Number(r.hit) + Number(r.miss), pending: Number(r.pending) },
    ]),
  );
}

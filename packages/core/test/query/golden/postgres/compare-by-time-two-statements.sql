-- compare-by-time-two-statements (postgres)
-- query: {"metrics":["success_rate","latency_p50","input_tokens"],"dimensions":["time"],"date_range":"30d","compare":"previous_period"}
-- meta: {"metrics":[{"id":"success_rate","type":"rate","unit":"percent"},{"id":"latency_p50","type":"percentile","unit":"ms"},{"id":"input_tokens","type":"sum","unit":"tokens"}],"dimensions":["time"],"time_bucket":"day","window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"comparison_window":{"from":"2025-04-02T12:00:00.000Z","to":"2025-05-02T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: ["ws-1","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT to_char(r.d_time, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "time", 100.0 * r.p_ev_succ / NULLIF(r.p_ev_n, 0) AS "success_rate", r.p_lat_p50 AS "latency_p50", COALESCE(COALESCE(r.p_in_tok, 0), 0) AS "input_tokens"
FROM (SELECT d_time, max(p_in_tok) AS p_in_tok, max(p_lat_p50) AS p_lat_p50, max(p_ev_n) AS p_ev_n, max(p_ev_succ) AS p_ev_succ
  FROM (SELECT date_trunc('day', b.created_at) AS d_time, CAST(sum(b.input_tokens) AS double precision) AS p_in_tok, CAST((percentile_cont(ARRAY[0.5, 0.9, 0.95, 0.99]::double precision[]) WITHIN GROUP (ORDER BY b.latency_ms))[1] AS double precision) AS p_lat_p50, CAST(NULL AS double precision) AS p_ev_n, CAST(NULL AS double precision) AS p_ev_succ
    FROM (SELECT x.created_at AS created_at, x.input_tokens AS input_tokens, x.latency_ms AS latency_ms
      FROM messages x
      WHERE x.workspace_id = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b
    GROUP BY 1
    UNION ALL
    SELECT date_trunc('day', e.created_at) AS d_time, CAST(NULL AS double precision) AS p_in_tok, CAST(NULL AS double precision) AS p_lat_p50, CAST(count(*) AS double precision) AS p_ev_n, CAST(count(*) FILTER (WHERE e.success) AS double precision) AS p_ev_succ
    FROM (SELECT x.message_id, x.evaluator_id, x.rating, x.success, x.failure_tags, x.m_created_at AS created_at
      FROM evaluations x
      WHERE x.workspace_id = $1 AND x.m_created_at >= CAST($2 AS TIMESTAMP) AND x.m_created_at < CAST($3 AS TIMESTAMP) AND x.m_created_at IS NOT NULL) e
    GROUP BY 1) u
  GROUP BY 1) r
ORDER BY r.d_time ASC NULLS LAST, "success_rate" DESC NULLS LAST
LIMIT 10001;

-- comparison statement
-- params: ["ws-1","2025-04-02 12:00:00.000","2025-05-02 12:00:00.000"]
SELECT to_char(r.d_time, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "time", 100.0 * r.p_ev_succ / NULLIF(r.p_ev_n, 0) AS "success_rate", r.p_lat_p50 AS "latency_p50", COALESCE(COALESCE(r.p_in_tok, 0), 0) AS "input_tokens"
FROM (SELECT d_time, max(p_in_tok) AS p_in_tok, max(p_lat_p50) AS p_lat_p50, max(p_ev_n) AS p_ev_n, max(p_ev_succ) AS p_ev_succ
  FROM (SELECT date_trunc('day', b.created_at) AS d_time, CAST(sum(b.input_tokens) AS double precision) AS p_in_tok, CAST((percentile_cont(ARRAY[0.5, 0.9, 0.95, 0.99]::double precision[]) WITHIN GROUP (ORDER BY b.latency_ms))[1] AS double precision) AS p_lat_p50, CAST(NULL AS double precision) AS p_ev_n, CAST(NULL AS double precision) AS p_ev_succ
    FROM (SELECT x.created_at AS created_at, x.input_tokens AS input_tokens, x.latency_ms AS latency_ms
      FROM messages x
      WHERE x.workspace_id = $1 AND x.created_at >= CAST($2 AS TIMESTAMP) AND x.created_at < CAST($3 AS TIMESTAMP)) b
    GROUP BY 1
    UNION ALL
    SELECT date_trunc('day', e.created_at) AS d_time, CAST(NULL AS double precision) AS p_in_tok, CAST(NULL AS double precision) AS p_lat_p50, CAST(count(*) AS double precision) AS p_ev_n, CAST(count(*) FILTER (WHERE e.success) AS double precision) AS p_ev_succ
    FROM (SELECT x.message_id, x.evaluator_id, x.rating, x.success, x.failure_tags, x.m_created_at AS created_at
      FROM evaluations x
      WHERE x.workspace_id = $1 AND x.m_created_at >= CAST($2 AS TIMESTAMP) AND x.m_created_at < CAST($3 AS TIMESTAMP) AND x.m_created_at IS NOT NULL) e
    GROUP BY 1) u
  GROUP BY 1) r
ORDER BY r.d_time ASC NULLS LAST, "success_rate" DESC NULLS LAST
LIMIT 10001;

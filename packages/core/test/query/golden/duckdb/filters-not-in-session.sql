-- filters-not-in-session (duckdb)
-- query: {"metrics":["messages"],"dimensions":["session","experiment"],"date_range":"30d","filters":["not_in","session",["s1","s2"]]}
-- meta: {"metrics":[{"id":"messages","type":"count","unit":"messages"}],"dimensions":["session","experiment"],"time_bucket":null,"window":{"from":"2025-05-02T12:00:00.000Z","to":"2025-06-01T12:00:00.000Z"},"limit":10000,"priced":false}
-- params: [7,"s1","s2","ws-1","2025-05-02 12:00:00.000","2025-06-01 12:00:00.000"]
SELECT v_session.value AS "session", v_experiment.value AS "experiment", COALESCE(r.p_n, 0) AS "messages"
FROM (SELECT b.session_code AS d_session, b.experiment_code AS d_experiment, CAST(count(*) AS DOUBLE) AS p_n
  FROM (SELECT x.experiment_code AS experiment_code, x.session_code AS session_code, x.session_id AS session_id
    FROM messages x
    WHERE x.ws = $1 AND x.created_at >= CAST($5 AS TIMESTAMP) AND x.created_at < CAST($6 AS TIMESTAMP)) b
  WHERE (b.session_id IS NULL OR b.session_id NOT IN (CAST($2 AS VARCHAR), CAST($3 AS VARCHAR)))
  GROUP BY 1, 2) r
LEFT JOIN value_codes v_session ON v_session.workspace_id = $4 AND v_session.code = r.d_session
LEFT JOIN value_codes v_experiment ON v_experiment.workspace_id = $4 AND v_experiment.code = r.d_experiment
ORDER BY "messages" DESC NULLS LAST, v_session.value ASC NULLS LAST, v_experiment.value ASC NULLS LAST
LIMIT 10001;

-- explicit-range-order-limit (duckdb)
-- query: {"metrics":["messages","errors"],"dimensions":["error_type"],"date_range":{"from":"2025-05-01","to":"2025-05-15"},"order_by":[["errors","desc"]],"limit":20}
-- meta: {"metrics":[{"id":"messages","type":"count","unit":"messages"},{"id":"errors","type":"count","unit":"messages"}],"dimensions":["error_type"],"time_bucket":null,"window":{"from":"2025-05-01T00:00:00.000Z","to":"2025-05-16T00:00:00.000Z"},"limit":20,"priced":false}
-- params: [7,"ws-1","2025-05-01 00:00:00.000","2025-05-16 00:00:00.000"]
SELECT v_error_type.value AS "error_type", COALESCE(r.p_n, 0) AS "messages", COALESCE(r.p_err, 0) AS "errors"
FROM (SELECT b.error_code AS d_error_type, CAST(count(*) AS DOUBLE) AS p_n, CAST(count(NULLIF(b.error_code, (SELECT vc.code
          FROM value_codes vc
          WHERE vc.workspace_id = $2 AND vc.value = ''))) AS DOUBLE) AS p_err
  FROM (SELECT x.error_code AS error_code
    FROM messages x
    WHERE x.ws = $1 AND x.created_at >= CAST($3 AS TIMESTAMP) AND x.created_at < CAST($4 AS TIMESTAMP)) b
  GROUP BY 1) r
LEFT JOIN value_codes v_error_type ON v_error_type.workspace_id = $2 AND v_error_type.code = r.d_error_type
ORDER BY "errors" DESC NULLS LAST, v_error_type.value ASC NULLS LAST
LIMIT 21;

-- by-time-all-month (postgres)
-- query: {"metrics":["messages"],"dimensions":["time"],"granularity":"month","date_range":"all"}
-- meta: {"metrics":[{"id":"messages","type":"count","unit":"messages"}],"dimensions":["time"],"time_bucket":"month","window":null,"limit":10000,"priced":false}
-- params: ["ws-1"]
SELECT to_char(r.d_time, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "time", COALESCE(r.p_n, 0) AS "messages"
FROM (SELECT date_trunc('month', b.created_at) AS d_time, CAST(count(*) AS double precision) AS p_n
  FROM (SELECT x.created_at AS created_at
    FROM messages x
    WHERE x.workspace_id = $1) b
  GROUP BY 1) r
ORDER BY r.d_time ASC NULLS LAST, "messages" DESC NULLS LAST
LIMIT 10001;

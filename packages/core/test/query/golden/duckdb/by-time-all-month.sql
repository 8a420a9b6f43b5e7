-- by-time-all-month (duckdb)
-- query: {"metrics":["messages"],"dimensions":["time"],"granularity":"month","date_range":"all"}
-- meta: {"metrics":[{"id":"messages","type":"count","unit":"messages"}],"dimensions":["time"],"time_bucket":"month","window":null,"limit":10000,"priced":false}
-- params: [7]
SELECT strftime(r.d_time, '%Y-%m-%dT%H:%M:%SZ') AS "time", COALESCE(r.p_n, 0) AS "messages"
FROM (SELECT date_trunc('month', CAST(b.created_at AS DATE)) AS d_time, CAST(count(*) AS DOUBLE) AS p_n
  FROM (SELECT x.created_at AS created_at
    FROM messages x
    WHERE x.ws = $1) b
  GROUP BY 1) r
ORDER BY r.d_time ASC NULLS LAST, "messages" DESC NULLS LAST
LIMIT 10001;

// Peer for the real-shaped workload: the same hierarchy rollup as ../shared/bench/duckdb/duck_rollup.mjs
// (DuckDB's own engine, node API), over the long-CSV files of DIR/submissions/PROVINCE/DISTRICT/, values
// exact decimals (DECIMAL(18,2): a quarter of the indicators have one or two places).
// usage: node duck_real.mjs NODE_MODULES_DIR DIR OUT.csv
const [modules, dir, out] = process.argv.slice(2);
const { DuckDBInstance } = await import(`${modules}/@duckdb/node-api/lib/index.js`);
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
await c.run(`COPY (SELECT c.ancestor AS unit, s.period, s.indicator, sum(s.value) AS value, count(s.value) AS reported
  FROM read_csv('${dir}/submissions/*/*/*.csv', header=true, columns={'unit':'VARCHAR','period':'VARCHAR','indicator':'VARCHAR','value':'DECIMAL(18,2)'}) s
  JOIN read_csv('${dir}/closure.csv', header=true) c USING (unit)
  GROUP BY ALL ORDER BY ALL) TO '${out}' (HEADER)`);

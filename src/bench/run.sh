#!/usr/bin/env bash
# Benchmark: tally rollup against the DuckDB peer, end to end (JVM start included), side by side.
#
#   bash src/bench/run.sh            # W1 and W2
#   bash src/bench/run.sh w1         # one workload
#   bash src/bench/run.sh store      # the workspace: import W2 (no missing values), rollup from the store vs the files
#   bash src/bench/run.sh store-pg   # the same on a PostgreSQL server beside SQLite: TALLY_BENCH_STORE=postgresql://USER@HOST:PORT/DB
#                                    # (a database of its own: its schema 'tally' is dropped before each import; needs psql)
#   bash src/bench/run.sh review     # describe and outliers against rollup on W2
#   bash src/bench/run.sh real       # real-shaped: 2,079 small files in three formats (205k values), and the same values as one
#                                    # workbook per district (693 .xlsx); real1m: the same with 1.01M values, beside W1
#   bash src/bench/run.sh cron       # the cron run: one district's file (7,500 values) and 10 values against W2's hierarchy
#   bash src/bench/run.sh w3         # W3 (52M values, 6,930 files, 1.7 GB): one timed run of each tool, peak RSS
#   bash src/bench/run.sh baseline   # this build beside an earlier one (BASELINE, default c270cf3: the build issue 31's
#                                    # targets were measured with) and DuckDB, alternating, on cron, real, W1 and W2
#                                    # (after those workloads have made their data); baseline-w3: W3, one run of each
#
# Generates W1 and W2 with ../shared/bench/gen.py (or $BENCH_DIR/gen.py) into $WORK (default
# /tmp/tally-bench), installs the DuckDB peer (DuckDB's own engine through its node API, started as a
# user starts a script: $BENCH_DIR/duckdb, npm), checks that tally's totals equal the generator's
# independent expected.csv, then times both tools in alternation (src/bench/alternate.py; start-up with
# hyperfine, Debian package 'hyperfine') and prints the time ratio and each one's peak RSS.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
BENCH_DIR=${BENCH_DIR:-$ROOT/../shared/bench}
WORK=${WORK:-/tmp/tally-bench}
RUNS=${RUNS:-5}
workloads=("${@:-w1 w2}")
read -r -a workloads <<< "${workloads[*]}"

[ -f "$BENCH_DIR/gen.py" ] || { echo "bench: $BENCH_DIR/gen.py not found; set BENCH_DIR" >&2; exit 4; }
[ -x target/tally ] || mvn -q -B package -DskipTests
# the launcher (target/tally: class-data archive, C1) is how users run tally; the plain jar is timed beside it
TALLY="$ROOT/target/tally"
[ -d "$BENCH_DIR/duckdb/node_modules/@duckdb/node-api" ] || npm install --silent --prefix "$BENCH_DIR/duckdb" >/dev/null
mkdir -p "$WORK"

generate() {
  local name=$1; shift
  if [ ! -f "$WORK/$name/expected.csv" ]; then
    echo "== generating $name"
    python3 "$BENCH_DIR/gen.py" "$WORK/$name" "$@"
  fi
}

check() {
  # every (unit, period, indicator) of the generator's expected.csv must be in tally's output with
  # the same sum and count, and tally must have no other non-empty value
  python3 - "$1" "$2" <<'PY'
import csv, sys
exp = {}
with open(sys.argv[1], encoding="utf-8") as f:
    for r in csv.DictReader(f):
        exp[(r["ancestor"], r["period"], r["indicator"])] = (r["sum"], r["count"])
got = {}
with open(sys.argv[2], encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if r["value"] != "":
            got[(r["unit"], r["period"], r["indicator"])] = (r["value"], r["reported"])
bad = [k for k in exp if got.get(k) != exp[k]] + [k for k in got if k not in exp]
print(f"check: {len(exp)} expected aggregates, {len(got)} in tally's output, {len(bad)} differences")
sys.exit(1 if bad else 0)
PY
}

alternate() { # times commands in alternation, RUNS each (src/bench/alternate.py: why not hyperfine here)
  python3 "$ROOT/src/bench/alternate.py" --runs "$RUNS" "$@"
}

values() { # the values tally read, from its summary line on standard error
  "$@" 2>&1 >/dev/null | sed -n 's/.* records, \([0-9]*\) values:.*/\1/p' | head -1
}

peak() { # peak RSS in MB of a command
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident/ {printf "%d", $2/1024}'
}

for w in "${workloads[@]}"; do
  case $w in
    w1) generate w1 --provinces 63 --districts 11 --communes 15 --indicators 50 --periods 2024-H1,2024-H2 ;;
    w2) generate w2 --provinces 63 --districts 11 --communes 15 --indicators 50 --files district \
          --periods 2024-01,2024-02,2024-03,2024-04,2024-05,2024-06,2024-07,2024-08,2024-09,2024-10 ;;
    w3)
      # ten times W2 (110 districts a province): generating takes about 25 minutes and 3.6 GB of disk,
      # and each tool runs a minute, so one run each, alternated; the totals are not checked here
      # (expected.csv has 55M rows: W1 and W2 check the same code)
      generate w3 --provinces 63 --districts 110 --communes 15 --indicators 50 --files district \
          --periods 2024-01,2024-02,2024-03,2024-04,2024-05,2024-06,2024-07,2024-08,2024-09,2024-10
      d=$WORK/w3
      echo "== w3: $(du -sh "$d/submissions" | cut -f1) of submissions"
      for tool in tally duckdb; do
        if [ $tool = tally ]; then cmd="$TALLY rollup --units $d/units.csv --catalog $d/indicators.csv --format csv -o $WORK/w3-tally.csv $d/submissions"
        else cmd="node $BENCH_DIR/duckdb/duck_rollup.mjs $d $WORK/w3-duck.csv"; fi
        /usr/bin/time -f "$tool: %e s, peak RSS %M KB" $cmd 2>&1 >/dev/null | grep "peak RSS" || true
      done
      continue ;;
    store)
      # every file must be accepted to be imported, so this W2 has no missing required values
      [ -f "$WORK/w2c/units.csv" ] || { echo "== generating w2c"; python3 "$BENCH_DIR/gen.py" "$WORK/w2c" --provinces 63 --districts 11 \
          --communes 15 --indicators 50 --files district --missing 0 --no-expected \
          --periods 2024-01,2024-02,2024-03,2024-04,2024-05,2024-06,2024-07,2024-08,2024-09,2024-10; }
      p=$WORK/store-project; rm -rf "$p"; mkdir -p "$p"
      printf 'units: %s\ncatalog: %s\nstore: tally.db\n' "$WORK/w2c/units.csv" "$WORK/w2c/indicators.csv" > "$p/tally.yaml"
      echo "== store: importing W2 (5.2M values, 693 files)"
      (cd "$p" && "$TALLY" import "$WORK/w2c/submissions" | tail -2)
      # each timed import starts from an empty store; the last one leaves the store the rollups read
      alternate --prepare "rm -f $p/tally.db $p/tally.db-wal $p/tally.db-shm" --export-json "$WORK/import.json" \
          import "$TALLY import --config $p/tally.yaml $WORK/w2c/submissions"
      python3 - "$WORK/import.json" <<'PY'
import json, sys
x = json.load(open(sys.argv[1]))["results"][0]
print(f"import (median of {len(x['times'])}, empty store each time): {x['median']:.2f} s ± {x['stddev']:.2f}, {5197500 / x['median'] / 1e6:.2f}M values/s")
PY
      echo "store: $(du -h "$p/tally.db" | cut -f1)"
      fromstore="$TALLY rollup --config $p/tally.yaml --format csv -o $WORK/store-rollup.csv"
      fromfiles="$TALLY rollup --config $p/tally.yaml --format csv -o $WORK/files-rollup.csv $WORK/w2c/submissions"
      $fromstore && $fromfiles && cmp "$WORK/store-rollup.csv" "$WORK/files-rollup.csv" && echo "check: the same output from the store and from the files"
      alternate --export-json "$WORK/store.json" store "$fromstore" files "$fromfiles"
      python3 - "$WORK/store.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
s, f = r["store"], r["files"]
print(f"rollup: from the store {s['mean']:.2f} s ± {s['stddev']:.2f}, from the files {f['mean']:.2f} s ± {f['stddev']:.2f}, "
      f"ratio {s['mean'] / f['mean']:.2f}")
PY
      echo "peak RSS: from the store $(peak $fromstore) MB, from the files $(peak $fromfiles) MB"
      continue ;;
    store-pg)
      # W2 (no missing values) imported into an empty SQLite file and an empty schema on a server, in
      # alternation; then rollup from each store, which must give the same bytes
      pg=${TALLY_BENCH_STORE:?set TALLY_BENCH_STORE=postgresql://USER@HOST:PORT/DB, a database for this benchmark}
      [ -f "$WORK/w2c/units.csv" ] || { echo "== generating w2c"; python3 "$BENCH_DIR/gen.py" "$WORK/w2c" --provinces 63 --districts 11 \
          --communes 15 --indicators 50 --files district --missing 0 --no-expected \
          --periods 2024-01,2024-02,2024-03,2024-04,2024-05,2024-06,2024-07,2024-08,2024-09,2024-10; }
      # psql takes the same address without the query (and the same PGPASSWORD or ~/.pgpass)
      psql_url=${pg%%\?*}; psql_url=postgresql://${psql_url#*://}
      lite=$WORK/store-lite; server=$WORK/store-pg; rm -rf "$lite" "$server"; mkdir -p "$lite" "$server"
      printf 'units: %s\ncatalog: %s\nstore: tally.db\n' "$WORK/w2c/units.csv" "$WORK/w2c/indicators.csv" > "$lite/tally.yaml"
      printf 'units: %s\ncatalog: %s\nstore: %s\n' "$WORK/w2c/units.csv" "$WORK/w2c/indicators.csv" "$pg" > "$server/tally.yaml"
      drop="psql -q -X $psql_url -c 'DROP SCHEMA IF EXISTS tally CASCADE' 2>/dev/null"
      eval "$drop"
      echo "== store-pg: importing W2 (5.2M values, 693 files) into $pg"
      "$TALLY" import --config "$server/tally.yaml" "$WORK/w2c/submissions" | tail -1
      alternate --prepare "rm -f $lite/tally.db $lite/tally.db-wal $lite/tally.db-shm; $drop" --export-json "$WORK/import-pg.json" \
          sqlite "$TALLY import --config $lite/tally.yaml $WORK/w2c/submissions" \
          postgresql "$TALLY import --config $server/tally.yaml $WORK/w2c/submissions"
      # the last run's preparation emptied the other store: import it again, untimed
      "$TALLY" import --config "$lite/tally.yaml" "$WORK/w2c/submissions" | tail -1
      echo "stores: $(du -h "$lite/tally.db" | cut -f1) file, $(psql -X -At "$psql_url" -c \
          "SELECT pg_size_pretty(sum(pg_total_relation_size(format('%I.%I', schemaname, tablename)))) FROM pg_tables WHERE schemaname = 'tally'") on the server"
      fromlite="$TALLY rollup --config $lite/tally.yaml --format csv -o $WORK/lite-rollup.csv"
      fromserver="$TALLY rollup --config $server/tally.yaml --format csv -o $WORK/pg-rollup.csv"
      $fromlite && $fromserver && cmp "$WORK/lite-rollup.csv" "$WORK/pg-rollup.csv" && echo "check: the same rollup from both stores"
      alternate --export-json "$WORK/rollup-pg.json" sqlite "$fromlite" postgresql "$fromserver"
      python3 - "$WORK/import-pg.json" "$WORK/rollup-pg.json" <<'PY'
import json, sys
for what, f in (("import", sys.argv[1]), ("rollup from the store", sys.argv[2])):
    r = {x["command"]: x for x in json.load(open(f))["results"]}
    s, p = r["sqlite"], r["postgresql"]
    extra = lambda x: f", {5197500 / x['median'] / 1e6:.2f}M values/s" if what == "import" else ""
    print(f"{what} (median of {len(s['times'])}, alternating): SQLite {s['median']:.2f} s ± {s['stddev']:.2f}{extra(s)}; "
          f"PostgreSQL {p['median']:.2f} s ± {p['stddev']:.2f}{extra(p)}; ratio {p['median'] / s['median']:.2f}")
PY
      echo "peak RSS of rollup: from SQLite $(peak $fromlite) MB, from PostgreSQL $(peak $fromserver) MB"
      continue ;;
    cron)
      # the cron run: one district's monthly file against W2's national hierarchy (../shared/bench/README.md),
      # what a scheduled job makes per district: P00-D000.csv (7,500 values), and its first 10 values;
      # both tools read the same folder, both outputs are compared (value and reported of every aggregate)
      generate w2 --provinces 63 --districts 11 --communes 15 --indicators 50 --files district \
          --periods 2024-01,2024-02,2024-03,2024-04,2024-05,2024-06,2024-07,2024-08,2024-09,2024-10
      for c in cron cron10; do
        mkdir -p "$WORK/$c/submissions"
        cp "$WORK/w2/units.csv" "$WORK/w2/indicators.csv" "$WORK/w2/closure.csv" "$WORK/$c/"
        first=$(ls "$WORK/w2/submissions" | sort | sed -n 1p)  # not head: sort would die of SIGPIPE, and pipefail end the script
        if [ $c = cron ]; then cp "$WORK/w2/submissions/$first" "$WORK/$c/submissions/"; else head -11 "$WORK/w2/submissions/$first" >"$WORK/$c/submissions/$first"; fi
      done
      set --
      for c in cron cron10; do
        t="$TALLY rollup --units $WORK/$c/units.csv --catalog $WORK/$c/indicators.csv --format csv -o $WORK/$c-tally.csv $WORK/$c/submissions"
        d="node $BENCH_DIR/duckdb/duck_rollup.mjs $WORK/$c $WORK/$c-duck.csv"
        $t 2>/dev/null || true
        $d
        python3 - "$WORK/$c-tally.csv" "$WORK/$c-duck.csv" <<'PY'
import csv, sys
from decimal import Decimal
t = {(r["unit"], r["period"], r["indicator"]): (Decimal(r["value"]), int(r["reported"])) for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r["value"]}
d = {(r["unit"], r["period"], r["indicator"]): (Decimal(r["value"]), int(r["reported"])) for r in csv.DictReader(open(sys.argv[2], encoding="utf-8")) if r["value"]}
diff = sum(1 for k in d if t.get(k) != d[k]) + sum(1 for k in t if k not in d)
print(f"check {sys.argv[1]}: {len(d)} aggregates from DuckDB, {len(t)} from tally, {diff} differences")
PY
        set -- "$@" "tally, $c" "$t" "duckdb, $c" "$d"
        echo "peak RSS $c: tally $(peak $t) MB, duckdb $(peak $d) MB"
      done
      alternate --export-json "$WORK/cron.json" "$@"
      python3 - "$WORK/cron.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
for c in ("cron", "cron10"):
    t, d = r[f"tally, {c}"], r[f"duckdb, {c}"]
    print(f"{c}: tally {t['median']:.2f} s ± {t['stddev']:.2f}, duckdb {d['median']:.2f} s ± {d['stddev']:.2f}, ratio {t['median'] / d['median']:.2f}")
PY
      continue ;;
    real|real1m)
      # real-shaped: the national hierarchy in ~2,000 small files (long CSV, wide ';' CSV with a BOM, JSON),
      # a quarter of the indicators decimal; the peer reads the long-CSV third (long/), and so does tally there.
      # real: 20 indicators (205k values). real1m: 100 indicators (1.01M values, W1 has 1.04M), timed beside
      # W1 in the same run, so that the time per value is compared at the same size rather than with the JVM's
      # start spread over five times fewer values
      if [ $w = real ]; then n=20; else n=100; generate w1 --provinces 63 --districts 11 --communes 15 --indicators 50 --periods 2024-H1,2024-H2; fi
      # the workbooks are written with openpyxl: the python that has it (Debian's python3-openpyxl)
      py=python3; python3 -c 'import openpyxl' 2>/dev/null || py=/usr/bin/python3
      [ -d "$WORK/$w/workbooks" ] || { echo "== generating $w"; rm -rf "${WORK:?}/$w"; $py "$ROOT/src/bench/gen_real.py" "$WORK/$w" --indicators $n --workbooks; }
      r=$WORK/$w
      all="$TALLY rollup --units $r/units.csv --catalog $r/indicators.csv --format csv -o $WORK/$w-all.csv $r/submissions"
      long="$TALLY rollup --units $r/units.csv --catalog $r/indicators.csv --format csv -o $WORK/$w-long.csv $r/long/submissions"
      duck="node $ROOT/src/bench/duck_real.mjs $BENCH_DIR/duckdb/node_modules $r/long $WORK/$w-duck.csv"
      xlsx="$TALLY rollup --units $r/units.csv --catalog $r/indicators.csv --format csv -o $WORK/$w-xlsx.csv $r/workbooks/submissions"
      # the cost of a run that reads one small file: start-up, units and catalog, writing the table
      one="$TALLY rollup --units $r/units.csv --catalog $r/indicators.csv --format csv -o $WORK/$w-one.csv $(find "$r/long/submissions" -name '*.csv' -print -quit)"
      w1="$TALLY rollup --units $WORK/w1/units.csv --catalog $WORK/w1/indicators.csv --format csv -o $WORK/w1-tally.csv $WORK/w1/submissions"
      $long 2>/dev/null; $duck
      python3 - "$WORK/$w-long.csv" "$WORK/$w-duck.csv" <<'PY'
import csv, sys
from decimal import Decimal
t = {(r["unit"], r["period"], r["indicator"]): (Decimal(r["value"]), int(r["reported"])) for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r["value"]}
d = {(r["unit"], r["period"], r["indicator"]): (Decimal(r["value"]), int(r["reported"])) for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
diff = sum(1 for k in d if t.get(k) != d[k]) + sum(1 for k in t if k not in d)
print(f"check: {len(d)} aggregates from DuckDB, {len(t)} from tally, {diff} differences")
PY
      $all 2>/dev/null; $xlsx 2>/dev/null
      cmp -s "$WORK/$w-all.csv" "$WORK/$w-xlsx.csv" && echo "check: the workbooks give the same rollup as the CSV and JSON files" \
          || { echo "check: the workbooks' rollup differs from the files'" >&2; exit 1; }
      if [ $w = real ]; then
        alternate --export-json "$WORK/$w.json" "tally, all files" "$all" "tally, long CSV" "$long" "tally, workbooks" "$xlsx" \
            "tally, one file" "$one" "duckdb, long CSV" "$duck"
      else
        alternate --export-json "$WORK/$w.json" "tally, all files" "$all" "tally, long CSV" "$long" "tally, workbooks" "$xlsx" \
            "tally, one file" "$one" "duckdb, long CSV" "$duck" "tally, W1" "$w1"
      fi
      # values as tally counts them (its summary line: read, empty ones included), the same way for both
      python3 - "$WORK/$w.json" "$(values $all)" "$( [ $w = real ] || values $w1)" "$(values $long)" "$(values $xlsx)" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
for name, x in r.items():
    print(f"{name:18} {x['median']:.2f} s ± {x['stddev']:.2f}")
print(f"ratio on the long CSV: tally/duckdb {r['tally, long CSV']['median'] / r['duckdb, long CSV']['median']:.2f}")
# reading a value from a workbook against from a long CSV: each run's time past a run of one file, per value read
base, nl, nx = r["tally, one file"]["median"], int(sys.argv[4]), int(sys.argv[5])
l, x = (r["tally, long CSV"]["median"] - base) / nl * 1e6, (r["tally, workbooks"]["median"] - base) / nx * 1e6
print(f"per value past a one-file run: long CSV {l:.2f} us ({nl} values), workbooks {x:.2f} us ({nx} values), ratio {x / l:.2f}")
if "tally, W1" in r:
    n, n1 = int(sys.argv[2]), int(sys.argv[3])
    a, b = r["tally, all files"]["median"] / n * 1e6, r["tally, W1"]["median"] / n1 * 1e6
    print(f"per value: real-shaped {a:.2f} us ({n} values), W1 {b:.2f} us ({n1} values), ratio {a / b:.2f}")
PY
      echo "peak RSS: tally (all files) $(peak $all) MB, tally (long) $(peak $long) MB, tally (workbooks) $(peak $xlsx) MB, duckdb $(peak $duck) MB"
      continue ;;
    startup)
      # start-up: what a person or a cron job per unit waits for on a small run
      sample="rollup --config $ROOT/samples/tally.yaml --format csv -o $WORK/sample.csv $ROOT/samples/submissions"
      hyperfine -N -w 2 -r 20 --export-json "$WORK/startup.json" \
          -n "tally --version" "$TALLY --version" -n "java -jar tally.jar --version" "java -jar $ROOT/target/tally.jar --version" \
          -n "tally rollup (sample)" "$TALLY $sample" -n "java -jar tally.jar rollup (sample)" "java -jar $ROOT/target/tally.jar $sample" >/dev/null 2>&1
      python3 - "$WORK/startup.json" <<'PY'
import json, sys
for x in json.load(open(sys.argv[1]))["results"]:
    print(f"{x['command']:36} {x['median'] * 1000:.0f} ms ± {x['stddev'] * 1000:.0f}")
PY
      continue ;;
    baseline|baseline-w3)
      # The machine's speed drifts by a third over a day, and not by the same factor for both tools (DuckDB's
      # W2 took 3.35 s on 2026-11-24 and 7.1-7.7 s on 2026-12-07), so a ratio against DuckDB measured today
      # cannot be set beside one measured on another day. The build an earlier ratio was measured with,
      # run here beside this one and DuckDB, gives both ratios on the same machine at the same minutes.
      rev=${BASELINE:-c270cf3}
      base=$WORK/baseline-$rev
      if [ ! -x "$base/target/tally" ]; then
        echo "== building $rev in $base"
        rm -rf "$base"; git -C "$ROOT" worktree prune
        git -C "$ROOT" worktree add --detach "$base" "$rev" >/dev/null 2>&1
        (cd "$base" && mvn -q -B package -DskipTests)
      fi
      if [ $w = baseline ]; then sets="cron real w1 w2"; else sets=w3; fi
      for s in $sets; do
        case $s in
          real) src=$WORK/real; in=$src/long/submissions
                duck="node $ROOT/src/bench/duck_real.mjs $BENCH_DIR/duckdb/node_modules $src/long $WORK/$s-duck.csv" ;;
          *) src=$WORK/$s; in=$src/submissions; duck="node $BENCH_DIR/duckdb/duck_rollup.mjs $src $WORK/$s-duck.csv" ;;
        esac
        [ -d "$in" ] || { echo "bench: no $in; run 'bash src/bench/run.sh $s' first" >&2; exit 4; }
        args="--units $src/units.csv --catalog $src/indicators.csv --format csv"
        before="$base/target/tally rollup $args -o $WORK/$s-baseline.csv $in"
        now="$TALLY rollup $args -o $WORK/$s-now.csv $in"
        if [ $s = w3 ]; then
          for cmd in "$before" "$now" "$duck"; do
            /usr/bin/time -f "%e s, peak RSS %M KB: ${cmd%% *}" $cmd 2>&1 >/dev/null | grep "peak RSS" || true
          done
        else
          $before >/dev/null 2>&1 || true; $now >/dev/null 2>&1 || true
          alternate --export-json "$WORK/baseline-$s.json" "$rev" "$before" "this build" "$now" duckdb "$duck"
          python3 - "$WORK/baseline-$s.json" "$s" "$rev" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
b, n, d = r[sys.argv[3]]["median"], r["this build"]["median"], r["duckdb"]["median"]
print(f"{sys.argv[2]}: {sys.argv[3]} {b:.2f} s ({b / d:.2f}x DuckDB), this build {n:.2f} s ({n / d:.2f}x), "
      f"DuckDB {d:.2f} s; this build / {sys.argv[3]} {n / b:.2f} (medians of {len(r['duckdb']['times'])}, alternating)")
PY
        fi
        # the same rollup from both builds, or the comparison is of different work
        cmp -s "$WORK/$s-baseline.csv" "$WORK/$s-now.csv" && echo "check: $s byte-identical from both builds" \
            || { echo "check: $s differs between $rev and this build" >&2; exit 1; }
      done
      continue ;;
    review)
      # describe and outliers against rollup on the same input (W2), side by side
      generate w2 --provinces 63 --districts 11 --communes 15 --indicators 50 --files district \
          --periods 2024-01,2024-02,2024-03,2024-04,2024-05,2024-06,2024-07,2024-08,2024-09,2024-10
      d=$WORK/w2
      base="$TALLY"
      in="--units $d/units.csv --catalog $d/indicators.csv --format csv $d/submissions"
      echo "== review: rollup, describe (default units, and every unit) and outliers on W2"
      alternate --export-json "$WORK/review.json" \
          rollup "$base rollup -o $WORK/review-rollup.csv $in" \
          describe "$base describe -o $WORK/review-describe.csv $in" \
          describe-all "$base describe --level commune -o $WORK/review-describe-all.csv $in" \
          outliers-peers "$base outliers --against peers -o $WORK/review-outliers.csv $in" \
          outliers-history "$base outliers -o $WORK/review-outliers-h.csv $in"
      python3 - "$WORK/review.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
base = r["rollup"]["median"]
for name, x in r.items():
    print(f"{name:17} {x['median']:.2f} s ± {x['stddev']:.2f}  ({x['median'] / base:.2f}× rollup)")
PY
      echo "peak RSS: rollup $(peak $base rollup -o /dev/null $in) MB, describe $(peak $base describe -o /dev/null $in) MB"
      continue ;;
    *) echo "bench: unknown workload $w (w1, w2, w3, cron, store, store-pg, review, startup, real, real1m, baseline, baseline-w3)" >&2; exit 2 ;;
  esac
  d=$WORK/$w
  tally="$TALLY rollup --units $d/units.csv --catalog $d/indicators.csv --format csv -o $WORK/$w-tally.csv $d/submissions"
  jar="java -jar $ROOT/target/tally.jar rollup --units $d/units.csv --catalog $d/indicators.csv --format csv -o $WORK/$w-jar.csv $d/submissions"
  duck="node $BENCH_DIR/duckdb/duck_rollup.mjs $d $WORK/$w-duck.csv"
  echo "== $w: $(du -sh "$d/submissions" | cut -f1) of submissions"
  # tally exits 1 here: the generator leaves required values empty, which are reported (on stderr)
  $tally 2>/dev/null || true
  check "$d/expected.csv" "$WORK/$w-tally.csv"
  alternate --export-json "$WORK/$w.json" tally "$tally" "java -jar" "$jar" duckdb "$duck"
  python3 - "$WORK/$w.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
t, j, d = r["tally"], r["java -jar"], r["duckdb"]
print(f"time (median of {len(t['times'])}, alternating): tally {t['median']:.2f} s ± {t['stddev']:.2f} (java -jar {j['median']:.2f} s), "
      f"duckdb {d['median']:.2f} s ± {d['stddev']:.2f}, ratio tally/duckdb {t['median'] / d['median']:.2f} "
      f"(java -jar {j['median'] / d['median']:.2f})")
PY
  echo "peak RSS: tally $(peak $tally) MB, duckdb $(peak $duck) MB"
done

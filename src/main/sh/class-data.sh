#!/bin/sh
# Makes the class-data archive the launcher runs tally.jar with (run by `mvn package`, after the jar).
#
#   class-data.sh JAVA JAR ARCHIVE SAMPLES WORKDIR
#
# Each command people run often is run once on a copy of the bundled sample, and records the classes
# it loads (-XX:DumpLoadedClassList); the lists, merged in order without repeats, make one static
# archive of the JDK's and tally's classes (-Xshare:dump). A dynamic archive (-XX:ArchiveClassesAtExit)
# can only learn from one run, so every command but that one loaded its own classes from the jar:
# 90-150 classes for import, status or describe, 50-80 ms of each start (README, Performance).
# Nothing here is needed: when a step fails there is no archive, and the launcher runs the jar
# without it. The logs stay in WORKDIR.
java=$1 jar=$2 archive=$3 samples=$4 work=$5
rm -rf "$work" "$archive" "$archive.for" "$archive.stale" "$(dirname "$archive")/tally.classlist"
mkdir -p "$work" || exit 1
# two copies of the sample: the runs that import and read the store work in their own (below)
cp -R "$samples" "$work/project" || exit 1
rm -f "$work/project"/tally.db*
cp -R "$work/project" "$work/store" || exit 1
# the cron run's shape (src/bench/README.md): units and catalog as CSV files on the command line, one
# CSV file of ten months with a required value missing here and there. Its catalog and file are made
# here; without this run the CSV catalog's reader (Commons CSV, about 50 classes) and the lambdas of the
# sparse rollup came from the jar on every such run, and without more than 50 findings (the count by
# code) and several periods, 17 lambdas of the benchmark's cron run were made again at every start
mkdir -p "$work/cron/submissions" || exit 1
cp "$samples/units.csv" "$work/cron/" || exit 1
printf '%s\n' code,name,type,required,min,max,aggregate 'a,Chỉ tiêu a,integer,true,0,1000,sum' 'b,Chỉ tiêu b,integer,false,0,1000,sum' \
    >"$work/cron/indicators.csv" || exit 1
awk -F, 'BEGIN { print "unit,period,indicator,value" }
    NR > 1 && $4 == "commune" { for (m = 1; m <= 10; m++) { k++; printf "%s,2024-%02d,a,%s\n%s,2024-%02d,b,%d\n", $1, m, k % 3 ? k % 50 : "", $1, m, k % 7 } }' \
    "$samples/units.csv" >"$work/cron/submissions/BG-TP.csv" || exit 1
# the large shapes (src/bench/README.md: W1, W2, the real-shaped set): a national-sized table read
# from one 6 MB CSV (cut into slices, one per core) and from a folder per district of long CSV, wide
# ';' CSV with a byte order mark and JSON, a quarter of the indicators decimal, over 1,000 findings,
# rolled up and written on two threads. Without these runs each such run opened the jar for the
# classes of the slicing, the decimal check and the parallel writing (25-30 ms of reading its index)
# and spun 5-7 lambdas at start. Generated here by awk, 0.5 s: 2,041 units, 50 indicators, two periods.
mkdir -p "$work/bulk/one" || exit 1
d=0
while [ "$d" -lt 40 ]; do
    mkdir -p "$work/bulk/many/D$(printf %02d "$d")" || exit 1
    d=$((d + 1))
done
awk -v dir="$work/bulk" 'BEGIN {
    u = dir "/units.csv"; c = dir "/indicators.csv"; one = dir "/one/all.csv"
    print "code,name,parent,level" > u
    print "P0,Tỉnh 0,,province" > u
    print "code,name,type,required,min,max,decimals,aggregate" > c
    for (i = 0; i < 50; i++) {
        dec = i % 4 == 0 ? 1 : i % 4 == 2 ? 2 : 0
        printf "ind%02d,Chỉ tiêu %d,%s,%s,0,1000000,%d,sum\n", i, i, dec ? "number" : "integer", i % 5 == 1 ? "true" : "false", dec > c
    }
    print "unit,period,indicator,value" > one
    k = 0
    for (d = 0; d < 40; d++) {
        printf "P0-D%02d,Huyện 0.%d,P0,district\n", d, d > u
        sub_dir = sprintf("%s/many/D%02d", dir, d)
        longf = sub_dir "/long.csv"; wide = sub_dir "/wide.csv"; json = sub_dir "/part.json"
        print "unit,period,indicator,value" > longf
        printf "\357\273\277unit;period" > wide
        for (i = 0; i < 50; i++) printf ";ind%02d", i > wide
        printf "\n" > wide
        printf "[" > json
        for (m = 0; m < 50; m++) {
            code = sprintf("P0-D%02d-C%02d", d, m)
            printf "%s,Xã 0.%d.%d,P0-D%02d,commune\n", code, d, m, d > u
            for (p = 1; p <= 2; p++) {
                period = "2024-H" p
                if (m % 3 == 0) printf "%s;%s", code, period > wide
                else if (m % 3 == 1) { printf "%s{\"unit\": \"%s\", \"period\": \"%s\", \"values\": {", (json_n++ ? ", " : ""), code, period > json }
                for (i = 0; i < 50; i++) {
                    k++
                    v = k % 997
                    if (i % 4 == 0) v = v "." k % 10; else if (i % 4 == 2) v = v "." sprintf("%02d", k % 100)
                    if (k % 23 == 0) v = ""
                    printf "%s,%s,ind%02d,%s\n", code, period, i, v > one
                    if (m % 3 == 0) printf ";%s", v > wide
                    else if (m % 3 == 1) printf "%s\"ind%02d\": %s", (i ? ", " : ""), i, (v == "" ? "null" : v) > json
                    else printf "%s,%s,ind%02d,%s\n", code, period, i, v > longf
                }
                if (m % 3 == 0) printf "\n" > wide
                else if (m % 3 == 1) printf "}}" > json
            }
        }
        printf "]\n" > json
        close(longf); close(wide); close(json); json_n = 0
    }
}' || exit 1
# train N DIR ARGS: run N (its classes in N.classlist) in DIR. C1 only, as the launcher runs them, and
# two processors seen whatever the build machine has (reading in slices and writing on two threads
# come only with two, and every install's archive is made from these lists); a
# data error (exit 1) still loads what a run loads; with a units cache as the launcher gives one (the
# first run writes its entry, the others read it; written by renaming, so two lanes may share it)
train() {
    n=$1 dir=$2
    shift 2
    (cd "$work/$dir" && exec "$java" -XX:DumpLoadedClassList="$work/$n.classlist" -XX:TieredStopAtLevel=1 -XX:ActiveProcessorCount=2 "-Dtally.cache=$work/cache" \
        -jar "$jar" "$@" >"$work/$n.log" 2>&1)
    [ $? -le 1 ] || { echo "class-data: training run $n ($*) failed, see $work/$n.log" >&2; return 1; }
}
# The runs in two lanes side by side, on two cores: this script took 15.2-15.9 s with the runs one
# after another, 11.8-13.9 s so (alternating runs), most of the build's packaging. The lists are merged
# by run number below, whichever lane ran first, so the archive holds what the runs in order made (the
# same classes, but for the dynamic proxies, which no archive keeps).
{
    # the README's quick start first: what it loads is archived in the order it loads it
    train 1 project rollup --config tally.yaml submissions &&
    train 2 project rollup --config tally.yaml --format csv -o out.csv submissions &&
    train 3 project rollup --config tally.yaml --format xlsx -o out.xlsx submissions &&
    train 4 project rollup --config tally.yaml --format json -o out.json submissions &&
    train 5 project validate --config tally.yaml submissions &&
    # a workbook: the template a unit fills in, and reading it back
    train 6 project template --config tally.yaml --unit BG-LN --period 2024-H1 -o bieu-mau.xlsx &&
    train 7 project validate --config tally.yaml bieu-mau.xlsx &&
    # in Vietnamese, the language of most runs: its messages (a class, beneath them the English ones) archived too
    train 15 cron rollup --lang vi --units units.csv --catalog indicators.csv --format csv -o out.csv submissions &&
    train 17 bulk rollup --units units.csv --catalog indicators.csv --format csv -o out-many.csv many
} &
quick=$!
{
    train 8 store import --config tally.yaml submissions &&
    train 9 store rollup --config tally.yaml &&
    train 10 store status --config tally.yaml &&
    train 11 store describe --config tally.yaml &&
    train 12 store outliers --config tally.yaml &&
    train 13 store --help &&
    train 14 store rollup --help &&
    train 16 bulk rollup --units units.csv --catalog indicators.csv --format csv -o out-one.csv one
} &
store=$!
wait "$quick" || exit 1
wait "$store" || exit 1
n=17
i=1
set --
while [ "$i" -le "$n" ]; do
    [ -f "$work/$i.classlist" ] || exit 1
    set -- "$@" "$work/$i.classlist"
    i=$((i + 1))
done
# each line as often as one run has it, in order: a class once, but a lambda once per call site
# (two sites of one signature, such as InputFile::stdin twice in Ingest, are two lines, and each site
# takes its own archived class: with one line, the second site made its class again at every start,
# 10 of the 24 lambdas the cron run of the benchmark made)
awk 'FNR == 1 { split("", here) } { if (++here[$0] > seen[$0]) { seen[$0] = here[$0]; print } }' "$@" \
    >"$work/merged.classlist" || exit 1
# the archive records the jar's path: the launcher runs it by the same absolute path
"$java" -Xshare:dump -XX:SharedClassListFile="$work/merged.classlist" -XX:SharedArchiveFile="$archive" \
    -cp "$jar" >"$work/dump.log" 2>&1 || { echo "class-data: the dump failed, see $work/dump.log" >&2; rm -f "$archive"; exit 1; }
# the class list beside the archive, and the jar it was made for: a copy of the install elsewhere
# makes its own archive from them (the launcher)
cp "$work/merged.classlist" "$(dirname "$archive")/tally.classlist" || exit 1
printf '%s\n' "$jar" >"$archive.for" || exit 1
echo "class-data: $(wc -l <"$work/merged.classlist" | tr -d ' ') classes from $n runs in $archive"

#!/usr/bin/env python3
"""Times commands in alternation: run 1 of each, then run 2 of each, and so on.

hyperfine times all runs of one command before the next, so on a shared machine whose speed drifts
over minutes (this one: CPU pressure up to 45 %, the same command 30 % slower from one minute to the
next) a ratio between two commands measures the drift as much as the commands. Alternating puts each
run of one beside a run of the other. Writes hyperfine's JSON shape (results: command, median, mean,
stddev, times), so the same readers read both.

  alternate.py --runs N [--warmup W] [--prepare CMD] --export-json FILE NAME CMD [NAME CMD ...]

--prepare runs before every run of every command, untimed (e.g. removing a store). Stdlib only.
"""
import argparse, json, shlex, statistics, subprocess, time

p = argparse.ArgumentParser()
p.add_argument("--runs", type=int, default=5)
p.add_argument("--warmup", type=int, default=1)
p.add_argument("--prepare")
p.add_argument("--export-json", required=True)
p.add_argument("pairs", nargs="+")
a = p.parse_args()
if len(a.pairs) % 2:
    p.error("give NAME CMD pairs")
names, commands = a.pairs[0::2], [shlex.split(c) for c in a.pairs[1::2]]


def run(cmd):
    if a.prepare:
        subprocess.run(a.prepare, shell=True, check=False)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


for cmd in commands:
    for _ in range(a.warmup):
        run(cmd)
times = [[] for _ in commands]
for _ in range(a.runs):
    for i, cmd in enumerate(commands):
        times[i].append(run(cmd))
results = [{"command": n, "median": statistics.median(t), "mean": statistics.mean(t),
            "stddev": statistics.stdev(t) if len(t) > 1 else 0.0, "times": t} for n, t in zip(names, times)]
with open(a.export_json, "w") as f:
    json.dump({"results": results, "alternated": True}, f, indent=1)

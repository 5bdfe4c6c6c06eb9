#!/usr/bin/env python3
"""A real-shaped review: the national hierarchy, many small files per district in three formats.

Like the submissions a province really receives: each district sends several small files (about
seven communes each), as long CSV, wide CSV with ';' and a BOM (the way a Vietnamese spreadsheet
saves), or a JSON array, in turn; a quarter of the indicators are decimals with one or two places;
some values are missing. Writes into OUT:
  units.csv, indicators.csv, closure.csv
  submissions/PROVINCE/DISTRICT/part-N-{long,wide}.csv | part-N.json
  long/submissions/...  the long-CSV files only (hard links), for a peer that reads long CSV
  workbooks/submissions/PROVINCE/DISTRICT.xlsx  with --workbooks: the same values, one workbook per
      district as a template arrives filled in (title block, names over codes, a row per commune)
Stdlib only, but for --workbooks, which needs openpyxl (Debian: python3-openpyxl).
"""
import argparse, csv, json, os, random

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--provinces", type=int, default=63)
p.add_argument("--districts", type=int, default=11)
p.add_argument("--communes", type=int, default=15)
p.add_argument("--indicators", type=int, default=20)
p.add_argument("--per-file", type=int, default=7, help="communes per file")
p.add_argument("--period", default="2024-H1")
p.add_argument("--missing", type=float, default=0.03)
p.add_argument("--seed", type=int, default=11)
p.add_argument("--workbooks", action="store_true", help="also write one .xlsx per district (openpyxl)")
a = p.parse_args()
rnd = random.Random(a.seed)
os.makedirs(a.out, exist_ok=True)

units, districts = [], []
for pi in range(a.provinces):
    pc = f"P{pi:02d}"
    units.append((pc, f"Tỉnh {pi}", "", "province"))
    for di in range(a.districts):
        dc = f"{pc}-D{di:03d}"
        units.append((dc, f"Huyện {pi}.{di}", pc, "district"))
        communes = [f"{dc}-C{ci:03d}" for ci in range(a.communes)]
        units.extend((c, f"Xã {pi}.{di}.{ci}", dc, "commune") for ci, c in enumerate(communes))
        districts.append((pc, dc, communes))
with open(os.path.join(a.out, "units.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f); w.writerow(["code", "name", "parent", "level"]); w.writerows(units)

# a quarter of the indicators are decimals (areas, amounts) with 1 or 2 places
inds = []
for i in range(a.indicators):
    dec = (1 + i // 4 % 2) if i % 4 == 0 else 0
    inds.append((f"ind{i:03d}", dec))
with open(os.path.join(a.out, "indicators.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f); w.writerow(["code", "name", "type", "required", "min", "max", "decimals", "aggregate"])
    for i, (c, dec) in enumerate(inds):
        w.writerow([c, f"Chỉ tiêu {i}", "number" if dec else "integer", "false", 0, 1000000, dec, "sum"])

parent = {u[0]: u[2] for u in units}
with open(os.path.join(a.out, "closure.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f); w.writerow(["unit", "ancestor"])
    for _, _, communes in districts:
        for leaf in communes:
            x = leaf
            while x:
                w.writerow([leaf, x]); x = parent[x]

def value(dec):
    if rnd.random() < a.missing:
        return None
    if dec:
        return f"{rnd.randint(0, 50000) / 10 ** dec:.{dec}f}"
    return str(rnd.randint(0, 500))

files = values = 0
n = 0
by_district = {}
for pc, dc, communes in districts:
    d = os.path.join(a.out, "submissions", pc, dc)
    os.makedirs(d, exist_ok=True)
    for k in range(0, len(communes), a.per_file):
        group = communes[k:k + a.per_file]
        rows = {c: [(code, value(dec)) for code, dec in inds] for c in group}
        by_district.setdefault((pc, dc), {}).update(rows)
        values += sum(v is not None for r in rows.values() for _, v in r)
        kind = n % 3
        n += 1
        files += 1
        if kind == 0:
            name = os.path.join(d, f"part-{k // a.per_file}-long.csv")
            with open(name, "w", newline="", encoding="utf-8") as f:
                w = csv.writer(f); w.writerow(["unit", "period", "indicator", "value"])
                for c, r in rows.items():
                    for code, v in r:
                        if v is not None: w.writerow([c, a.period, code, v])
            ld = os.path.join(a.out, "long", "submissions", pc, dc)
            os.makedirs(ld, exist_ok=True)
            os.link(name, os.path.join(ld, os.path.basename(name)))
        elif kind == 1:
            with open(os.path.join(d, f"part-{k // a.per_file}-wide.csv"), "w", newline="", encoding="utf-8-sig") as f:
                w = csv.writer(f, delimiter=";")
                w.writerow(["unit", "unit_name", "period"] + [code for code, _ in inds])
                for c, r in rows.items():
                    w.writerow([c, "", a.period] + ["" if v is None else v for _, v in r])
        else:
            with open(os.path.join(d, f"part-{k // a.per_file}.json"), "w", encoding="utf-8") as f:
                json.dump([{"unit": c, "period": a.period,
                            "values": {code: (None if v is None else json.loads(v)) for code, v in r}} for c, r in rows.items()],
                          f, ensure_ascii=False)
if a.workbooks:
    # the same values as a province receives them from its districts: one filled-in template each
    from openpyxl import Workbook
    names = {u[0]: u[1] for u in units}
    half = {"H1": "6 THÁNG ĐẦU NĂM", "H2": "6 THÁNG CUỐI NĂM"}.get(a.period[5:], "NĂM")
    for (pc, dc), rows in by_district.items():
        d = os.path.join(a.out, "workbooks", "submissions", pc)
        os.makedirs(d, exist_ok=True)
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("dan_van")
        ws.append(["UBND " + names[dc].upper()])
        ws.append([f"BÁO CÁO SỐ LIỆU {half} {a.period[:4]}"])
        ws.append([f"Đơn vị: {dc} {names[dc]}"])
        ws.append([])
        ws.append(["STT", "Mã đơn vị", "Tên đơn vị", "Kỳ báo cáo"] + [f"Chỉ tiêu {i}" for i in range(len(inds))])
        ws.append(["stt", "unit", "unit_name", "period"] + [code for code, _ in inds])
        for k, (c, r) in enumerate(rows.items()):
            ws.append([k + 1, c, names[c], a.period] + [None if v is None else (float(v) if "." in v else int(v)) for _, v in r])
        wb.save(os.path.join(d, dc + ".xlsx"))
for name in ("units.csv", "indicators.csv", "closure.csv"):
    os.makedirs(os.path.join(a.out, "long"), exist_ok=True)
    os.link(os.path.join(a.out, name), os.path.join(a.out, "long", name))
print(f"{len(units)} units, {files} files, {values} values, {sum(1 for _, d in inds if d)} of {len(inds)} indicators decimal"
      + (f", {len(by_district)} workbooks" if a.workbooks else ""))

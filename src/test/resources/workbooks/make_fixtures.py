#!/usr/bin/python3
"""Makes the workbook fixtures of WorkbookTest, as the reports really arrive: some written by a program
(openpyxl, as a district's own tooling would), some saved by LibreOffice (which computes formulas and
stores their values, as Excel does). Run from this directory with Debian's python3-openpyxl and
libreoffice-calc-nogui:

    /usr/bin/python3 make_fixtures.py

The figures are those of the bundled sample (samples/submissions/2024-H1), so that a workbook and the
CSV it stands for give the same rollup.
"""
import os, shutil, subprocess, tempfile
import openpyxl
from openpyxl.styles import Font, Alignment

HERE = os.path.dirname(os.path.abspath(__file__))
LUC_NAM = [  # name, dvk_models, dialogues, petitions_received, petitions_resolved, cadres_trained
    ("Thị trấn Đồi Ngô", 6, 3, 23, 22, 20),
    ("Xã Bảo Đài", 4, 4, 13, 12, 32),
    ("Xã Cẩm Lý", 6, 1, 18, 18, 31),
    ("Xã Chu Điện", 1, 4, 25, 22, 52),
    ("Xã Lan Mẫu", 2, 8, 5, 2, 45),
    ("Xã Yên Sơn", 1, 7, 29, 27, 10),
]


def title_block(ws, unit="UBND HUYỆN LỤC NAM", period="6 THÁNG ĐẦU NĂM 2024"):
    ws["A1"] = unit
    ws["E1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws["E2"] = "Độc lập - Tự do - Hạnh phúc"
    ws["E3"] = "Lục Nam, ngày 10 tháng 7 năm 2024"
    ws["A4"] = "BÁO CÁO SỐ LIỆU CÔNG TÁC DÂN VẬN " + period
    ws.merge_cells("A4:H4")
    ws["A4"].font = Font(bold=True)
    ws["A4"].alignment = Alignment(horizontal="center")


def two_row_header(ws, top=6):
    """STT | Tên đơn vị | Mô hình "Dân vận khéo" / Đăng ký | Đối thoại … | Đơn thư, kiến nghị / Tiếp nhận, Đã giải quyết | Lượt cán bộ … | Ghi chú"""
    b = top + 1
    for col, text in (("A", "STT"), ("B", "Tên đơn vị"), ("E", "Đối thoại trực tiếp của người đứng đầu với Nhân dân"),
                      ("H", "Lượt cán bộ được tập huấn công tác dân vận"), ("I", "Ghi chú")):
        ws[f"{col}{top}"] = text
        ws.merge_cells(f"{col}{top}:{col}{b}")
    ws[f"C{top}"] = 'Mô hình "Dân vận khéo"'
    ws.merge_cells(f"C{top}:D{top}")
    ws[f"C{b}"] = "Đăng ký"
    ws[f"D{b}"] = "Ghi nhận"  # not an indicator of the catalog: its column is reported
    ws[f"F{top}"] = "Đơn thư, kiến nghị"
    ws.merge_cells(f"F{top}:G{top}")
    ws[f"F{b}"] = "Tiếp nhận"
    ws[f"G{b}"] = "Đã giải quyết"
    # the row of column numbers under the header
    for i, col in enumerate("ABCDEFGHI"):
        ws[f"{col}{b + 1}"] = f"({i + 1})"
    return b + 2


def luc_nam(ws, first, total="numbers", text_number=False):
    r = first
    for i, (name, m, d, pr, ps, c) in enumerate(LUC_NAM):
        ws.cell(r, 1, i + 1)
        ws.cell(r, 2, name)
        ws.cell(r, 3, m)
        ws.cell(r, 5, d)
        ws.cell(r, 6, pr)
        ws.cell(r, 7, ps)
        ws.cell(r, 8, "1.234" if text_number and i == 2 else c)
        r += 1
    ws.cell(r, 2, "Tổng cộng")
    for col in (3, 5, 6, 7, 8):
        letter = "ABCDEFGHI"[col - 1]
        if total == "formulas":
            ws.cell(r, col, f"=SUM({letter}{first}:{letter}{r - 1})")
        elif total == "numbers":
            ws.cell(r, col, sum(row[{3: 1, 5: 2, 6: 3, 7: 4, 8: 5}[col]] for row in LUC_NAM))
    # the signatures under the table
    ws.cell(r + 2, 6, "TM. ỦY BAN NHÂN DÂN")
    ws.cell(r + 3, 6, "CHỦ TỊCH")
    ws.cell(r + 5, 6, "Nguyễn Văn A")
    return r


def save(wb, name, where=HERE):
    path = os.path.join(where, name)
    wb.save(path)
    return path


def libreoffice(src, fmt, out_name):
    """Opens src in LibreOffice, which computes its formulas, and saves it as fmt."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to", fmt,
                        "--outdir", tmp, src], check=True, capture_output=True, timeout=300)
        made = [f for f in os.listdir(tmp) if f.endswith("." + fmt.split(":")[0])]
        shutil.move(os.path.join(tmp, made[0]), os.path.join(HERE, out_name))


def main():
    tmp = tempfile.mkdtemp()
    # a district's report as it arrives: title block, two-row merged header, names, a total row
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Biểu 01"
    title_block(ws); luc_nam(ws, two_row_header(ws), text_number=True)
    save(wb, "luc-nam-report.xlsx")
    # the same, its total computed by formulas and saved by LibreOffice (cached values), and as .ods and .xls
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Biểu 01"
    title_block(ws); luc_nam(ws, two_row_header(ws), total="formulas")
    src = save(wb, "luc-nam-formulas.xlsx", tmp)
    libreoffice(src, "xlsx", "luc-nam-report-lo.xlsx")
    libreoffice(src, "ods", "luc-nam-report.ods")
    libreoffice(src, "xls", "luc-nam-report.xls")
    # formulas no spreadsheet computed (a program wrote them): no cached values
    shutil.copy(src, os.path.join(HERE, "formulas-uncomputed.xlsx"))
    # error cells, computed by LibreOffice: #DIV/0! and #N/A
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Biểu 01"
    ws.append(["unit", "period", "dvk_models", "dialogues", "petitions_received"])
    ws.append(["BG-LN-DOINGO", "2024-H1", "=1/0", "=NA()", 23])
    ws.append(["BG-LN-BAODAI", "2024-H1", 4, 4, 13])
    libreoffice(save(wb, "errors.xlsx", tmp), "xlsx", "errors-lo.xlsx")
    # a hidden row and a hidden column holding values
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["unit", "period", "dvk_models", "dialogues", "cadres_trained"])
    ws.append(["BG-LN-DOINGO", "2024-H1", 6, 3, 20])
    ws.append(["BG-LN-BAODAI", "2024-H1", 4, 4, 32])
    ws.append(["BG-LN-CAMLY", "2024-H1", 6, 1, 31])
    ws.row_dimensions[3].hidden = True
    ws.column_dimensions["E"].hidden = True
    save(wb, "hidden.xlsx")
    # two sheets of tables and a sheet of notes
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Hướng dẫn"
    ws["A1"] = "Điền số liệu vào các trang sau."
    a = wb.create_sheet("Lục Nam")
    a.append(["unit", "period", "dvk_models", "dialogues"])
    a.append(["BG-LN-DOINGO", "2024-H1", 6, 3])
    b = wb.create_sheet("TP Bắc Giang")
    b.append(["Kỳ báo cáo: 2024-H1"])
    b.append([])
    b.append(["Mã đơn vị", "Tên đơn vị", "dvk_models", "dialogues"])
    b.append(["BG-TP-TRANPHU", "Phường Trần Phú", 1, 3])
    save(wb, "two-sheets.xlsx")
    # the wide sample CSV as a workbook, codes and all: the same rollup as the CSV
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "bac-giang-tp"
    import csv
    with open(os.path.join(HERE, "../../../../samples/submissions/2024-H1/bac-giang-tp-wide.csv"), encoding="utf-8-sig") as f:
        for i, row in enumerate(csv.reader(f, delimiter=";")):
            ws.append([int(x) if i > 0 and k >= 3 and x.isdigit() else x for k, x in enumerate(row)])
    save(wb, "bac-giang-tp-wide.xlsx")
    # dates in the period column: a month shown as 06/2024 is that month; a whole date is a day, not a period
    import datetime
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["unit", "period", "dvk_models"])
    ws.append(["BG-LN-DOINGO", datetime.datetime(2024, 6, 1), 6])
    ws["B2"].number_format = "mm/yyyy"
    ws.append(["BG-LN-BAODAI", datetime.datetime(2024, 6, 30), 4])
    ws["B3"].number_format = "dd/mm/yyyy"
    ws.append(["BG-LN-CAMLY", 2024, 0.1])
    save(wb, "dates.xlsx")
    # a unit code a spreadsheet took for a number: 7201 for 07201
    wb = openpyxl.Workbook(); ws = wb.active
    ws.append(["unit", "period", "dvk_models"])
    ws.append([7201, "2024-H1", 3])
    ws.append(["07202", "2024-H1", 4])
    save(wb, "leading-zero.xlsx")
    # units by name, in the small project with numeric codes (project/): two districts have a Xã Một
    for name, title in (("names-scoped.xlsx", "UBND HUYỆN HAI"), ("names-unscoped.xlsx", None)):
        wb = openpyxl.Workbook(); ws = wb.active
        if title:
            ws.append([title])
        ws.append(["Kỳ báo cáo: 2024-H1"])
        ws.append([])
        ws.append(["STT", "Tên đơn vị", 'Mô hình "Dân vận khéo" đăng ký'])
        ws.append([1, "Xã Một", 3])
        ws.append([2, "xã hai", 4])
        save(wb, name)
    # the template tally writes (target/tally, built), filled in by another program as a unit would
    tally = os.path.join(HERE, "../../../../target/tally")
    template = os.path.join(tmp, "bieu-mau.xlsx")
    subprocess.run([tally, "template", "--config", os.path.join(HERE, "../../../../samples/tally.yaml"), "--unit", "BG-LN",
                    "--period", "2024-H1", "-o", template], check=True, env={**os.environ, "LANG": "vi_VN.UTF-8"})
    wb = openpyxl.load_workbook(template)
    ws = wb["dan_van"]
    for r in range(9, ws.max_row + 1):
        row = {x[0]: x for x in [("Thị trấn Đồi Ngô",) + LUC_NAM[0][1:]] + LUC_NAM[1:]}.get(ws.cell(r, 3).value)
        if row:
            for k, v in enumerate(row[1:]):
                ws.cell(r, 5 + k, v)
    h = wb["hdnd"]
    for k, v in enumerate((2, 1, 0, 17, 41, 14, 20)):
        h.cell(9, 5 + k, v)
    wb.save(os.path.join(HERE, "template-filled.xlsx"))
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()

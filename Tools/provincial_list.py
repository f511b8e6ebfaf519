#!/usr/bin/env python3
"""Writes provincial OCOP lists laid out as provinces publish them, with real spreadsheet
writers, for ocop's tests (issue 15).

    python3 Tools/provincial_list.py OUTDIR

OUTDIR/Danh sách OCOP 2024.xlsx (openpyxl): a letterhead, a title, "(Kèm theo Quyết định
số …)", a two-row header with merged cells ("Kết quả đánh giá" over "Điểm" and "Phân
hạng"), a row "(1) (2) (3) …", roman-numbered district sections with star-level sections
inside, "Cộng" and "Tổng cộng" rows, a signature block; Excel dates mixed with text dates,
"4 sao" / "4★" / 4 / "78,5", one `Địa chỉ` column, one unreadable score and one impossible
date. A second sheet "Tổng hợp" (a summary) must not be taken for the products.

OUTDIR/Danh sách OCOP 2022.xlsx (xlsxwriter: shared strings, where openpyxl writes inline ones; the 1904
date system): `Năm công nhận` (a year only), `Quyết định` cells that carry the date,
booleans, and a "Chủ thể" sheet of producers.

OUTDIR/linked/Danh sách OCOP 2023.xlsx (openpyxl): a products sheet with Mã sản phẩm, a
"Chủ thể" sheet of producers and a "Lịch sử công nhận" sheet of certifications, linked by
producer name (case and spacing aside) and by product id; one product names a producer the
producers sheet lacks ("HTX Quang Thuan" for "HTX Quang Thuận") and one certification a product
the list lacks (SP09). In a folder of its own, so the folder tests see only the two above.

The expected values are in Tests/OCOPKitTests/Spreadsheet/ProvincialListTests.swift; change
both together. Only the standard library, openpyxl and xlsxwriter (Makefile `deps`).
"""
import datetime
import os
import sys

import openpyxl
import xlsxwriter
from openpyxl.styles import Alignment, Font

D = datetime.date

# (STT, name, producer, address, category, score, stars cell, certified cell, decision, note)
# None in stars: the star-level section above fills it.
NA_RI = [
    ("I", "Huyện Na Rì"),
    ("A", "SẢN PHẨM 4 SAO"),
    (1, "Miến dong Tài Hoan", "HTX Tài Hoan", "Xã Côn Minh, H. Na Rì, tỉnh Bắc Kạn", "Thực phẩm",
     78.5, "4 sao", D(2024, 6, 25), "2345/QĐ-UBND", None),
    (2, "Rượu men lá Côn Minh", "HTX Nông nghiệp Côn Minh", "Thôn Nà Vài, X. Côn Minh, H. Na Rì, Bắc Kạn", "Đồ uống",
     "72,5", None, "15-08-2022", "1621/QĐ-UBND", "Đánh giá lại"),
    ("B", "SẢN PHẨM 3 SAO"),
    (3, "Mật ong bạc hà", "Hộ kinh doanh Hoàng Văn Minh", "Xã Lạng San", "Thực phẩm",
     61, "3★", "20.11.2023", "2011/QĐ-UBND", None),
    (4, "Chè Shan tuyết Nà Rì", "Công ty TNHH Chè Na Rì", "xã Kim Hỷ, huyện Na Rì, tỉnh Bắc Kạn", "Đồ uống",
     "không rõ", None, "31/02/2024", "2345/QĐ-UBND", "Điểm chưa công bố"),
    ("Cộng", 4),
]
THANH_PHO = [
    ("II", "Thành phố Bắc Kạn"),
    (5, "Gạo nếp Khẩu nua lếch", "HTX Nông nghiệp Tân Thành", "xã Nông Thượng, TP Bắc Kạn, tỉnh Bắc Kạn", "Thực phẩm",
     91.14, 5, D(2024, 12, 15), "2345/QĐ-UBND ngày 15/12/2024", None),
    (6, "Bánh gai Nông Thượng", "Htx Nông nghiệp Tân Thành", "phường Sông Cầu, thành phố Bắc Kạn", "Thực phẩm",
     55, "3*", D(2023, 1, 10), "45/QĐ-UBND", None),
    ("Cộng", 2),
]
ROWS = NA_RI + THANH_PHO + [("Tổng cộng", 6)]

HEADER_TOP = ["STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Phân loại", "Kết quả đánh giá", None,
              "Ngày công nhận", "Quyết định", "Ghi chú"]
HEADER_BOTTOM = [None, None, None, None, None, "Điểm", "Phân hạng", None, None, None]


def list_2024(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    bold = Font(bold=True)
    ws["A1"] = "UBND TỈNH BẮC KẠN"
    ws.merge_cells("A1:C1")
    ws["F1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws.merge_cells("F1:J1")
    ws["A2"] = "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"
    ws.merge_cells("A2:C2")
    ws["F2"] = "Độc lập - Tự do - Hạnh phúc"
    ws.merge_cells("F2:J2")
    ws["A4"] = "DANH SÁCH SẢN PHẨM OCOP TỈNH BẮC KẠN NĂM 2024"
    ws.merge_cells("A4:J4")
    ws["A5"] = "(Kèm theo Quyết định số 2345/QĐ-UBND ngày 15/12/2024 của UBND tỉnh Bắc Kạn)"
    ws.merge_cells("A5:J5")
    for c in ("A1", "F1", "A4"):
        ws[c].font = bold
    top, bottom = 7, 8
    for i, (t, b) in enumerate(zip(HEADER_TOP, HEADER_BOTTOM), start=1):
        if t is not None:
            ws.cell(top, i, t).font = bold
        if b is not None:
            ws.cell(bottom, i, b).font = bold
    # vertical merges for one-row titles, one horizontal merge over Điểm | Phân hạng
    for i, t in enumerate(HEADER_TOP, start=1):
        letter = openpyxl.utils.get_column_letter(i)
        if t is not None and HEADER_BOTTOM[i - 1] is None and t != "Kết quả đánh giá":
            ws.merge_cells(f"{letter}{top}:{letter}{bottom}")
    ws.merge_cells(f"F{top}:G{top}")
    for i in range(1, len(HEADER_TOP) + 1):
        ws.cell(bottom + 1, i, f"({i})").alignment = Alignment(horizontal="center")
    r = bottom + 2
    for row in ROWS:
        if len(row) == 2:
            label, value = row
            if isinstance(value, int):  # Cộng / Tổng cộng: the count in the STT column's neighbour
                ws.cell(r, 2, label).font = bold
                ws.cell(r, 6, value)
            else:
                ws.cell(r, 1, label).font = bold
                ws.cell(r, 2, value).font = bold
                ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=10)
        else:
            for i, v in enumerate(row, start=1):
                if v is None:
                    continue
                c = ws.cell(r, i, v)
                if isinstance(v, D):
                    c.number_format = "dd/mm/yyyy"
        r += 1
    r += 1
    ws.cell(r, 8, "KT. GIÁM ĐỐC")
    ws.cell(r + 1, 8, "PHÓ GIÁM ĐỐC")
    ws.cell(r + 4, 8, "Nguyễn Văn An")
    # an empty trailing column with only formatting (ocop must drop it)
    ws.cell(top, 12).font = bold
    s = wb.create_sheet("Tổng hợp")
    s.append(["Huyện", "Số sản phẩm", "4 sao", "3 sao"])
    s.append(["Na Rì", 4, 2, 2])
    s.append(["Thành phố Bắc Kạn", 2, 0, 1])
    wb.save(path)


def list_2022(path):
    wb = xlsxwriter.Workbook(path, {"date_1904": True})
    ws = wb.add_worksheet("Sản phẩm")
    date = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws.write_row(0, 0, ["DANH SÁCH SẢN PHẨM OCOP NĂM 2022"])
    ws.write_row(2, 0, ["TT", "Tên sản phẩm", "Tên chủ thể", "Huyện", "Xếp hạng", "Tổng điểm",
                        "Năm công nhận", "Quyết định", "Còn hiệu lực", "Ngày đánh giá"])
    rows = [
        ["1", "Tinh bột nghệ Chợ Đồn", "HTX Dịch vụ Nông nghiệp Bằng Lũng", "Chợ Đồn", "3 sao", 66,
         2022, "1621/QĐ-UBND ngày 20/9/2022", True, D(2022, 9, 1)],
        ["2", "Cam Quang Thuận", "HTX Quang Thuận", "Bạch Thông", "4", 75.25,
         "2022", "1621/QĐ-UBND ngày 20/09/2022", False, D(2022, 9, 2)],
    ]
    for i, row in enumerate(rows, start=3):
        for j, v in enumerate(row):
            if isinstance(v, D):
                ws.write_datetime(i, j, datetime.datetime(v.year, v.month, v.day), date)
            else:
                ws.write(i, j, v)
    p = wb.add_worksheet("Chủ thể")
    p.write_row(0, 0, ["Tên chủ thể", "Loại hình", "Huyện"])
    p.write_row(1, 0, ["HTX Dịch vụ Nông nghiệp Bằng Lũng", "Hợp tác xã", "Chợ Đồn"])
    p.write_row(2, 0, ["HTX Quang Thuận", "Hợp tác xã", "Bạch Thông"])
    wb.close()


def list_2023(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sản phẩm"
    ws.append(["DANH SÁCH SẢN PHẨM OCOP NĂM 2023"])
    ws.append([])
    ws.append(["STT", "Mã sản phẩm", "Tên sản phẩm", "Chủ thể", "Phân hạng", "Ngày công nhận"])
    rows = [
        [1, "SP01", "Miến dong Tài Hoan", "HTX Tài Hoan", 5, D(2021, 6, 30)],
        [2, "SP02", "Rượu men lá Côn Minh", "htx  nông nghiệp CÔN MINH", 3, D(2023, 1, 10)],
        [3, "SP03", "Cam Quang Thuận", "HTX Quang Thuan", 4, D(2023, 5, 4)],
        [4, "SP04", "Mật ong bạc hà", "HTX Tài Hoan", 3, D(2023, 11, 20)],
    ]
    for row in rows:
        ws.append(row)
        ws.cell(ws.max_row, 6).number_format = "dd/mm/yyyy"
    p = wb.create_sheet("Chủ thể")
    p.append(["Tên chủ thể", "Loại hình", "Huyện"])
    p.append(["HTX Tài Hoan", "Hợp tác xã", "Na Rì"])
    p.append(["HTX Nông nghiệp Côn Minh", "Hợp tác xã", "Na Rì"])
    p.append(["HTX Quang Thuận", "Hợp tác xã", "Bạch Thông"])
    c = wb.create_sheet("Lịch sử công nhận")
    c.append(["Mã sản phẩm", "Phân hạng", "Ngày công nhận", "Quyết định"])
    for row in [["SP01", 4, D(2018, 6, 1), "1010/QĐ-UBND"], ["SP01", 5, D(2021, 6, 30), "1234/QĐ-UBND"],
                ["SP02", 3, D(2023, 1, 10), "45/QĐ-UBND"], ["SP09", 3, D(2023, 2, 1), "46/QĐ-UBND"]]:
        c.append(row)
        c.cell(c.max_row, 3).number_format = "dd/mm/yyyy"
    wb.save(path)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: provincial_list.py OUTDIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    list_2024(os.path.join(out, "Danh sách OCOP 2024.xlsx"))
    list_2022(os.path.join(out, "Danh sách OCOP 2022.xlsx"))
    os.makedirs(os.path.join(out, "linked"), exist_ok=True)
    list_2023(os.path.join(out, "linked", "Danh sách OCOP 2023.xlsx"))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes a list as an official types it, header on row 1 (no title), with section and total
rows, and saves it as CSV with LibreOffice headless, as Excel or Calc users send them; for
ocop's tests (issue 15, Tests/OCOPKitTests/Spreadsheet/CSVVariantTests.swift).

    python3 Tools/typed_list.py OUTDIR

OUTDIR/typed.xlsx (openpyxl): STT | Tên sản phẩm | Chủ thể | Phân hạng | Điểm | Ngày công nhận;
district sections "I | Huyện Na Rì" and "II | Huyện Ba Bể", a star-level section
"A. SẢN PHẨM 4 SAO", "Cộng" rows with a count, "Tổng cộng" and a signature under the table.
OUTDIR/comma/typed.csv: LibreOffice's CSV of it (comma, UTF-8);
OUTDIR/semicolon/typed.csv: the same with ';' (as Excel writes where the decimal mark is a comma).
5 products; the expected values are in the tests.
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

ROWS = [
    ["STT", "Tên sản phẩm", "Chủ thể", "Phân hạng", "Điểm", "Ngày công nhận"],
    ["I", "Huyện Na Rì"],
    ["A", "SẢN PHẨM 4 SAO"],
    [1, "Miến dong Tài Hoan", "HTX Tài Hoan", None, 78.5, datetime.date(2024, 6, 25)],
    [2, "Rượu men lá Côn Minh", "HTX Nông nghiệp Côn Minh", None, 72, datetime.date(2022, 8, 15)],
    [3, "Mật ong bạc hà", "Hộ kinh doanh Hoàng Văn Minh", "3 sao", 61, "20/11/2023"],
    [None, "Cộng", None, None, 3],
    ["II", "Huyện Ba Bể"],
    [4, "Chè Shan tuyết Ba Bể", "Công ty TNHH Chè Ba Bể", "4 sao", 76, datetime.date(2023, 1, 10)],
    [5, "Gạo nếp Khẩu nua lếch", "HTX Nông nghiệp Tân Thành", "5", 91.14, datetime.date(2024, 12, 15)],
    [None, "Cộng", None, None, 2],
    [None, "Tổng cộng", None, None, 5],
    [],
    [None, None, None, None, "KT. GIÁM ĐỐC"],
]


def soffice(path, target, outdir):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        sys.exit("LibreOffice is not installed: apt-get install libreoffice-calc-nogui (make deps does it)")
    profile = tempfile.mkdtemp(prefix="ocop-lo-")  # a profile of its own: parallel runs lock it
    try:
        subprocess.run([exe, "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
                        "--convert-to", target, "--outdir", outdir, path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: typed_list.py OUTDIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    for r, row in enumerate(ROWS, start=1):
        for c, v in enumerate(row, start=1):
            if v is None:
                continue
            cell = ws.cell(r, c, v)
            if isinstance(v, datetime.date):
                cell.number_format = "dd/mm/yyyy"
    path = os.path.join(out, "typed.xlsx")
    wb.save(path)
    # separator, quote, 76 = UTF-8, from line 1, column formats, language, quote all text,
    # detect special numbers, save as shown (dd/mm/yyyy)
    for name, sep in (("comma", 44), ("semicolon", 59)):
        d = os.path.join(out, name)
        os.makedirs(d, exist_ok=True)
        soffice(path, f"csv:Text - txt - csv (StarCalc):{sep},34,76,1,,0,false,true,true", d)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Reads an exported workbook back with two independent programs, for the export tests
(Tests/OCOPKitTests/Spreadsheet/WorkbookExportTests.swift, issue 15):

  openpyxl (3.1.5): each sheet's cells with their Python type (int, float, str, bool, date),
    the header's bold, the frozen pane, the column widths;
  LibreOffice headless (soffice): the workbook converted to CSV as shown (every sheet, UTF-8:
    dates as their dd/mm/yyyy format shows them) and to flat ODS XML, whose
    office:value-type says what LibreOffice took each cell for (float, date, string, boolean).

Usage: xlsx_readback.py WORKBOOK OUT.json   (exit 3: a program is missing, with the reason)
"""
import json, os, subprocess, sys, tempfile, shutil, glob
import xml.etree.ElementTree as ET


def with_openpyxl(path):
    try:
        import openpyxl
    except ImportError:
        sys.stderr.write("openpyxl is not installed: pip install openpyxl==3.1.5 (make deps does it)\n")
        sys.exit(3)
    wb = openpyxl.load_workbook(path)
    out = []
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows():
            cells = []
            for c in row:
                v = c.value
                if v is None:
                    cells.append(None)
                elif isinstance(v, bool):
                    cells.append({"t": "bool", "v": v})
                elif isinstance(v, int):
                    cells.append({"t": "int", "v": v})
                elif isinstance(v, float):
                    cells.append({"t": "float", "v": v})
                elif hasattr(v, "strftime"):
                    cells.append({"t": "date", "v": v.strftime("%Y-%m-%d"), "format": c.number_format})
                else:
                    cells.append({"t": "str", "v": str(v)})
            rows.append(cells)
        header_bold = [bool(c.font and c.font.b) for c in ws[1]] if ws.max_row >= 1 else []
        body_bold = [bool(c.font and c.font.b) for c in ws[2]] if ws.max_row >= 2 else []
        widths = {k: v.width for k, v in ws.column_dimensions.items() if v.width}
        out.append({"name": ws.title, "rows": rows, "header_bold": header_bold, "body_bold": body_bold,
                    "freeze": ws.freeze_panes, "widths": widths})
    return out


def soffice(path, target, outdir):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        sys.stderr.write("LibreOffice is not installed: apt-get install libreoffice-calc-nogui (make deps does it)\n")
        sys.exit(3)
    # a profile of its own: parallel tests must not share one (LibreOffice locks it)
    profile = tempfile.mkdtemp(prefix="ocop-lo-")
    try:
        r = subprocess.run([exe, "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
                            "--convert-to", target, "--outdir", outdir, path],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if r.returncode != 0:
        sys.stderr.write("soffice failed: " + r.stderr.decode(errors="replace"))
        sys.exit(1)


def with_libreoffice(path):
    tmp = tempfile.mkdtemp(prefix="ocop-readback-")
    try:
        base = os.path.splitext(os.path.basename(path))[0]
        # 44 comma, 34 quote, 76 UTF-8, from line 1, …, 9th token true: as shown, 12th -1: every sheet
        soffice(path, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", tmp)
        import csv
        shown = {}
        for f in glob.glob(os.path.join(tmp, base + "-*.csv")):
            sheet = os.path.basename(f)[len(base) + 1:-4]
            with open(f, newline="", encoding="utf-8") as fh:
                shown[sheet] = list(csv.reader(fh))
        soffice(path, "fods", tmp)
        ns = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
              "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0"}
        tree = ET.parse(os.path.join(tmp, base + ".fods"))
        types = {}
        T = "{%s}" % ns["table"]
        O = "{%s}" % ns["office"]
        for table in tree.iter(T + "table"):
            rows = []
            for row in table.iter(T + "table-row"):
                repeat_row = int(row.get(T + "number-rows-repeated", "1"))
                cells = []
                for cell in row:
                    if cell.tag not in (T + "table-cell", T + "covered-table-cell"):
                        continue
                    n = int(cell.get(T + "number-columns-repeated", "1"))
                    kind = cell.get(O + "value-type")
                    # LibreOffice has no boolean cells: it reads an .xlsx boolean as =TRUE() or =FALSE()
                    if cell.get(T + "formula") in ("of:=TRUE()", "of:=FALSE()"):
                        kind = "boolean"
                    cells.extend([kind] * min(n, 1000))
                while cells and cells[-1] is None:
                    cells.pop()
                if cells:
                    rows.extend([cells] * min(repeat_row, 1000))
            types[table.get(T + "name")] = rows
        return {"shown": shown, "types": types}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    path, out = sys.argv[1], sys.argv[2]
    result = {"openpyxl": with_openpyxl(path), "libreoffice": with_libreoffice(path)}
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False)


if __name__ == "__main__":
    main()

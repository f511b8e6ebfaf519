#!/usr/bin/env python3
"""Writes the workbook the golden example Examples/provincial-workbook.ocop loads:

    python3 Tools/example_workbook.py [OUT.xlsx]
    (default: Examples/lists/provincial/Danh sách OCOP 2024.xlsx)

It is Tools/provincial_list.py's 2024 list (openpyxl: a letterhead, a two-row header with
merged cells, district and star sections, Cộng and Tổng cộng rows, a signature block, Excel
and text dates, Địa chỉ, one unreadable score and one impossible date), made byte for byte
reproducible so that it can be committed: every zip entry gets one fixed timestamp and the
document properties a fixed creation date. Regenerating with openpyxl 3.1.5 (Makefile deps)
gives the same bytes; ProvincialListTests checks that the committed file is this script's.
"""
import os
import re
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import provincial_list  # noqa: E402

STAMP = (2024, 12, 15, 0, 0, 0)
ISO = "2024-12-15T00:00:00Z"
DEFAULT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Examples", "lists", "provincial",
                       "Danh sách OCOP 2024.xlsx")


def reproducible(src, dst):
    """src's entries, in order, with fixed timestamps and fixed core-property dates."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", lambda m: m.group(1) + ISO.encode(), data)
            out = zipfile.ZipInfo(info.filename, date_time=STAMP)
            out.compress_type = zipfile.ZIP_DEFLATED
            out.external_attr = 0o600 << 16
            zout.writestr(out, data, compresslevel=6)


def main():
    out = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else DEFAULT)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    fd, tmp = tempfile.mkstemp(suffix=".xlsx")
    os.close(fd)
    try:
        provincial_list.list_2024(tmp)
        reproducible(tmp, out)
    finally:
        os.unlink(tmp)


if __name__ == "__main__":
    main()

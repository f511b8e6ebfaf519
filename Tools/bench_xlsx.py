"""The .xlsx part of the benchmark (issue 15, issue 17's target): how long a workbook takes to
load in ocop, in python-calamine (calamine, Rust) and in openpyxl's read-only mode, on the same
file made from the generated products.csv. Used by Tools/bench.py (`--xlsx-sizes`,
`--only-xlsx`); each tool runs in a fresh process timed whole by /usr/bin/time, and every tool
must count the same products.

    ocop --data bench-data/N/products.xlsx -e 'products count'      (load, type, link, answer)
    python-calamine: CalamineWorkbook.from_path(p).get_sheet_by_index(0).to_python()
    openpyxl: load_workbook(p, read_only=True), every row's values

The workbook (bench-data/N/products.xlsx, one sheet "products") is written once by xlsxwriter
in constant-memory mode with typed cells: stars, score and price as numbers, certified_on and
expires_on as dates with a dd/mm/yyyy format, the rest as (shared) strings, as Excel saves a list.
"""
import csv
import datetime
import os
import statistics
import sys

WORKBOOK_STAMP = "xlsx v1\n"
NUMBERS = {"stars", "score", "price_vnd"}
DATES = {"certified_on", "expires_on"}

CALAMINE = ("import sys\nfrom python_calamine import CalamineWorkbook\n"
            "rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0).to_python()\n"
            "print(len(rows) - 1)\n")
OPENPYXL = ("import sys, openpyxl\n"
            "wb = openpyxl.load_workbook(sys.argv[1], read_only=True)\n"
            "n = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))\n"
            "print(n - 1)\n")


def ensure_workbook(d, log):
    """d/products.xlsx from d/products.csv (kept while its stamp matches)."""
    path = os.path.join(d, "products.xlsx")
    stamp = os.path.join(d, ".xlsx-stamp")
    if os.path.exists(path) and os.path.exists(stamp) and open(stamp).read() == WORKBOOK_STAMP:
        return path
    import xlsxwriter  # Makefile bench-deps
    log("writing %s…" % path)
    wb = xlsxwriter.Workbook(path + ".tmp", {"constant_memory": True, "strings_to_numbers": False})
    ws = wb.add_worksheet("products")
    date = wb.add_format({"num_format": "dd/mm/yyyy"})
    with open(os.path.join(d, "products.csv"), newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        ws.write_row(0, 0, header)
        kinds = ["n" if h in NUMBERS else "d" if h in DATES else "s" for h in header]
        for r, row in enumerate(reader, start=1):
            for c, v in enumerate(row):
                if v == "":
                    continue
                k = kinds[c]
                if k == "n":
                    ws.write_number(r, c, float(v))
                elif k == "d":
                    ws.write_datetime(r, c, datetime.datetime.strptime(v, "%Y-%m-%d"), date)
                else:
                    ws.write_string(r, c, v)
    wb.close()
    os.replace(path + ".tmp", path)
    with open(stamp, "w") as f:
        f.write(WORKBOOK_STAMP)
    return path


def run_size(rows, d, args, measure, ocop, today, log):
    """Median wall time and peak memory of each tool on d's workbook, and the counts."""
    path = ensure_workbook(d, log)
    tools = {
        "ocop": [ocop, "--today", today, "--data", path, "-e", "products count"],
        "python-calamine": [sys.executable, "-c", CALAMINE, path],
        "openpyxl (read-only)": [sys.executable, "-c", OPENPYXL, path],
    }
    out = {"rows": rows, "mb": os.path.getsize(path) / 1e6, "tools": {}}
    samples = {t: [] for t in tools}
    for i in range(args.runs):
        for t, cmd in tools.items():  # the tools take turns
            if t.startswith("openpyxl") and rows > args.openpyxl_max and i > 0:
                continue  # one run of openpyxl on a big workbook is enough (minutes)
            log("  xlsx %s rows: %s (run %d)…" % (f"{rows:,}", t, i + 1))
            r = measure(cmd, timeout=args.timeout)
            if r["rc"] != 0:
                out["tools"][t] = {"error": (r["err"].strip().splitlines() or ["exit %d" % r["rc"]])[-1]}
                continue
            samples[t].append((r["wall"], r["peak_kb"] / 1024, r["out"].strip().splitlines()[-1]))
    for t, s in samples.items():
        if t in out["tools"] or not s:
            continue
        out["tools"][t] = {"wall": statistics.median(x[0] for x in s), "peak_mb": statistics.median(x[1] for x in s),
                           "count": s[0][2], "runs": len(s), "error": None}
    counts = {v["count"] for v in out["tools"].values() if not v.get("error")}
    out["agree"] = counts == {str(rows)}
    return out


def table(results):
    """Markdown lines: one row per size and tool."""
    md = ["| products | workbook MB | tool | wall s | peak MB | counted | vs calamine |", "|---:|---:|---|---:|---:|---:|---:|"]
    for res in results:
        cal = res["tools"].get("python-calamine", {}).get("wall")
        for t, v in res["tools"].items():
            if v.get("error"):
                md.append("| %s | %.1f | %s | error: %s | | | |" % (f"{res['rows']:,}", res["mb"], t, v["error"]))
                continue
            ratio = "%.2fx" % (v["wall"] / cal) if cal else ""
            md.append("| %s | %.1f | %s | %.2f | %.0f | %s | %s |" % (
                f"{res['rows']:,}", res["mb"], t, v["wall"], v["peak_mb"], v["count"], ratio))
    return md

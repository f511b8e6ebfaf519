#!/usr/bin/env python3
"""Benchmark: ocop against the sqlite3 and DuckDB CLIs on the same generated CSV files.

    python3 Tools/bench.py [--sizes 10000,100000,1000000] [--runs 3] [--out BENCHMARKS.md]
    make bench BENCH_SIZES=10000 BENCH_ARGS="--runs 1"        # quick: a few seconds
    make bench BENCH_SIZES=100000,1000000,10000000            # with the optional 10M size

For each size it generates bench-data/N/{products,producers}.csv if missing (Tools/gen_dataset.py,
fixed seed; bench-data/ is gitignored), then asks every tool the same questions (QUERIES below;
the texts are in Tools/bench_queries/: suite.ocop, duckdb.sql, sqlite.sql), each tool loading the
CSVs itself in a fresh process, timed whole-process with `/usr/bin/time -f '%e %M'`: runs
alternate between the tools, and the median of --runs is reported. ocop also runs with --timer
(each statement's time inside one warm session, read from stderr), with --timer -e 'products
count' (load time) and on its embedded sample (start-up, --startup-runs times).

Every answer is compared between the tools and with a plain-Python reference for the questions
sqlite3 cannot say (Vietnamese order through ICU's "vi" collator via ctypes, diacritic folding):
at least three voices on every answer. A disagreement prints a diff and the script exits 1; a
tool that fails is reported as "error: ..." and the script goes on, then exits 2. The tables go
to stdout and, as markdown with the machine description and issue 17's targets, to --out.

Then the .xlsx load (Tools/bench_xlsx.py): a workbook made from each of --xlsx-sizes'
products.csv, loaded by ocop, python-calamine and openpyxl (read-only); `--only-xlsx` runs
that part alone and prints its table (BENCHMARKS.md is left as it is).
"""
import argparse
import csv
import ctypes
import ctypes.util
import datetime
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_xlsx  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS_DIR = os.path.join(ROOT, "Tools")
QUERIES_DIR = os.path.join(TOOLS_DIR, "bench_queries")
SUITE_REL = "Tools/bench_queries/suite.ocop"  # run from ROOT, exactly as documented
GEN = os.path.join(TOOLS_DIR, "gen_dataset.py")
DATA_ROOT = os.path.join(ROOT, "bench-data")  # --data-root
OCOP = os.path.join(ROOT, ".build", "release", "ocop")
VENV = os.path.join(ROOT, ".venv")
DUCKDB = os.path.join(VENV, "bin", "duckdb")
DUCKDB_PIN = "duckdb-cli==1.5.6"  # the version TECH-NOTES' anchors were measured with
TIME = "/usr/bin/time"
SEED = 9
TODAY = "2026-11-29"  # ocop's --today; the SQL files say the same date
REFERENCE_VERSION = 2  # bump when reference_answers changes


class Q:
    """One question: how its answer is read and compared, who can say it, its warm target."""

    def __init__(self, label, kind="scalar", ordered=True, sqlite=True, ref=False, target=20,
                 sorted_desc=None, group=""):
        self.label, self.kind, self.ordered = label, kind, ordered
        self.sqlite, self.ref, self.target = sqlite, ref, target
        self.sorted_desc = sorted_desc  # rows must be sorted by this column, descending
        self.group = group              # text sort, join, … (for the targets table)


# Issue 17's extended suite. kind: scalar (one number), rows (a table), pivot (province ×
# stars cross-tab, compared as (province, stars, count)), describe (per field: present,
# missing, distinct, min, max). Unordered answers are compared as multisets.
QUERIES = {
    1: Q("stars >= 4, count", ref=True),
    2: Q("group by province, count, by count desc", "rows", ordered=False, sorted_desc=1, ref=True),
    3: Q("Bắc Kạn and Thực phẩm, count", ref=True),
    4: Q("top 10 by score desc, id", "rows", ref=True),
    5: Q("group by a relation field (join producers, by kind), count", "rows", ordered=False,
         ref=True, target=30, group="join"),
    6: Q("~ 'nghe' (ignoring diacritics), count", sqlite=False, ref=True),
    7: Q("sort by name, select, limit 5", "rows", sqlite=False, ref=True, target=30, group="text sort"),
    8: Q("select, sort by name, limit 5", "rows", sqlite=False, ref=True, target=30, group="text sort"),
    9: Q("sort by name, limit 5, select", "rows", sqlite=False, ref=True, target=30, group="text sort"),
    10: Q("sort by province, score desc, limit 10", "rows", sqlite=False, ref=True, target=30,
          group="text sort"),
    11: Q("certified in 2024 H1, top 10 by score", "rows"),
    12: Q("producers with >= 3 products, count", target=30, group="join"),
    13: Q("group by category: avg and max score", "rows", ordered=False),
    14: Q("name contains 'mật ong', count", sqlite=False, ref=True),
    15: Q("name ~ 'tinh bot nghe', count", sqlite=False, ref=True),
    16: Q("status = expired, count", ),
    17: Q("pivot province by stars", "pivot", ordered=False),
    18: Q("describe products", "describe", ordered=False, target=50),
}
TOOLS = ["ocop", "duckdb", "sqlite3"]
DESCRIBED = ["id", "name", "category", "producer_id", "stars", "score", "certified_on",
             "expires_on", "province", "district", "commune", "price_vnd"]

# Issue 17's targets.
T_WALL_VS_DUCKDB = 0.5
T_MEM_VS_DUCKDB = 0.4
T_STARTUP_MS = 8
T_LOAD_MB_S = 400
T_GROWTH = 1.3
TARGET_ROWS = 1_000_000
BIG_ROWS = 10_000_000


class ToolError(Exception):
    pass


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------------------
# Set-up: /usr/bin/time, DuckDB CLI, datasets
# ------------------------------------------------------------------------------------------

def ensure_time():
    if os.access(TIME, os.X_OK):
        return
    log("installing the 'time' package (apt) for /usr/bin/time…")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run(sudo + ["apt-get", "update", "-qq"], check=False)
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "time"], check=False,
                   stdout=subprocess.DEVNULL)
    if not os.access(TIME, os.X_OK):
        sys.exit("error: /usr/bin/time is missing and could not be installed (apt-get install time)")


def ensure_duckdb():
    """The DuckDB CLI from PyPI (duckdb-cli) in ROOT/.venv. Returns an error text or None."""
    if os.access(DUCKDB, os.X_OK):
        return None
    try:
        if not os.access(os.path.join(VENV, "bin", "pip"), os.X_OK):
            log("creating %s…" % VENV)
            subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        log("installing %s into .venv…" % DUCKDB_PIN)
        pip = [os.path.join(VENV, "bin", "pip"), "install", "-q", "--disable-pip-version-check"]
        r = subprocess.run(pip + [DUCKDB_PIN])
        if r.returncode != 0:
            subprocess.run(pip + ["duckdb-cli"], check=True)
    except (subprocess.CalledProcessError, OSError) as e:
        return "could not install duckdb-cli into .venv: %s" % e
    return None if os.access(DUCKDB, os.X_OK) else "duckdb-cli installed no .venv/bin/duckdb"


def file_sha1(path):
    with open(path, "rb") as f:
        return hashlib.sha1(f.read()).hexdigest()


def ensure_dataset(rows):
    d = os.path.join(DATA_ROOT, str(rows))
    stamp_path = os.path.join(d, ".stamp")
    stamp = "rows=%d seed=%d gen=%s\n" % (rows, SEED, file_sha1(GEN))
    files = [os.path.join(d, "products.csv"), os.path.join(d, "producers.csv")]
    if all(os.path.exists(f) for f in files) and os.path.exists(stamp_path):
        with open(stamp_path) as f:
            if f.read() == stamp:
                return d
    for stale in (stamp_path, os.path.join(d, "reference.json")):
        if os.path.exists(stale):
            os.remove(stale)
    log("generating %s rows into %s…" % (f"{rows:,}", os.path.relpath(d, ROOT)))
    t = time.perf_counter()
    subprocess.run([sys.executable, GEN, d, "--rows", str(rows), "--seed", str(SEED)], check=True)
    log("  done in %.1f s" % (time.perf_counter() - t))
    with open(stamp_path, "w") as f:  # last: an interrupted generation is redone
        f.write(stamp)
    return d


# ------------------------------------------------------------------------------------------
# Running a process under /usr/bin/time
# ------------------------------------------------------------------------------------------

def measure(cmd, stdin_path=None, timeout=900, cwd=ROOT):
    """Run cmd under /usr/bin/time. Returns dict(rc, out, err, wall, peak_kb, wall_pc)."""
    fd, tfile = tempfile.mkstemp(prefix="bench-time-")
    os.close(fd)
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        t0 = time.perf_counter()
        try:
            p = subprocess.run([TIME, "-f", "%e %M", "-o", tfile] + cmd, stdin=stdin, cwd=cwd,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout,
                               start_new_session=True)
        except subprocess.TimeoutExpired as e:
            raise ToolError("timed out after %d s" % timeout) from e
        except OSError as e:
            raise ToolError(str(e)) from e
        wall_pc = time.perf_counter() - t0
        with open(tfile) as f:
            tl = [l for l in f.read().splitlines() if l.strip()]
    finally:
        if stdin_path:
            stdin.close()
        os.remove(tfile)
    wall = peak = None
    if tl:
        m = re.match(r"^\s*([0-9.]+)\s+([0-9]+)\s*$", tl[-1])
        if m:
            wall, peak = float(m.group(1)), int(m.group(2))
    return {"rc": p.returncode, "out": p.stdout.decode("utf-8", "replace"),
            "err": p.stderr.decode("utf-8", "replace"), "wall": wall, "peak_kb": peak,
            "wall_pc": wall_pc}


def check_rc(r, what):
    if r["rc"] != 0:
        err = r["err"].strip().splitlines()
        tail = " | ".join(err[-3:]) if err else "(no stderr)"
        raise ToolError("%s exited %d: %s" % (what, r["rc"], tail[:300]))


# ------------------------------------------------------------------------------------------
# Reading answers: every answer becomes a canonical value (an int, or a list of row tuples
# whose cells are floats or NFC text)
# ------------------------------------------------------------------------------------------

NUM_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
MARKER_RE = re.compile(r"^##(Q(\d+)|END)\s*$")
TIMER_RE = re.compile(r"^Run Time(?: \(s\))?: real ([0-9.]+)")


def cell(s):
    s = s.strip()
    return float(s) if NUM_RE.match(s) else unicodedata.normalize("NFC", s)


def csv_lines(lines):
    return [[c for c in row] for row in csv.reader([l for l in lines if l.strip()])]


def scalar(rows, q):
    for r in rows:
        if len(r) == 1 and NUM_RE.match(r[0].strip()):
            v = float(r[0])
            if not v.is_integer():
                raise ValueError("question %d: not a whole number: %r" % (q, r[0]))
            return int(v)
    raise ValueError("question %d: no number in %r" % (q, rows[:4]))


def table(rows):
    return [tuple(cell(c) for c in r) for r in rows]


def split_sections(out):
    """{question: [lines]} from output marked ##Qn … ##END; lines before ##Q1 under 'load'."""
    sections, cur = {"load": []}, "load"
    for line in out.splitlines():
        m = MARKER_RE.match(line.strip())
        if m:
            cur = int(m.group(2)) if m.group(2) else "end"
            sections[cur] = []
            continue
        sections.setdefault(cur, []).append(line)
    return sections


def parse_sql_output(out, tool):
    """(answers, .timer ms per question and 'load') from a CLI's marked output."""
    answers, times = {}, {}
    for key, lines in split_sections(out).items():
        ms = [float(m.group(1)) * 1000 for m in (TIMER_RE.match(l) for l in lines) if m]
        if key == "end":
            continue
        times[key] = sum(ms) if ms else None
        if key == "load":
            continue
        body = csv_lines([l for l in lines if not TIMER_RE.match(l)])
        try:
            answers[key] = scalar(body, key) if QUERIES[key].kind == "scalar" else table(body)
        except (ValueError, KeyError) as e:
            raise ToolError("%s: %s" % (tool, e))
    expected = [q for q, spec in QUERIES.items() if tool != "sqlite3" or spec.sqlite]
    missing = [q for q in expected if q not in answers]
    if missing:
        raise ToolError("no answer for question %s in output: %s" % (missing, out[:300]))
    return answers, times


def ocop_pivot(rows):
    """ocop's `pivot province by stars` (header province,3,4,5,total) as (province, stars, n)."""
    header, out = rows[0], []
    for r in rows[1:]:
        for h, v in zip(header[1:], r[1:]):
            if h.strip() != "total" and float(v) != 0:
                out.append((cell(r[0]), float(h), float(v)))
    return sorted(out, key=sort_key)


def ocop_describe(rows):
    """`describe products` in csv: (field, present, missing, distinct, min, max) of the file's
    fields; the range column (`50–100`, `2019-01-01 – 2026-10-28`) for numbers and dates."""
    start = next(i for i, r in enumerate(rows) if r and r[0] == "field")
    h = rows[start]
    ix = {name: h.index(name) for name in ("field", "type", "present", "missing", "distinct")}
    rng = next(i for i, name in enumerate(h) if name.startswith("range"))
    out = []
    for r in rows[start + 1:]:
        if len(r) <= rng or r[ix["field"]] not in DESCRIBED:
            continue
        lo = hi = ""
        if r[ix["type"]] in ("integer", "decimal", "date"):
            parts = [p.strip() for p in re.split(r"\s*–\s*", r[rng])]
            if len(parts) == 2:
                lo, hi = parts
        out.append((r[ix["field"]], float(r[ix["present"]]), float(r[ix["missing"]]),
                    float(r[ix["distinct"]]), cell(lo), cell(hi)))
    return out


def parse_ocop_output(out):
    """Answers from `ocop --format csv run suite.ocop` (its print "##Qn" lines mark them)."""
    answers = {}
    for key, lines in split_sections(out).items():
        if not isinstance(key, int):
            continue
        rows = csv_lines(lines)
        kind = QUERIES[key].kind
        try:
            if kind == "scalar":
                answers[key] = scalar(rows, key)
            elif kind == "rows":
                answers[key] = table(rows[1:])  # csv output has a header line
            elif kind == "pivot":
                answers[key] = ocop_pivot(rows)
            else:
                answers[key] = ocop_describe(rows)
        except (ValueError, IndexError, StopIteration) as e:
            raise ToolError("could not read ocop's answer to question %d (%s); it begins:\n      %s"
                            % (key, e, "\n      ".join(lines[:8])))
    missing = [q for q in QUERIES if q not in answers]
    if missing:
        raise ToolError("ocop gave no answer for question %s; output begins: %s" % (missing, out[:300]))
    return answers


MS_RE = re.compile(r"([0-9]+(?:\.[0-9]+)?) ?(ms|µs|us)\b")


def suite_statements():
    """[question or None] for each statement of suite.ocop, in order (prints are None)."""
    out, pending = [], None
    with open(os.path.join(ROOT, SUITE_REL), encoding="utf-8") as f:
        for line in f:
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            m = re.match(r'^print "##Q(\d+)"$', s)
            out.append(None)
            if m:
                pending = int(m.group(1))
                continue
            if s.startswith("print "):
                continue
            out[-1], pending = pending, None
    return out


def parse_timer(err):
    """(load ms or None, [per-statement ms]) from ocop's --timer lines on stderr."""
    load, stmts = None, []
    for line in err.splitlines():
        m = MS_RE.search(line)
        if not m:
            continue
        v = float(m.group(1)) / (1000.0 if m.group(2) != "ms" else 1.0)
        low = line.lower()
        if "load" in low:
            load = v if load is None else load + v
        elif "total" in low:
            continue
        else:
            stmts.append(v)
    return load, stmts


def suite_ocop_texts():
    """{question: ocop statement} from suite.ocop."""
    texts, pending = {}, None
    with open(os.path.join(ROOT, SUITE_REL), encoding="utf-8") as f:
        for line in f:
            s = line.strip()
            m = re.match(r'^print "##Q(\d+)"$', s)
            if m:
                pending = int(m.group(1))
            elif s and not s.startswith("#") and pending is not None:
                texts[pending], pending = s, None
    return texts


def suite_sql_texts(name):
    """{question: SQL} from duckdb.sql or sqlite.sql (comments and dot-commands left out)."""
    texts, cur = {}, None
    with open(os.path.join(QUERIES_DIR, name), encoding="utf-8") as f:
        for l in f:
            m = re.match(r"^\.print ##(Q(\d+)|END)", l)
            if m:
                cur = int(m.group(2)) if m.group(2) else None
                continue
            if cur and not l.startswith(("--", ".")) and l.strip():
                texts[cur] = (texts.get(cur, "") + " " + l.strip()).strip()
    return texts


# ------------------------------------------------------------------------------------------
# Reference answers computed in plain Python (with ICU's collator through ctypes)
# ------------------------------------------------------------------------------------------

def fold(s):
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


class ICUCollator:
    """ICU's Vietnamese collator (numeric: digit runs compare as numbers, as ocop's do)."""

    def __init__(self):
        path = ctypes.util.find_library("icui18n")
        if not path:
            raise OSError("libicui18n not found (apt-get install libicu-dev)")
        lib = ctypes.CDLL(path)
        m = re.search(r"\.so\.(\d+)", path)
        names = ["ucol_open"] + (["ucol_open_" + m.group(1)] if m else [])
        suffix = None
        for n in names:
            if hasattr(lib, n):
                suffix = n[len("ucol_open"):]
        if suffix is None:
            for v in range(80, 50, -1):
                if hasattr(lib, "ucol_open_%d" % v):
                    suffix = "_%d" % v
                    break
        if suffix is None:
            raise OSError("no ucol_open in %s" % path)
        f = lambda n: getattr(lib, n + suffix)
        self.open = f("ucol_open")
        self.open.restype, self.open.argtypes = ctypes.c_void_p, [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
        self.set_attr = f("ucol_setAttribute")
        self.set_attr.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.POINTER(ctypes.c_int)]
        self.sort_key = f("ucol_getSortKey")
        self.sort_key.restype = ctypes.c_int32
        self.sort_key.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int32, ctypes.c_char_p, ctypes.c_int32]
        err = ctypes.c_int(0)
        self.coll = self.open(b"vi", ctypes.byref(err))
        if err.value > 0 or not self.coll:
            raise OSError("ucol_open(vi) failed: %d" % err.value)
        self.set_attr(self.coll, 7, 17, ctypes.byref(err))  # UCOL_NUMERIC_COLLATION = UCOL_ON
        self.buf = ctypes.create_string_buffer(1024)

    def key(self, s):
        u = s.encode("utf-16-le")
        n = self.sort_key(self.coll, u, len(u) // 2, self.buf, 1024)
        if n > 1024:
            big = ctypes.create_string_buffer(n)
            n = self.sort_key(self.coll, u, len(u) // 2, big, n)
            return big.raw[:n]
        return self.buf.raw[:n]


def sort_key(row):
    return tuple((0, c) if isinstance(c, str) else (1, round(c, 3)) for c in row)


def reference_answers(d, rows):
    """The answers Python can give for QUERIES with ref=True, cached in reference.json."""
    path = os.path.join(d, "reference.json")
    st = [os.stat(os.path.join(d, f)) for f in ("products.csv", "producers.csv")]
    key = [REFERENCE_VERSION] + [[s.st_size, int(s.st_mtime)] for s in st]
    if os.path.exists(path):
        with open(path) as f:
            cached = json.load(f)
        if cached.get("key") == key:
            a = cached["answers"]
            return {(int(k) if k.isdigit() else k): (v if not isinstance(v, list) else [tuple(x) for x in v])
                    for k, v in a.items()}
    log("computing reference answers for %s in Python…" % os.path.relpath(d, ROOT))
    notes = []
    try:
        icu = ICUCollator()
    except OSError as e:
        icu = None
        notes.append("no ICU collator (%s): questions 7-10 have no Python reference" % e)
    kinds = {}
    with open(os.path.join(d, "producers.csv"), encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        h = next(r)
        i_id, i_kind = h.index("id"), h.index("kind")
        for row in r:
            kinds[row[i_id].strip()] = unicodedata.normalize("NFC", row[i_kind])
    q1 = q3 = q6 = q6_nodd = q14 = q15 = 0
    prov, kind_counts, scores, names, by_prov = {}, {}, [], [], []
    with open(os.path.join(d, "products.csv"), encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        h = next(r)
        ix = {c: h.index(c) for c in ("id", "name", "category", "producer_id", "stars", "score", "province")}
        for row in r:
            stars = int(row[ix["stars"]])
            p = unicodedata.normalize("NFC", row[ix["province"]])
            pid = row[ix["id"]].strip()
            name = unicodedata.normalize("NFC", row[ix["name"]])
            score = float(row[ix["score"]])
            if stars >= 4:
                q1 += 1
            prov[p] = prov.get(p, 0) + 1
            if p == "Bắc Kạn" and unicodedata.normalize("NFC", row[ix["category"]]) == "Thực phẩm":
                q3 += 1
            scores.append((-score, pid))
            k = kinds.get(row[ix["producer_id"]].strip())
            if k is not None:
                kind_counts[k] = kind_counts.get(k, 0) + 1
            fn = fold(name)
            if "nghe" in fn:
                q6 += 1
                if "nghe" in fold(name.replace("đ", "\0").replace("Đ", "\0")):
                    q6_nodd += 1
            if "mat ong" in fn:
                q14 += 1
            if all(w in fn for w in ("tinh", "bot", "nghe")):
                q15 += 1
            if icu:
                names.append((icu.key(name), pid, name))
                by_prov.append((p, -score, pid))
    scores.sort()
    answers = {1: q1, 2: sorted((k, float(v)) for k, v in prov.items()), 3: q3,
               4: [(i, -s) for s, i in scores[:10]],
               5: sorted((k, float(v)) for k, v in kind_counts.items()), 6: q6,
               14: q14, 15: q15, "q6_nodd": q6_nodd, "notes": notes}
    if icu:
        names.sort(key=lambda t: (t[0], t[1]))
        top = [(pid, name) for _, pid, name in names[:5]]
        answers[7] = answers[8] = answers[9] = top
        pkeys = {p: icu.key(p) for p in prov}
        by_prov.sort(key=lambda t: (pkeys[t[0]], t[1], t[2]))
        answers[10] = [(pid, p, -s) for p, s, pid in by_prov[:10]]
    with open(path, "w") as f:
        json.dump({"key": key, "answers": {str(k): v for k, v in answers.items()}}, f,
                  ensure_ascii=False)
    return answers


# ------------------------------------------------------------------------------------------
# Comparing answers
# ------------------------------------------------------------------------------------------

def fmt_cell(v):
    if isinstance(v, float):
        return ("%.6f" % v).rstrip("0").rstrip(".")
    return str(v)


def fmt_row(r):
    return "(" + ", ".join(fmt_cell(c) for c in r) + ")" if isinstance(r, tuple) else fmt_cell(r)


def cells_equal(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))
    return a == b


def rows_equal(x, y):
    return len(x) == len(y) and all(cells_equal(a, b) for a, b in zip(x, y))


def diff_answers(q, a, b, na, nb):
    """None when equal, else a readable diff. a and b are canonical answers."""
    if isinstance(a, int) or isinstance(b, int):
        return None if a == b else "%s says %s, %s says %s" % (na, a, nb, b)
    if not QUERIES[q].ordered:
        a, b = sorted(a, key=sort_key), sorted(b, key=sort_key)
    if len(a) == len(b) and all(rows_equal(x, y) for x, y in zip(a, b)):
        return None
    lines = ["%s has %d rows, %s has %d" % (na, len(a), nb, len(b))] if len(a) != len(b) else []
    shown = 0
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else None
        y = b[i] if i < len(b) else None
        if x is not None and y is not None and rows_equal(x, y):
            continue
        lines.append("≠ row %d: %s | %s" % (i + 1, fmt_row(x) if x else "—", fmt_row(y) if y else "—"))
        shown += 1
        if shown >= 8:
            lines.append("…")
            break
    return "differs (%s | %s):\n      " % (na, nb) + "\n      ".join(lines)


def order_problem(q, a):
    """A question whose rows must be sorted on a column, descending."""
    c = QUERIES[q].sorted_desc
    if c is None or isinstance(a, int):
        return None
    for i in range(1, len(a)):
        if a[i][c] > a[i - 1][c]:
            return "not sorted by column %d desc at row %d (%s after %s)" % (
                c + 1, i + 1, fmt_row(a[i]), fmt_row(a[i - 1]))
    return None


def compare(res, args):
    tools = res["tools"]
    ref = None
    if not args.no_reference:
        ref = reference_answers(res["dir"], res["rows"])
        res["notes"] += ref.get("notes", [])
        if ref.get("q6_nodd") is not None and ref["q6_nodd"] != ref.get(6):
            res["notes"].append("question 6: %d names match only when đ folds to d; DuckDB misses them"
                                % (ref[6] - ref["q6_nodd"]))
    have = {t: v["answers"] for t, v in tools.items() if v["answers"] is not None}
    if ref is not None:
        have["python"] = {q: v for q, v in ref.items() if isinstance(q, int)}
    # DuckDB's strip_accents leaves đ as it is: compare its question 6 only where that cannot
    # matter (the reference counts both ways); ocop is then still checked against Python.
    duck_q6_ok = ref is None or ref.get("q6_nodd") is None or ref["q6_nodd"] == ref.get(6)
    voices = {}
    for q in QUERIES:
        for t, a in have.items():
            if q in a and t != "python":  # the reference's rows are in no particular order
                p = order_problem(q, a[q])
                if p:
                    res["mismatches"].append("question %d, %s: %s" % (q, t, p))
        said = [t for t in have if q in have[t] and not (q == 6 and t == "duckdb" and not duck_q6_ok)]
        voices[q] = said
        for i, x in enumerate(said):
            for y in said[i + 1:]:
                dif = diff_answers(q, have[x][q], have[y][q], x, y)
                if dif:
                    res["mismatches"].append("question %d (%s), %s vs %s: %s" % (q, QUERIES[q].label, x, y, dif))
    res["voices"] = voices


# ------------------------------------------------------------------------------------------
# One size
# ------------------------------------------------------------------------------------------

def render_sql(template, d, out_path):
    with open(os.path.join(QUERIES_DIR, template), encoding="utf-8") as f:
        text = f.read().replace("@DATA@", d)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(text)
    return out_path


def run_size(rows, args, duckdb_error):
    d = ensure_dataset(rows)
    mb = sum(os.path.getsize(os.path.join(d, f)) for f in ("products.csv", "producers.csv")) / 1e6
    res = {"rows": rows, "dir": d, "csv_mb": mb,
           "tools": {t: {"runs": [], "answers": None, "error": None, "qms": [], "load": []}
                     for t in args.tools},
           "mismatches": [], "notes": []}
    scripts = {"sqlite3": render_sql("sqlite.sql", d, os.path.join(d, "sqlite.sql")),
               "duckdb": render_sql("duckdb.sql", d, os.path.join(d, "duckdb.sql"))}
    ocop_base = [OCOP, "--data", d, "--today", TODAY, "--format", "csv"]
    cmds = {"sqlite3": (["sqlite3", "-batch", ":memory:"], scripts["sqlite3"]),
            "duckdb": ([DUCKDB, "-batch"], scripts["duckdb"]),
            "ocop": (ocop_base + ["run", SUITE_REL], None)}
    if "duckdb" in res["tools"] and duckdb_error:
        res["tools"]["duckdb"]["error"] = duckdb_error
    if "ocop" in res["tools"] and not os.access(OCOP, os.X_OK):
        res["tools"]["ocop"]["error"] = "%s not found (run `make build`)" % os.path.relpath(OCOP, ROOT)
    if "sqlite3" in res["tools"] and not shutil.which("sqlite3"):
        res["tools"]["sqlite3"]["error"] = "sqlite3 not on PATH (apt-get install sqlite3)"
    statements = suite_statements()

    for run in range(args.runs):
        for tool in args.tools:
            t = res["tools"][tool]
            if t["error"]:
                continue
            cmd, stdin = cmds[tool]
            log("  %s rows, run %d/%d: %s…" % (f"{rows:,}", run + 1, args.runs, tool))
            try:
                r = measure(cmd, stdin, args.timeout)
                check_rc(r, tool)
                if tool == "ocop":
                    answers, times = parse_ocop_output(r["out"]), {}
                else:
                    answers, times = parse_sql_output(r["out"], tool)
                if r["wall"] is None:
                    raise ToolError("no measurement from /usr/bin/time")
            except ToolError as e:
                t["error"] = str(e)
                continue
            if t["answers"] is None:
                t["answers"] = answers
            elif answers != t["answers"]:
                msg = "%s: answers changed between runs" % tool
                if msg not in res["mismatches"]:
                    res["mismatches"].append(msg)
            t["runs"].append({"wall": r["wall"], "peak_kb": r["peak_kb"], "wall_pc": r["wall_pc"]})
            if tool != "ocop":
                t["qms"].append({q: times.get(q) for q in QUERIES})
                if times.get("load") is not None:
                    t["load"].append(times["load"])
                continue
            # ocop extras: per-statement times in one warm session, and the load time
            try:
                rt = measure(ocop_base + ["--timer", "run", SUITE_REL], None, args.timeout)
                check_rc(rt, "ocop --timer run")
                load, stmts = parse_timer(rt["err"])
                if len(stmts) == len(statements):
                    t["qms"].append({q: ms for q, ms in zip(statements, stmts) if q is not None})
                elif run == 0:
                    res["notes"].append("ocop --timer printed %d statement times (expected %d): %r"
                                        % (len(stmts), len(statements), rt["err"].strip()[:200]))
                rl = measure([OCOP, "--data", d, "--timer", "-e", "products count"], None, args.timeout)
                check_rc(rl, "ocop --timer -e 'products count'")
                load2, _ = parse_timer(rl["err"])
                if load2 is None:
                    load2 = load
                if load2 is not None:
                    t["load"].append(load2)
                elif run == 0:
                    res["notes"].append("ocop --timer printed no `load: … ms` line")
            except ToolError as e:
                if run == 0:
                    res["notes"].append("ocop timer: %s" % e)

    compare(res, args)
    return res


# ------------------------------------------------------------------------------------------
# Reporting
# ------------------------------------------------------------------------------------------

def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def summarise(res):
    s = {}
    for tool, t in res["tools"].items():
        if not t["runs"]:
            s[tool] = {"error": t["error"] or "no successful run"}
            continue
        qms = {q: med([r.get(q) for r in t["qms"]]) for q in QUERIES}
        s[tool] = {"wall": med([r["wall"] for r in t["runs"]]),
                   "wall_pc": med([r["wall_pc"] for r in t["runs"]]),
                   "peak_mb": med([r["peak_kb"] for r in t["runs"]]) / 1024.0,
                   "load": med(t["load"]), "qms": qms, "n": len(t["runs"]),
                   "error": t["error"]}
    return s


def f_s(v):
    return "–" if v is None else "%.2f" % v


def f_mb(v):
    return "–" if v is None else "%.0f" % v if v >= 10 else "%.1f" % v


def f_ms(v):
    if v is None:
        return "–"
    return "%.0f" % v if v >= 100 else "%.1f" % v if v >= 1 else "%.2f" % v


def f_ratio(a, b):
    return "–" if a is None or b is None or b == 0 else "%.2f×" % (a / b)


def size_tables(res):
    """The whole-process table, the per-question table (questions as rows) and ratio lines."""
    s = summarise(res)
    whole_h = ["tool", "wall s", "peak MB", "load ms", "load MB/s"]
    whole = []
    for tool in res["tools"]:
        v = s[tool]
        if "wall" not in v:
            whole.append([tool, "error: " + v["error"]] + [""] * (len(whole_h) - 2))
            continue
        rate = res["csv_mb"] / (v["load"] / 1000.0) if v["load"] else None
        whole.append([tool, f_s(v["wall"]), f_mb(v["peak_mb"]), f_ms(v["load"]),
                      "–" if rate is None else "%.0f" % rate])
    qh = ["#", "question"] + ["%s ms" % t for t in res["tools"]] + ["agreed by"]
    qrows = []
    for q, spec in QUERIES.items():
        row = [str(q), spec.label]
        for tool in res["tools"]:
            v = s[tool]
            if "qms" not in v:
                row.append("–")
            elif tool == "sqlite3" and not spec.sqlite:
                row.append("n/a")
            elif tool != "ocop" and v["qms"][q] is not None and v["qms"][q] < 1:
                row.append("<1")  # the CLIs' .timer has 1 ms steps
            else:
                row.append(f_ms(v["qms"][q]))
        row.append(", ".join(res.get("voices", {}).get(q, [])) or "–")
        qrows.append(row)
    ratios = []
    o = s.get("ocop", {})
    for other in ("duckdb", "sqlite3"):
        x = s.get(other, {})
        if "wall" in o and "wall" in x:
            ratios.append("ocop/%s: time %s, memory %s" % (
                other, f_ratio(o["wall"], x["wall"]), f_ratio(o["peak_mb"], x["peak_mb"])))
    return s, (whole_h, whole), (qh, qrows), ratios


def verdict(ok):
    return "met" if ok else "missed"


def targets(results, startup, xlsx=None):
    """[(target, measured, verdict)] for issue 17's targets."""
    out = []
    big = next((r for r in results if r["rows"] == TARGET_ROWS), None)
    if big is None:
        out.append(("1M-row targets", "1,000,000 rows not in --sizes", "not measured"))
    else:
        s = summarise(big)
        o, dk = s.get("ocop", {}), s.get("duckdb", {})

        def ratio_target(label, a, b, limit):
            if a is None or b is None:
                out.append((label, "–", "not measured"))
            else:
                out.append((label, "%.2f× (%s vs %s)" % (a / b, fmt_cell(round(a, 2)), fmt_cell(round(b, 2))),
                            verdict(a / b <= limit)))
        ratio_target("1M whole process, load + suite: time ≤ %.1f× DuckDB" % T_WALL_VS_DUCKDB,
                     o.get("wall"), dk.get("wall"), T_WALL_VS_DUCKDB)
        ratio_target("1M whole process: peak memory ≤ %.1f× DuckDB" % T_MEM_VS_DUCKDB,
                     o.get("peak_mb"), dk.get("peak_mb"), T_MEM_VS_DUCKDB)
        for q, spec in QUERIES.items():
            v = o.get("qms", {}).get(q) if "qms" in o else None
            label = "1M warm: Q%d %s ≤ %d ms" % (q, spec.label, spec.target)
            if v is None:
                out.append((label, "–", "not measured"))
            else:
                out.append((label, "%s ms" % f_ms(v), verdict(v <= spec.target)))
        if o.get("load"):
            rate = big["csv_mb"] / (o["load"] / 1000.0)
            out.append(("1M load throughput ≥ %d MB/s of CSV" % T_LOAD_MB_S,
                        "%.0f MB/s (%.0f MB in %s ms)" % (rate, big["csv_mb"], f_ms(o["load"])),
                        verdict(rate >= T_LOAD_MB_S)))
    if startup is None or startup.get("error"):
        out.append(("start-up `ocop -e 'products count'` ≤ %d ms" % T_STARTUP_MS,
                    "error: %s" % startup["error"] if startup else "–", "not measured"))
    else:
        out.append(("start-up `ocop -e 'products count'` ≤ %d ms" % T_STARTUP_MS,
                    "%s ms (median of %d; fastest %s ms)" % (f_ms(startup["ms"]), startup["n"], f_ms(startup["min"])),
                    verdict(startup["ms"] <= T_STARTUP_MS)))
    # the largest workbook both ocop and python-calamine loaded (Tools/bench_xlsx.py's results)
    pairs = [(r["rows"], r["tools"].get("ocop", {}), r["tools"].get("python-calamine", {})) for r in (xlsx or [])]
    pairs = [(n, o, c) for n, o, c in pairs if o.get("wall") and c.get("wall")]
    if pairs:
        n, o, c = max(pairs, key=lambda p: p[0])
        out.append((".xlsx load faster than python-calamine (%s rows)" % f"{n:,}",
                    "%.2f s vs %.2f s (%.2fx)" % (o["wall"], c["wall"], o["wall"] / c["wall"]),
                    verdict(o["wall"] < c["wall"])))
    else:
        out.append((".xlsx load faster than python-calamine", "not in this run (--xlsx-sizes)", "not measured"))
    # Growth: cost per row from 1M to 10M, load and every question; memory against DuckDB at 10M.
    by = {r["rows"]: summarise(r) for r in results}
    a, b = by.get(TARGET_ROWS, {}).get("ocop", {}), by.get(BIG_ROWS, {}).get("ocop", {})
    if "wall" in a and "wall" in b:
        grow = BIG_ROWS / TARGET_ROWS
        worst = []
        for label, x, y in [("load", a.get("load"), b.get("load"))] + \
                [("Q%d" % q, a["qms"].get(q), b["qms"].get(q)) for q in QUERIES]:
            if x and y:
                worst.append(((y / x) / grow, label))
        worst.sort(reverse=True)
        over = [l for f, l in worst if f > T_GROWTH]
        out.append(("growth 1M → 10M: cost per row ≤ %.1f× for load and every question" % T_GROWTH,
                    "worst %s %.2f×%s" % (worst[0][1], worst[0][0], "; over: " + ", ".join(over) if over else "")
                    if worst else "–", verdict(not over) if worst else "not measured"))
        dk = by[BIG_ROWS].get("duckdb", {})
        if "peak_mb" in dk:
            r = b["peak_mb"] / dk["peak_mb"]
            out.append(("10M peak memory ≤ %.1f× DuckDB" % T_MEM_VS_DUCKDB, "%.2f×" % r, verdict(r <= T_MEM_VS_DUCKDB)))
    else:
        out.append(("growth 1M → 10M", "10,000,000 rows not in BENCH_SIZES", "not measured"))
    return out


def text_table(header, rows, error_rows=False, left=False):
    """Aligned columns; with error_rows, a row whose second cell is "error: …" spans the rest."""
    def spans(r):
        return error_rows and str(r[1]).startswith("error")
    w = [max(len(str(r[i])) for r in [header] + rows if i < len(r) and not (i == 1 and spans(r)))
         for i in range(len(header))]
    def cell(c, i):
        return str(c).ljust(w[i]) if i == 0 or left else str(c).rjust(w[i])
    lines = ["  ".join(cell(h, i) for i, h in enumerate(header)).rstrip()]
    for r in rows:
        if spans(r):
            lines.append(str(r[0]).ljust(w[0]) + "  " + r[1])
        else:
            lines.append("  ".join(cell(c, i) for i, c in enumerate(r)).rstrip())
    return "\n".join(lines)


def md_table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|"]
    for r in rows:
        if str(r[1]).startswith("error"):
            out.append("| %s | %s |" % (r[0], r[1].replace("|", "\\|").replace("\n", " ")) + " |" * (len(header) - 2))
        else:
            out.append("| " + " | ".join(str(c) for c in r) + " |")
    return "\n".join(out)


def cmd_output(cmd):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)
        lines = p.stdout.decode("utf-8", "replace").strip().splitlines()
        return lines[0].strip() if p.returncode == 0 and lines else None
    except (OSError, subprocess.TimeoutExpired):
        return None


def machine_info():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for l in f:
                if l.startswith("model name"):
                    cpu = l.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "unknown"
    try:
        with open("/proc/meminfo") as f:
            for l in f:
                if l.startswith("MemTotal"):
                    mem = "%.1f GiB" % (int(l.split()[1]) / 1024 / 1024)
    except OSError:
        pass
    swift = cmd_output(["swift", "--version"])
    commit = cmd_output(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"])
    dirty = cmd_output(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"])
    return [
        ("date", datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
        ("cores (nproc)", str(os.cpu_count())),
        ("CPU", cpu),
        ("memory", mem),
        ("OS", platform.platform()),
        ("load average (1, 5, 15 min)", "%.2f, %.2f, %.2f" % os.getloadavg()),
        ("swift", swift or "not found"),
        # `ocop --version` already names its commit; the checkout's is added only when it says more
        ("ocop", (OCOP_VERSION or "version unknown") + (" (checkout %s%s)" % (commit, ", uncommitted changes" if dirty else "")
                                                         if commit and (dirty or commit not in (OCOP_VERSION or "")) else "")),
        ("sqlite3", (cmd_output(["sqlite3", "--version"]) or "not found")[:40]),
        ("DuckDB CLI", cmd_output([DUCKDB, "--version"]) or "not installed"),
        ("python", platform.python_version()),
    ]


OCOP_VERSION = None


def measure_startup(args):
    """`ocop -e 'products count'` on the embedded sample: whole-process ms (median, fastest)."""
    if not os.access(OCOP, os.X_OK):
        return {"error": "%s not found" % os.path.relpath(OCOP, ROOT)}
    walls = []
    try:
        for _ in range(max(1, args.startup_runs)):
            t0 = time.perf_counter()
            p = subprocess.run([OCOP, "-e", "products count"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=60, cwd=ROOT)
            walls.append((time.perf_counter() - t0) * 1000)
            if p.returncode != 0:
                return {"error": "exited %d: %s" % (p.returncode,
                                                   p.stderr.decode("utf-8", "replace").strip()[:200])}
        answer = p.stdout.decode("utf-8", "replace").strip()
        if not re.search(r"\d", answer):
            return {"error": "`ocop -e 'products count'` printed no number: %r" % answer[:60]}
        r = measure([OCOP, "-e", "products count"], None, 60)
        check_rc(r, "ocop -e")
    except (OSError, subprocess.TimeoutExpired, ToolError) as e:
        return {"error": str(e)}
    return {"ms": statistics.median(walls), "min": min(walls), "n": len(walls),
            "peak_mb": r["peak_kb"] / 1024.0 if r["peak_kb"] else None,
            "answer": answer[:40]}


def xlsx_report(xlsx):
    """The .xlsx load section: markdown lines (also printed)."""
    if not xlsx:
        return []
    md = ["## Loading an .xlsx workbook", "",
          "Whole-process wall time and peak memory (median of the runs) of loading "
          "bench-data/N/products.xlsx (Tools/bench_xlsx.py: the products.csv above written by "
          "xlsxwriter with typed cells): `ocop --data … -e 'products count'` (which also types "
          "the columns, resolves the 2025 units and links), python-calamine's `to_python()` of "
          "the sheet, and openpyxl's read-only rows. Goal (issue 15): faster than calamine.", "",
          ] + bench_xlsx.table(xlsx)
    bad = [f"{r['rows']:,}" for r in xlsx if not r["agree"]]
    if bad:
        md += ["", "**The tools counted different products at %s rows.**" % ", ".join(bad)]
    print("\n== .xlsx load ==")
    print("\n".join(md[len(md) - len(bench_xlsx.table(xlsx)) - (3 if bad else 0):]))
    return md + [""]


def report(results, startup, args, xlsx=None):
    """Print the tables; return the markdown text."""
    md = ["# Benchmarks", "",
          "Written by `make bench` (Tools/bench.py): ocop against the sqlite3 and DuckDB CLIs on "
          "the same generated CSV files (Tools/gen_dataset.py, seed %d), every tool loading both "
          "files itself in a fresh process, then answering the questions below (ocop with "
          "`--today %s`). Wall time and peak memory (max RSS) are whole-process figures from "
          "`/usr/bin/time -f '%%e %%M'`, the median of %d run(s), the tools taking turns. "
          "Question times: ocop's own `--timer` (each statement once, in order, inside one warm "
          "session: what a question builds for later ones, such as a column's collation ranks, "
          "is paid by the first that needs it); load from `--timer -e 'products count'`; for "
          "DuckDB and sqlite3 the CLI's `.timer` in the timed run (sqlite3's `.import` is not "
          "timed). sqlite3 has no Vietnamese order or diacritic folding: it is n/a on those "
          "questions, and answers fewer questions in its whole-process time."
          % (SEED, TODAY, args.runs), "", "## Machine", "", "| | |", "|---|---|"]
    for k, v in machine_info():
        md.append("| %s | %s |" % (k, v.replace("|", "\\|")))
    md += ["", "## The suite", "", "| # | question | ocop | DuckDB | sqlite3 |", "|---|---|---|---|---|"]
    ocl, duck, lite = suite_ocop_texts(), suite_sql_texts("duckdb.sql"), suite_sql_texts("sqlite.sql")
    esc = lambda s: s.replace("|", "\\|")
    for q, spec in QUERIES.items():
        md.append("| %d | %s | `%s` | `%s` | %s |" % (
            q, esc(spec.label), esc(ocl.get(q, "")), esc(duck.get(q, "")),
            "`%s`" % esc(lite[q]) if q in lite else "cannot say it"))
    md.append("")

    failed = False
    for res in results:
        s, (wh, wr), (qh, qr), ratios = size_tables(res)
        title = "%s products, %s producers (%.0f MB of CSV)" % (
            f"{res['rows']:,}", f"{max(1, res['rows'] // 2):,}", res["csv_mb"])
        print("\n== %s ==" % title)
        print(text_table(wh, wr, error_rows=True))
        for l in ratios:
            print("  " + l)
        print(text_table(qh, qr, left=True))
        md += ["## %s" % title, "", md_table(wh, wr), ""]
        if ratios:
            md += ["Ratios: " + "; ".join(ratios) + ".", ""]
        md += [md_table(qh, qr), ""]
        for n in res["notes"]:
            print("  note: " + n)
            md.append("- note: " + n)
        if res["mismatches"]:
            failed = True
            print("  ANSWERS DIFFER:")
            md += ["**Answers differ:**", "", "```"]
            for m in res["mismatches"]:
                print("    " + m)
                md.append(m)
            md.append("```")
        else:
            few = [q for q, v in res.get("voices", {}).items() if len(v) < 3]
            line = "answers: every question agreed by the voices named (python: the reference)"
            if few:
                line += "; fewer than three voices on question %s" % ", ".join(map(str, few))
            print("  " + line)
            md.append("- " + line)
        md.append("")

    tg = targets(results, startup, xlsx)
    print("\n== Targets (issue 17) ==")
    print(text_table(["target", "measured", "verdict"], [list(t) for t in tg], left=True))
    md += ["## Targets (issue 17)", "", "| target | measured | verdict |", "|---|---:|---|"]
    md += ["| %s | %s | %s |" % (esc(a), esc(b), c) for a, b, c in tg]
    if startup and not startup.get("error"):
        md += ["", "Start-up is the wall time of `ocop -e 'products count'` on the embedded "
               "sample, measured from Python around the process (it includes Python's fork and "
               "exec, ~1 ms); /usr/bin/time's %e has 10 ms steps."]
    grow_rows = []
    for res in results:
        o = summarise(res).get("ocop", {})
        if "wall" in o:
            grow_rows.append([f"{res['rows']:,}", f_s(o["wall"]), f_mb(o["peak_mb"]), f_ms(o["load"])]
                             + [f_ms(o["qms"].get(q)) for q in QUERIES])
    if grow_rows:
        md += ["", "## How ocop's cost grows", "",
               md_table(["products", "wall s", "peak MB", "load ms"] + ["Q%d" % q for q in QUERIES], grow_rows)]
    md += [""] + xlsx_report(xlsx)
    notes = os.path.join(QUERIES_DIR, "NOTES.md")
    if os.path.exists(notes):
        with open(notes, encoding="utf-8") as f:
            md += ["", f.read().rstrip()]
    md.append("")
    return "\n".join(md), failed


def main(argv=None):
    global OCOP_VERSION, OCOP, DATA_ROOT
    ap = argparse.ArgumentParser(description="ocop vs sqlite3 vs DuckDB on generated OCOP data")
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SIZES") or "10000,100000,1000000",
                    help="comma-separated product counts (default $BENCH_SIZES or 10000,100000,1000000;"
                         " 10000000 is the optional big size)")
    ap.add_argument("--runs", type=int, default=3, help="runs per tool and size; the median is reported")
    ap.add_argument("--startup-runs", type=int, default=30, help="runs of the start-up measurement")
    ap.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"),
                    help="markdown report path (default BENCHMARKS.md; '-' or '' writes none)")
    ap.add_argument("--tools", default=",".join(TOOLS), help="subset of ocop,duckdb,sqlite3")
    ap.add_argument("--ocop", default=OCOP, help="the ocop binary (default .build/release/ocop)")
    ap.add_argument("--timeout", type=int, default=1800, help="seconds allowed for one process")
    ap.add_argument("--data-root", default=DATA_ROOT,
                    help="where the generated datasets are kept (default bench-data/)")
    ap.add_argument("--no-reference", action="store_true",
                    help="skip the plain-Python reference answers")
    ap.add_argument("--xlsx-sizes", default=os.environ.get("BENCH_XLSX_SIZES", ""),
                    help="product counts whose workbook is loaded by ocop, python-calamine and openpyxl"
                         " (default $BENCH_XLSX_SIZES or none; make bench: 20000,1000000)")
    ap.add_argument("--only-xlsx", action="store_true", help="run only the .xlsx load; print its table")
    ap.add_argument("--openpyxl-max", type=int, default=100000,
                    help="above this many rows openpyxl runs once (it takes minutes)")
    args = ap.parse_args(argv)
    try:
        sizes = [int(x.replace("_", "")) for x in args.sizes.split(",") if x.strip()]
    except ValueError:
        ap.error("--sizes: comma-separated integers, e.g. 10000,100000")
    OCOP = os.path.abspath(args.ocop)
    DATA_ROOT = os.path.abspath(args.data_root)
    args.tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    bad = [t for t in args.tools if t not in TOOLS]
    if bad or not args.tools:
        ap.error("--tools: choose from %s" % ",".join(TOOLS))
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    try:
        xlsx_sizes = [int(x.replace("_", "")) for x in args.xlsx_sizes.split(",") if x.strip()]
    except ValueError:
        ap.error("--xlsx-sizes: comma-separated integers, e.g. 20000,1000000")

    ensure_time()
    if args.only_xlsx:
        xlsx = [bench_xlsx.run_size(n, ensure_dataset(n), args, measure, OCOP, TODAY, log) for n in xlsx_sizes]
        xlsx_report(xlsx)
        return 0 if all(r["agree"] for r in xlsx) else 1
    duckdb_error = ensure_duckdb() if "duckdb" in args.tools else None
    if os.access(OCOP, os.X_OK):
        OCOP_VERSION = cmd_output([OCOP, "--version"])
    startup = measure_startup(args) if "ocop" in args.tools and args.startup_runs > 0 else None

    results = []
    for n in sizes:
        results.append(run_size(n, args, duckdb_error))
    xlsx = [bench_xlsx.run_size(n, ensure_dataset(n), args, measure, OCOP, TODAY, log) for n in xlsx_sizes]
    md, failed = report(results, startup, args, xlsx)
    failed = failed or not all(r["agree"] for r in xlsx)
    if args.out and args.out != "-":
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(md)
        print("\nwrote %s" % os.path.relpath(args.out, ROOT) if args.out.startswith(ROOT) else "\nwrote %s" % args.out)
    errors = [t for r in results for t, v in r["tools"].items() if v["error"]]
    if failed:
        print("FAILED: answers differ (see above)", file=sys.stderr)
        return 1
    if errors:
        print("FAILED: %s did not complete (see the table)" % ", ".join(sorted(set(errors))),
              file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

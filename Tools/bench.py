#!/usr/bin/env python3
"""Benchmark: ocop against the sqlite3 and DuckDB CLIs on the same generated CSV files.

    python3 Tools/bench.py [--sizes 10000,100000,1000000] [--runs 3] [--out BENCHMARKS.md]
    make bench BENCH_ARGS="--sizes 10000 --runs 1"        # quick: a few seconds

For each size it generates bench-data/N/{products,producers}.csv if missing (Tools/gen_dataset.py,
fixed seed; bench-data/ is gitignored), then asks every tool the same six questions, each tool
loading the CSVs itself in a fresh process, timed whole-process with `/usr/bin/time -f '%e %M'`
(median of --runs):

  1 count products with stars >= 4            4 top 10 by score desc, then id (id, score)
  2 count by province, by count desc          5 join producers, count by producer kind
  3 Bắc Kạn and Thực phẩm, count               6 Vietnamese-insensitive contains "nghe", count

The questions are in Tools/bench_queries/ (suite.ocop, sqlite.sql, duckdb.sql). ocop also runs
with --timer (per-statement times inside one warm session, read from stderr), with
--timer -e 'products count' (load time), and on its embedded sample (start-up).

Every answer is compared: between the tools, and against a plain-Python reference computed from
the CSV files (cached in bench-data/N/reference.json). A mismatch prints a diff and the script
exits 1; a tool that fails is reported as "error: ..." and the script goes on, then exits 2.
The tables go to stdout and, as markdown with the machine description, to --out.
"""
import argparse
import csv
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

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS_DIR = os.path.join(ROOT, "Tools")
QUERIES_DIR = os.path.join(TOOLS_DIR, "bench_queries")
SUITE_REL = "Tools/bench_queries/suite.ocop"  # run from ROOT, exactly as documented
GEN = os.path.join(TOOLS_DIR, "gen_dataset.py")
DATA_ROOT = os.path.join(ROOT, "bench-data")
OCOP = os.path.join(ROOT, ".build", "release", "ocop")
VENV = os.path.join(ROOT, ".venv")
DUCKDB = os.path.join(VENV, "bin", "duckdb")
DUCKDB_PIN = "duckdb-cli==1.5.6"  # the version TECH-NOTES' anchors were measured with
TIME = "/usr/bin/time"
SEED = 9

QUERIES = {
    1: "stars >= 4, count",
    2: "group by province, count, by count desc",
    3: "Bắc Kạn and Thực phẩm, count",
    4: "top 10 by score desc, id",
    5: "join producers, group by kind, count",
    6: "contains 'nghe' ignoring diacritics, count",
}
SCALAR, TEXT_COUNTS, TOP10 = "scalar", "text_counts", "top10"
SHAPES = {1: SCALAR, 2: TEXT_COUNTS, 3: SCALAR, 4: TOP10, 5: TEXT_COUNTS, 6: SCALAR}
TOOLS = ["ocop", "duckdb", "sqlite3"]

# Issue 9's targets.
T_WALL_VS_DUCKDB = 0.7
T_MEM_VS_DUCKDB = 0.5
T_WALL_VS_SQLITE = 0.2
T_QUERY_MS = {1: 20, 2: 20, 3: 20, 4: 50, 5: 50, 6: 20}
T_STARTUP_MS = 30
TARGET_ROWS = 1_000_000


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
# Parsing answers
# ------------------------------------------------------------------------------------------

NUM_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
THOUSANDS_RE = re.compile(r"^\d{1,3}(,\d{3})+$")


def is_num(s):
    return bool(NUM_RE.match(s.strip()))


def to_num(s):
    s = s.strip()
    if THOUSANDS_RE.match(s):
        s = s.replace(",", "")
    if re.match(r"^[+-]?\d+$", s):
        return int(s)
    return float(s)


def to_int(s):
    v = to_num(s)
    if isinstance(v, float):
        if not v.is_integer():
            raise ValueError("not an integer: %r" % s)
        v = int(v)
    return v


def norm_text(s):
    return unicodedata.normalize("NFC", s.strip())


def csv_rows(lines):
    """[(raw line, [fields])] for non-blank lines."""
    out = []
    for line in lines:
        if not line.strip():
            continue
        fields = next(csv.reader([line]))
        out.append((line, [f.strip() for f in fields]))
    return out


def shape_answer(q, rows):
    """Turn a block of csv rows (header allowed) into the canonical answer for query q."""
    shape = SHAPES[q]
    if shape == SCALAR:
        for raw, f in rows:
            if len(f) == 1 and is_num(f[0]):
                return to_int(f[0])
            if THOUSANDS_RE.match(raw.strip()):
                return to_int(raw.strip())
        raise ValueError("no number in %r" % [r for r, _ in rows][:5])
    data = [f for _, f in rows if len(f) >= 2 and is_num(f[-1])]
    if shape == TOP10:
        return [(norm_text(f[0]), float(to_num(f[-1]))) for f in data]
    return [(norm_text(f[0]), to_int(f[-1])) for f in data]


def parse_sql_output(out, tool):
    """Answers and .timer times from output split by ##Qn markers."""
    sections, cur = {"load": []}, "load"
    for line in out.splitlines():
        m = re.match(r"^##(Q(\d)|END)\s*$", line.strip())
        if m:
            cur = int(m.group(2)) if m.group(2) else "end"
            sections[cur] = []
            continue
        sections.setdefault(cur, []).append(line)
    answers, times = {}, {}
    timer_re = re.compile(r"^Run Time(?: \(s\))?: real ([0-9.]+)")
    for key, lines in sections.items():
        ms = [float(m.group(1)) * 1000 for m in (timer_re.match(l) for l in lines) if m]
        body = [l for l in lines if not timer_re.match(l)]
        if key == "load":
            times["load"] = sum(ms) if ms else None
            continue
        if key == "end":
            continue
        times[key] = sum(ms) if ms else None
        answers[key] = shape_answer(key, csv_rows(body))
    expected = [q for q in QUERIES if tool != "sqlite3" or q != 6]
    missing = [q for q in expected if q not in answers]
    if missing:
        raise ToolError("no answer for query %s in output: %s" % (missing, out[:300]))
    return answers, times


def parse_ocop_output(out):
    """Six answers from `ocop --format csv run suite.ocop`.

    If blank lines split the output into exactly six blocks, each block is one answer.
    Otherwise the answers are read in order by shape, skipping header lines: a number; rows
    of (text, number); a number; up to 10 rows of (id, score); rows of (text, number);
    a number."""
    lines = out.replace("\r\n", "\n").split("\n")
    blocks, cur = [], []
    for l in lines:
        if l.strip():
            cur.append(l)
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    if len(blocks) == 6:
        try:
            return {q: shape_answer(q, csv_rows(blocks[q - 1])) for q in QUERIES}
        except ValueError:
            pass
    rows = csv_rows(lines)
    pos, answers = 0, {}

    def scalar():
        nonlocal pos
        skipped = 0
        while pos < len(rows):
            raw, f = rows[pos]
            pos += 1
            if len(f) == 1 and is_num(f[0]):
                return to_int(f[0])
            if THOUSANDS_RE.match(raw.strip()):
                return to_int(raw.strip())
            skipped += 1
            if skipped > 2:
                break
        raise ValueError("expected a number")

    def pairs(top10=False):
        nonlocal pos
        got = []
        if pos < len(rows):  # one header line
            f = rows[pos][1]
            if not (len(f) >= 2 and is_num(f[-1])):
                pos += 1
        while pos < len(rows) and (not top10 or len(got) < 10):
            f = rows[pos][1]
            if len(f) >= 2 and is_num(f[-1]):
                got.append(f)
                pos += 1
            else:
                break
        if not got:
            raise ValueError("expected rows")
        if top10:
            return [(norm_text(f[0]), float(to_num(f[-1]))) for f in got]
        return [(norm_text(f[0]), to_int(f[-1])) for f in got]

    try:
        answers[1] = scalar()
        answers[2] = pairs()
        answers[3] = scalar()
        answers[4] = pairs(top10=True)
        answers[5] = pairs()
        answers[6] = scalar()
    except ValueError as e:
        head = "\n      ".join(lines[:12])
        raise ToolError("could not read ocop's answers (query %d: %s); output begins:\n      %s"
                        % (len(answers) + 1, e, head))
    return answers


MS_RE = re.compile(r"([0-9]+(?:\.[0-9]+)?) ?(ms|µs|us)\b")


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


# ------------------------------------------------------------------------------------------
# Reference answers computed in plain Python
# ------------------------------------------------------------------------------------------

def fold(s):
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def reference_answers(d):
    path = os.path.join(d, "reference.json")
    st = [os.stat(os.path.join(d, f)) for f in ("products.csv", "producers.csv")]
    key = [[s.st_size, int(s.st_mtime)] for s in st]
    if os.path.exists(path):
        with open(path) as f:
            cached = json.load(f)
        if cached.get("key") == key:
            a = cached["answers"]
            return {1: a["1"], 2: [tuple(x) for x in a["2"]], 3: a["3"],
                    4: [tuple(x) for x in a["4"]], 5: [tuple(x) for x in a["5"]], 6: a["6"],
                    "q6_nodd": a.get("q6_nodd")}
    log("computing reference answers for %s in Python…" % os.path.relpath(d, ROOT))
    kinds = {}
    with open(os.path.join(d, "producers.csv"), encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        h = next(r)
        i_id, i_kind = h.index("id"), h.index("kind")
        for row in r:
            kinds[row[i_id].strip()] = unicodedata.normalize("NFC", row[i_kind])
    q1 = q3 = q6 = q6_nodd = 0
    prov, kind_counts, scores = {}, {}, []
    with open(os.path.join(d, "products.csv"), encoding="utf-8", newline="") as f:
        r = csv.reader(f)
        h = next(r)
        ix = {c: h.index(c) for c in ("id", "name", "category", "producer_id", "stars", "score", "province")}
        for row in r:
            stars = int(row[ix["stars"]])
            p = unicodedata.normalize("NFC", row[ix["province"]])
            name = row[ix["name"]]
            if stars >= 4:
                q1 += 1
            prov[p] = prov.get(p, 0) + 1
            if p == "Bắc Kạn" and unicodedata.normalize("NFC", row[ix["category"]]) == "Thực phẩm":
                q3 += 1
            scores.append((-float(row[ix["score"]]), row[ix["id"]].strip()))
            k = kinds.get(row[ix["producer_id"]].strip())
            if k is not None:
                kind_counts[k] = kind_counts.get(k, 0) + 1
            if "nghe" in fold(name):
                q6 += 1
                if "nghe" in fold(name.replace("đ", "\0").replace("Đ", "\0")):
                    q6_nodd += 1
    scores.sort()
    answers = {1: q1, 2: sorted(prov.items(), key=lambda kv: (-kv[1], kv[0])), 3: q3,
               4: [(i, -s) for s, i in scores[:10]],
               5: sorted(kind_counts.items(), key=lambda kv: (-kv[1], kv[0])), 6: q6,
               "q6_nodd": q6_nodd}
    with open(path, "w") as f:
        json.dump({"key": key, "answers": {str(k): v for k, v in answers.items()}}, f,
                  ensure_ascii=False)
    return answers


# ------------------------------------------------------------------------------------------
# Comparing answers
# ------------------------------------------------------------------------------------------

def fmt_answer(a):
    if isinstance(a, list):
        return "[" + ", ".join("(%s, %s)" % (x, fmt_num(y)) for x, y in a) + "]"
    return str(a)


def fmt_num(v):
    if isinstance(v, float):
        return ("%.6f" % v).rstrip("0").rstrip(".")
    return str(v)


def nums_equal(a, b):
    return a == b or (isinstance(a, (int, float)) and isinstance(b, (int, float))
                      and abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b)))


def diff_answers(q, a, b, na, nb):
    """None when equal, else a readable diff. a and b are canonical answers."""
    shape = SHAPES[q]
    if shape == SCALAR:
        return None if a == b else "%s says %s, %s says %s" % (na, a, nb, b)
    if shape == TOP10:
        if len(a) == len(b) and all(x[0] == y[0] and nums_equal(x[1], y[1]) for x, y in zip(a, b)):
            return None
        lines = ["%s has %d rows, %s has %d" % (na, len(a), nb, len(b))] if len(a) != len(b) else []
        for i in range(max(len(a), len(b))):
            x = a[i] if i < len(a) else None
            y = b[i] if i < len(b) else None
            same = x is not None and y is not None and x[0] == y[0] and nums_equal(x[1], y[1])
            lines.append("%s row %2d: %-22s %-22s" % (" " if same else "≠", i + 1,
                         "%s %s" % (x[0], fmt_num(x[1])) if x else "—",
                         "%s %s" % (y[0], fmt_num(y[1])) if y else "—"))
        return "top 10 differs (%s | %s):\n      " % (na, nb) + "\n      ".join(lines)
    # multiset of (text, count): order between equal counts depends on collation
    ca, cb = sorted(a), sorted(b)
    if ca == cb:
        return None
    only_a = [x for x in ca if x not in cb]
    only_b = [x for x in cb if x not in ca]
    return ("%s only: %s\n      %s only: %s" % (na, fmt_answer(only_a), nb, fmt_answer(only_b)))


def order_problem(q, a):
    """Query 2 must be sorted by count, descending."""
    if q != 2:
        return None
    counts = [c for _, c in a]
    for i in range(1, len(counts)):
        if counts[i] > counts[i - 1]:
            return "not sorted by count desc at row %d (%s after %s)" % (i + 1, a[i], a[i - 1])
    return None


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
    cmds = {"sqlite3": (["sqlite3", "-batch", ":memory:"], scripts["sqlite3"]),
            "duckdb": ([DUCKDB, "-batch"], scripts["duckdb"]),
            "ocop": ([OCOP, "--data", d, "--format", "csv", "run", SUITE_REL], None)}
    if "duckdb" in res["tools"] and duckdb_error:
        res["tools"]["duckdb"]["error"] = duckdb_error
    if "ocop" in res["tools"] and not os.access(OCOP, os.X_OK):
        res["tools"]["ocop"]["error"] = "%s not found (run `make build`)" % os.path.relpath(OCOP, ROOT)
    if "sqlite3" in res["tools"] and not shutil.which("sqlite3"):
        res["tools"]["sqlite3"]["error"] = "sqlite3 not on PATH (apt-get install sqlite3)"

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
            # ocop extras: per-statement times in one session, and the load time
            try:
                rt = measure([OCOP, "--data", d, "--format", "csv", "--timer", "run", SUITE_REL],
                             None, args.timeout)
                check_rc(rt, "ocop --timer run")
                load, stmts = parse_timer(rt["err"])
                if len(stmts) >= 6:
                    t["qms"].append({q: stmts[q - 1] for q in QUERIES})
                elif run == 0:
                    res["notes"].append("ocop --timer printed %d statement times (expected 6): %r"
                                        % (len(stmts), rt["err"].strip()[:200]))
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


def compare(res, args):
    tools = res["tools"]
    ref = None
    if not args.no_reference:
        ref = reference_answers(res["dir"])
        if ref.get("q6_nodd") is not None and ref["q6_nodd"] != ref[6]:
            res["notes"].append("query 6: %d names match only when đ folds to d; DuckDB misses them"
                                % (ref[6] - ref["q6_nodd"]))
    have = {t: v["answers"] for t, v in tools.items() if v["answers"] is not None}
    if ref is not None:
        have["python"] = ref
    for t, a in have.items():
        for q in QUERIES:
            if q in a:
                p = order_problem(q, a[q])
                if p:
                    res["mismatches"].append("query %d, %s: %s" % (q, t, p))
    pairs = [("ocop", "duckdb"), ("ocop", "sqlite3"), ("duckdb", "sqlite3"),
             ("ocop", "python"), ("duckdb", "python"), ("sqlite3", "python")]
    # DuckDB's strip_accents leaves đ as it is: compare its query 6 only where that cannot
    # matter (the reference counts both ways); ocop is then still checked against Python.
    duck_q6_ok = ref is None or ref.get("q6_nodd") is None or ref["q6_nodd"] == ref[6]
    for a, b in pairs:
        if a not in have or b not in have:
            continue
        for q in QUERIES:
            if q == 6 and "sqlite3" in (a, b):
                continue
            if q == 6 and "duckdb" in (a, b) and not duck_q6_ok:
                continue
            if q not in have[a] or q not in have[b]:
                continue
            dif = diff_answers(q, have[a][q], have[b][q], a, b)
            if dif:
                res["mismatches"].append("query %d (%s), %s vs %s: %s" % (q, QUERIES[q], a, b, dif))


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
    """(header, rows) of the per-size table, and the ratio lines."""
    s = summarise(res)
    header = ["tool", "wall s", "peak MB", "load ms"] + ["q%d ms" % q for q in QUERIES]
    rows = []
    for tool in res["tools"]:
        v = s[tool]
        if "wall" not in v:
            rows.append([tool, "error: " + v["error"]] + [""] * (len(header) - 2))
            continue
        qcells = []
        for q in QUERIES:
            if tool == "sqlite3" and q == 6:
                qcells.append("n/a")
            elif tool != "ocop" and v["qms"][q] is not None and v["qms"][q] < 1:
                qcells.append("<1")  # the CLIs' .timer has 1 ms steps
            else:
                qcells.append(f_ms(v["qms"][q]))
        rows.append([tool, f_s(v["wall"]), f_mb(v["peak_mb"]), f_ms(v["load"])] + qcells)
    ratios = []
    o = s.get("ocop", {})
    for other in ("duckdb", "sqlite3"):
        x = s.get(other, {})
        if "wall" in o and "wall" in x:
            ratios.append("ocop/%s: time %s, memory %s" % (
                other, f_ratio(o["wall"], x["wall"]), f_ratio(o["peak_mb"], x["peak_mb"])))
    return s, header, rows, ratios


def targets(results, startup):
    """[(target, measured, verdict)] for issue 9's targets."""
    out = []
    big = next((r for r in results if r["rows"] == TARGET_ROWS), None)
    if big is None:
        out.append(("1M-row targets", "1,000,000 rows not in --sizes", "not measured"))
    else:
        s = summarise(big)
        o, dk, sq = s.get("ocop", {}), s.get("duckdb", {}), s.get("sqlite3", {})

        def ratio_target(label, a, b, limit):
            if a is None or b is None:
                out.append((label, "–", "not measured"))
            else:
                r = a / b
                out.append((label, "%.2f×" % r, "met" if r <= limit else "missed"))
        ratio_target("1M whole process: time ≤ %.1f× DuckDB" % T_WALL_VS_DUCKDB,
                     o.get("wall"), dk.get("wall"), T_WALL_VS_DUCKDB)
        ratio_target("1M whole process: peak memory ≤ %.1f× DuckDB" % T_MEM_VS_DUCKDB,
                     o.get("peak_mb"), dk.get("peak_mb"), T_MEM_VS_DUCKDB)
        ratio_target("1M whole process: time ≤ %.1f× sqlite3" % T_WALL_VS_SQLITE,
                     o.get("wall"), sq.get("wall"), T_WALL_VS_SQLITE)
        for q in QUERIES:
            v = o.get("qms", {}).get(q) if "qms" in o else None
            label = "1M warm session: query %d ≤ %d ms" % (q, T_QUERY_MS[q])
            if v is None:
                out.append((label, "–", "not measured"))
            else:
                out.append((label, "%s ms" % f_ms(v), "met" if v <= T_QUERY_MS[q] else "missed"))
    if startup is None or startup.get("error"):
        out.append(("start-up `ocop -e 'products count'` ≤ %d ms" % T_STARTUP_MS,
                    "error: %s" % startup["error"] if startup else "–", "not measured"))
    else:
        out.append(("start-up `ocop -e 'products count'` ≤ %d ms" % T_STARTUP_MS,
                    "%s ms" % f_ms(startup["ms"]),
                    "met" if startup["ms"] <= T_STARTUP_MS else "missed"))
    # Linear growth: cost per row from the second-largest to the largest size.
    sized = sorted(((r["rows"], summarise(r).get("ocop", {})) for r in results), key=lambda x: x[0])
    sized = [(n, o) for n, o in sized if "wall" in o]
    if len(sized) >= 2 and sized[-1][0] > sized[-2][0]:
        (n1, a), (n2, b) = sized[-2], sized[-1]
        grow = n2 / n1
        parts, ok = [], True
        for label, x, y in (("load", a.get("load"), b.get("load")),
                            ("scans q1+q3+q6", _sum(a, (1, 3, 6)), _sum(b, (1, 3, 6)))):
            if x and y:
                f = (y / x) / grow
                parts.append("%s %.2f×" % (label, f))
                ok = ok and f <= 1.3
        if parts:
            out.append(("linear growth (per-row cost %s → %s, ≤ 1.3×)" % (f"{n1:,}", f"{n2:,}"),
                        ", ".join(parts), "met" if ok else "missed"))
        else:
            out.append(("linear growth", "no load or query times from ocop", "not measured"))
    else:
        out.append(("linear growth", "needs ocop results at two sizes", "not measured"))
    return out


def _sum(o, qs):
    vals = [o.get("qms", {}).get(q) for q in qs]
    return None if any(v is None for v in vals) else sum(vals)


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
        ("ocop", (OCOP_VERSION or "version unknown") + (" (commit %s%s)" % (commit, ", uncommitted changes" if dirty else "") if commit else "")),
        ("sqlite3", (cmd_output(["sqlite3", "--version"]) or "not found")[:40]),
        ("DuckDB CLI", cmd_output([DUCKDB, "--version"]) or "not installed"),
        ("python", platform.python_version()),
    ]


OCOP_VERSION = None


def measure_startup(args):
    """`ocop -e 'products count'` on the embedded sample: whole-process ms (median)."""
    if not os.access(OCOP, os.X_OK):
        return {"error": "%s not found" % os.path.relpath(OCOP, ROOT)}
    walls = []
    try:
        for _ in range(max(5, args.runs)):
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
    return {"ms": statistics.median(walls),
            "peak_mb": r["peak_kb"] / 1024.0 if r["peak_kb"] else None,
            "answer": p.stdout.decode("utf-8", "replace").strip()[:40]}


def report(results, startup, args):
    """Print the tables; return the markdown text."""
    md = ["# Benchmarks", "",
          "Written by `make bench` (Tools/bench.py): ocop against the sqlite3 and DuckDB CLIs on "
          "the same generated CSV files (Tools/gen_dataset.py, seed %d), every tool loading both "
          "files itself in a fresh process, then answering the six questions below. Wall time and "
          "peak memory (max RSS) are whole-process figures from `/usr/bin/time -f '%%e %%M'`, the "
          "median of %d run(s). `load ms` and `qN ms`: ocop's own `--timer` (per statement inside "
          "one warm session; load from `--timer -e 'products count'`); for DuckDB and sqlite3 the "
          "CLI's `.timer` in the same timed run (sqlite3's `.import` is not timed)."
          % (SEED, args.runs), "", "## Machine", "", "| | |", "|---|---|"]
    for k, v in machine_info():
        md.append("| %s | %s |" % (k, v.replace("|", "\\|")))
    md += ["", "## The suite", "", "| # | question | ocop | SQL (sqlite3 and DuckDB) |", "|---|---|---|---|"]
    with open(os.path.join(QUERIES_DIR, "suite.ocop"), encoding="utf-8") as f:
        ocop_lines = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    sql_q = {}
    with open(os.path.join(QUERIES_DIR, "duckdb.sql"), encoding="utf-8") as f:
        cur = None
        for l in f:
            m = re.match(r"^\.print ##Q(\d)", l)
            if m:
                cur = int(m.group(1))
                continue
            if cur and not l.startswith(("--", ".")):
                sql_q[cur] = (sql_q.get(cur, "") + " " + l.strip()).strip()
    for q in QUERIES:
        sql = "`%s`" % sql_q.get(q, "").replace("|", "\\|")
        if q == 6:
            sql += " (DuckDB only: sqlite3 cannot say it)"
        ocl = ocop_lines[q - 1].replace("|", "\\|") if q <= len(ocop_lines) else ""
        md.append("| %d | %s | `%s` | %s |" % (q, QUERIES[q], ocl, sql))
    md.append("")

    failed = False
    for res in results:
        s, header, rows, ratios = size_tables(res)
        title = "%s products, %s producers (%.0f MB of CSV)" % (
            f"{res['rows']:,}", f"{max(1, res['rows'] // 2):,}", res["csv_mb"])
        print("\n== %s ==" % title)
        print(text_table(header, rows, error_rows=True))
        for l in ratios:
            print("  " + l)
        md += ["## %s" % title, "", md_table(header, rows), ""]
        if ratios:
            md += ["Ratios: " + "; ".join(ratios) + ".", ""]
        for n in res["notes"]:
            print("  note: " + n)
            md.append("- note: " + n)
        if res["mismatches"]:
            failed = True
            print("  ANSWERS DIFFER:")
            md.append("**Answers differ:**")
            md.append("")
            md.append("```")
            for m in res["mismatches"]:
                print("    " + m)
                md.append(m)
            md.append("```")
        else:
            ok = [t for t in res["tools"] if res["tools"][t]["answers"] is not None]
            ref = "" if args.no_reference else " (checked against a Python reference)"
            if len(ok) > 1:
                line = "answers: %s agree%s" % (", ".join(ok), ref)
            elif ok:
                line = "answers: only %s answered%s" % (ok[0], ref.replace("checked", "and was checked"))
            else:
                line = "answers: no tool answered"
            print("  " + line)
            md.append("- " + line)
        md.append("")

    tg = targets(results, startup)
    print("\n== Targets (issue 9) ==")
    print(text_table(["target", "measured", "verdict"], [list(t) for t in tg], left=True))
    md += ["## Targets (issue 9)", "", "| target | measured | verdict |", "|---|---:|---|"]
    md += ["| %s | %s | %s |" % (a, b.replace("|", "\\|"), c) for a, b, c in tg]
    if startup and not startup.get("error"):
        md += ["", "Start-up is the median wall time of `ocop -e 'products count'` on the embedded "
               "sample, measured from Python around the process (/usr/bin/time's %e has 10 ms steps)."]
    # growth table for ocop
    grow_rows = []
    for res in results:
        o = summarise(res).get("ocop", {})
        if "wall" in o:
            grow_rows.append([f"{res['rows']:,}", f_s(o["wall"]), f_mb(o["peak_mb"]), f_ms(o["load"]),
                              f_ms(_sum(o, (1, 3, 6)))])
    if grow_rows:
        md += ["", "## How ocop's cost grows", "",
               md_table(["products", "wall s", "peak MB", "load ms", "q1+q3+q6 ms"], grow_rows)]
    md.append("")
    return "\n".join(md), failed


def main(argv=None):
    global OCOP_VERSION, OCOP
    ap = argparse.ArgumentParser(description="ocop vs sqlite3 vs DuckDB on generated OCOP data")
    ap.add_argument("--sizes", default="10000,100000,1000000",
                    help="comma-separated product counts (default 10000,100000,1000000)")
    ap.add_argument("--runs", type=int, default=3, help="runs per tool and size; the median is reported")
    ap.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"),
                    help="markdown report path (default BENCHMARKS.md; '-' or '' writes none)")
    ap.add_argument("--tools", default=",".join(TOOLS), help="subset of ocop,duckdb,sqlite3")
    ap.add_argument("--ocop", default=OCOP, help="the ocop binary (default .build/release/ocop)")
    ap.add_argument("--timeout", type=int, default=900, help="seconds allowed for one process")
    ap.add_argument("--no-reference", action="store_true",
                    help="skip the plain-Python reference answers")
    args = ap.parse_args(argv)
    try:
        sizes = [int(x.replace("_", "")) for x in args.sizes.split(",") if x.strip()]
    except ValueError:
        ap.error("--sizes: comma-separated integers, e.g. 10000,100000")
    OCOP = os.path.abspath(args.ocop)
    args.tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    bad = [t for t in args.tools if t not in TOOLS]
    if bad or not args.tools:
        ap.error("--tools: choose from %s" % ",".join(TOOLS))
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    ensure_time()
    duckdb_error = ensure_duckdb() if "duckdb" in args.tools else None
    if os.access(OCOP, os.X_OK):
        OCOP_VERSION = cmd_output([OCOP, "--version"])
    startup = measure_startup(args) if "ocop" in args.tools else None

    results = []
    for n in sizes:
        results.append(run_size(n, args, duckdb_error))
    md, failed = report(results, startup, args)
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

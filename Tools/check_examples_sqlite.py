#!/usr/bin/env python3
"""Checks ocop's answers on the sample dataset against sqlite3, independently of ocop.

Loads Sources/OCOPKit/Sample/*.csv into an in-memory sqlite3 database (dd/mm/yyyy dates
converted to ISO, empty cells as NULL, expires_on defaulted to certified_on + 36 months with
the day clamped to the month's end), then runs each statement of the Examples/ scripts that
sqlite3 can answer, both ways, and compares the rows (`--format csv`).

    python3 Tools/check_examples_sqlite.py [path/to/ocop]

Not part of `make test` (sqlite3 is not a build dependency); run it after changing the
engine or the sample. Folding (tones, đ), Vietnamese collation and NFC are not sqlite3's
business: those statements are compared as sets, or checked by hand (Examples/README.md).
"""
import csv, io, math, os, subprocess, sys, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TODAY = "2026-11-29"

LOAD = f"""
.mode csv
.import {ROOT}/Sources/OCOPKit/Sample/products.csv raw_products
.import {ROOT}/Sources/OCOPKit/Sample/producers.csv raw_producers
CREATE TABLE products AS SELECT rowid AS ord, id, name, category, producer_id,
  CAST(stars AS INTEGER) AS stars, CAST(NULLIF(score,'') AS REAL) AS score,
  CASE WHEN certified_on = '' THEN NULL WHEN certified_on LIKE '__/__/____' THEN substr(certified_on,7,4)||'-'||substr(certified_on,4,2)||'-'||substr(certified_on,1,2) ELSE certified_on END AS certified_on,
  CASE WHEN expires_on = '' THEN NULL WHEN expires_on LIKE '__/__/____' THEN substr(expires_on,7,4)||'-'||substr(expires_on,4,2)||'-'||substr(expires_on,1,2) ELSE expires_on END AS expires_on,
  province, NULLIF(district,'') AS district, NULLIF(commune,'') AS commune,
  CAST(NULLIF(price_vnd,'') AS INTEGER) AS price_vnd, CAST(NULLIF(certified_year,'') AS INTEGER) AS certified_year
FROM raw_products;
UPDATE products SET expires_on =
  CASE WHEN strftime('%d', date(certified_on, '+36 months')) != strftime('%d', certified_on)
       THEN date(certified_on, 'start of month', '+37 months', '-1 day')
       ELSE date(certified_on, '+36 months') END
  WHERE expires_on IS NULL AND certified_on IS NOT NULL;
CREATE TABLE producers AS SELECT rowid AS ord, id, name, kind, province, NULLIF(district,'') AS district, NULLIF(commune,'') AS commune FROM raw_producers;
CREATE VIEW p AS SELECT products.*, q.name AS producer_name, q.kind AS producer_kind,
  q.province AS producer_province, q.district AS producer_district, q.commune AS producer_commune
  FROM products LEFT JOIN producers q ON q.id = products.producer_id;
.mode list
"""

T = f"'{TODAY}'"
# (ocop statement, sqlite query, ordered?) — ordered compares sequences, else multisets.
CHECKS = [
    # filters
    ("products where stars >= 3 select id", "select id from products where stars >= 3 order by ord", True),
    ('products where stars >= 4 and province = "Bắc Kạn" select id', "select id from products where stars >= 4 and province = 'Bắc Kạn' order by ord", True),
    ("products where stars = 5 or (stars = 4 and score >= 85) select id", "select id from products where stars = 5 or (stars = 4 and score >= 85) order by ord", True),
    ('products where not (category = "Thực phẩm") select id', "select id from products where not (category = 'Thực phẩm') order by ord", True),
    ('products where category in ["Thực phẩm", "Đồ uống"] select id', "select id from products where category in ('Thực phẩm','Đồ uống') order by ord", True),
    ("products where stars = 5 or stars = 4 and score >= 85 count", "select count(*) from products where stars = 5 or stars = 4 and score >= 85", True),
    ("products where score between 69.5 and 70 select id, name, stars, score", "select id, name, stars, score from products where score between 69.5 and 70 order by ord", True),
    ("products where stars between 4 and 5 count", "select count(*) from products where stars between 4 and 5", True),
    ("products where stars not between 4 and 5 count", "select count(*) from products where stars not between 4 and 5", True),
    ('products where category != "Thực phẩm" count', "select count(*) from products where category != 'Thực phẩm'", True),
    ('products where category not in ["Thực phẩm", "Đồ uống"] count', "select count(*) from products where category not in ('Thực phẩm','Đồ uống')", True),
    # text matching (sqlite3 LIKE is ASCII-only: the folded cases are checked by id list by hand)
    ('products where name contains "," or name contains "\\"" select id, name', "select id, name from products where name like '%,%' or name like '%\"%' order by ord", True),
    # (SP0122's name is NFD in the file: sqlite3 counts its 22 code points, ocop its 16 letters)
    ('products where id in ["SP0001", "SP0184"] select id, length(name)', "select id, length(name) from products where id in ('SP0001','SP0184') order by ord", True),
    # null semantics
    ("products where district is null select id", "select id from products where district is null order by ord", True),
    ("products where district is not null count", "select count(*) from products where district is not null", True),
    ("products where district = null count", "select count(*) from products where district = null", True),
    ("products where district != null count", "select count(*) from products where district != null", True),
    ('products where district = "Na Rì" count', "select count(*) from products where district = 'Na Rì'", True),
    ('products where not (district = "Na Rì") count', "select count(*) from products where not (district = 'Na Rì')", True),
    ('products where district in ["Na Rì", null] count', "select count(*) from products where district in ('Na Rì', null)", True),
    ('products where district not in ["Na Rì", null] count', "select count(*) from products where district not in ('Na Rì', null)", True),
    ("products where price_vnd is null count", "select count(*) from products where price_vnd is null", True),
    ("products select count() as products, count(price_vnd) as priced, min(price_vnd) as lowest, max(price_vnd) as highest, sum(price_vnd) as total",
     "select count(*), count(price_vnd), min(price_vnd), max(price_vnd), sum(price_vnd) from products", True),
    ("products group by stars select stars, count() as n, count(price_vnd) as priced, avg(price_vnd) as avg_price",
     "select stars, count(*), count(price_vnd), avg(price_vnd) from products group by stars order by stars", True),
    ("products where district is null limit 3 select id, coalesce(district, commune) as place",
     "select id, coalesce(district, commune) from products where district is null order by ord limit 3", True),
    ("products sort by price_vnd limit 3 offset 191 select id, price_vnd",
     "select id, price_vnd from products order by price_vnd is null, price_vnd, ord limit 3 offset 191", True),
    ("products sort by price_vnd desc limit 3 offset 191 select id, price_vnd",
     "select id, price_vnd from products order by price_vnd is null, price_vnd desc, ord limit 3 offset 191", True),
    # dates
    ("products where expires_on < today select id, expires_on", f"select id, expires_on from products where expires_on < {T} order by ord", True),
    ("products where certified_on >= 2022-01-01 and expires_on <= today + 90 days select id",
     f"select id from products where certified_on >= '2022-01-01' and expires_on <= date({T}, '+90 days') order by ord", True),
    ("products where expires_on >= today and expires_on <= today + 90 days select id, name, certified_on, expires_on",
     f"select id, name, certified_on, expires_on from products where expires_on >= {T} and expires_on <= date({T}, '+90 days') order by ord", True),
    ('products where id in ["SP0014", "SP0036", "SP0048", "SP0060", "SP0068", "SP0070", "SP0073", "SP0196", "SP0197"] select id, certified_on, expires_on',
     "select id, certified_on, expires_on from products where id in ('SP0014','SP0036','SP0048','SP0060','SP0068','SP0070','SP0073','SP0196','SP0197') order by ord", True),
    ("products where expires_on != certified_on + 36 months select id, certified_on, expires_on",
     """select id, certified_on, expires_on from products where expires_on !=
        CASE WHEN strftime('%d', date(certified_on, '+36 months')) != strftime('%d', certified_on)
        THEN date(certified_on, 'start of month', '+37 months', '-1 day') ELSE date(certified_on, '+36 months') END order by ord""", True),
    ("products where certified_on = 15/11/2019 select id, name, certified_on", "select id, name, certified_on from products where certified_on = '2019-11-15'", True),
    ("products group by year(certified_on) count", "select cast(substr(certified_on,1,4) as integer) y, count(*) from products group by y order by y nulls last", True),
    ("products where month(certified_on) = 2 and year(certified_on) = 2020 select id, certified_on, day(certified_on) as d, expires_on - certified_on as days_valid",
     "select id, certified_on, cast(substr(certified_on,9,2) as integer), cast(julianday(expires_on) - julianday(certified_on) as integer) from products where certified_on like '2020-02-%' order by ord", True),
    ("products where certified_on > today - 1 year count", f"select count(*) from products where certified_on > date({T}, '-1 year')", True),
    ("products where certified_on >= today - 6 months select id, certified_on, today - certified_on as age_days",
     f"select id, certified_on, cast(julianday({T}) - julianday(certified_on) as integer) from products where certified_on >= date({T}, '-6 months') order by ord", True),
    # grouping
    ("products count", "select count(*) from products", True),
    ("producers count", "select count(*) from producers", True),
    ("products group by province count", "select province, count(*) from products group by province", False),
    ("products group by province, stars count", "select province, stars, count(*) from products group by province, stars", False),
    ("products group by category select category, count() as n, avg(score) as avg_score",
     "select category, count(*), avg(score) from products group by category", False),
    ("products group by stars select stars, count() as n, min(score) as lowest, max(score) as highest, avg(score) as average",
     "select stars, count(*), min(score), max(score), avg(score) from products group by stars order by stars", True),
    ('products where province = "Bắc Giang" select count() as n, min(certified_on) as first, max(certified_on) as last',
     "select count(*), min(certified_on), max(certified_on) from products where province = 'Bắc Giang'", True),
    ("products group by producer.kind count", "select producer_kind, count(*) from p group by producer_kind", False),
    ('products where province = "Thái Nguyên" group by district count', "select district, count(*) from products where province = 'Thái Nguyên' group by district", False),
    ("products group by province count sort by count desc limit 3", "select province, count(*) n from products group by province order by n desc limit 3", True),
    # grouped where
    ("products group by province select province, count() as n where n >= 10", "select province, count(*) n from products group by province having n >= 10", False),
    ("products where stars = 4 group by province select province, count() as n where n >= 5 sort by n desc",
     "select province, count(*) n from products where stars = 4 group by province having n >= 5 order by n desc, province", True),
    ("products group by category count where count < 20", "select category, count(*) n from products group by category having n < 20", False),
    ("products group by producer.kind select producer.kind as kind, count() as n, avg(score) as avg_score where avg_score > 65",
     "select producer_kind, count(*), avg(score) a from p group by producer_kind having a > 65", False),
    # relations
    ('products where producer.kind = "Hợp tác xã" select id', "select id from p where producer_kind = 'Hợp tác xã' order by ord", True),
    ("products select name, stars, producer.name", "select name, stars, producer_name from p order by ord", True),
    ("producers where count(products) >= 3 select name, kind, count(products) as n",
     "select q.name, q.kind, count(*) n from producers q join products x on x.producer_id = q.id group by q.id having n >= 3 order by q.ord", True),
    ("producers group by kind count", "select kind, count(*) from producers group by kind", False),
    ("producers where count(products where stars >= 4) >= 2 select id, name, count(products where stars >= 4) as four_star, max(products.score) as best",
     """select q.id, q.name, (select count(*) from products x where x.producer_id = q.id and x.stars >= 4) f,
        (select max(score) from products x where x.producer_id = q.id) from producers q where f >= 2 order by q.ord""", True),
    ("products where province != producer.province select id, province, producer.province, certified_on",
     "select id, province, producer_province, certified_on from p where province != producer_province order by ord", True),
    ("products where producer.district is null and stars = 4 select id, name, producer.name, producer.commune",
     "select id, name, producer_name, producer_commune from p where producer_district is null and stars = 4 order by ord", True),
    # let
    ('products where province = "Bắc Kạn" and stars = 4 count', "select count(*) from products where province = 'Bắc Kạn' and stars = 4", True),
    ('products where province = "Bắc Kạn" group by district count', "select district, count(*) from products where province = 'Bắc Kạn' group by district", False),
    ('products where province = "Bắc Kạn" and stars >= 4 sort by score desc limit 5 select id, name, score',
     "select id, name, score from products where province = 'Bắc Kạn' and stars >= 4 order by score desc, ord limit 5", True),
    ('products where province = "Bắc Kạn" and stars >= 4 and score >= 85 select id, name, stars, score',
     "select id, name, stars, score from products where province = 'Bắc Kạn' and stars >= 4 and score >= 85 order by ord", True),
    # sorting, limit, distinct
    ("products sort by stars desc, name limit 10 select id", None, True),  # text order: checked by hand
    ("products limit 3 offset 10 select id, name", "select id, name from products order by ord limit 3 offset 10", True),
    ("products sort by score desc limit 5 select id, name, score", "select id, name, score from products order by score desc, ord limit 5", True),
    ("products sort by certified_on limit 3 select id, certified_on", "select id, certified_on from products order by certified_on nulls last, ord limit 3", True),
    ("products where stars = 5 sort by score - 90 desc select id, name, score", "select id, name, score from products where stars = 5 order by score - 90 desc, ord", True),
    ('products where province = "Hà Giang" sort by score limit 2 select id, name, score', "select id, name, score from products where province = 'Hà Giang' order by score, ord limit 2", True),
    ("products select province distinct", "select province from products group by province order by min(ord)", True),
    ("products where stars = 5 select stars, category distinct", "select stars, category from products where stars = 5 group by stars, category order by min(ord)", True),
    ('products where province = "Lạng Sơn" order by score asc select id, score', "select id, score from products where province = 'Lạng Sơn' order by score, ord", True),
    # select expressions
    ("products select name, score / 10 as points", "select name, score / 10.0 from products order by ord", True),
    ("products where stars = 5 select id, stars * 20 as percent, score, score - 90 as above_five, 100 - score as to_perfect",
     "select id, stars * 20, score, score - 90, 100 - score from products where stars = 5 order by ord", True),
    ('products where id = "SP0102" select id, price_vnd, price_vnd * 12 as dozen, price_vnd % 1000 as change, round(score) as rounded, round(score, 1) as one_decimal',
     "select id, price_vnd, price_vnd * 12, price_vnd % 1000, round(score), round(score, 1) from products where id = 'SP0102'", True),
    ('products where id = "SP0010" select id, -stars as minus, abs(-stars) as stars, days_between(certified_on, expires_on) as valid_days',
     "select id, -stars, abs(-stars), cast(julianday(expires_on) - julianday(certified_on) as integer) from products where id = 'SP0010'", True),
    ('products where province = "Quảng Ninh" select id, stars >= 4 as good, district is null as no_district',
     "select id, stars >= 4, district is null from products where province = 'Quảng Ninh' order by ord", True),
]


def norm(cell):
    """One cell as a comparable value: numbers as floats, booleans as 0/1, text NFC."""
    s = unicodedata.normalize("NFC", cell)
    if s == "true": return 1.0
    if s == "false": return 0.0
    try:
        return float(s)
    except ValueError:
        return s


def same(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)
    return a == b


def rows_equal(x, y, ordered):
    if len(x) != len(y): return False
    if not ordered:
        key = lambda r: [str(round(c, 4)) if isinstance(c, float) else c for c in r]
        x, y = sorted(x, key=key), sorted(y, key=key)
    return all(len(r) == len(s) and all(same(a, b) for a, b in zip(r, s)) for r, s in zip(x, y))


def main():
    ocop = sys.argv[1] if len(sys.argv) > 1 else next(
        (p for p in (f"{ROOT}/.build/release/ocop", f"{ROOT}/.build/debug/ocop") if os.path.exists(p)), None)
    if not ocop:
        sys.exit("build ocop first (swift build), or pass its path")
    script = LOAD + "".join(f".print ==={i}===\n.mode csv\n{sql.strip()};\n" for i, (_, sql, _) in enumerate(CHECKS) if sql)
    out = subprocess.run(["sqlite3", ":memory:"], input=script, capture_output=True, text=True, check=True).stdout
    answers, current = {}, None
    for line in out.splitlines(keepends=True):
        if line.startswith("===") and line.rstrip().endswith("==="):
            current = int(line.strip("=\n")); answers[current] = ""
        elif current is not None:
            answers[current] += line
    failures = 0
    for i, (stmt, sql, ordered) in enumerate(CHECKS):
        if not sql:
            continue
        r = subprocess.run([ocop, "--today", TODAY, "--format", "csv", "-e", stmt], capture_output=True, text=True)
        if r.returncode != 0:
            print(f"FAIL (exit {r.returncode}) {stmt}\n{r.stderr}"); failures += 1; continue
        mine = [[norm(c) for c in row] for row in list(csv.reader(io.StringIO(r.stdout)))[1:]]
        theirs = [[norm(c) for c in row] for row in csv.reader(io.StringIO(answers[i]))]
        if rows_equal(mine, theirs, ordered):
            print(f"ok   {stmt}")
        else:
            failures += 1
            print(f"FAIL {stmt}\n  ocop:    {mine[:8]}{' …' if len(mine) > 8 else ''} ({len(mine)} rows)\n  sqlite3: {theirs[:8]}{' …' if len(theirs) > 8 else ''} ({len(theirs)} rows)")
    print(f"{len([c for c in CHECKS if c[1]]) - failures} agree, {failures} differ")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

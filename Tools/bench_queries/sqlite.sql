-- The benchmark suite for the sqlite3 CLI. Tools/bench.py replaces @DATA@ with the dataset
-- folder and reads each answer between the ##Qn markers (.timer lines give per-query time).
-- sqlite3 has no Vietnamese collation and no diacritic folding: the questions that need one
-- (6, 7-10, 14, 15) are left out and reported as n/a (Python's reference answers them).
.bail on
.headers off
.mode csv
CREATE TABLE products(id TEXT, name TEXT, category TEXT, producer_id TEXT,
  stars INTEGER, score REAL, certified_on TEXT, expires_on TEXT, province TEXT, district TEXT,
  commune TEXT, price_vnd INTEGER);
CREATE TABLE producers(id TEXT PRIMARY KEY, name TEXT, kind TEXT, province TEXT,
  district TEXT, commune TEXT);
.import --csv --skip 1 @DATA@/products.csv products
.import --csv --skip 1 @DATA@/producers.csv producers
-- .import stores an empty field as '': make it NULL, as the other tools read it
UPDATE products SET district = nullif(district, ''), commune = nullif(commune, ''),
  expires_on = nullif(expires_on, ''), price_vnd = nullif(price_vnd, '');
.timer on
.print ##Q1
SELECT count(*) FROM products WHERE stars >= 4;
.print ##Q2
SELECT province, count(*) AS n FROM products GROUP BY province ORDER BY n DESC, province;
.print ##Q3
SELECT count(*) FROM products WHERE province = 'Bắc Kạn' AND category = 'Thực phẩm';
.print ##Q4
SELECT id, score FROM products ORDER BY score DESC, id LIMIT 10;
.print ##Q5
SELECT pr.kind, count(*) AS n FROM products p JOIN producers pr ON pr.id = p.producer_id
  GROUP BY pr.kind ORDER BY n DESC, pr.kind;
.print ##Q11
SELECT id, score FROM products WHERE certified_on BETWEEN '2024-01-01' AND '2024-06-30'
  ORDER BY score DESC, id LIMIT 10;
.print ##Q12
SELECT count(*) FROM producers pr
  JOIN (SELECT producer_id, count(*) AS n FROM products GROUP BY producer_id) c ON c.producer_id = pr.id
  WHERE c.n >= 3;
.print ##Q13
SELECT category, avg(score), max(score) FROM products GROUP BY category ORDER BY category;
.print ##Q16
-- expired on 2026-11-29 (ocop runs with --today 2026-11-29); an empty expires_on is
-- certified_on + 36 months, kept to the month's last day (date() alone runs into the next month)
SELECT count(*) FROM products WHERE certified_on <= '2026-11-29'
  AND coalesce(expires_on, min(date(certified_on, '+36 months'),
                               date(certified_on, 'start of month', '+37 months', '-1 day'))) < '2026-11-29';
.print ##Q17
SELECT province, stars, count(*) FROM products GROUP BY province, stars ORDER BY province, stars;
.print ##Q18
-- field, present, missing, distinct, min, max (expires_on with its default filled in)
CREATE TEMP VIEW p AS SELECT *, coalesce(expires_on, min(date(certified_on, '+36 months'),
  date(certified_on, 'start of month', '+37 months', '-1 day'))) AS expires FROM products;
SELECT 'id', count(id), count(*) - count(id), count(DISTINCT id), '', '' FROM p UNION ALL
SELECT 'name', count(name), count(*) - count(name), count(DISTINCT name), '', '' FROM p UNION ALL
SELECT 'category', count(category), count(*) - count(category), count(DISTINCT category), '', '' FROM p UNION ALL
SELECT 'producer_id', count(producer_id), count(*) - count(producer_id), count(DISTINCT producer_id), '', '' FROM p UNION ALL
SELECT 'stars', count(stars), count(*) - count(stars), count(DISTINCT stars), min(stars), max(stars) FROM p UNION ALL
SELECT 'score', count(score), count(*) - count(score), count(DISTINCT score), min(score), max(score) FROM p UNION ALL
SELECT 'certified_on', count(certified_on), count(*) - count(certified_on), count(DISTINCT certified_on), min(certified_on), max(certified_on) FROM p UNION ALL
SELECT 'expires_on', count(expires), count(*) - count(expires), count(DISTINCT expires), min(expires), max(expires) FROM p UNION ALL
SELECT 'province', count(province), count(*) - count(province), count(DISTINCT province), '', '' FROM p UNION ALL
SELECT 'district', count(district), count(*) - count(district), count(DISTINCT district), '', '' FROM p UNION ALL
SELECT 'commune', count(commune), count(*) - count(commune), count(DISTINCT commune), '', '' FROM p UNION ALL
SELECT 'price_vnd', count(price_vnd), count(*) - count(price_vnd), count(DISTINCT price_vnd), min(price_vnd), max(price_vnd) FROM p;
.print ##END

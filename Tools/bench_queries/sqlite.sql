-- The benchmark suite for the sqlite3 CLI. Tools/bench.py replaces @DATA@ with the dataset
-- folder and reads each answer between the ##Qn markers (.timer lines give per-query time).
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
-- Q6 (Vietnamese-insensitive contains) cannot be said in sqlite3: reported as n/a.
.print ##END

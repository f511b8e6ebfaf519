-- The benchmark suite for the DuckDB CLI. Tools/bench.py replaces @DATA@ with the dataset
-- folder and reads each answer between the ##Qn markers; .timer lines before ##Q1 are the
-- load, the others per-query time. Text order is ICU's Vietnamese collation (COLLATE vi);
-- ties broken by id, which is file order (ocop keeps file order on ties).
.bail on
.headers off
.mode csv
.timer on
CREATE TABLE products AS SELECT * FROM read_csv('@DATA@/products.csv', header = true,
  delim = ',', quote = '"', escape = '"', columns = {
    'id': 'VARCHAR', 'name': 'VARCHAR', 'category': 'VARCHAR', 'producer_id': 'VARCHAR',
    'stars': 'INTEGER', 'score': 'DOUBLE', 'certified_on': 'DATE', 'expires_on': 'DATE',
    'province': 'VARCHAR', 'district': 'VARCHAR', 'commune': 'VARCHAR', 'price_vnd': 'BIGINT'});
CREATE TABLE producers AS SELECT * FROM read_csv('@DATA@/producers.csv', header = true,
  delim = ',', quote = '"', escape = '"', columns = {
    'id': 'VARCHAR', 'name': 'VARCHAR', 'kind': 'VARCHAR', 'province': 'VARCHAR',
    'district': 'VARCHAR', 'commune': 'VARCHAR'});
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
.print ##Q6
-- strip_accents does not fold đ/Đ; the generated names keep "nghe" hits free of it.
SELECT count(*) FROM products WHERE strip_accents(lower(name)) LIKE '%nghe%';
.print ##Q7
SELECT id, name FROM products ORDER BY name COLLATE vi, id LIMIT 5;
.print ##Q8
SELECT id, name FROM products ORDER BY name COLLATE vi, id LIMIT 5;
.print ##Q9
SELECT id, name FROM products ORDER BY name COLLATE vi, id LIMIT 5;
.print ##Q10
SELECT id, province, score FROM products ORDER BY province COLLATE vi, score DESC, id LIMIT 10;
.print ##Q11
SELECT id, score FROM products WHERE certified_on BETWEEN DATE '2024-01-01' AND DATE '2024-06-30'
  ORDER BY score DESC, id LIMIT 10;
.print ##Q12
SELECT count(*) FROM producers pr
  JOIN (SELECT producer_id, count(*) AS n FROM products GROUP BY producer_id) c ON c.producer_id = pr.id
  WHERE c.n >= 3;
.print ##Q13
SELECT category, avg(score), max(score) FROM products GROUP BY category ORDER BY category;
.print ##Q14
-- the pattern has no d: strip_accents leaving đ cannot matter
SELECT count(*) FROM products WHERE strip_accents(lower(name)) LIKE '%mat ong%';
.print ##Q15
SELECT count(*) FROM products WHERE strip_accents(lower(name)) LIKE '%tinh%'
  AND strip_accents(lower(name)) LIKE '%bot%' AND strip_accents(lower(name)) LIKE '%nghe%';
.print ##Q16
-- expired on 2026-11-29 (ocop runs with --today 2026-11-29); an empty expires_on is
-- certified_on + 36 months (DuckDB's month arithmetic keeps to the month's last day)
SELECT count(*) FROM products WHERE certified_on <= DATE '2026-11-29'
  AND coalesce(expires_on, CAST(certified_on + INTERVAL 36 MONTH AS DATE)) < DATE '2026-11-29';
.print ##Q17
SELECT province, stars, count(*) FROM products GROUP BY province, stars ORDER BY province, stars;
.print ##Q18
-- field, present, missing, distinct, min, max (expires_on with its default filled in)
WITH p AS (SELECT *, coalesce(expires_on, CAST(certified_on + INTERVAL 36 MONTH AS DATE)) AS expires FROM products)
SELECT 'id', count(id), count(*) - count(id), count(DISTINCT id), '', '' FROM p UNION ALL
SELECT 'name', count(name), count(*) - count(name), count(DISTINCT name), '', '' FROM p UNION ALL
SELECT 'category', count(category), count(*) - count(category), count(DISTINCT category), '', '' FROM p UNION ALL
SELECT 'producer_id', count(producer_id), count(*) - count(producer_id), count(DISTINCT producer_id), '', '' FROM p UNION ALL
SELECT 'stars', count(stars), count(*) - count(stars), count(DISTINCT stars), CAST(min(stars) AS VARCHAR), CAST(max(stars) AS VARCHAR) FROM p UNION ALL
SELECT 'score', count(score), count(*) - count(score), count(DISTINCT score), CAST(min(score) AS VARCHAR), CAST(max(score) AS VARCHAR) FROM p UNION ALL
SELECT 'certified_on', count(certified_on), count(*) - count(certified_on), count(DISTINCT certified_on), CAST(min(certified_on) AS VARCHAR), CAST(max(certified_on) AS VARCHAR) FROM p UNION ALL
SELECT 'expires_on', count(expires), count(*) - count(expires), count(DISTINCT expires), CAST(min(expires) AS VARCHAR), CAST(max(expires) AS VARCHAR) FROM p UNION ALL
SELECT 'province', count(province), count(*) - count(province), count(DISTINCT province), '', '' FROM p UNION ALL
SELECT 'district', count(district), count(*) - count(district), count(DISTINCT district), '', '' FROM p UNION ALL
SELECT 'commune', count(commune), count(*) - count(commune), count(DISTINCT commune), '', '' FROM p UNION ALL
SELECT 'price_vnd', count(price_vnd), count(*) - count(price_vnd), count(DISTINCT price_vnd), CAST(min(price_vnd) AS VARCHAR), CAST(max(price_vnd) AS VARCHAR) FROM p;
.print ##END

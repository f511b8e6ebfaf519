-- The benchmark suite for the DuckDB CLI. Tools/bench.py replaces @DATA@ with the dataset
-- folder and reads each answer between the ##Qn markers; .timer lines before ##Q1 are the
-- load, the others per-query time.
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
.print ##END

import Testing
@testable import OCOPKit

/// Compiling and running queries on the sample dataset: null logic, arithmetic, dates, text,
/// grouping, relations, variables.
@Suite("Evaluator")
struct EvaluatorTests {
    /// One load of the sample per test (a load is ~50 ms in a debug build; tests run in parallel,
    /// so they do not share one).
    let sample = Loader.sample()

    /// The number a `… count` statement prints.
    func count(_ statement: String) -> Int? {
        Int(Support.value(statement, dataset: sample))
    }

    /// Result rows as CSV lines (header first).
    func csv(_ statement: String) -> [String] {
        let r = Support.run("set format csv\n" + statement, dataset: sample)
        guard r.exit == 0 else { return ["FAILED: " + r.err] }
        return r.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// `kind: line:col message` of the error a statement raises.
    func failure(_ statement: String) -> String {
        guard let d = Support.diagnostic(statement, dataset: sample), let r = d.range, let s = d.source else { return "no error" }
        let (l, c) = s.location(of: r.start)
        return "\(d.kind): \(l):\(c) \(d.message)"
    }

    // MARK: three-valued logic

    @Test func kleeneTruthTables() {
        let all: [Tri] = [.yes, .no, .unknown]
        let and = all.flatMap { a in all.map { b in Tri.and(a, b) } }
        let or = all.flatMap { a in all.map { b in Tri.or(a, b) } }
        #expect(and == [.yes, .no, .unknown, .no, .no, .no, .unknown, .no, .unknown])
        #expect(or == [.yes, .yes, .yes, .yes, .no, .unknown, .yes, .unknown, .unknown])
        #expect(all.map(\.not) == [.no, .yes, .unknown])
    }

    @Test("comparing with null is unknown, and where keeps only true rows")
    func nullComparisons() {
        #expect(count("products where district = null count") == 0)
        #expect(count("products where district != null count") == 0)
        #expect(count("products where not (district = null) count") == 0)
        #expect(count("products where district is null count") == 20)
        #expect(count("products where district is not null count") == 194)
        #expect(count("products where price_vnd > 0 count") == 100)
        #expect(count("products where not (price_vnd > 0) count") == 0)
    }

    @Test("not (district = \"X\") excludes the rows whose district is null")
    func notExcludesNulls() {
        #expect(count(#"products where district = "Na Rì" count"#) == 10)
        #expect(count(#"products where not (district = "Na Rì") count"#) == 184)
        #expect(count(#"products where district != "Na Rì" count"#) == 184)
        // 11 + 185 + 18 nulls = 214
        #expect(count(#"products where district = "Na Rì" or district is null count"#) == 30)
        // unknown and false = false, so not(…) is true on the null rows
        #expect(count(#"products where not (district = "Na Rì" and stars > 5) count"#) == 214)
        // unknown or false = unknown, so not(…) is still unknown there
        #expect(count(#"products where not (district = "Na Rì" or stars > 5) count"#) == 184)
    }

    @Test("in and between with nulls")
    func inAndBetweenWithNulls() {
        #expect(count(#"products where district in ["Na Rì", null] count"#) == 10)
        #expect(count(#"products where district not in ["Na Rì", null] count"#) == 0)
        #expect(count(#"products where district not in ["Na Rì"] count"#) == 184)
        #expect(count("products where price_vnd between 0 and 100000 count") == 21)
        #expect(count("products where price_vnd not between 0 and 100000 count") == 100 - 21)
    }

    @Test("aggregates skip nulls; over nothing but nulls they give null (count gives 0)")
    func aggregatesSkipNulls() {
        #expect(csv("products select count() as n, count(price_vnd) as priced, count(district) as with_district") == ["n,priced,with_district", "214,100,194"])
        // avg divides by the 193 priced rows, not by 214
        #expect(csv("products select sum(price_vnd) as s, avg(price_vnd) as a") == ["s,a", "41080000,410800"])
        #expect(csv("products where price_vnd is null select count(price_vnd) as c, sum(price_vnd) as s, avg(price_vnd) as a, min(price_vnd) as lo, max(price_vnd) as hi")
                == ["c,s,a,lo,hi", "0,,,,"])
        #expect(csv("products where province = \"Thái Nguyên\" select min(district) as lo, max(district) as hi, count(district) as n") == ["lo,hi,n", "Đại Từ,Võ Nhai,8"])
    }

    @Test("sort puts nulls last in both directions; group by lists the null group last")
    func nullOrdering() {
        #expect(csv("products sort by price_vnd limit 2 offset 99 select id, price_vnd") == ["id,price_vnd", "SP0173,2100000", "SP0001,"])
        #expect(csv("products sort by price_vnd desc limit 2 offset 99 select id, price_vnd") == ["id,price_vnd", "SP0179,30000", "SP0001,"])
        #expect(csv("products where province = \"Thái Nguyên\" group by district count").last == ",10")
    }

    // MARK: arithmetic

    @Test func integerAndDecimalArithmetic() {
        #expect(csv("products limit 1 select 7 + 2 as a, 7 - 9 as b, 7 * 3 as c, 7 / 2 as d, 7 % 3 as e, -7 % 3 as f, 2 + 3 * 4 as g, 1.5 * 2 as h")
                == ["a,b,c,d,e,f,g,h", "9,-2,21,3.5,1,-1,14,3"])
        #expect(csv("products where id = \"SP0053\" select score, score / 10 as points, stars * 20 as pct, -score as neg") == ["score,points,pct,neg", "87.68,8.768,80,-87.68"])
        #expect(csv("products where id = \"SP0053\" select price_vnd * 12 as dozen") == ["dozen", "1260000"])
        // null in arithmetic gives null
        #expect(csv("products where id = \"SP0012\" select price_vnd + 1 as p") == ["p", ""])
    }

    @Test("whole-number overflow is an error at the expression, never a wrap")
    func overflow() {
        #expect(failure("products select 9223372036854775807 + 1 as x") == "runtime: 1:17 whole-number overflow in '9223372036854775807 + 1'")
        #expect(failure("products select -9223372036854775807 - 2 as x") == "runtime: 1:17 whole-number overflow in '-9223372036854775807 - 2'")
        #expect(failure("products select 3037000500 * 3037000500 as x") == "runtime: 1:17 whole-number overflow in '3037000500 * 3037000500'")
        #expect(failure("products select price_vnd * 9223372036854775807 as x") == "runtime: 1:17 whole-number overflow in 'price_vnd * 9223372036854775807'")
        // -9223372036854775808 is where whole numbers keep their null: the range is symmetric
        #expect(failure("products select -9223372036854775807 - 1 as x") == "runtime: 1:17 whole-number overflow in '-9223372036854775807 - 1'")
        #expect(failure("products select -4611686018427387904 * 2 as x").hasPrefix("runtime: 1:17 whole-number overflow"))
        #expect(failure("products select -9223372036854775808 as x") == "syntax: 1:18 the number 9223372036854775808 is too large (the largest is 9223372036854775807)")
        #expect(csv("products limit 1 select -9223372036854775806 - 1 as x") == ["x", "-9223372036854775807"])
        // the largest value itself is fine
        #expect(csv("products limit 1 select 9223372036854775806 + 1 as x") == ["x", "9223372036854775807"])
    }

    @Test("a negative duration is a duration: today + -30 days is today - 30 days")
    func negativeDurations() {
        #expect(count("products where certified_on > today + -30 days") == count("products where certified_on > today - 30 days"))
        #expect(count("products where expires_on < today - -2 months") == count("products where expires_on < today + 2 months"))
        #expect(csv("products limit 1 select 2024-03-31 + -1 month as d") == ["d", "2024-02-29"])
    }

    @Test("a duration the compiler cannot see the unit of, or a comparison of durations, is a type error, not a trap")
    func durationMisuse() {
        #expect(failure("products select certified_on + coalesce(30 days, 2 days) as d") == "type: 1:32 cannot use '+' with a date and coalesce(30 days, 2 days)")
        #expect(failure("products where 1 month > 20 days") == "type: 1:16 cannot compare a duration (1 month) with a duration (20 days) using '>'")
    }

    @Test func sumOverflowIsAnError() throws {
        let ds = try Support.load(["products.csv": Support.header + ",big\nA,a,c,P,3,50,2024-01-01,,p,d,c,9223372036854775807\nB,b,c,P,3,50,2024-01-01,,p,d,c,1\n"])
        let d = Support.diagnostic("products select sum(big) as s", dataset: ds)
        #expect(d?.kind == .runtime)
        #expect(d?.message == "whole-number overflow in sum()")
    }

    @Test("division by zero is an error pointing at the divisor")
    func divisionByZero() {
        #expect(failure("products select stars / 0 as x") == "runtime: 1:25 division by zero")
        #expect(failure("products select stars % 0 as x") == "runtime: 1:25 division by zero")
        #expect(failure("products select score / 0.0 as x") == "runtime: 1:25 division by zero")
        #expect(failure("products where stars = 5 select score / (stars - 5) as x") == "runtime: 1:41 division by zero")
        let d = Support.diagnostic("products select stars / (stars - 3) as x", dataset: sample)
        #expect(d?.range == SourceRange(24, 35))
        // no row reaches the division: no error
        #expect(csv("products where stars = 9 select score / 0 as x") == ["x"])
    }

    // MARK: dates

    @Test("month arithmetic clamps to the month's end")
    func monthEnds() {
        #expect(Day(iso: "2021-01-31")!.adding(months: 1) == Day(iso: "2021-02-28"))
        #expect(Day(iso: "2020-02-29")!.adding(months: 12) == Day(iso: "2021-02-28"))
        #expect(Day(iso: "2024-01-31")!.adding(months: 1) == Day(iso: "2024-02-29"))
        #expect(Day(iso: "2021-03-31")!.adding(months: -1) == Day(iso: "2021-02-28"))
        #expect(Day(iso: "2020-02-29")!.adding(months: 36) == Day(iso: "2023-02-28"))
        #expect(Day(iso: "2023-12-31")!.adding(months: 2) == Day(iso: "2024-02-29"))
        #expect(Day(iso: "9999-12-01")!.adding(months: 1) == nil)
        #expect(csv("products limit 1 select 2021-01-31 + 1 month as a, 2020-02-29 + 12 months as b, 2020-02-29 + 1 year as c, 31/03/2021 - 1 month as d")
                == ["a,b,c,d", "2021-02-28,2021-02-28,2021-02-28,2021-02-28"])
        #expect(csv("products limit 1 select 2024-02-27 + 3 days as a, 2024-01-01 + 2 weeks as b, 2024-03-01 - 1 day as c, 2024-03-01 - 2024-02-01 as gap")
                == ["a,b,c,gap", "2024-03-01,2024-01-15,2024-02-29,29"])
    }

    @Test("a duration too large for the calendar is an error, not a trap")
    func hugeDurations() {
        for unit in ["days", "weeks", "months", "years"] {
            #expect(failure("products select today + 9223372036854775807 \(unit) as d") == "runtime: 1:17 date out of range in 'today + 9223372036854775807 \(unit)'")
        }
        #expect(failure("products select today - -9223372036854775807 days as d") == "runtime: 1:17 date out of range in 'today - -9223372036854775807 days'")
        #expect(failure("products select today + 99999999 days as d") == "runtime: 1:17 date out of range in 'today + 99999999 days'")
        #expect(csv("products limit 1 select 2024-03-31 + (0 - 1) months as d") == ["d", "2024-02-29"])
    }

    @Test("today is the session's date")
    func today() {
        #expect(csv("products limit 1 select today as t, today + 90 days as soon, today - 1 year as ago") == ["t,soon,ago", "2026-11-29,2027-02-27,2025-11-29"])
        #expect(count("products where expires_on < today count") == 59)
        #expect(count("products where expires_on >= today and expires_on <= today + 90 days count") == 7)
    }

    @Test func dateFunctionsAndComparisons() {
        #expect(csv("products where id = \"SP0034\" select year(certified_on) as y, month(certified_on) as m, day(certified_on) as d, certified_on, expires_on")
                == ["y,m,d,certified_on,expires_on", "2020,2,29,2020-02-29,2023-02-28"])
        #expect(count("products where certified_on = 29/02/2020 count") == 1)
        #expect(count("products where certified_on >= 2025-07-01 count") == 18)
        #expect(count("products where year(certified_on) = 2024 count") == 38)
    }

    // MARK: text

    @Test("= compares NFC text exactly; the NFD cells of the file were normalised on load")
    func textEquality() {
        #expect(count(#"products where name = "Nghệ đen Chợ Đồn" count"#) == 1)
        // the same literal typed decomposed
        #expect(count("products where name = \"Nghe\u{0323}\u{0302} \u{0111}en Chơ\u{0323} \u{0110}ô\u{0300}n\" count") == 1)
        #expect(count(#"products where commune = "Đại Sảo" count"#) == 3)
        #expect(count(#"products where name = "nghệ đen chợ đồn" count"#) == 0)
    }

    @Test("\"Hoà\" = \"Hòa\": one word in two tone placements (canonical equality)")
    func tonePlacementEquality() {
        // SP0155 writes its district "Hiệp Hoà", five other rows "Hiệp Hòa"; SP0052 "Liêm Thuỷ"
        #expect(count(#"products where district = "Hiệp Hòa" count"#) == 6)
        #expect(count(#"products where district = "Hiệp Hoà" count"#) == 6)
        #expect(count(#"products where commune = "Liêm Thủy" count"#) == 3)
        #expect(count(#"products where commune = "Liêm Thuỷ" count"#) == 3)
        #expect(count(#"products where district in ["Hiệp Hoà", "Yên Thuỷ"] count"#) == count(#"products where district in ["Hiệp Hòa", "Yên Thủy"] count"#))
        // one group, not two
        #expect(csv(#"products where province = "Bắc Giang" group by district count where district ~ "hiep hoa""#).count == 2)
    }

    @Test("contains, starts with, ends with and ~ ignore case, tones and marks")
    func folding() {
        #expect(count(#"products where name contains "nghệ" count"#) == 10)
        #expect(count(#"products where name contains "NGHE" count"#) == 10)
        #expect(count(#"products where name contains "nghe" count"#) == 10)
        #expect(count(#"products where name starts with "tra" count"#) == 26)
        #expect(count(#"products where name ends with "BAC KAN" count"#) == 5)
        #expect(count(#"products where name ~ "nghe tinh bot" count"#) == 3)
        #expect(count(#"products where name contains "dong" count"#) == count(#"products where name contains "đồng" count"#))
        #expect(count(#"products where producer.name contains "htx" count"#) == count(#"products where producer.name starts with "HTX" count"#))
    }

    @Test func textFunctions() {
        #expect(csv(#"products where id = "SP0196" select lower(name) as l, upper(name) as u, length(name) as n, trim("  a b  ") as t"#)
                == ["l,u,n,t", "nghệ đen chợ đồn,NGHỆ ĐEN CHỢ ĐỒN,16,a b"])
        #expect(csv(#"products where district is null limit 1 select coalesce(district, "—") as d"#) == ["d", "—"])
    }

    @Test("text orders in Vietnamese order, not by code points")
    func textOrder() {
        // Đồng Tháp sorts among the Ds, not after Z as code-point order would put it
        #expect(csv("products group by province count").dropFirst().map { String($0.split(separator: ",")[0]) }
                == ["Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Đồng Tháp", "Hà Giang", "Hòa Bình", "Lạng Sơn", "Quảng Ninh", "Thái Nguyên"])
        #expect(count(#"products where province < "E" count"#) == 72 + 86 + 8 + 7)
    }

    // MARK: types and names

    @Test("type errors are found before any row is read")
    func typeErrors() {
        #expect(failure(#"products where stars >= "4""#) == "type: 1:16 cannot compare a whole number (stars) with text (\"4\") using '>='")
        #expect(failure(#"products where certified_on > "2024-01-01""#) == "type: 1:16 cannot compare a date (certified_on) with text (\"2024-01-01\") using '>'")
        #expect(failure("products where name contains 5") == "type: 1:30 'contains' works on text, but 5 is a whole number")
        #expect(failure("products where expires_on < today + 90") == "type: 1:29 cannot use '+' with a date and a whole number")
        #expect(failure("products select avg(name)") == "type: 1:17 avg() needs numbers, but name is text")
        #expect(failure("products where stars") == "type: 1:16 a condition must be true or false, but this is a whole number")
        #expect(failure("products select name + 1") == "type: 1:17 '+' needs numbers, but name is text")
        #expect(failure("products select 90 days") == "type: 1:17 a duration is not a value to show; add it to a date")
        // even with no rows at all
        #expect(failure(#"products where stars = 9 and name contains 5"#) == "type: 1:44 'contains' works on text, but 5 is a whole number")
    }

    @Test("unknown names suggest the nearest name in scope")
    func unknownNames() {
        #expect(failure(#"products where provnce = "Bắc Kạn""#) == "name: 1:16 unknown field 'provnce'")
        #expect(Support.diagnostic(#"products where provnce = "Bắc Kạn""#, dataset: sample)?.hints == ["did you mean 'province'?"])
        #expect(Support.diagnostic("products where producer.knd = 1", dataset: sample)?.message == "unknown field 'knd' in producers")
        #expect(Support.diagnostic("products where producer.knd = 1", dataset: sample)?.hints == ["did you mean 'kind'?"])
        #expect(failure("prodcts count") == "name: 1:1 unknown table or variable 'prodcts'")
        #expect(Support.diagnostic("prodcts count", dataset: sample)?.hints == ["did you mean 'products'?"])
        #expect(failure("products select yeer(certified_on)") == "name: 1:17 unknown function 'yeer'")
        #expect(Support.diagnostic("products select yeer(certified_on)", dataset: sample)?.hints == ["did you mean 'year'?"])
        #expect(failure("products group by province select province, name") == "name: 1:45 'name' is not one of the group keys")
    }

    @Test func extraColumnsAreQueryable() {
        #expect(count("products where price_vnd >= 1000000 count") == 12)
        #expect(sample.tables["products"]?.column("price_vnd")?.type == .integer)
    }

    // MARK: clauses

    @Test("clauses apply left to right: limit then sort differs from sort then limit")
    func clauseOrder() {
        #expect(csv("products limit 3 offset 30 sort by score desc select id") == ["id", "SP0031", "SP0033", "SP0032"])
        #expect(csv("products sort by score desc limit 3 select id") == ["id", "SP0027", "SP0155", "SP0153"])
        #expect(failure("products count where stars = 5") == "syntax: 1:16 'count' gives one number; nothing can follow it")
    }

    @Test("where after a grouped select filters groups")
    func groupedWhere() {
        #expect(csv("products group by province select province, count() as n where n >= 10") == ["province,n", "Bắc Giang,74", "Bắc Kạn,84", "Thái Nguyên,18"])
        #expect(csv("products group by stars count where count < 100") == ["stars,count", "4,58", "5,6"])
    }

    @Test func groupingAndAggregates() {
        #expect(csv("products group by stars select stars, count() as n, min(score) as lo, max(score) as hi, sum(stars) as s")
                == ["stars,n,lo,hi,s", "3,150,50,69,450", "4,58,70,89,232", "5,6,90,90,30"])
        #expect(csv("products group by province, stars count where province = \"Lạng Sơn\"") == ["province,stars,count", "Lạng Sơn,3,5", "Lạng Sơn,4,1"])
        #expect(csv("products group by producer.kind count") == ["producer.kind,count", "Doanh nghiệp,41", "Hộ kinh doanh,34", "Hợp tác xã,120", "Tổ hợp tác,19"])
        #expect(failure("products group by province group by stars") == "syntax: 1:28 the rows are already grouped")
    }

    @Test("distinct keeps the first of each identical row, in file order")
    func distinct() {
        #expect(csv("products where stars = 5 select stars distinct") == ["stars", "5"])
        #expect(csv("products select province distinct").count == 10)
        // the two spellings of one district are one value, as for = and group by
        #expect(csv(#"products where district ~ "hiep hoa" select district distinct"#).count == 2)
    }

    @Test("limit and offset")
    func limitOffset() {
        #expect(csv("products limit 2 offset 3 select id") == ["id", "SP0004", "SP0005"])
        #expect(csv("products offset 212 select id") == ["id", "SP0213", "SP0214"])
        #expect(csv("products limit 0 select id") == ["id"])
        #expect(csv("products limit 5 offset 500 select id") == ["id"])
        // limit + offset beyond Int.max after a sort: no trap
        #expect(count("products sort by score limit 9223372036854775806 offset 5 count") == 209)
        #expect(count("products limit 9223372036854775807 offset 9223372036854775807 count") == 0)
    }

    // MARK: relations and variables

    @Test func relations() {
        #expect(count(#"products where producer.kind = "Hợp tác xã" count"#) == 120)
        #expect(csv(#"products where id = "SP0156" select producer.name, producer.kind"#) == ["producer.name,producer.kind", "Hợp tác xã Tài Hoan,Hợp tác xã"])
        #expect(count("producers where count(products) >= 3 count") == 17)
        #expect(count("producers where count(products) = 0 count") == 0)
        #expect(csv(#"producers where id = "NSX009" select count(products) as n, count(products where stars = 4) as four, sum(products.stars) as s, avg(products.score) as a"#)
                == ["n,four,s,a", "3,2,11,73"])
        #expect(failure("producers select name, products") == "type: 1:24 'products' is a set of products, not one value")
        #expect(failure("products select producer") == "type: 1:17 'producer' is one row of producers, not a value; name one of its fields")
    }

    @Test func variables() {
        let r = Support.run("let bk = products where province = \"Bắc Kạn\"\nbk where stars = 4 count\nbk count\nlet bk = bk where stars = 5\nbk count", dataset: sample)
        #expect(r.out == "24\n84\n4\n")
        #expect(r.exit == 0)
        #expect(failure("let products = producers") == "name: 1:5 'products' is a table; choose another name")
        #expect(failure("let n = products count") == "type: 1:9 let names rows; 'n' would be one number")
    }
}

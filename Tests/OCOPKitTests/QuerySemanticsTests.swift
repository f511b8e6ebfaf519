import Foundation
import Testing
@testable import OCOPKit

/// What a query means where it used to mean something else (issue 14, "correctness found on
/// the way"): group keys matched by structure, errors that reach the user, count of a
/// condition, count(distinct x), names a select shows.
@Suite("Query semantics")
struct QuerySemanticsTests {
    /// The one value of a one-row, one-column result.
    static func csvValue(_ q: String) -> String {
        let r = ReportKit.run(q) { $0.render.format = .csv }
        let lines = r.out.split(separator: "\n")
        return r.exit == 0 && lines.count == 2 ? String(lines[1]) : "FAILED: \(r)"
    }

    @Test("a group key is matched by its syntax tree, not by its text without spaces")
    func groupKeysByStructure() {
        let bad = ReportKit.run("products group by province = \"Bắc Kạn\" select province=\"BắcKạn\"", name: "s")
        #expect(bad.exit == 1, "\"BắcKạn\" is another text: not the key")
        #expect(bad.err.contains("is not one of the group keys"), "\(bad.err)")
        let year = ReportKit.run("products group by year(certified_on) select YEAR( certified_on ) as y, count() as n") { $0.render.format = .csv }
        #expect(year.exit == 0, "\(year.err)")
        let same = ReportKit.run("products group by year(certified_on) count") { $0.render.format = .csv }
        #expect(year.out.split(separator: "\n").dropFirst() == same.out.split(separator: "\n").dropFirst())
        #expect(year.out.split(separator: "\n").count > 3)
        let spaced = ReportKit.run("products group by province = \"Bắc Kạn\" select province  =  \"Bắc Kạn\" as bk, count() as n")
        #expect(spaced.exit == 0, "\(spaced.err)")
        #expect(spaced.out.contains("true") && spaced.out.contains("84"), "\(spaced.out)")
    }

    @Test("an error inside count(RELATION where …) is the statement's error, not a zero")
    func noSwallowedErrors() {
        let r = ReportKit.run("producers select count(products where stars / 0 > 1)", name: "s")
        #expect(r.exit == 1)
        #expect(r.out == "")
        #expect(r.err.hasPrefix("s:1:47: error: division by zero"), "\(r.err)")
        let grouped = ReportKit.run("products group by stars / 0 count", name: "s")
        #expect(grouped.exit == 1)
        #expect(grouped.err.contains("division by zero"), "\(grouped.err)")
    }

    @Test("count(CONDITION) counts the rows where it holds")
    func countOfACondition() {
        let r = ReportKit.run("products group by province select province, count(stars = 3) as three, count() as n") { $0.render.format = .csv }
        #expect(r.exit == 0, "\(r.err)")
        let rows = r.out.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count > 3)
        for row in rows {
            let province = String(row[0])
            let want = Support.value("products where province = \"\(province)\" and stars = 3 count")
            #expect(String(row[1]) == want, "\(province)")
        }
        #expect(rows.contains { $0[1] != $0[2] }, "not the group size")
        // over a relation, and with null: a condition that is unknown is not counted
        #expect(Self.csvValue("products select count(expires_on > today)") == Support.value("products where expires_on > today count"))
    }

    @Test("count(distinct x): the different values, as = compares text")
    func countDistinct() {
        let r = ReportKit.run("products group by province select province, count(distinct category) as c") { $0.render.format = .csv }
        #expect(r.exit == 0, "\(r.err)")
        let rows = r.out.split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        #expect(rows.count > 3)
        for row in rows {
            let categories = ReportKit.run("products where province = \"\(row[0])\" and category is not null group by category count") { $0.render.format = .csv }
            #expect(Int(row[1]) == categories.out.split(separator: "\n").count - 1, "\(row[0])")
        }
        #expect(Self.csvValue("products select count(distinct province)") == String(ReportKit.run("products group by province count") { $0.render.format = .csv }.out.split(separator: "\n").count - 1))
        let help = ReportKit.run("help count()")
        #expect(help.out.contains("count(distinct x)"))
    }

    @Test("a selected column keeps the name it shows: later clauses can write it again")
    func selectedNames() {
        let kind = ReportKit.run("products select name, producer.kind sort by producer.kind desc, name limit 3")
        #expect(kind.exit == 0, "\(kind.err)")
        let direct = ReportKit.run("products sort by producer.kind desc, name limit 3 select name, producer.kind")
        #expect(kind.out == direct.out)
        let avg = ReportKit.run("products group by category select category, avg(score) sort by avg(score) desc limit 1") { $0.render.format = .csv }
        #expect(avg.exit == 0, "\(avg.err)")
        let byAlias = ReportKit.run("products group by category select category, avg(score) as a sort by a desc limit 1 select category") { $0.render.format = .csv }
        let top = byAlias.out.split(separator: "\n")
        #expect(top.count == 2)
        #expect(avg.out.contains(String(top.last ?? "?")), "\(avg.out)")
        // a literal a select shows is not what every later literal means
        #expect(Support.value("products select name, 2 as two where two = 2 and 1 = 1 count") == "214")
    }
}

@Suite("Pivot")
struct PivotTests {
    @Test("pivot ROWS by COLUMNS: each cell is the count of rows with both values, total the row's count")
    func crossTab() throws {
        let r = ReportKit.run("products pivot province by stars") { $0.render.format = .csv }
        #expect(r.exit == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        #expect(header == ["province", "3", "4", "5", "total"])
        #expect(lines.count - 1 == Int(QuerySemanticsTests.csvValue("products select count(distinct province)")))
        for row in lines.dropFirst() {
            for (i, stars) in header.enumerated() where i > 0 && i < header.count - 1 {
                #expect(row[i] == Support.value("products where province = \"\(row[0])\" and stars = \(stars) count"), "\(row[0]) \(stars)")
            }
            #expect(row.last == Support.value("products where province = \"\(row[0])\" count"))
        }
        // a later clause sorts it like any result; a bad key is a check error with its position
        let sorted = ReportKit.run("products pivot province by stars sort by total desc limit 1 select province")
        #expect(sorted.out.contains("Bắc Kạn"), "\(sorted.out)")
        let bad = ReportKit.run("products count\nproducts pivot provnce by stars", name: "s")
        #expect(bad.out == "")
        #expect(bad.err.hasPrefix("s:2:16: error: unknown field 'provnce'"), "\(bad.err)")
        let noBy = ReportKit.run("products pivot province stars", name: "s")
        #expect(noBy.exit == 1)
        #expect(noBy.err.contains("'by'"), "\(noBy.err)")
    }

    @Test("help pivot in both languages")
    func help() {
        #expect(ReportKit.run("help pivot").out.contains("pivot ROWS by COLUMNS makes a cross-tab"))
        #expect(ReportKit.run("help pivot") { $0.lang = .vi }.out.contains("tạo bảng chéo"))
    }
}

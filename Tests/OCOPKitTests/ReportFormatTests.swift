import Foundation
import Testing
@testable import OCOPKit

/// Output formats of reports: table (stars, separators, cutting long results on a terminal),
/// CSV (RFC 4180, Excel's byte order mark), JSON (typed values), markdown. The CSV and JSON
/// are read back by independent readers: python3's csv module and JSONSerialization.
@Suite("Report formats")
struct ReportFormatTests {
    /// The 5★ rows (published ones without a score or a day among them), a decimal score and a
    /// name with double quotes.
    static let fiveStars = #"products where stars = 5 or id in ["SP0053", "SP0177"] select id, name, province, stars, score, certified_on, district"#

    func output(_ statement: String, _ configure: (inout SessionOptions) -> Void = { _ in }) -> String {
        let r = ReportKit.run(statement, configure)
        #expect(r.err == "" && r.exit == 0, "\(r)")
        return r.out
    }

    // MARK: table

    @Test("table: stars as ★★★★☆, numbers grouped by thousands, ids and years not")
    func tableGolden() {
        #expect(output(Self.fiveStars + " limit 3") == """
        ┌────────┬──────────────────────────────────┬─────────────┬───────┬───────┬──────────────┬───────────────────────┐
        │ id     │ name                             │ province    │ stars │ score │ certified_on │ district              │
        ├────────┼──────────────────────────────────┼─────────────┼───────┼───────┼──────────────┼───────────────────────┤
        │ SP0014 │ Vải thiều Lục Ngạn               │ Bắc Giang   │ ★★★★★ │       │              │ Lục Ngạn              │
        │ SP0027 │ Chè Tân Cương đặc biệt           │ Thái Nguyên │ ★★★★★ │    90 │ 2019-06-25   │ Thành phố Thái Nguyên │
        │ SP0053 │ Hồng không hạt sấy dẻo Dương Sơn │ Bắc Kạn     │ ★★★★☆ │ 87.68 │ 2021-04-06   │ Na Rì                 │
        └────────┴──────────────────────────────────┴─────────────┴───────┴───────┴──────────────┴───────────────────────┘
        3 rows

        """)
        let money = output("products where price_vnd > 1000000 limit 2 select id, price_vnd, score * 1000.5 as s")
        #expect(money.contains("│ SP0025 │ 1,500,000 │ 69,034.5 │"), "\(money)")
        #expect(money.contains("│ SP0030 │ 2,000,000 │   50,025 │"), "\(money)")
        let years = output("products group by year(certified_on) count")
        #expect(years.contains(" 2019 │    11 │") && !years.contains("2,019"), "\(years)")
    }

    @Test("stars: only an integer column named stars with 1–5 becomes ★; other values stay numbers")
    func starsOnlyWhereTheyMean() {
        let t = ResultTable(columns: ["stars", "n"], types: [.integer, .integer], count: 4) { r, c in
            c == 0 ? [.integer(1), .integer(3), .integer(6), .null][r] : .integer(Int64(r))
        }
        let out = Renderer.render(t, RenderOptions())
        #expect(out.contains("│ ★☆☆☆☆ │"))
        #expect(out.contains("│ ★★★☆☆ │"))
        #expect(out.contains("│     6 │"))
        #expect(out.contains("│       │"))
        // a decimal column named stars, and stars under another name, are numbers
        #expect(output("products where id = 'SP0014' select stars * 1.0 as stars, stars as rating").contains("│     5 │      5 │"))
        #expect(ValueFormat.stars(4) == "★★★★☆")
        #expect(ValueFormat.stars(0) == nil)
        // numbers stay numbers in every other format
        for f in ["csv", "json", "markdown"] {
            let out = output("set format \(f)\nproducts where id = 'SP0014' select id, stars")
            #expect(!out.contains("★"), "\(f): \(out)")
            #expect(out.contains("5"))
        }
    }

    @Test("decimals get thousands separators in tables only")
    func groupedDecimals() {
        #expect(ValueFormat.groupedDecimal(1234567.5) == "1,234,567.5")
        #expect(ValueFormat.groupedDecimal(-1234.25) == "-1,234.25")
        #expect(ValueFormat.groupedDecimal(999.5) == "999.5")
        #expect(ValueFormat.groupedDecimal(1000) == "1,000")
        #expect(ValueFormat.groupedDecimal(-0.5) == "-0.5")
        let csv = output("set format csv\nproducts where id = 'SP0030' select price_vnd * 1.5 as p")
        #expect(csv == "p\n3000000\n")
    }

    // MARK: cutting long tables

    @Test("on a terminal, a long table shows its first and last rows, the count and how to see all")
    func truncatedOnTerminal() {
        let cut = output("products select id, stars") { $0.terminal = true; $0.render.maxRows = 6 }
        let lines = cut.split(separator: "\n").map(String.init)
        #expect(lines.suffix(2) == ["214 rows (6 shown)", "(--max-rows all shows every row)"])
        #expect(lines.contains("│ SP0001 │ ★★★☆☆ │"))
        #expect(lines.contains("│ SP0214 │ ★★★☆☆ │"))
        #expect(!lines.contains { $0.contains("SP0100") })
        #expect(lines.filter { $0.hasPrefix("│ SP") }.count == 6)
        // at the REPL the hint names the setting
        let repl = output("products select id") { $0.interactive = true; $0.render.maxRows = 40 }
        #expect(repl.hasSuffix("214 rows (40 shown)\n(set max_rows all shows every row)\n"))
        // set max_rows all turns it off
        let all = output("set max_rows all\nproducts select id") { $0.terminal = true; $0.render.maxRows = 6 }
        #expect(all.hasSuffix("\n214 rows\n"))
    }

    @Test("piped output and the other formats are never cut")
    func neverCutWhenPiped() {
        let piped = output("products select id") { $0.render.maxRows = 6 }
        #expect(piped.hasSuffix("│ SP0214 │\n└────────┘\n214 rows\n"))
        #expect(piped.contains("SP0100"))
        for f in ["csv", "json", "markdown"] {
            let out = output("set format \(f)\nproducts select id") { $0.terminal = true; $0.render.maxRows = 6 }
            #expect(out.contains("SP0100") && out.contains("SP0214"), "\(f)")
        }
    }

    // MARK: CSV

    @Test("CSV: RFC 4180 with a header row, Vietnamese and quotes, read back by python3's csv module")
    func csvGolden() throws {
        let out = output("set format csv\n" + Self.fiveStars)
        #expect(out == """
        id,name,province,stars,score,certified_on,district
        SP0014,Vải thiều Lục Ngạn,Bắc Giang,5,,,Lục Ngạn
        SP0027,Chè Tân Cương đặc biệt,Thái Nguyên,5,90,2019-06-25,Thành phố Thái Nguyên
        SP0053,Hồng không hạt sấy dẻo Dương Sơn,Bắc Kạn,4,87.68,2021-04-06,Na Rì
        SP0116,VICUMAX LIMITED NANO CURCUMIN,Bắc Kạn,5,,,Thành phố Bắc Kạn
        SP0117,VICUMAX MẬT ONG NANO CURCUMIN,Bắc Kạn,5,,,Thành phố Bắc Kạn
        SP0118,VICUMAX NANO CURCUMIN,Bắc Kạn,5,,,Thành phố Bắc Kạn
        SP0156,Miến dong Tài Hoan,Bắc Kạn,5,,2024-06-25,Na Rì
        SP0177,"Trà ""Shan tuyết"" cổ thụ",Hà Giang,4,82,2025-01-02,Vị Xuyên

        """)
        let rows = try ReportKit.pythonCSV(Data(out.utf8))
        #expect(rows.count == 9)
        #expect(rows[0] == ["id", "name", "province", "stars", "score", "certified_on", "district"])
        #expect(rows[8] == ["SP0177", "Trà \"Shan tuyết\" cổ thụ", "Hà Giang", "4", "82", "2025-01-02", "Vị Xuyên"])
        #expect(rows[7][1] == "Miến dong Tài Hoan" && rows[7][4] == "")
    }

    @Test("CSV: embedded commas, line breaks and nulls survive a round trip")
    func csvTricky() throws {
        let t = ResultTable(columns: ["name", "note", "n"], types: [.text, .text, .integer], count: 2) { r, c in
            [[.text("Măng ớt, măng chua"), .text("dòng 1\ndòng 2"), .integer(1204)],
             [.text("Rượu \"men lá\""), .null, .null]][r][c]
        }
        var o = RenderOptions()
        o.format = .csv
        let rows = try ReportKit.pythonCSV(Data(Renderer.render(t, o).utf8))
        #expect(rows == [["name", "note", "n"], ["Măng ớt, măng chua", "dòng 1\ndòng 2", "1204"], ["Rượu \"men lá\"", "", ""]])
    }

    @Test("--excel: a byte order mark once, CRLF line ends; Excel's reader sees the same rows")
    func excel() throws {
        let out = output("set format csv\n" + Self.fiveStars + "\nproducts count") { $0.render.excel = true }
        let bytes = Array(out.utf8)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(out.components(separatedBy: "\u{FEFF}").count == 2, "one byte order mark only")
        #expect(out.hasSuffix("\r\ncount\r\n214\r\n"))
        #expect(!out.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let rows = try ReportKit.pythonCSV(Data(out.utf8), encoding: "utf-8-sig")
        #expect(rows.first == ["id", "name", "province", "stars", "score", "certified_on", "district"])
        #expect(rows[2][1] == "Chè Tân Cương đặc biệt")
        #expect(rows.last == ["214"])
        // set excel on does the same in a script or at the REPL
        #expect(output("set format csv\nset excel on\nproducts count").hasPrefix("\u{FEFF}count\r\n"))
    }

    // MARK: JSON

    @Test("JSON: an array of objects with typed values, read back by JSONSerialization")
    func jsonTyped() throws {
        let out = output("set format json\n" + Self.fiveStars)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        #expect(parsed.count == 8)
        let first = parsed[0]
        #expect(first["name"] as? String == "Vải thiều Lục Ngạn")
        #expect(first["stars"] as? Int == 5)
        #expect(first["score"] is NSNull && first["certified_on"] is NSNull)
        #expect(parsed[1]["score"] as? Double == 90)
        #expect(parsed[1]["certified_on"] as? String == "2019-06-25")
        #expect(parsed[2]["score"] as? Double == 87.68)
        #expect(parsed[7]["name"] as? String == "Trà \"Shan tuyết\" cổ thụ")
        // null is null, dates stay ISO even with date_style vn
        let nulls = output("set format json\nset date_style vn\nproducts where district is null and certified_on is not null limit 1 select id, district, certified_on")
        let row = try #require((try JSONSerialization.jsonObject(with: Data(nulls.utf8)) as? [[String: Any]])?.first)
        #expect(row["district"] is NSNull)
        #expect((row["certified_on"] as? String)?.count == 10 && (row["certified_on"] as? String)?.contains("-") == true)
        #expect(output("set format json\nproducts count") == "214\n")
    }

    // MARK: markdown

    @Test("markdown: a pipe table, numbers right-aligned")
    func markdownGolden() {
        #expect(output("set format markdown\n" + Self.fiveStars + " limit 2") == """
        | id | name | province | stars | score | certified_on | district |
        |---|---|---|---:|---:|---|---|
        | SP0014 | Vải thiều Lục Ngạn | Bắc Giang | 5 |  |  | Lục Ngạn |
        | SP0027 | Chè Tân Cương đặc biệt | Thái Nguyên | 5 | 90 | 2019-06-25 | Thành phố Thái Nguyên |

        """)
    }

    @Test("date_style vn writes dd/mm/yyyy in tables, CSV and print")
    func dateStyle() {
        let out = output("set date_style vn\nset format csv\nproducts where id = 'SP0027' select certified_on\nprint \"{today}\"")
        #expect(out == "certified_on\n25/06/2019\n29/11/2026\n")
    }

    @Test("the command line: --format, --excel, --max-rows")
    func commandLine() throws {
        let csv = try ReportKit.ocop(["--format", "csv", "--excel", "-e", "products where stars = 5 count"])
        #expect(csv == ReportKit.Run(out: "\u{FEFF}count\r\n6\r\n", err: "", exit: 0))
        let md = try ReportKit.ocop(["--format", "markdown", "-e", "products where stars = 5 limit 1 select id"])
        #expect(md.out == "| id |\n|---|\n| SP0014 |\n")
        // piped: never cut, whatever --max-rows says
        let piped = try ReportKit.ocop(["--max-rows", "4", "-e", "products select id"])
        #expect(piped.out.hasSuffix("214 rows\n"))
        let bad = try ReportKit.ocop(["--max-rows", "many", "-e", "products count"])
        #expect(bad.exit == 2 && bad.err.contains("--max-rows"))
    }
}

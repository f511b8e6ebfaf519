import Foundation
import Testing
@testable import OCOPKit

/// `… chart`: horizontal bars of Unicode eighth blocks scaled to the width, labels aligned by
/// display width, the value at the end; `#` with --ascii.
@Suite("Charts")
struct ChartTests {
    /// Bắc Kạn 86, Bắc Giang 72, Hà Giang 5 (the sample's counts), the Hà Giang label in NFD.
    static var provinces: ResultTable {
        ResultTable(columns: ["province", "count"], types: [.text, .integer], count: 3) { r, c in
            let rows: [[Value]] = [[.text("Bắc Kạn"), .integer(86)], [.text("Bắc Giang"), .integer(72)],
                                   [.text("Hà Giang".decomposedStringWithCanonicalMapping), .integer(5)]]
            return rows[r][c]
        }
    }

    func chart(_ t: ResultTable, width: Int, ascii: Bool = false) -> String {
        var o = RenderOptions()
        o.width = width
        o.ascii = ascii
        return Chart.render(t, o)
    }

    @Test("40 columns: the largest value fills what the label and value leave; eighths round")
    func narrow() {
        // bars get 40 - 9 (label) - 2 (value) - 2 (spaces) = 27 cells; 72/86·27 = 22.60 → 22 and 5/8
        #expect(chart(Self.provinces, width: 40) == """
        Bắc Kạn   ███████████████████████████ 86
        Bắc Giang ██████████████████████▋ 72
        Hà Giang  █▋ 5

        """)
    }

    @Test("60 columns: the same chart scaled to 47 cells")
    func wide() {
        // 72/86·47 = 39.35 → 39 and 3/8; 5/86·47 = 2.73 → 2 and 6/8
        let out = chart(Self.provinces, width: 60)
        #expect(out == """
        Bắc Kạn   ███████████████████████████████████████████████ 86
        Bắc Giang ███████████████████████████████████████▍ 72
        Hà Giang  ██▊ 5

        """)
        #expect(out.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() == 60)
    }

    @Test("--ascii draws whole cells of #")
    func ascii() {
        #expect(chart(Self.provinces, width: 40, ascii: true) == """
        Bắc Kạn   ########################### 86
        Bắc Giang ####################### 72
        Hà Giang  ## 5

        """)
    }

    @Test("small, zero, negative and null values; decimals; several label columns")
    func edgeValues() {
        let t = ResultTable(columns: ["province", "stars", "avg"], types: [.text, .integer, .decimal], count: 4) { r, c in
            let rows: [[Value]] = [[.text("A"), .integer(3), .decimal(1500.5)], [.text("B"), .integer(4), .decimal(1)],
                                   [.text("C"), .null, .decimal(0)], [.null, .integer(5), .null]]
            return rows[r][c]
        }
        let lines = chart(t, width: 40).split(separator: "\n").map(String.init)
        // bars get 40 - 10 - 7 - 2 = 21 cells
        #expect(lines[0] == "A · 3      " + String(repeating: "█", count: 21) + " 1,500.5")
        #expect(lines[1] == "B · 4      ▏ 1", "a positive value shows at least an eighth")
        #expect(lines[2] == "C · (null) 0")
        #expect(lines[3] == "(null) · 5", "no bar and no value for null; no trailing space")
        #expect(chart(ResultTable(columns: ["k", "n"], types: [.text, .integer], count: 0) { _, _ in .null }, width: 40) == "0 rows\n")
    }

    @Test("long labels are cut to a third of the width, with an ellipsis")
    func longLabels() {
        let t = ResultTable(columns: ["category", "n"], types: [.text, .integer], count: 2) { r, c in
            c == 0 ? .text(["Dược liệu và sản phẩm từ dược liệu", "Đồ uống"][r]) : .integer(Int64(3 + r))
        }
        let lines = chart(t, width: 60).split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("Dược liệu và sản ph… █"))
        #expect(lines[1].hasPrefix("Đồ uống" + String(repeating: " ", count: 13) + " █"))
    }

    @Test("a grouped query ending in chart, at the session's width or the terminal's")
    func fromQuery() {
        let r = ReportKit.run("products where province in ['Bắc Kạn', 'Bắc Giang', 'Hà Giang'] group by province count chart") { $0.render.width = 40 }
        #expect(r.err == "" && r.exit == 0)
        #expect(r.out == "Bắc Giang ███████████████████████▊ 74\nBắc Kạn   ███████████████████████████ 84\nHà Giang  █▋ 5\n")
        // the terminal's width, asked before each chart, wins over the setting
        let (s, sink) = ReportKit.session { $0.render.width = 40 }
        s.terminalWidth = { 100 }
        s.run("products group by province count chart")
        #expect(sink.output.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() == 100)
        // sorted, with a select, and --ascii through set
        let sorted = ReportKit.run("set ascii on\nproducts group by category select category, avg(score) as avg_score sort by avg_score desc chart")
        #expect(sorted.exit == 0)
        #expect(!sorted.out.contains("█") && sorted.out.contains("#"))
        #expect(sorted.out.split(separator: "\n").count == 6)
    }

    @Test("chart needs rows whose last column is a number, and says where")
    func errors() {
        let scalar = ReportKit.run("products count chart")
        #expect(scalar.exit == 1)
        #expect(scalar.err.hasPrefix("<test>:1:16: error: a chart needs rows, but this query gives one number\n"))
        let text = ReportKit.run("products group by province select province, min(name) as first chart")
        #expect(text.err.contains("error: a chart draws the last column, but 'first' is not a number"))
        let one = ReportKit.run("products select score chart")
        #expect(one.err.contains("error: a chart needs a label and a number in each row"))
        let syntax = ReportKit.run("let x = products chart")
        #expect(syntax.exit == 1 && syntax.err.contains("'chart' cannot end this statement"))
    }

    @Test("the command line: COLUMNS sets the width; --ascii")
    func commandLine() throws {
        let r = try ReportKit.ocop(["--ascii", "-e", "products where province in ['Bắc Kạn', 'Bắc Giang', 'Hà Giang'] group by province count chart"],
                                   environment: ["COLUMNS": "40"])
        #expect(r == ReportKit.Run(out: "Bắc Giang ######################## 74\nBắc Kạn   ########################### 84\nHà Giang  ## 5\n", err: "", exit: 0))
        let piped = try ReportKit.ocop(["-e", "products group by province count chart"])
        #expect(piped.out.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() == 80, "80 columns when no terminal says otherwise")
    }
}

import Testing
@testable import OCOPKit

@Suite("Table rendering")
struct RendererTests {
    func table(_ columns: [String], _ types: [DataType], _ rows: [[Value]], _ o: RenderOptions = RenderOptions()) -> String {
        Renderer.render(ResultTable(columns: columns, types: types, count: rows.count) { r, c in rows[r][c] }, o)
    }

    @Test("box drawing, a header rule, numbers right and text left, an 'N rows' footer")
    func boxDrawing() {
        let out = table(["name", "n", "score"], [.text, .integer, .decimal], [
            [.text("Miến dong Tài Hoan"), .integer(5), .decimal(91.14)],
            [.text("Trà"), .integer(3), .decimal(59)],
        ])
        #expect(out == """
        ┌────────────────────┬───┬───────┐
        │ name               │ n │ score │
        ├────────────────────┼───┼───────┤
        │ Miến dong Tài Hoan │ 5 │ 91.14 │
        │ Trà                │ 3 │    59 │
        └────────────────────┴───┴───────┘
        2 rows

        """)
    }

    @Test("1 row, 0 rows, and a thousands separator in the footer")
    func footers() {
        #expect(table(["n"], [.integer], [[.integer(1)]]).hasSuffix("┘\n1 row\n"))
        #expect(table(["n"], [.integer], []) == "┌───┐\n│ n │\n├───┤\n└───┘\n0 rows\n")
        let many = (0..<1204).map { [Value.integer(Int64($0))] }
        #expect(table(["n"], [.integer], many).hasSuffix("\n1,204 rows\n"))
    }

    @Test("columns line up for Vietnamese text, NFC or NFD: widths count Characters, not bytes or UTF-16")
    func vietnameseAlignment() {
        let nfc = "Nghệ đen Chợ Đồn"
        let nfd = "Nghe\u{0323}\u{0302} \u{0111}en Chơ\u{0323} \u{0110}ô\u{0300}n"
        #expect(nfc.utf8.count != nfd.utf8.count)
        let out = table(["name", "n"], [.text, .integer], [[.text(nfc), .integer(1)], [.text(nfd), .integer(22)], [.text("Bắc Kạn"), .integer(333)]])
        let lines = out.split(separator: "\n").dropLast()    // the footer is not part of the box
        #expect(Set(lines.map(\.count)).count == 1, "every line of the box has the same number of Characters:\n\(out)")
        #expect(Set(lines.map { DisplayWidth.of(String($0)) }).count == 1)
        // the right border sits in the same column on every line
        #expect(lines.allSatisfy { $0.last == "│" || $0.last == "┐" || $0.last == "┤" || $0.last == "┘" })
        #expect(lines[3] == "│ Nghệ đen Chợ Đồn │   1 │")
    }

    @Test("null prints as an empty cell; whole numbers get thousands separators except ids")
    func cellFormats() {
        let out = table(["id", "price", "d", "b", "x"], [.integer, .integer, .date, .boolean, .decimal], [
            [.integer(12345), .integer(1_620_000), .date(Day(iso: "2024-01-31")!), .boolean(true), .null],
            [.integer(7), .null, .null, .boolean(false), .decimal(-0.5)],
        ])
        #expect(out.contains("│ 12345 │ 1,620,000 │ 2024-01-31 │ true  │      │"))
        #expect(out.contains("│     7 │           │            │ false │ -0.5 │"))
    }

    @Test("decimals: no trailing zeros, at most six places, no exponent")
    func decimals() {
        #expect(ValueFormat.decimal(80) == "80")
        #expect(ValueFormat.decimal(91.14) == "91.14")
        #expect(ValueFormat.decimal(66.13302083333) == "66.133021")
        #expect(ValueFormat.decimal(-0.25) == "-0.25")
        #expect(ValueFormat.decimal(1e20) == "100000000000000000000")
        #expect(ValueFormat.grouped(-1234567) == "-1,234,567")
        #expect(ValueFormat.grouped(999) == "999")
    }

    @Test("long cells are cut to 40 columns with an ellipsis; embedded newlines print as spaces")
    func longCells() {
        let long = "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch"
        let out = table(["category"], [.text], [[.text(long)], [.text("two\nlines")]])
        #expect(out.contains("│ Dịch vụ du lịch cộng đồng, du lịch sinh… │"))
        #expect(out.contains("│ two lines "))
    }

    @Test("an interactive session shows the first and last rows of a long result")
    func elision() {
        var o = RenderOptions()
        o.maxRows = 4
        let out = table(["n"], [.integer], (1...10).map { [Value.integer(Int64($0))] }, o)
        #expect(out == "┌────┐\n│ n  │\n├────┤\n│  1 │\n│  2 │\n│ ·  │\n│  9 │\n│ 10 │\n└────┘\n10 rows (4 shown)\n")
    }

    @Test func otherFormats() {
        let cols = ["name", "n", "d"]
        let types: [DataType] = [.text, .integer, .date]
        let rows: [[Value]] = [[.text("Măng ớt, \"chua\""), .integer(1204), .date(Day(iso: "2024-01-31")!)], [.null, .null, .null]]
        var o = RenderOptions()
        o.format = .csv
        #expect(table(cols, types, rows, o) == "name,n,d\n\"Măng ớt, \"\"chua\"\"\",1204,2024-01-31\n,,\n")
        o.format = .json
        #expect(table(cols, types, rows, o) == "[\n  {\"name\": \"Măng ớt, \\\"chua\\\"\", \"n\": 1204, \"d\": \"2024-01-31\"},\n  {\"name\": null, \"n\": null, \"d\": null}\n]\n")
        #expect(table(cols, types, [], o) == "[]\n")
        o.format = .markdown
        #expect(table(["a|b", "n"], [.text, .integer], [[.text("x|y"), .integer(2)]], o) == "| a\\|b | n |\n|---|---:|\n| x\\|y | 2 |\n")
        o.dateStyle = .vn
        o.format = .table
        #expect(table(["d"], [.date], [[.date(Day(iso: "2024-01-31")!)]], o).contains("│ 31/01/2024 │"))
    }

    @Test("a count prints as a bare number")
    func scalar() {
        #expect(Renderer.scalar(.integer(214), label: "count", RenderOptions()) == "214\n")
        #expect(Support.run("products count").out == "214\n")
    }
}

import Foundation
import Testing
@testable import OCOPKit

/// `export "f.xlsx"` (issue 15): the workbook the built binary writes is read back by openpyxl
/// (types, values, bold frozen header, widths) AND converted by LibreOffice headless (the CSV
/// it shows, the types it took the cells for), through Tools/xlsx_readback.py. The expected
/// values are ocop's own CSV of the same query, a different writer of the same result.
/// `make deps` installs openpyxl and LibreOffice; without them these tests fail saying so.
@Suite("Spreadsheets: workbooks written by export, read by openpyxl and LibreOffice")
struct WorkbookExportTests {
    struct Sheet {
        var name: String
        /// openpyxl: each row's cells as (type, value as text); nil for an empty cell.
        var cells: [[(type: String, value: String)?]]
        var headerBold: [Bool], bodyBold: [Bool]
        var freeze: String?
        var widths: [String: Double]
        /// LibreOffice: the CSV as shown, and the value type of each cell.
        var shown: [[String]]
        var types: [[String?]]
    }

    static func readBack(_ path: String) throws -> [Sheet] {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("readback.json")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", ReportKit.root.appendingPathComponent("Tools/xlsx_readback.py").path, path, out.path]
        let err = dir.appendingPathComponent("err")
        FileManager.default.createFile(atPath: err.path, contents: nil)
        p.standardError = try FileHandle(forWritingTo: err)
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw ReportKit.Missing(description: "Tools/xlsx_readback.py failed: " + String(decoding: try Data(contentsOf: err), as: UTF8.self))
        }
        guard let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any],
              let books = json["openpyxl"] as? [[String: Any]], let lo = json["libreoffice"] as? [String: Any],
              let shown = lo["shown"] as? [String: [[String]]], let types = lo["types"] as? [String: [[Any]]]
        else { throw ReportKit.Missing(description: "unreadable output of xlsx_readback.py") }
        return books.map { b in
            let name = b["name"] as? String ?? ""
            let rows = (b["rows"] as? [[Any]] ?? []).map { row in
                row.map { c -> (type: String, value: String)? in
                    guard let c = c as? [String: Any], let t = c["t"] as? String else { return nil }
                    let v = c["v"]
                    switch t {
                    case "bool": return (t, (v as? Bool) == true ? "true" : "false")
                    case "int": return (t, "\((v as? NSNumber)?.int64Value ?? 0)")
                    case "float": return (t, ValueFormat.decimal((v as? NSNumber)?.doubleValue ?? .nan))
                    case "date": return (t + "|" + (c["format"] as? String ?? ""), v as? String ?? "")
                    default: return (t, v as? String ?? "")
                    }
                }
            }
            return Sheet(name: name, cells: rows, headerBold: b["header_bold"] as? [Bool] ?? [],
                         bodyBold: b["body_bold"] as? [Bool] ?? [], freeze: b["freeze"] as? String,
                         widths: (b["widths"] as? [String: NSNumber] ?? [:]).mapValues(\.doubleValue),
                         shown: shown[name] ?? [], types: (types[name] ?? []).map { $0.map { $0 as? String } })
        }
    }

    /// The CSV ocop shows for `query` (`--format csv`, dates as `style`), parsed by python3.
    static func csv(_ query: String, dateStyle: String = "iso") throws -> [[String]] {
        let r = try ReportKit.ocop(["--format", "csv", "-e", "set date_style \(dateStyle)\n\(query)"])
        #expect(r.exit == 0, "\(r.err)")
        return try ReportKit.pythonCSV(Data(r.out.utf8))
    }

    static let query = "products where score >= 85 select id, name, province, score, stars, certified_on, expires_on, score > 88 as top"

    @Test("typed cells: numbers as numbers, dates as dd/mm/yyyy dates, text, booleans; bold frozen header; widths fit")
    func oneSheet() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("năm sao.xlsx").path
        let r = try ReportKit.ocop(["-e", "\(Self.query) export \"\(path)\""])
        #expect(r.exit == 0 && r.out == "" && r.err == "", "\(r.err)")
        #expect(ReportKit.files(in: dir) == ["năm sao.xlsx"], "no temporary file is left behind")
        let sheets = try Self.readBack(path)
        try #require(sheets.count == 1)
        let s = sheets[0]
        #expect(s.name == "năm sao")
        let expected = try Self.csv(Self.query)
        #expect(expected.count == 8)
        // openpyxl: the same values as ocop's CSV, each with its type
        #expect(s.cells.count == expected.count)
        for (r, row) in expected.enumerated() {
            for (c, want) in row.enumerated() {
                let got = s.cells[r].count > c ? s.cells[r][c] : nil
                #expect((got?.value ?? "") == want, "row \(r + 1) column \(c + 1)")
            }
        }
        #expect(s.cells[0].allSatisfy { $0?.type == "str" }, "the header is text")
        let types = s.cells[1].map { $0?.type }
        #expect(types == ["str", "str", "str", "float", "int", "date|dd/mm/yyyy", "date|dd/mm/yyyy", "bool"])
        #expect(s.headerBold == Array(repeating: true, count: 8) && s.bodyBold.allSatisfy { !$0 })
        #expect(s.freeze == "A2", "the header row is frozen")
        // each column as wide as its widest value (names and dates here) plus a margin of 2
        let longestName = expected.dropFirst().map { $0[1].count }.max() ?? 0
        #expect(s.widths["B"] == Double(longestName + 2))
        #expect(s.widths["F"] == Double("certified_on".count + 1 + 2), "a header wider than its dates sets the width")
        #expect(s.widths["A"] == Double(6 + 2))

        // LibreOffice: the values as it shows them (dates by the dd/mm/yyyy format) equal
        // ocop's CSV with date_style vn; it took numbers for numbers and dates for dates
        let shownByOcop = try Self.csv(Self.query, dateStyle: "vn").map { row in
            row.map { $0 == "true" ? "TRUE" : $0 == "false" ? "FALSE" : $0 }
        }
        #expect(s.shown == shownByOcop)
        #expect(s.types.first == Array(repeating: "string", count: 8))
        #expect(s.types.dropFirst().first == ["string", "string", "string", "float", "float", "date", "date", "boolean"])
        #expect(s.types.count == 8)
    }

    @Test("a script's exports with sheet \"…\" make one workbook, sheets in order, written when the script ends")
    func severalSheets() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("bao-cao.xlsx").path
        let script = dir.appendingPathComponent("bao-cao.ocop")
        try Data("""
        products group by province count export "\(path)" sheet "Theo tỉnh"
        products where stars = 5 select id, name, certified_on export "\(path)" sheet "Năm sao"
        products count export "\(path)" sheet "Tổng"
        print "xong"

        """.utf8).write(to: script)
        let r = try ReportKit.ocop(["run", script.path, "--verbose"])
        #expect(r.exit == 0, "\(r.err)")
        #expect(r.out == "xong\n")
        #expect(r.err.contains("6 rows for sheet 'Năm sao' of \(path) (written when the script ends)"))
        #expect(r.err.hasSuffix("wrote \(path): sheets Theo tỉnh, Năm sao, Tổng\n"))
        let sheets = try Self.readBack(path)
        #expect(sheets.map(\.name) == ["Theo tỉnh", "Năm sao", "Tổng"])
        let byProvince = try Self.csv("products group by province count")
        #expect(sheets[0].cells.map { $0.map { $0?.value ?? "" } } == byProvince)
        #expect(sheets[0].cells[1].map { $0?.type } == ["str", "int"])
        #expect(sheets[1].shown == (try Self.csv("products where stars = 5 select id, name, certified_on", dateStyle: "vn")))
        #expect(sheets[2].cells.map { $0.map { $0?.value ?? "" } } == [["count"], ["214"]])
        #expect(sheets[2].types == [["string"], ["float"]])
        #expect(sheets.allSatisfy { $0.freeze == "A2" && $0.headerBold.allSatisfy { $0 } })
        #expect(ReportKit.files(in: dir) == ["bao-cao.ocop", "bao-cao.xlsx"])
    }

    @Test("refusals: sheet on a CSV, a name Excel refuses, the same sheet twice (before anything runs), a script that stops")
    func refusals() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = dir.appendingPathComponent("r.xlsx").path
        let csv = ReportKit.run("products count export \"\(dir.path)/r.csv\" sheet \"A\"")
        #expect(csv.exit == 1)
        #expect(csv.err.contains("error: sheet names a sheet of a workbook, but '\(dir.path)/r.csv' is not .xlsx"))
        let bad = ReportKit.run("products count export \"\(book)\" sheet \"Tháng 1/2025\"")
        #expect(bad.exit == 1 && bad.err.contains("error: 'Tháng 1/2025' cannot name a sheet\n"))
        #expect(bad.err.contains("hint: a sheet name has 1 to 31 characters, none of : \\ / ? * [ ]"))
        let twice = ReportKit.run("print \"a\"\nproducts count export \"\(book)\" sheet \"Tổng\"\nproducts count export \"\(book)\" sheet \"tổng\"")
        #expect(twice.exit == 1 && twice.out == "", "the check stops the script before line 1 prints")
        #expect(twice.err.contains("<test>:3:"), "\(twice.err)")
        #expect(twice.err.contains("error: sheet 'tổng' of \(book) is already written by an earlier export"))
        // an error after the exports: no half report
        let stopped = ReportKit.run("products count export \"\(book)\" sheet \"Tổng\"\nassert products count = 0")
        #expect(stopped.exit == 1)
        #expect(stopped.err.contains("note: \(book) was not written: the script stopped before its end"))
        #expect(ReportKit.files(in: dir) == [])
        // an existing file is refused at the first export of it, not after the script has run
        try Data("old".utf8).write(to: URL(fileURLWithPath: book))
        let exists = ReportKit.run("products count export \"\(book)\" sheet \"Tổng\"\nprint \"after\"")
        #expect(exists.exit == 1 && exists.out == "" && exists.err.contains("error: '\(book)' already exists"))
        #expect(try String(contentsOfFile: book, encoding: .utf8) == "old")
        let replaced = ReportKit.run("products count export \"\(book)\" sheet \"Tổng\" overwrite")
        #expect(replaced.exit == 0, "\(replaced.err)")
        #expect(try Self.readBack(book).map(\.name) == ["Tổng"])
        #expect(ReportKit.files(in: dir) == ["r.xlsx"])
        // in Vietnamese
        let vi = ReportKit.run("products count export \"\(book)\" sheet \"a:b\" overwrite") { $0.lang = .vi }
        #expect(vi.err.contains("lỗi: 'a:b' không dùng được làm tên trang"))
    }

    @Test("XML escapes: & < > in text, control characters as _xHHHH_, a literal _x0041_ kept; columns past Z")
    func escapes() throws {
        var out: [UInt8] = []
        XLSXWriter.escape("a&b<c>\u{1}d_x0041_\r", into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "a&amp;b&lt;c&gt;_x0001_d_x005F_x0041__x000D_")
        #expect([0, 25, 26, 701, 702].map(XLSXWriter.columnName) == ["A", "Z", "AA", "ZZ", "AAA"])
        #expect(XLSXWriter.serial(Day(iso: "1900-03-01")!) == 61 && XLSXWriter.serial(Day(iso: "2024-06-25")!) == 45468)
        #expect(XLSXWriter.serial(Day(iso: "1900-02-28")!) == nil)
        #expect(XLSXWriter.sheetName(forFile: "/x/het-han [2025].xlsx") == "het-han 2025")
    }

    @Test("awkward text survives the round trip through openpyxl and LibreOffice")
    func awkwardText() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data(#"""
        id,name,stars,certified_on
        A1,"Mắm <cá> & ""tôm""",3,1899-12-31
        A2,  khoảng trắng ,4,2024-02-29
        A3,_x0041_ và _x,5,

        """#.utf8).write(to: data.appendingPathComponent("products.csv"))
        let path = dir.appendingPathComponent("t.xlsx").path
        let r = try ReportKit.ocop(["--data", data.path, "-e", "products select id, name, stars, certified_on export \"\(path)\""])
        #expect(r.exit == 0, "\(r.err)")
        let s = try #require(try Self.readBack(path).first)
        #expect(s.cells.dropFirst().map { $0[1]?.value } == ["Mắm <cá> & \"tôm\"", "khoảng trắng", "_x0041_ và _x"])
        // a date before 1 March 1900 has no serial both programs agree on: written as its text
        #expect(s.cells[1][3]?.value == "31/12/1899" && s.cells[1][3]?.type == "str")
        #expect(s.cells[2][3]?.value == "2024-02-29")
        #expect(s.cells[3].count < 4 || s.cells[3][3] == nil, "an empty date is an empty cell")
        #expect(s.shown.dropFirst().map { $0[1] } == ["Mắm <cá> & \"tôm\"", "khoảng trắng", "_x0041_ và _x"])
    }
}

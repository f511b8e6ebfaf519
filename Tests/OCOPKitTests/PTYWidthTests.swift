import Foundation
import Testing
@testable import OCOPKit

/// Every screen of output fits the window: at 60, 80 and 120 columns no line is wider.
@Suite("Output fits the terminal")
final class PTYWidthTests {
    let home = PTYProcess.temporaryFolder()

    deinit { try? FileManager.default.removeItem(at: home) }

    /// What `statement` prints at the REPL in a window `columns` wide, as screen lines.
    func screens(_ statements: [String], columns: UInt16, env: [String: String] = [:]) throws -> [String: [String]] {
        let p = try PTYProcess([], environment: PTYProcess.environment(home: home, extra: env), columns: columns)
        try p.waitForEditing()
        var out: [String: [String]] = [:]
        for s in statements {
            p.send(s + "\r")
            try p.expect(s.suffix(12) + "\r\n")  // the echo of the typed line
            out[s] = PTYProcess.screenLines(try p.expect("ocop> "))
            try p.waitForTerminal(canonical: false)
        }
        p.send("\u{4}")
        #expect(try p.waitForExit() == 0)
        return out
    }

    static let results = ["products where stars >= 4 and province = \"Bắc Kạn\"", "products limit 3", "producers limit 3"]

    @Test("results fit at 60, 80 and 120 columns, and the footer names what is hidden", arguments: [60, 80, 120])
    func resultsFit(columns: Int) throws {
        let shown = try screens(PTYWidthTests.results, columns: UInt16(columns))
        for (statement, lines) in shown {
            for line in lines { #expect(DisplayWidth.of(line) <= columns, "\(statement) at \(columns): \(line)") }
        }
        let first = shown[PTYWidthTests.results[0]]!.joined(separator: " ")
        #expect(first.contains("12 columns") && first.contains("not shown:") && first.contains("category"))
        #expect(first.contains("Bắc Kạn") && first.contains("★★★★"), "the named columns stay: \(first)")
    }
}

/// One record at a time: `field: value` lines for one row and with `set display`.
@Suite("Records on a terminal")
final class PTYRecordTests {
    let home = PTYProcess.temporaryFolder()

    deinit { try? FileManager.default.removeItem(at: home) }

    @Test("one product on one screen: its fields, derived fields, producer, certifications in date order", arguments: [60, 80, 120])
    func oneProduct(columns: Int) throws {
        let p = try PTYProcess([], environment: PTYProcess.environment(home: home), columns: UInt16(columns), rows: 50)
        try p.waitForEditing()
        p.send("products where id = \"SP0102\"\r")
        try p.expect("\"SP0102\"\r\n")
        let lines = PTYProcess.screenLines(try p.expect("ocop> "))
        let text = lines.joined(separator: "\n")
        for line in lines { #expect(DisplayWidth.of(line) <= columns, "\(columns): \(line)") }
        #expect(lines.count <= 50, "one screen of 50 rows: \(lines.count) lines")
        for field in ["id:           SP0102", "name:         Miến dong Tài Hoan", "status:       active", "days_left:    208",
                      "new_province: Thái Nguyên", "new_commune:  Xã Côn Minh", "  name:     HTX Tài Hoan", "── certifications (3)"] {
            #expect(text.contains(field), "\(field) at \(columns):\n\(text)")
        }
        // certifications oldest first
        let dates = ["2018-12-28", "2020-12-21", "2024-06-25"].compactMap { text.range(of: "│ " + $0)?.lowerBound }
        #expect(dates.count == 3 && dates == dates.sorted(), "\(text)")
        try p.waitForTerminal(canonical: false)
        p.send("\u{4}")
        #expect(try p.waitForExit() == 0)
    }

    @Test("set display vertical, auto and table, typed at the prompt")
    func setDisplay() throws {
        let p = try PTYProcess([], environment: PTYProcess.environment(home: home), columns: 60)
        try p.waitForEditing()
        p.send("set display vertical\r")
        try p.waitForEditing()
        p.send("producers limit 2\r")
        try p.expect("2\r\n")
        var out = try p.expect("ocop> ")
        #expect(out.contains("─[ 1 ]") && out.contains("─[ 2 ]") && out.contains("name:     Hợp tác xã Kim Long") && out.contains("2 rows"))
        try p.waitForTerminal(canonical: false)
        // auto: records only when the table would not fit
        p.send("set display auto\r")
        try p.waitForEditing()
        p.send("products limit 2\r")
        try p.expect("2\r\n")
        out = try p.expect("ocop> ")
        #expect(out.contains("─[ 1 ]") && out.contains("price_vnd:") && !out.contains("┌"))
        try p.waitForTerminal(canonical: false)
        p.send("producers select id, kind limit 2\r")
        try p.expect("2\r\n")
        out = try p.expect("ocop> ")
        #expect(out.contains("┌") && !out.contains("─[ 1 ]"))
        try p.waitForTerminal(canonical: false)
        p.send("set display table\r")
        try p.waitForEditing()
        p.send("products limit 2\r")
        try p.expect("2\r\n")
        out = try p.expect("ocop> ")
        #expect(out.contains("┌") && out.contains("not shown:"))
        try p.waitForTerminal(canonical: false)
        p.send("set display sideways\r")
        try p.expect("display is table, vertical or auto")
        try p.waitForEditing()
        p.send("\u{4}")
        #expect(try p.waitForExit() == 0)
    }

    @Test("records are for the terminal: piped output of one row stays a table")
    func pipedOneRow() throws {
        let r = try ReportKit.ocop(["--today", "2026-11-29", "-e", "products where id = \"SP0102\""])
        #expect(r.exit == 0 && r.out.contains("┌") && !r.out.contains("status:"))
    }
}

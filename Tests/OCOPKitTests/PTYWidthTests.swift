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

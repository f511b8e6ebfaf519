import Foundation

/// Writes a table of UInt64 words as a Swift source file of static data, for the tables that
/// ship generated (FoldTableData, CollationTableData); used when OCOP_RECORD=1.
enum GeneratedTable {
    static var recording: Bool { ProcessInfo.processInfo.environment["OCOP_RECORD"] == "1" }

    /// Writes `Sources/OCOPKit/Text/NAME.swift` holding `enum NAME { static let packed }`.
    static func write(_ words: [UInt64], name: String, perLine: Int, comment: [String], testFile: String = #filePath) throws {
        let path = URL(fileURLWithPath: testFile).deletingLastPathComponent()
            .appendingPathComponent("../../../Sources/OCOPKit/Text/\(name).swift").standardized.path
        var text = comment.map { "// " + $0 + "\n" }.joined()
        text += "enum \(name) {\n    static let packed: [UInt64] = [\n"
        for chunk in stride(from: 0, to: words.count, by: perLine) {
            let row = words[chunk..<min(words.count, chunk + perLine)].map { "0x" + String($0, radix: 16) }
            text += "        " + row.joined(separator: ", ") + ",\n"
        }
        text += "    ]\n}\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}

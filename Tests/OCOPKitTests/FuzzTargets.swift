#if canImport(OCOPKit)
@testable import OCOPKit
#endif
import Foundation

/// What each fuzzer does with one input. Tools/fuzz.sh compiles this file together with the
/// OCOPKit sources into the libFuzzer binary (there it is one module, so the import above is
/// skipped); FuzzRegressionTests runs every input that once failed through the same code.
///
/// A crash, a trap, a hang (libFuzzer's -timeout) or a broken promise checked here is a
/// failure. The promises: a load succeeds or fails with file, line and column; a statement
/// that fails says why on stderr.
enum FuzzTargets {
    enum Target: String, CaseIterable {
        /// Lexer and parser (with error recovery), the REPL's completeness check, rendering.
        case parse
        /// A data folder from the input: products.csv, and producers.csv after a NUL byte.
        case csv
        /// products.json from the input; every failure names a line and column.
        case json
        /// The input as a script, run on the embedded sample.
        case statement
    }

    static func run(_ target: Target, _ bytes: [UInt8]) {
        switch target {
        case .parse: parse(bytes)
        case .csv: csv(bytes)
        case .json: json(bytes)
        case .statement: statement(bytes)
        }
    }

    // MARK: parse

    static func parse(_ bytes: [UInt8]) {
        let source: Source
        do {
            source = try Source.decoding(bytes, name: "<fuzz>")
        } catch {
            _ = error.rendered()
            return
        }
        for item in Parser.parseEach(source) {
            if case .failure(let d) = item { check(d, "a syntax error") }
        }
        do { _ = try Parser.parse(source) } catch { check(error, "a syntax error") }
        let session = Session(dataset: sample, options: SessionOptions(today: today), sink: NullSink())
        _ = session.isComplete(source.text)
    }

    // MARK: data files

    /// A folder of this process that holds the file under test.
    static let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-fuzz-\(getpid())", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static func csv(_ bytes: [UInt8]) {
        let dir = folder.appendingPathComponent("csv")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let split = bytes.firstIndex(of: 0)
        write(Array(bytes[..<(split ?? bytes.count)]), to: dir.appendingPathComponent("products.csv"))
        let producers = dir.appendingPathComponent("producers.csv")
        if let split { write(Array(bytes[(split + 1)...]), to: producers) } else { try? FileManager.default.removeItem(at: producers) }
        load(dir, requirePosition: true)
    }

    static func json(_ bytes: [UInt8]) {
        let dir = folder.appendingPathComponent("json")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        write(bytes, to: dir.appendingPathComponent("products.json"))
        load(dir, requirePosition: true)
    }

    static func write(_ bytes: [UInt8], to url: URL) {
        guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes)) else {
            fatalError("fuzz harness: cannot write \(url.path)")
        }
    }

    /// Loads `dir`; on success asks a few questions of the data, on failure checks the message.
    static func load(_ dir: URL, requirePosition: Bool) {
        let ds: Dataset
        do {
            ds = try Loader.load(folder: dir.path)
        } catch {
            _ = error.rendered()
            if requirePosition, error.kind == .data, let file = error.file, file.hasSuffix(".csv") || file.hasSuffix(".json") {
                if error.line == nil || error.column == nil {
                    fatalError("a load failed without a line and column: \(error.rendered())")
                }
            }
            return
        }
        let session = Session(dataset: ds, options: SessionOptions(today: today), sink: NullSink())
        for s in ["products", "products count", "products sort by name desc limit 3",
                  "products group by province, stars count", "products where stars >= 4 or score > 80 select name, score",
                  "products select id, certified_on + 1 month as d, producer.name", "producers where count(products) > 0 select id"] {
            _ = session.run(s)
        }
    }

    // MARK: statements

    static func statement(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        // nothing that writes files or reads other folders
        let lower = text.lowercased()
        if lower.contains("export") || lower.contains("compare") { return }
        let sink = NullSink()
        let session = Session(dataset: sample, options: SessionOptions(today: today), sink: sink)
        if case .failed = session.run(text, name: "<fuzz>", keepGoing: true), !sink.wroteError {
            fatalError("a statement failed without a message")
        }
    }

    // MARK: support

    nonisolated(unsafe) static let sample = Loader.sample()
    static let today = Day(iso: "2026-11-29")!

    /// A diagnostic of a statement must point into it.
    static func check(_ d: Diagnostic, _ what: String) {
        if d.range == nil || d.source == nil { fatalError("\(what) without a position: \(d.message)") }
        _ = d.rendered()
    }

    /// Output is dropped; only whether an error was written is kept.
    final class NullSink: OutputSink {
        var wroteError = false
        func out(_ s: String) {}
        func err(_ s: String) { if !s.isEmpty { wroteError = true } }
    }
}

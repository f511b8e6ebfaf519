import Foundation
@testable import OCOPKit

/// Shared helpers: the repository's folders, a session on the sample, temporary datasets.
enum Support {
    /// The date every test treats as today (the Sample README's reference date).
    static let today = Day(iso: "2026-11-29")!

    /// The repository root, from this file's path (Tests/OCOPKitTests/Support.swift).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var examples: URL { root.appendingPathComponent("Examples") }
    static var fixtures: URL { root.appendingPathComponent("Tests/OCOPKitTests/Fixtures") }

    /// What a script printed, and the exit code `ocop run` would give for it.
    struct Run: Equatable, CustomStringConvertible {
        var out: String
        var err: String
        var exit: Int32
        var description: String { "exit \(exit)\n--- stdout\n\(out)--- stderr\n\(err)" }
    }

    /// Runs `script` on `dataset` (the embedded sample by default) the way `ocop run` does.
    static func run(_ script: String, name: String = "<test>", dataset: Dataset? = nil) -> Run {
        let sink = StringSink()
        let session = Session(dataset: dataset ?? Loader.sample(), options: SessionOptions(today: today), sink: sink)
        let outcome = session.run(script, name: name)
        return Run(out: sink.output, err: sink.errors, exit: exitCode(outcome))
    }

    /// The exit code the command line maps an outcome to (Program.swift).
    static func exitCode(_ o: Session.Outcome) -> Int32 { o.exitCode }

    /// The printed result of one statement that must succeed (stdout only: a note on stderr,
    /// such as the hint after an empty result, does not matter here).
    static func value(_ statement: String, dataset: Dataset? = nil) -> String {
        let r = run(statement, dataset: dataset)
        return r.exit == 0 ? r.out.trimmingCharacters(in: .newlines) : "FAILED: \(r.err)"
    }

    /// The first diagnostic a statement raises (nil when it succeeds).
    static func diagnostic(_ statement: String, name: String = "<test>", dataset: Dataset? = nil) -> Diagnostic? {
        let session = Session(dataset: dataset ?? Loader.sample(), options: SessionOptions(today: today), sink: StringSink())
        let source = Source(name: name, text: statement)
        do {
            for s in try Parser.parse(source) { _ = try session.execute(s, source) }
            return nil
        } catch {
            return error
        }
    }

    /// A fresh empty folder under the system's temporary directory.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ocop-tests-\(UUID().uuidString)", isDirectory: true)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A dataset folder holding `files` (name → bytes), for loader tests.
    static func folder(_ files: [String: [UInt8]]) -> URL {
        let dir = temporaryFolder()
        for (name, bytes) in files {
            FileManager.default.createFile(atPath: dir.appendingPathComponent(name).path, contents: Data(bytes))
        }
        return dir
    }

    static func folder(_ files: [String: String]) -> URL {
        folder(files.mapValues { Array($0.utf8) })
    }

    /// Loads a dataset folder made of `files`; the folder is removed afterwards.
    static func load(_ files: [String: String]) throws(Diagnostic) -> Dataset {
        try load(files.mapValues { Array($0.utf8) })
    }

    static func load(_ files: [String: [UInt8]]) throws(Diagnostic) -> Dataset {
        let dir = folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        return try Loader.load(folder: dir.path)
    }

    /// The products header every small CSV test starts from.
    static let header = "id,name,category,producer_id,stars,score,certified_on,expires_on,province,district,commune"
}

extension Table {
    /// Every value of column `name`, in row order (tests only).
    func values(_ name: String) -> [Value] {
        guard let c = column(name) else { return [] }
        return (0..<rowCount).map { c.value($0) }
    }
}

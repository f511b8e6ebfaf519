import Foundation
import Testing
@testable import OCOPKit

/// The README's examples run, so they cannot rot (issue 14): every fenced block without a
/// language is a script, run by the built binary (`ocop --today 2026-11-29 run`) in a scratch
/// folder where `lists` is Examples/lists and `Examples` the repository's, and must print what
/// Tests/OCOPKitTests/Fixtures/readme/block-N.out (and .err, with the exit code) holds, as
/// Examples/ goldens do. Every `ocop … run …` and `ocop … -e …` line of a `sh` block exits 0.
///
/// `OCOP_RECORD=1 swift test --filter Readme` re-records the expected files: review the diff.
@Suite("README examples")
struct ReadmeTests {
    static let readme = Support.root.appendingPathComponent("README.md")
    static let expectedFolder = Support.fixtures.appendingPathComponent("readme")

    /// The fenced blocks of the README: (language, text).
    static func blocks() throws -> [(lang: String, text: String)] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        var out: [(String, String)] = []
        var current: (String, [Substring])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                if let (lang, lines) = current {
                    out.append((lang, lines.map { $0 + "\n" }.joined()))
                    current = nil
                } else {
                    current = (String(line.dropFirst(3)), [])
                }
            } else if current != nil {
                current!.1.append(line)
            }
        }
        return out
    }

    static func scripts() throws -> [String] { try blocks().filter { $0.lang.isEmpty }.map(\.text) }

    /// A scratch folder with `lists` and `Examples` linked in; removed by the caller.
    static func scratch() throws -> URL {
        let dir = ReportKit.folder()
        let fm = FileManager.default
        try fm.createSymbolicLink(at: dir.appendingPathComponent("lists"), withDestinationURL: Support.examples.appendingPathComponent("lists"))
        try fm.createSymbolicLink(at: dir.appendingPathComponent("Examples"), withDestinationURL: Support.examples)
        return dir
    }

    @Test("the README has its tour, report and data blocks")
    func found() throws {
        let scripts = try Self.scripts()
        #expect(scripts.count >= 3)
        #expect(scripts.first?.contains("products where stars >= 4") == true)
    }

    @Test("every README script block prints what its expected files hold")
    func scriptBlocks() throws {
        for (i, script) in try Self.scripts().enumerated() {
            let dir = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: dir) }
            let file = dir.appendingPathComponent("readme.ocop")
            try Data(script.utf8).write(to: file)
            var r = try ReportKit.ocop(["run", "readme.ocop"], cwd: dir)
            r.out = r.out.replacingOccurrences(of: dir.path + "/", with: "")
            r.err = r.err.replacingOccurrences(of: dir.path + "/", with: "")
            let name = "block-\(i + 1)"
            let base = Self.expectedFolder.appendingPathComponent(name)
            if GoldenTests.recording {
                try FileManager.default.createDirectory(at: Self.expectedFolder, withIntermediateDirectories: true)
                try r.out.write(to: base.appendingPathExtension("out"), atomically: true, encoding: .utf8)
                try (r.err + "exit: \(r.exit)\n").write(to: base.appendingPathExtension("err"), atomically: true, encoding: .utf8)
                continue
            }
            let out = try String(contentsOf: base.appendingPathExtension("out"), encoding: .utf8)
            let err = try String(contentsOf: base.appendingPathExtension("err"), encoding: .utf8)
            #expect(r.err + "exit: \(r.exit)\n" == err, "stderr of README \(name):\n\(r.err)")
            #expect(r.out == out, "stdout of README \(name)")
            if let difference = GoldenTests.firstDifference(r.out, out) { Issue.record("README \(name).out \(difference)") }
            // a script of the README is one that works
            #expect(r.exit == 0, "README \(name): \(r)")
        }
    }

    @Test("every ocop command line of the README that runs a script or statement exits 0")
    func commandLines() throws {
        let lines = try Self.blocks().filter { $0.lang == "sh" }.flatMap { $0.text.split(separator: "\n") }
            .map { $0.split(separator: "#", maxSplits: 1).first.map(String.init) ?? "" }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("ocop ") && ($0.contains(" run ") || $0.contains(" -e ")) }
        #expect(lines.count >= 3, "\(lines)")
        for line in lines {
            let dir = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: dir) }
            let r = try ReportKit.ocop([], cwd: dir, shell: line)
            #expect(r.exit == 0, "\(line): \(r)")
        }
    }

    /// The tour's dates line means what it says: the certificates expiring within 90 days,
    /// as lesson 7 of the tutorial asks, not those already expired as well.
    @Test("the tour's expiring line counts what tutorial lesson 7 counts")
    func expiringLine() throws {
        let tour = try #require(Self.scripts().first)
        let line = try #require(tour.split(separator: "\n").first { $0.contains("today + 90 days") })
        let statement = String(line.split(separator: "#").first ?? "").trimmingCharacters(in: .whitespaces)
        #expect(statement.contains("between today and today + 90 days"), "\(statement)")
        let lesson = try #require(Lesson.all.first { $0.number == 7 })
        let readme = try ReportKit.ocop(["-e", statement])
        let model = try ReportKit.ocop(["-e", lesson.model])
        #expect(readme.exit == 0 && readme.out == model.out, "README \(readme.out) vs lesson 7 \(model.out)")
        // the line it replaced also counted the expired ones
        let upTo = try ReportKit.ocop(["-e", "products where expires_on <= today + 90 days count"])
        #expect(upTo.out != readme.out, "\(upTo.out)")
    }
}

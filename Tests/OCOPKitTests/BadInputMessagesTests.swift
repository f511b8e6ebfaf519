import Foundation
import Testing
@testable import OCOPKit

/// Known-bad inputs and what ocop says to each, in English and in Vietnamese (PRQL keeps such
/// a file of messages): Tests/OCOPKitTests/BadInputs/NAME.ocop runs on the sample with today
/// 2026-11-29, and everything written to standard error must equal NAME.en and NAME.vi.
/// A changed message fails here until its snapshot is updated on purpose: run the suite with
/// OCOP_BLESS=1 to rewrite the snapshots, then read the diff.
@Suite("Bad input messages")
struct BadInputMessagesTests {
    static let folder = Support.root.appendingPathComponent("Tests/OCOPKitTests/BadInputs")

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".ocop") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// What `ocop --lang LANG NAME.ocop` writes to standard error, and its exit code.
    static func messages(_ name: String, _ lang: Lang) throws -> String {
        let text = try String(contentsOf: folder.appendingPathComponent(name + ".ocop"), encoding: .utf8)
        var options = SessionOptions(today: Support.today)
        options.lang = lang
        let sink = StringSink()
        let outcome = Session(dataset: Loader.sample(), options: options, sink: sink).run(text, name: name + ".ocop")
        return sink.errors + "exit \(Support.exitCode(outcome))\n"
    }

    @Test("there are known-bad inputs, each with both snapshots")
    func complete() {
        #expect(Self.cases.count >= 30)
        for name in Self.cases {
            for lang in Lang.allCases {
                let path = Self.folder.appendingPathComponent("\(name).\(lang.rawValue)").path
                #expect(FileManager.default.fileExists(atPath: path) || ProcessInfo.processInfo.environment["OCOP_BLESS"] != nil,
                        "\(name).\(lang.rawValue) is missing")
            }
        }
    }

    @Test("each known-bad input gives its recorded message", arguments: cases)
    func message(_ name: String) throws {
        for lang in Lang.allCases {
            let got = try Self.messages(name, lang)
            let url = Self.folder.appendingPathComponent("\(name).\(lang.rawValue)")
            if ProcessInfo.processInfo.environment["OCOP_BLESS"] != nil {
                try got.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let want = try String(contentsOf: url, encoding: .utf8)
            #expect(got == want, "\(name).\(lang.rawValue)")
        }
    }

    @Test("an error message in Vietnamese has no English label and every bad input fails")
    func vietnameseFrame() throws {
        for name in Self.cases {
            let vi = try Self.messages(name, .vi)
            #expect(!vi.contains(": error:") && !vi.contains("hint:") && !vi.contains("note:") && !vi.contains("see: help"), "\(name)")
            #expect(!vi.hasSuffix("exit 0\n") || vi.contains("0 dòng"), "\(name) should fail or give a note")
        }
    }
}

import Foundation
import Testing
@testable import OCOPKit

/// Every input that ever made a fuzzer fail (a crash, a sanitizer report, a hang), run again
/// through the same harness (FuzzTargets). The inputs live in
/// Fixtures/fuzz-regressions/<target>/; Tools/fuzz.sh adds new ones there when it fails.
/// Serialized: the harnesses share one sample dataset, whose lazy caches are not thread-safe.
@Suite("Fuzz regressions", .serialized)
struct FuzzRegressionTests {
    static let folder = Support.fixtures.appendingPathComponent("fuzz-regressions")

    /// (target, file name) for every saved input.
    static var inputs: [Input] {
        var out: [Input] = []
        for t in FuzzTargets.Target.allCases {
            let dir = folder.appendingPathComponent(t.rawValue)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for n in names.sorted() where !n.hasPrefix(".") && n != "README.md" { out.append(Input(target: t.rawValue, name: n)) }
        }
        return out
    }

    struct Input: Sendable, CustomTestStringConvertible {
        var target: String
        var name: String
        var testDescription: String { "\(target)/\(name)" }
    }

    @Test("a saved input runs through its harness without failing, in reasonable time", arguments: inputs)
    func replay(_ input: Input) throws {
        let target = try #require(FuzzTargets.Target(rawValue: input.target))
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(input.target).appendingPathComponent(input.name)))
        let start = DispatchTime.now().uptimeNanoseconds
        FuzzTargets.run(target, bytes)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // libFuzzer's limit is 1 s in an optimised build; a debug build is several times slower
        #expect(seconds < 20, "took \(seconds) s")
    }

    @Test("the harnesses run on ordinary input")
    func harnessesRun() {
        FuzzTargets.run(.parse, Array("products where stars >= 4 count".utf8))
        FuzzTargets.run(.statement, Array("products group by province count".utf8))
        FuzzTargets.run(.csv, Array("\(Support.header)\nSP1,a,b,NSX1,3,60,2024-01-01,,P,D,C\n\u{0}id,name\nNSX1,x\n".utf8))
        FuzzTargets.run(.json, Array("[{\"id\": \"SP1\", \"stars\": 3}]".utf8))
    }
}

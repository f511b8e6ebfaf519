import Foundation
import Testing
@testable import OCOPKit

/// Faults that are slow or need root (issue 13): run by `make faults` (OCOP_FAULTS=1), skipped
/// in `make test`. Each drives the built binary as a user would.
enum Faults {
    /// `make faults` sets OCOP_FAULTS.
    static let enabled = ProcessInfo.processInfo.environment["OCOP_FAULTS"] != nil

    /// Bind mounts need root and mount(8); without them the mount test is skipped with this reason.
    static let canMount: Bool = enabled && getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount")

    /// Runs a program to the end; its exit status.
    @discardableResult
    static func sh(_ args: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }
}

@Suite("Faults (make faults)", .serialized, .enabled(if: Faults.enabled, "set OCOP_FAULTS=1 (make faults) to run the slow and root-only fault tests"))
struct FaultTests {
    @Test("through a second mount of the data folder an export is refused and the data file kept",
          .enabled(if: Faults.canMount, "bind mounts need root and /bin/mount"))
    func bindMount() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data"), other = dir.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Support.root.appendingPathComponent("Sources/OCOPKit/Sample/products.csv"),
                                         to: data.appendingPathComponent("products.csv"))
        let before = try Data(contentsOf: data.appendingPathComponent("products.csv"))
        guard try Faults.sh(["mount", "--bind", data.path, other.path]) == 0 else {
            Issue.record("mount --bind failed although running as root")
            return
        }
        defer { _ = try? Faults.sh(["umount", other.path]) }
        for target in ["other/products.csv", "other/new.csv", "other/../other/x.json"] {
            let r = try ReportKit.ocop(["--data", "data", "-e", "products where stars = 5 export \"\(target)\" overwrite"], cwd: dir)
            #expect(r.exit == 1, "\(target): \(r)")
            #expect(r.err.contains("will not write inside the data folder data"), "\(target): \(r.err)")
        }
        // the compare folder through its second mount, from a dataset elsewhere (the sample)
        let c = try ReportKit.ocop(["-e", "compare \"data\" export \"other/c.csv\""], cwd: dir)
        #expect(c.exit == 1, "\(c)")
        #expect(try Data(contentsOf: data.appendingPathComponent("products.csv")) == before)
        #expect(ReportKit.files(in: data) == ["products.csv"])
    }
}

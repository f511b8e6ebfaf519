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

    /// A generated products.csv (Tools/gen_dataset.py) of `rows` rows in a fresh folder.
    static func generated(rows: Int) throws -> URL {
        let dir = ReportKit.folder()
        guard try sh(["python3", Support.root.appendingPathComponent("Tools/gen_dataset.py").path, dir.path, "--rows", String(rows)]) == 0 else {
            throw ReportKit.Missing(description: "Tools/gen_dataset.py failed")
        }
        try? FileManager.default.removeItem(at: dir.appendingPathComponent("producers.csv"))
        return dir
    }

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

    /// How many times the truncation loop runs, and how its runs ended (RELIABILITY.md).
    static let truncationRuns = 20

    @Test("a data file shortened while it loads: every run ends with the whole table or a clean error, never SIGBUS")
    func truncatedDuringLoad() throws {
        let dir = try Faults.generated(rows: 100_000)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("products.csv"), pristine = dir.appendingPathComponent("pristine")
        try FileManager.default.copyItem(at: file, to: pristine)
        let whole = try ReportKit.ocop(["--data", dir.path, "-e", "products count"])
        #expect(whole.out == "100000\n", "\(whole)")
        let size = try Data(contentsOf: file).count
        var outcomes: [String: Int] = [:]
        for i in 0..<Self.truncationRuns {
            try? FileManager.default.removeItem(at: file)
            try FileManager.default.copyItem(at: pristine, to: file)
            // the shell waits (polling /proc) until ocop has the file mapped, then cuts it to a
            // part that varies from run to run
            let keep = size / 100 * (5 + (i * 37) % 90)
            let r = try ReportKit.ocop(["--data", dir.path, "-e", "products count"], shell: """
                "$OCOP_SHELL_BINARY" "$@" & pid=$!
                while kill -0 $pid 2>/dev/null && ! grep -q products.csv /proc/$pid/maps 2>/dev/null; do :; done
                truncate -s \(keep) "\(file.path)"
                wait $pid; echo "exit $?" >&2
                """)
            let status = r.err.components(separatedBy: "\n").last(where: { $0.hasPrefix("exit ") }) ?? "none"
            if status == "exit 0" {
                #expect(r.out == whole.out, "run \(i): a table that is not the whole file: \(r)")
                outcomes["whole table", default: 0] += 1
            } else {
                #expect(status == "exit 2", "run \(i): \(r)")
                #expect(r.err.contains("error: the file changed while it was being read"), "run \(i): \(r)")
                outcomes["changed while read", default: 0] += 1
            }
        }
        print("truncation during load: \(Self.truncationRuns) runs: \(outcomes.sorted { $0.key < $1.key })")
    }

    /// How many times the signal loop runs (half SIGINT, half SIGTERM).
    static let signalRuns = 20

    @Test("SIGINT and SIGTERM during a large export: no temporary left, the target whole or absent")
    func signalsDuringExport() throws {
        let dir = try Faults.generated(rows: 100_000)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let reference = out.appendingPathComponent("reference.csv")
        let statement = "products export \"big.csv\""
        let made = try ReportKit.ocop(["--data", dir.path, "-e", "products export \"\(reference.path)\""])
        #expect(made.exit == 0, "\(made)")
        let whole = try Data(contentsOf: reference)
        var outcomes: [String: Int] = [:]
        for i in 0..<Self.signalRuns {
            let target = out.appendingPathComponent("big.csv")
            try? FileManager.default.removeItem(at: target)
            let signal = i % 2 == 0 ? "INT" : "TERM"
            // the shell becomes ocop (exec); a poller beside it waits until ocop runs, then for half
            // the runs until the temporary exists (the kill lands mid-write), else kills at once
            // (during the load or the render)
            let wait = i % 4 < 2 ? "while kill -0 $$ 2>/dev/null && ! ls -a | grep -q '^\\.big\\.csv\\..*\\.tmp$'; do :; done" : ""
            let r = try ReportKit.ocop(["--data", dir.path, "-e", statement], cwd: out, shell: """
                ( while [ "$(readlink /proc/$$/exe)" != "$OCOP_SHELL_BINARY" ]; do :; done
                  \(wait)
                  kill -\(signal) $$ ) &
                exec "$OCOP_SHELL_BINARY" "$@"
                """)
            let left = ReportKit.files(in: out).filter { $0.hasSuffix(".tmp") }
            #expect(left == [], "run \(i) (SIG\(signal)): left \(left): \(r)")
            let exists = FileManager.default.fileExists(atPath: target.path)
            if exists { #expect(try Data(contentsOf: target) == whole, "run \(i): a torn target") }
            let status = r.exit == 0 ? "finished first" : r.exit == (i % 2 == 0 ? SIGINT : SIGTERM) ? "killed" : "exit \(r.exit)"
            #expect(status != "exit \(r.exit)", "run \(i): \(r)")
            outcomes["SIG\(signal) \(status), target \(exists ? "whole" : "absent")", default: 0] += 1
        }
        print("signals during export: \(Self.signalRuns) runs: \(outcomes.sorted { $0.key < $1.key })")
    }
}

import Foundation
import Testing
@testable import OCOPKit

/// `make install`'s script (Tools/install.sh) into a fresh PREFIX, then the installed program
/// used as a user would: `ocop --version` from another folder, `man -l` of its page, its bash
/// completion sourced and asked for the options; `--uninstall` removes every file.
@Suite("An installed program")
struct InstallTests {
    /// The page swift-argument-parser's generate-manual plugin writes (`make manual`; `make
    /// test` makes it from the debug binary and sets OCOP_REQUIRE_MANUAL, so there it must exist).
    static let manual = ReportKit.root.appendingPathComponent(".build/plugins/GenerateManual/outputs/ocop/ocop.1")

    func sh(_ script: String, _ args: [String] = [], cwd: URL) throws -> (out: String, err: String, exit: Int32) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script, "sh"] + args
        p.currentDirectoryURL = cwd
        var env = ProcessInfo.processInfo.environment
        env["MANWIDTH"] = "80"
        env["MAN_KEEP_FORMATTING"] = nil
        p.environment = env
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-sh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return (try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8), p.terminationStatus)
    }

    @Test("install into a fresh PREFIX: --version, the manual page, bash completion; uninstall removes it all")
    func installAndUse() throws {
        let bin = try #require(ReportKit.binary, "the ocop binary is not beside the test bundle")
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-prefix-\(UUID().uuidString)")
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("ocop-cwd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.removeItem(at: prefix)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        var page = InstallTests.manual
        let required = ProcessInfo.processInfo.environment["OCOP_REQUIRE_MANUAL"] != nil
        if !FileManager.default.fileExists(atPath: page.path) {
            #expect(!required, "make manual wrote no \(page.path)")
            // outside make test: the script is still tested, with a stand-in page it must copy
            page = elsewhere.appendingPathComponent("ocop.1")
            try ".TH OCOP 1\n.SH NAME\nocop\n".write(to: page, atomically: true, encoding: .utf8)
            print("InstallTests: no generated manual page (make manual); the man -l check used a stand-in")
        }
        let script = ReportKit.root.appendingPathComponent("Tools/install.sh").path
        let installed = try sh("\"$1\" \"$2\" \"$3\" \"$4\"", [script, bin.path, page.path, prefix.path], cwd: elsewhere)
        #expect(installed.exit == 0, "\(installed.err)")
        for f in ["bin/ocop", "share/man/man1/ocop.1", "share/bash-completion/completions/ocop",
                  "share/zsh/site-functions/_ocop", "share/fish/vendor_completions.d/ocop.fish"] {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(f).path), "\(f) installed")
        }
        // the installed program, run by name from another folder
        let version = try sh("PATH=\"$1/bin:$PATH\" ocop --version && PATH=\"$1/bin:$PATH\" ocop -e 'products count'", [prefix.path], cwd: elsewhere)
        #expect(version.exit == 0)
        #expect(version.out.hasPrefix("ocop \(OCOPVersion.number) (commit "), "\(version.out)")
        #expect(version.out.hasSuffix(")\n214\n"), "\(version.out)")
        // its manual page, read by man
        let man = try sh("man -l \"$1/share/man/man1/ocop.1\"", [prefix.path], cwd: elsewhere)
        #expect(man.exit == 0 && man.err.isEmpty, "\(man.err)")
        #expect(man.out.contains("ocop"))
        if page == InstallTests.manual {
            #expect(man.out.contains("--data") && man.out.contains("--lang") && man.out.contains("Vietnam's OCOP product lists"), "\(man.out)")
            for line in man.out.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 80, "man at 80: \(line)") }
            // DESCRIPTION keeps the usage lines one per line (they ran together into one paragraph)
            let lines = man.out.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            for usage in ["ocop --data DIR ", "ocop LIST.xlsx ", "ocop run FILE ", "ocop -e 'STATEMENT' ", "ocop --data A --compare B "] {
                #expect(lines.contains { $0.hasPrefix(usage) }, "man: a line of its own for '\(usage)'\n\(man.out)")
            }
        }
        // bash completion: sourced, then asked what follows `ocop --`
        let bash = try sh("exec bash -c '. \"$0/share/bash-completion/completions/ocop\" && complete -p ocop && COMP_WORDS=(ocop --la); COMP_CWORD=1; COMP_LINE=\"ocop --la\"; COMP_POINT=9; _ocop ocop --la ocop; printf \"%s\\n\" \"${COMPREPLY[@]}\"' \"$1\"", [prefix.path], cwd: elsewhere)
        #expect(bash.exit == 0, "\(bash.err)")
        #expect(bash.out.contains("complete -o filenames -F _ocop ocop") && bash.out.contains("--lang"), "\(bash.out) \(bash.err)")
        // uninstall: nothing of ocop is left
        let removed = try sh("\"$1\" --uninstall \"$2\"", [script, prefix.path], cwd: elsewhere)
        #expect(removed.exit == 0)
        let left = FileManager.default.enumerator(atPath: prefix.path)?.compactMap { $0 as? String }.filter { $0.contains("ocop") } ?? []
        #expect(left.isEmpty, "\(left)")
    }
}

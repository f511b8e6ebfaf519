import Foundation
import Testing
@testable import OCOPKit

/// Data files that are not what they claim (issue 13): FIFOs and other non-regular files, a file
/// shortened while it is mapped, binary and UTF-16 files, files that report no size, folders
/// that cannot be listed, empty and `~` folder names. Each refused at once with the reason.
@Suite("Data file faults")
struct DataFileFaultTests {
    static let products = "\(Support.header)\nT01,Miến dong,Thực phẩm,,5,91,2024-06-25,,Bắc Kạn,Na Rì,Côn Minh\n"

    func folder() -> URL { ReportKit.folder() }

    @Test("a FIFO named products.csv, products.json or producers.csv is refused, not waited on")
    func fifo() throws {
        for (name, others) in [("products.csv", [String: String]()), ("products.json", [:]), ("producers.csv", ["products.csv": Self.products])] {
            let dir = Support.folder(others)
            defer { try? FileManager.default.removeItem(at: dir) }
            #expect(mkfifo(dir.appendingPathComponent(name).path, 0o644) == 0)
            let r = try ReportKit.ocop(["--data", dir.path, "-e", "products count"])
            #expect(r.exit == 2, "\(name): \(r)")
            #expect(r.err.hasPrefix("\(dir.path)/\(name): error: is a named pipe (FIFO), not a regular file\n"), "\(name): \(r)")
            // compare in a session (the REPL's path): an error, not a hang
            let c = ReportKit.run("compare \"\(dir.path)\" count")
            #expect(c.exit == 1, "\(name): \(c)")
            #expect(c.err.contains("is a named pipe (FIFO), not a regular file"), "\(name): \(c)")
        }
    }

    @Test("a file shortened while mapped reads as zeros past its new end and is reported as changed, not SIGBUS")
    func shortenedWhileMapped() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("products.csv").path
        try Data(repeating: UInt8(ascii: "a"), count: 1 << 20).write(to: URL(fileURLWithPath: path))
        let file = try MappedFile(path: path)
        try file.checkUnchanged()
        #expect(truncate(path, 4096) == 0)
        let buffer = file.buffer
        #expect(buffer[100] == UInt8(ascii: "a"))
        #expect(buffer[600_000] == 0) // would have been SIGBUS
        #expect(buffer[(1 << 20) - 1] == 0)
        #expect(throws: Diagnostic.self) { try file.checkUnchanged() }
        do { try file.checkUnchanged() } catch { #expect(error.message == "the file changed while it was being read") }
        // a genuine SIGBUS elsewhere is not swallowed: the guard only covers registered mappings
        // (checked in the fault suite's truncation loop, where every run ends with 0 or 2)
    }

    @Test("a binary file (10 MB of NULs, a 2 GB sparse file) is refused at once; UTF-16 without a mark is read")
    func binary() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("products.csv").path
        try Data(count: 10 << 20).write(to: URL(fileURLWithPath: path))
        let zeros = try ReportKit.ocop(["--data", dir.path, "-e", "products count"])
        #expect(zeros == ReportKit.Run(out: "", err: """
            \(path):1:1: error: the file is not text (a NUL byte at byte 1)
              hint: a data file is CSV or JSON text; this looks like a binary file

            """, exit: 2))
        #expect(truncate(path, 2 << 30) == 0)
        let sparse = try ReportKit.ocop(["--data", dir.path, "-e", "products count"])
        #expect(sparse.exit == 2 && sparse.err.contains("the file is not text"), "\(sparse)")
        try Data(Self.products.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: URL(fileURLWithPath: path))
        // UTF-16 without a byte order mark is read (issue 15: told by its NULs, CSVVariantTests)
        let utf16 = try ReportKit.ocop(["--data", dir.path, "-e", "products count"])
        #expect(utf16.exit == 0 && utf16.out == "1\n" && utf16.err.contains("text in UTF-16 LE, converted to Unicode"), "\(utf16)")
        // JSON too
        try FileManager.default.removeItem(atPath: path)
        try Data(count: 1000).write(to: dir.appendingPathComponent("products.json"))
        let json = try ReportKit.ocop(["--data", dir.path, "-e", "products count"])
        #expect(json.exit == 2 && json.err.contains("products.json:1:1: error: the file is not text"), "\(json)")
    }

    @Test("a NUL after the first 4 KiB of a text file is refused at its line and column, in CSV and JSON, en and vi")
    func nulLaterInText() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("products.csv").path
        var rows = [Support.header]
        for i in 0..<200 { rows.append("T\(i),Miến dong \(i),Thực phẩm,,5,91,2024-06-25,,Bắc Kạn,Na Rì,Côn Minh") }
        var text = Array((rows.joined(separator: "\n") + "\n").utf8)
        // on line 101 (a header and 99 rows before it), in its name: byte 12 of "T99,Miến dong 99", its 11th character
        let lineStart = rows[0..<100].map { $0.utf8.count + 1 }.reduce(0, +)
        #expect(lineStart > 4096)
        text[lineStart + 12] = 0
        try Data(text).write(to: URL(fileURLWithPath: path))
        let r = try ReportKit.ocop(["--data", dir.path, "-e", "products count"])
        #expect(r == ReportKit.Run(out: "", err: """
            \(path):101:11: error: a NUL byte at byte \(lineStart + 13): text never holds one (the file may be damaged, or joined to one that is not text)
              hint: remove the byte, or save the list again from the program that made it

            """, exit: 2), "\(r)")
        let vi = try ReportKit.ocop(["--lang", "vi", "--data", dir.path, "-e", "products count"])
        #expect(vi.exit == 2 && vi.err.contains("\(path):101:11: lỗi: có byte NUL ở byte thứ"), "\(vi)")
        // JSON: a NUL inside a value far into the file
        try FileManager.default.removeItem(atPath: path)
        var json = Array(("[" + (0..<200).map { "{\"id\": \"T\($0)\", \"name\": \"Miến dong\"}" }.joined(separator: ",\n") + "]\n").utf8)
        json[json.count - 10] = 0
        try Data(json).write(to: dir.appendingPathComponent("products.json"))
        let j = try ReportKit.ocop(["--data", dir.path, "-e", "products count"])
        #expect(j.exit == 2 && j.err.contains("products.json:200:") && j.err.contains("error: a NUL byte at byte"), "\(j)")
    }

    @Test("a file that says it is empty but is not (/proc/self/status) is read, not called empty")
    func procFile() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("products.csv").path,
                                                   withDestinationPath: "/proc/self/status")
        let r = try ReportKit.ocop(["--data", dir.path, "-e", "products count"])
        #expect(r.exit == 2, "\(r)")
        #expect(!r.err.contains("empty"), "\(r)")
        #expect(r.err.contains("products.csv:"), "\(r)")
    }

    @Test("a folder whose only list is a broken workbook names the workbook's fault, not 'no products list'")
    func brokenWorkbookInFolder() throws {
        let dir = Support.folder(["Danh sách OCOP 2024.xlsx": "not a zip archive\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ReportKit.ocop(["--data", dir.path, "-e", "products count"])
        #expect(r.exit == 2, "\(r)")
        #expect(r.err.hasPrefix("\(dir.path)/Danh sách OCOP 2024.xlsx: error: this .xlsx file is not a readable workbook"), "\(r)")
    }

    @Test("a data folder that cannot be listed says so, not 'no products.csv'")
    func unlistableFolder() throws {
        let dir = Support.folder(["products.csv": Self.products])
        defer { chmod(dir.path, 0o755); try? FileManager.default.removeItem(at: dir) }
        #expect(chmod(dir.path, 0) == 0)
        // root lists anything: run as nobody then
        let shell = getuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups \"$OCOP_SHELL_BINARY\" \"$@\"" : "ocop \"$@\""
        let r = try ReportKit.ocop(["--data", dir.path, "-e", "products count"], cwd: URL(fileURLWithPath: "/"), shell: shell)
        #expect(r.exit == 2, "\(r)")
        #expect(r.err.hasPrefix("\(dir.path): error: cannot read this folder (permission denied)"), "\(r)")
    }

    @Test("--data '' names the problem; compare \"~/x\" is the home folder's x, as export's ~ is")
    func folderNames() throws {
        let empty = try ReportKit.ocop(["--data", "", "-e", "products count"])
        #expect(empty == ReportKit.Run(out: "", err: """
            error: the data folder's name is empty
              hint: give a folder that holds products.csv or products.json

            """, exit: 2))
        let home = folder()
        defer { try? FileManager.default.removeItem(at: home) }
        let x = home.appendingPathComponent("x")
        try FileManager.default.createDirectory(at: x, withIntermediateDirectories: true)
        try Data(Self.products.utf8).write(to: x.appendingPathComponent("products.csv"))
        let r = try ReportKit.ocop(["-e", "compare \"~/x\" where change = \"new\" count"], environment: ["HOME": home.path])
        #expect(r.exit == 0, "\(r)")
        let d = try ReportKit.ocop(["--data", "~/x", "-e", "products count"], environment: ["HOME": home.path])
        #expect(d.out == "1\n", "\(d)")
    }
}

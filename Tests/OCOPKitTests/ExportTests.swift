import Foundation
import Testing
@testable import OCOPKit

/// `… export "file" [overwrite]`: format by extension, atomic write, refusals (an existing file,
/// the data folder), and quiet unless --verbose.
@Suite("Export")
struct ExportTests {
    /// A small dataset folder with the given products (Vietnamese text, a quoted comma).
    static let productsCSV = """
    id,name,category,producer_id,stars,score,certified_on,expires_on,province,district,commune
    T01,Miến dong Tài Hoan,Thực phẩm,,5,91.14,2024-06-25,,Bắc Kạn,Na Rì,Côn Minh
    T02,"Măng ớt, măng chua",Thực phẩm,,3,51,24/03/2024,,Bắc Kạn,Na Rì,Liêm Thủy
    T03,Chè Tân Cương,Đồ uống,,4,80,2023-12-23,,Thái Nguyên,,Tân Cương

    """

    func dataFolder() throws -> URL {
        let dir = ReportKit.folder().appendingPathComponent("data")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(Self.productsCSV.utf8).write(to: dir.appendingPathComponent("products.csv"))
        return dir
    }

    @Test("export writes the CSV the --format csv output would show, and prints nothing")
    func csvFile() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("nam-sao.csv").path
        let r = ReportKit.run("products where stars = 5 select id, name, province, score export \"\(path)\"")
        #expect(r == ReportKit.Run(out: "", err: "", exit: 0))
        let written = try String(contentsOfFile: path, encoding: .utf8)
        let shown = ReportKit.run("set format csv\nproducts where stars = 5 select id, name, province, score").out
        #expect(written == shown)
        let rows = try ReportKit.pythonCSV(Data(written.utf8))
        #expect(rows.count == 7)
        #expect(rows[6] == ["SP0156", "Miến dong Tài Hoan", "Bắc Kạn", ""])
        #expect(ReportKit.files(in: dir) == ["nam-sao.csv"], "no temporary file is left behind")
    }

    @Test("the format comes from the extension: .json, .md, .markdown, any case")
    func formatsByExtension() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let q = "products where stars = 5 limit 2 select id, name, stars"
        for (file, format) in [("a.json", "json"), ("b.md", "markdown"), ("c.MARKDOWN", "markdown"), ("d.CSV", "csv")] {
            let path = dir.appendingPathComponent(file).path
            #expect(ReportKit.run("\(q) export \"\(path)\"").exit == 0)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == ReportKit.run("set format \(format)\n\(q)").out, "\(file)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("a.json"))) as? [[String: Any]]
        #expect(json?.first?["name"] as? String == "Vải thiều Lục Ngạn")
        #expect(json?.first?["stars"] as? Int == 5)
        // a count exports as a one-row table
        let n = dir.appendingPathComponent("n.csv").path
        #expect(ReportKit.run("products where stars = 5 count export \"\(n)\"").exit == 0)
        #expect(try String(contentsOfFile: n, encoding: .utf8) == "count\n6\n")
        // an unknown extension is an error at the file name (exit 1), before anything is written
        let bad = ReportKit.run("products export \"\(dir.path)/x.ods\"")
        #expect(bad.exit == 1)
        #expect(bad.err.contains("<test>:1:17: error: cannot tell the format of"))
        #expect(bad.err.contains("hint: end the file name with .csv, .json, .md or .xlsx"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/x.ods"))
    }

    @Test("--excel exports carry a byte order mark and CRLF")
    func excelExport() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("excel.csv").path
        #expect(ReportKit.run("products where stars = 5 limit 1 select id, name export \"\(path)\"") { $0.render.excel = true }.exit == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(bytes) == Array("\u{FEFF}id,name\r\nSP0014,Vải thiều Lục Ngạn\r\n".utf8))
        #expect(try ReportKit.pythonCSV(bytes, encoding: "utf-8-sig") == [["id", "name"], ["SP0014", "Vải thiều Lục Ngạn"]])
        // JSON is never given a byte order mark
        let json = dir.appendingPathComponent("e.json").path
        #expect(ReportKit.run("products count export \"\(json)\"") { $0.render.excel = true }.exit == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: json)) == Data("214\n".utf8))
    }

    @Test("an existing file is kept unless overwrite; overwrite replaces it whole")
    func refusesToOverwrite() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("bao-cao.csv").path
        try Data("old report\n".utf8).write(to: URL(fileURLWithPath: path))
        let script = "products where stars = 5 count\nproducts where stars = 4 export \"\(path)\"\nproducts count"
        let r = ReportKit.run(script, name: "report.ocop")
        #expect(r.exit == 1)
        #expect(r.out == "6\n", "the script stops at the refusal")
        #expect(r.err.hasPrefix("report.ocop:2:33: error: '\(path)' already exists\n"))
        #expect(r.err.contains("hint: add overwrite to replace it: … export \"\(path)\" overwrite"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old report\n")
        #expect(ReportKit.files(in: dir) == ["bao-cao.csv"])

        let again = ReportKit.run("products where stars = 5 select id export \"\(path)\" overwrite")
        #expect(again.exit == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("id\nSP0014\n"))
        #expect(ReportKit.files(in: dir) == ["bao-cao.csv"])
        // OVERWRITE and a clause keyword on the next line both work
        #expect(ReportKit.run("products where stars = 5\nselect id\nexport \"\(path)\" OVERWRITE").exit == 0)
    }

    @Test("the writer itself: refusal leaves the old bytes, a missing folder writes nothing")
    func writerDirectly() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("x.md").path
        try Export.write("one\n", to: path, overwrite: false, dataFolders: [])
        #expect(throws: Export.Failure.self) { try Export.write("two\n", to: path, overwrite: false, dataFolders: []) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\n")
        try Export.write("three\n", to: path, overwrite: true, dataFolders: [])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "three\n")
        #expect(throws: Export.Failure.self) { try Export.write("x", to: dir.path + "/missing/x.md", overwrite: false, dataFolders: []) }
        #expect(throws: Export.Failure.self) { try Export.write("x", to: dir.path, overwrite: true, dataFolders: []) }
        #expect(ReportKit.files(in: dir) == ["x.md"])
    }

    @Test("nothing is written inside the loaded data folder, however the path is spelt")
    func refusesDataFolder() throws {
        let data = try dataFolder()
        let parent = data.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.createDirectory(at: data.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: parent.appendingPathComponent("link"), withDestinationURL: data)
        let dataset = try Loader.load(folder: data.path)
        let before = try Data(contentsOf: data.appendingPathComponent("products.csv"))
        for target in [data.path + "/products.csv", data.path + "/new.csv", data.path + "/sub/new.json",
                       parent.path + "/link/new.md", data.path + "/../data/new.csv"] {
            let r = ReportKit.run("products export \"\(target)\" overwrite", dataset: dataset)
            #expect(r.exit == 1, "\(target)")
            #expect(r.err.contains("error: will not write inside the data folder"), "\(target): \(r.err)")
        }
        #expect(try Data(contentsOf: data.appendingPathComponent("products.csv")) == before)
        #expect(ReportKit.files(in: data) == ["products.csv", "sub"])
        #expect(ReportKit.files(in: data.appendingPathComponent("sub")) == [])
        // beside the data folder is fine
        let ok = ReportKit.run("products where stars >= 4 export \"\(parent.path)/out.csv\"", dataset: dataset)
        #expect(ok.exit == 0, "\(ok)")
        #expect(try ReportKit.pythonCSV(Data(contentsOf: parent.appendingPathComponent("out.csv")))[1][1] == "Miến dong Tài Hoan")
    }

    @Test("nothing is written inside a folder a compare read, in that statement or a later one")
    func refusesCompareFolders() throws {
        let a = try dataFolder()
        let parent = a.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: parent) }
        let b = parent.appendingPathComponent("b")
        try FileManager.default.copyItem(at: a, to: b)
        let (session, sink) = ReportKit.session()
        for target in [a.path + "/c.csv", b.path + "/c.csv", b.path + "/../b/d.md"] {
            let outcome = session.run("compare \"\(a.path)\" to \"\(b.path)\" export \"\(target)\"")
            #expect(ReportKit.exitCode(outcome) == 1, "\(target)")
        }
        // a later statement that does not compare: the folders were still read by this session
        #expect(ReportKit.exitCode(session.run("products export \"\(a.path)/later.csv\"")) == 1)
        #expect(sink.errors.components(separatedBy: "error: will not write inside the data folder").count == 5, "\(sink.errors)")
        #expect(ReportKit.files(in: a) == ["products.csv"])
        #expect(ReportKit.files(in: b) == ["products.csv"])
        #expect(ReportKit.exitCode(session.run("compare \"\(a.path)\" to \"\(b.path)\" export \"\(parent.path)/c.csv\"")) == 0)
    }

    @Test("Ctrl-C reaches the writing: a cancelled export leaves neither the target nor a temporary")
    func cancelledWrite() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let token = CancelToken()
        token.cancel()
        let path = dir.appendingPathComponent("big.csv").path
        do {
            try Export.write(String(repeating: "x", count: 3 * Export.chunk), to: path, overwrite: false, dataFolders: [], cancel: token)
            Issue.record("a cancelled export was written")
        } catch {
            #expect(error.message == .cancelled)
        }
        #expect(ReportKit.files(in: dir) == [])
        // through a session: the statement fails with "cancelled", nothing is left
        let (session, sink) = ReportKit.session()
        session.env.cancel.cancel()
        #expect(ReportKit.exitCode(session.run("products export \"\(path)\"")) == 1)
        #expect(sink.errors.contains("cancelled"), "\(sink.errors)")
        #expect(ReportKit.files(in: dir) == [])
    }

    @Test("overwrite keeps the replaced file's mode (0600 stays 0600) and refuses a read-only file")
    func overwriteKeepsMode() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("private.csv").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, 0o600) == 0)
        let r = try ReportKit.ocop(["-e", "products where stars = 5 select id export \"\(path)\" overwrite"])
        #expect(r.exit == 0, "\(r)")
        var st = stat()
        #expect(stat(path, &st) == 0 && st.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("id\n"))
        #expect(chmod(path, 0o444) == 0)
        let ro = try ReportKit.ocop(["-e", "products export \"\(path)\" overwrite"])
        #expect(ro.exit == 1, "\(ro)")
        #expect(ro.err.contains("error: '\(path)' is read-only: overwrite will not replace it"), "\(ro)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("id\n"))
        #expect(ReportKit.files(in: dir) == ["private.csv"])
    }

    @Test("export is quiet; --verbose and the REPL confirm on stderr")
    func confirmations() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("v.csv").path
        let verbose = ReportKit.run("products where stars = 5 export \"\(path)\"") { $0.verbose = true }
        #expect(verbose == ReportKit.Run(out: "", err: "exported 6 rows to \(path)\n", exit: 0))
        let repl = ReportKit.run("products where stars = 5 count export \"\(path)\" overwrite") { $0.interactive = true }
        #expect(repl.err == "exported 1 row to \(path)\nhint: Excel reads v.csv correctly only with set excel on (a byte order mark), or export to .xlsx\n")
        let vi = ReportKit.run("products count export \"\(path)\" overwrite") { $0.interactive = true; $0.lang = .vi }
        #expect(vi.err.hasSuffix("gợi ý: Excel chỉ đọc đúng v.csv khi có set excel on (thêm BOM), hoặc hãy xuất ra .xlsx\n"))
    }

    @Test("a relative path is relative to the working directory (the command line)")
    func relativePath() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try ReportKit.ocop(["--verbose", "-e", "products where stars = 5 export \"nam-sao.csv\""], cwd: dir)
        #expect(r == ReportKit.Run(out: "", err: "exported 6 rows to nam-sao.csv\n", exit: 0))
        #expect(ReportKit.files(in: dir) == ["nam-sao.csv"])
        let twice = try ReportKit.ocop(["-e", "products export \"nam-sao.csv\""], cwd: dir)
        #expect(twice.exit == 1 && twice.err.contains("already exists"))
    }

    @Test("{…} in an export's file and sheet names, as print fills it: parameters, today, a query; a / becomes -")
    func interpolatedNames() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = """
        param province = "Bắc Kạn"
        products where province = $province export "\(dir.path)/het-han-{$province}.csv"
        products where province = $province and stars >= 4 export "\(dir.path)/{today}-{products where stars = 5 count}.json"
        products where province = $province export "\(dir.path)/bao-cao.xlsx" sheet "{$province}"
        """
        let r = ReportKit.run(script, params: ["province": "Thái Nguyên"]) { $0.render.dateStyle = .vn }
        #expect(r.exit == 0, "\(r.err)")
        #expect(ReportKit.files(in: dir) == ["29-11-2026-6.json", "bao-cao.xlsx", "het-han-Thái Nguyên.csv"])
        let csv = try String(contentsOfFile: dir.appendingPathComponent("het-han-Thái Nguyên.csv").path, encoding: .utf8)
        #expect(csv == ReportKit.run("set format csv\nproducts where province = \"Thái Nguyên\"") { $0.render.dateStyle = .vn }.out)
        #expect(try WorkbookExportTests.readBack(dir.appendingPathComponent("bao-cao.xlsx").path).map(\.name) == ["Thái Nguyên"])
        // a mistake inside the braces is an error there, before anything runs
        let bad = ReportKit.run("print \"a\"\nproducts export \"x-{provnce}.csv\"")
        #expect(bad.exit == 1 && bad.out == "")
        #expect(bad.err.hasPrefix("<test>:2:21: error: 'provnce' is not a value here"), "\(bad.err)")
        #expect(ReportKit.files(in: dir).count == 3)
    }

    @Test("--excel --format csv: one byte order mark for all the tables of a run, several -e included")
    func oneBOM() throws {
        let r = try ReportKit.ocop(["--excel", "--format", "csv", "-e", "products limit 1 select id", "-e", "producers limit 1 select id; products count"])
        #expect(r.exit == 0)
        #expect(r.out == "\u{FEFF}id\r\nSP0001\r\nid\r\nNSX001\r\ncount\r\n214\r\n")
    }
}

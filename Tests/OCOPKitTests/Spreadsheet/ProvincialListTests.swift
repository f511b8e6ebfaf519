import Foundation
import Testing
@testable import OCOPKit

/// Issue 15: provincial lists as published, written by real spreadsheet writers
/// (Tools/provincial_list.py: openpyxl and xlsxwriter), loaded as a user loads them.
///
/// The workbooks are generated afresh into a temporary folder for each test run rather than
/// committed: the script is then proven on every run, no binary file drifts from the script
/// that claims to make it, and openpyxl's zip timestamps would make a committed copy differ
/// at every regeneration anyway. `make test` installs openpyxl and xlsxwriter (Makefile deps).
@Suite("Spreadsheets: provincial lists written by openpyxl and xlsxwriter")
struct ProvincialListTests {
    /// The folder with both workbooks, made once per test process inside the build folder
    /// (.build/fixtures, replaced each run), so a test run leaves nothing in the temporary folder.
    static let lists: Result<URL, ReportKit.Missing> = {
        let dir = ReportKit.root.appendingPathComponent(".build/fixtures/provincial-lists", isDirectory: true)
        try? FileManager.default.removeItem(at: dir)  // absent on a first run; a stale one is replaced
        do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
            return .failure(ReportKit.Missing(description: "cannot make \(dir.path): \(error)"))
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", ReportKit.root.appendingPathComponent("Tools/provincial_list.py").path, dir.path]
        do { try p.run() } catch { return .failure(ReportKit.Missing(description: "python3 not found: \(error)")) }
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            return .failure(ReportKit.Missing(description: "Tools/provincial_list.py failed: pip install openpyxl xlsxwriter (make deps does it)"))
        }
        return .success(dir)
    }()

    static func path(_ year: Int) throws -> String {
        try lists.get().appendingPathComponent("Danh sách OCOP \(year).xlsx").path
    }

    @Test("the 2024 list: letterhead, two-row header, sections, totals and signatures skipped; 6 products")
    func layout() throws {
        let ds = try Loader.load(try Self.path(2024))
        let p = try #require(ds.tables["products"])
        #expect(p.rowCount == 6)
        #expect(p.values("name").map { "\($0)" } == ["Miến dong Tài Hoan", "Rượu men lá Côn Minh", "Mật ong bạc hà",
                                                      "Chè Shan tuyết Nà Rì", "Gạo nếp Khẩu nua lếch", "Bánh gai Nông Thượng"].map { "\(Value.text($0))" })
        // Kết quả đánh giá over Điểm | Phân hạng: one name per column; Ghi chú kept; the
        // formatted empty column L dropped
        #expect(p.headerAliases["score"] == "Điểm" && p.headerAliases["stars"] == "Phân hạng")
        #expect(p.columnNames.contains("Ghi chú") && !p.columnNames.contains { $0.hasPrefix("column_") })
        let note = try #require(ds.layouts.first)
        #expect(note.report.sheet == "Danh sách")
        #expect(note.report.headerRow == 6 && note.report.headerRows == 2)
        #expect(note.report.skipped == [3, 4, 3, 3]) // blank, section, total, below the table
    }

    @Test("cells: Excel dates and text dates, 4 sao / 3★ / 3* / 5, 78,5; stars filled from the section row")
    func cells() throws {
        let ds = try Loader.load(try Self.path(2024))
        let p = try #require(ds.tables["products"])
        #expect(p.values("stars") == [4, 4, 3, 3, 5, 3].map { .integer($0) })
        #expect(p.values("score") == [.decimal(78.5), .decimal(72.5), .decimal(61), .null, .decimal(91.14), .decimal(55)])
        #expect(p.values("certified_on") == [Day(iso: "2024-06-25"), Day(iso: "2022-08-15"), Day(iso: "2023-11-20"), nil,
                                             Day(iso: "2024-12-15"), Day(iso: "2023-01-10")].map { $0.map(Value.date) ?? .null })
        // the decision cell with a date keeps the number as the decision
        #expect(p.values("decision")[4] == .text("2345/QĐ-UBND"))
        #expect(ds.layouts[0].report.filledStars == 2)
    }

    @Test("Địa chỉ fills commune, district, province; the district section fills a row whose address lacks it")
    func address() throws {
        let ds = try Loader.load(try Self.path(2024))
        let p = try #require(ds.tables["products"])
        #expect(p.values("commune")[0] == .text("Xã Côn Minh"))
        #expect(p.values("district") == ["Huyện Na Rì", "Huyện Na Rì", "Huyện Na Rì", "Huyện Na Rì", "Thành phố Bắc Kạn", "Thành phố Bắc Kạn"].map { .text($0) })
        #expect(p.values("province")[4] == .text("Bắc Kạn"))
        #expect(Support.value(#"products where district = "Huyện Na Rì" and stars = 4 count"#, dataset: ds) == "2")
    }

    @Test("every unreadable cell is left empty and listed with file, sheet, row and column")
    func unreadable() throws {
        let path = try Self.path(2024)
        let ds = try Loader.load(path)
        let rendered = ds.warnings.map { $0.rendered() }
        #expect(rendered == [
            "\(path):16: warning: 'không rõ' in score is not a number\n  hint: sheet 'Danh sách', cell F16 (Điểm): the cell is left empty\n",
            "\(path):16: warning: '31/02/2024' in certified_on is not a date\n  hint: sheet 'Danh sách', cell H16 (Ngày công nhận): the cell is left empty\n  hint: write dates as YYYY-MM-DD or dd/mm/yyyy\n",
        ])
        #expect(ds.layoutSummary(.en) == ["Danh sách OCOP 2024.xlsx, sheet 'Danh sách': 6 products; 13 rows skipped (3 blank, 4 section, 3 total, 3 below the table); district or stars from section rows on 3 rows; 2 unreadable cells left empty (type warnings to list them)"])
        #expect(ds.layoutSummary(.vi) == ["Danh sách OCOP 2024.xlsx, trang 'Danh sách': 6 products; bỏ qua 13 dòng (3 dòng trống, 4 dòng mục, 3 dòng tổng, 3 dòng dưới bảng); huyện hoặc số sao lấy từ dòng mục cho 3 dòng; 2 ô không đọc được, để trống (gõ warnings để xem từng ô)"])
    }

    @Test("the 2022 list (xlsxwriter: shared strings, 1904 dates): Năm công nhận, dates from Quyết định, booleans, a producers sheet")
    func list2022() throws {
        let ds = try Loader.load(try Self.path(2022))
        let p = try #require(ds.tables["products"])
        #expect(p.rowCount == 2)
        #expect(p.values("certified_year") == [.integer(2022), .integer(2022)])
        #expect(p.values("certified_on") == [.date(Day(iso: "2022-09-20")!), .date(Day(iso: "2022-09-20")!)])
        #expect(p.values("decision") == [.text("1621/QĐ-UBND"), .text("1621/QĐ-UBND")])
        #expect(p.values("Còn hiệu lực") == [.boolean(true), .boolean(false)])
        // a date cell in a 1904 workbook
        #expect(p.values("Ngày đánh giá") == [.date(Day(iso: "2022-09-01")!), .date(Day(iso: "2022-09-02")!)])
        #expect(p.values("stars") == [.integer(3), .integer(4)])
        #expect(ds.tables["producers"]?.values("kind") == [.text("Hợp tác xã"), .text("Hợp tác xã")])
        #expect(ds.warnings.isEmpty)
    }

    // MARK: as a user runs it

    @Test("ocop LIST.xlsx -e …: the list as the only argument; the summary on stderr")
    func commandLine() throws {
        let path = try Self.path(2024)
        let r = try ReportKit.ocop([path, "-e", "products where stars >= 4 count"])
        #expect(r.out == "3\n" && r.exit == 0)
        #expect(r.err.hasPrefix("Danh sách OCOP 2024.xlsx, sheet 'Danh sách': 6 products; 13 rows skipped"))
        let strict = try ReportKit.ocop(["--data", path, "--strict", "-e", "products count"])
        #expect(strict.exit == 2 && strict.out == "")
        #expect(strict.err.contains("error: --strict: the list is doubtful (2 warnings in the data); not running\n  hint: type warnings"))
        let vi = try ReportKit.ocop(["--lang", "vi", "--data", path, "--strict", "-e", "products count"])
        #expect(vi.exit == 2)
        #expect(vi.err.contains("Danh sách OCOP 2024.xlsx, trang 'Danh sách': 6 products; bỏ qua 13 dòng"))
        #expect(vi.err.contains("lỗi: --strict: danh sách có chỗ đáng ngờ (2 cảnh báo trong dữ liệu); không chạy\n  gợi ý: gõ warnings"))
    }

    @Test("a folder: the list found by its header; two candidates named with how to choose; --sheet")
    func folders() throws {
        let one = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: one) }
        try FileManager.default.copyItem(atPath: try Self.path(2024), toPath: one.appendingPathComponent("Danh sách OCOP 2024.xlsx").path)
        #expect(try ReportKit.ocop(["--data", one.path, "-e", "products count"]).out == "6\n")
        let both = try ReportKit.ocop(["--data", try Self.lists.get().path, "-e", "products count"])
        #expect(both.exit == 2)
        #expect(both.err.contains("error: several files here could be the products list: 'Danh sách OCOP 2022.xlsx', 'Danh sách OCOP 2024.xlsx'"))
        #expect(both.err.contains("hint: choose one: --data"))
        let missing = try ReportKit.ocop([try Self.path(2024), "--sheet", "Sheet9", "-e", "products count"])
        #expect(missing.exit == 2 && missing.err.contains("error: no sheet 'Sheet9' in this workbook\n  hint: its sheets: 'Danh sách', 'Tổng hợp'"))
        let chosen = try ReportKit.ocop([try Self.path(2022), "--sheet", "Sản phẩm", "-e", "products count"])
        #expect(chosen.out == "2\n")
    }

    @Test("a producers sheet and a certifications sheet are linked; a producer or product they lack is a warning naming the sheet row")
    func linkedSheets() throws {
        let path = try Self.lists.get().appendingPathComponent("linked/Danh sách OCOP 2023.xlsx").path
        let p = try ReportKit.ocop([path, "--format", "csv", "-e", "products select id, producer.name, producer.kind, count(certifications) as n"])
        #expect(p.exit == 0, "\(p.err)")
        // `htx  nông nghiệp CÔN MINH` is the listed `HTX Nông nghiệp Côn Minh` (case, spacing)
        #expect(p.out == """
            id,producer.name,producer.kind,n
            SP01,HTX Tài Hoan,Hợp tác xã,2
            SP02,HTX Nông nghiệp Côn Minh,Hợp tác xã,1
            SP03,,,0
            SP04,HTX Tài Hoan,Hợp tác xã,0

            """)
        #expect(p.err.hasSuffix("linked/Danh sách OCOP 2023.xlsx: 2 warnings in the data: 1 certification of an unknown product, 1 producer not in the producers list; type warnings to list them\n"), "\(p.err)")
        let producers = try ReportKit.ocop([path, "--format", "csv", "-e", "producers select name, count(products) as n"])
        #expect(producers.out == "name,n\nHTX Tài Hoan,2\nHTX Nông nghiệp Côn Minh,1\nHTX Quang Thuận,0\n")
        let w = try ReportKit.ocop([path, "-e", "warnings"])
        #expect(w.out == """
            \(path):5: warning: product_id 'SP09' is not an id in sheet 'Sản phẩm'
              hint: sheet 'Lịch sử công nhận', row 5
              hint: add it to sheet 'Sản phẩm', or correct the product_id
            \(path):6: warning: producer 'HTX Quang Thuan' is not in sheet 'Chủ thể'
              hint: sheet 'Sản phẩm', row 6
              hint: did you mean 'HTX Quang Thuận'?
              hint: add it to sheet 'Chủ thể', or correct the name (names match whatever their case and spacing)
            2 warnings in the data: 1 certification of an unknown product, 1 producer not in the producers list

            """, "\(w.out)")
        let vi = try ReportKit.ocop(["--lang", "vi", path, "-e", "warnings"])
        #expect(vi.out.contains("cảnh báo: chủ thể 'HTX Quang Thuan' không có trong trang 'Chủ thể'\n  gợi ý: trang 'Sản phẩm', dòng 6\n"), "\(vi.out)")
        let strict = try ReportKit.ocop(["--strict", path, "-e", "products count"])
        #expect(strict.exit == 2 && strict.err.contains("--strict: the list is doubtful (2 warnings in the data)"), "\(strict.err)")
    }

    @Test("the workbook the golden example loads is Tools/example_workbook.py's, byte for byte (regenerated here)")
    func committedExampleWorkbook() throws {
        let committed = ReportKit.root.appendingPathComponent("Examples/lists/provincial/Danh sách OCOP 2024.xlsx")
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fresh = dir.appendingPathComponent("again.xlsx")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", ReportKit.root.appendingPathComponent("Tools/example_workbook.py").path, fresh.path]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "Tools/example_workbook.py needs openpyxl (make deps)")
        #expect(try Data(contentsOf: fresh) == Data(contentsOf: committed),
                "Examples/lists/provincial/Danh sách OCOP 2024.xlsx differs from what Tools/example_workbook.py writes: regenerate it")
        // and it is the list the tests above read
        let r = try ReportKit.ocop([committed.path, "-e", "products count"])
        #expect(r.out == "6\n" && r.err.hasPrefix("Danh sách OCOP 2024.xlsx, sheet 'Danh sách': 6 products; 13 rows skipped"), "\(r.err)")
    }
}

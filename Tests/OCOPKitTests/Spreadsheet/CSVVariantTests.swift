import Foundation
import Testing
@testable import OCOPKit

/// CSV files as people send them (issue 15): UTF-16 with a byte order mark, Windows-1258 and
/// TCVN3 converted to Unicode, `;` and tab separators, a title above the header. Each file is
/// made by an independent writer (iconv, Python's cp1258 codec) from the embedded sample, and
/// the built binary must give exactly the rows the UTF-8 sample gives.
@Suite("Spreadsheets: CSV encodings, separators and printed layout")
struct CSVVariantTests {
    static let sample = ReportKit.root.appendingPathComponent("Sources/OCOPKit/Sample/products.csv")

    /// `input` through a shell command (iconv, python3), its standard output.
    static func convert(_ input: Data, _ command: String) throws -> Data {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inURL = dir.appendingPathComponent("in"), outURL = dir.appendingPathComponent("out")
        try input.write(to: inURL)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command + " < \"$1\" > \"$2\"", "sh", inURL.path, outURL.path]
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw ReportKit.Missing(description: "\(command) failed") }
        return try Data(contentsOf: outURL)
    }

    /// The sample's products as NFC text (iconv encodes precomposed letters).
    static func sampleText() throws -> String {
        VietText.nfc(try String(contentsOf: sample, encoding: .utf8))
    }

    /// Windows' way of writing Vietnamese in CP1258: the base letter precomposed where the
    /// code page has it (â, ơ, đ), the tone as a combining mark; then Python's cp1258 codec.
    static let windows1258 = """
        python3 -c '
        import sys, unicodedata
        TONES = {"\\u0300", "\\u0301", "\\u0303", "\\u0309", "\\u0323"}
        out = []
        for ch in sys.stdin.read():
            d = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
            out.append(base + "".join(c for c in d if c in TONES))
        sys.stdout.buffer.write("".join(out).encode("cp1258"))'
        """

    func loads(_ bytes: Data, file: String = "products.csv") throws -> ReportKit.Run {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try bytes.write(to: dir.appendingPathComponent(file))
        return try ReportKit.ocop(["--data", dir.appendingPathComponent(file).path, "--format", "csv", "-e", "products"])
    }

    @Test("the Windows-1258 table equals glibc iconv's CP1258, byte for byte, defined bytes and undefined ones")
    func windows1258Table() throws {
        let defined = (0x80...0xFF).filter { LegacyEncodingTables.windows1258[$0 - 0x80] != 0 }
        // a space after each byte: iconv composes a letter with the tone mark after it
        let out = try Self.convert(Data(defined.flatMap { [UInt8($0), 0x20] }), "iconv -f CP1258 -t UTF-32BE")
        let scalars = stride(from: 0, to: out.count, by: 4).map { i in out[i..<i + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }
        #expect(scalars == defined.flatMap { [LegacyEncodingTables.windows1258[$0 - 0x80], 0x20] })
        for b in (0x80...0xFF) where LegacyEncodingTables.windows1258[b - 0x80] == 0 {
            #expect(throws: (any Error).self, "0x\(String(b, radix: 16)) has no character in iconv either") {
                try Self.convert(Data([UInt8(b)]), "iconv -f CP1258 -t UTF-8")
            }
        }
        // TCVN3: the letters of its upper half as iconv's TCVN5712-1 writes them
        let letters = "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵĂÂĐÊÔƠƯ"
        let tcvn = try Self.convert(Data(letters.utf8), "iconv -f UTF-8 -t TCVN5712-1")
        let decoded = tcvn.withUnsafeBytes { TextEncoding.utf8(from: $0.bindMemory(to: UInt8.self), table: LegacyEncodingTables.tcvn3) }
        #expect(String(decoding: decoded, as: UTF8.self) == letters)
    }

    @Test("UTF-16 LE and BE with a byte order mark, Windows-1258, TCVN3: the same rows as the UTF-8 list, the encoding named")
    func encodings() throws {
        let utf8 = try loads(Data(try Self.sampleText().utf8))
        // the sample's products without its units.csv have unit warnings (the 5 published Lục
        // Ngạn addresses its units.csv confirms); UTF-8 needs no note
        let warnings = "products.csv: 5 warnings in the data: 5 communes outside their districts; type warnings to list them\n"
        #expect(utf8.exit == 0 && utf8.err == warnings.replacingOccurrences(of: "products.csv", with: "\(utf8.err.prefix { $0 != ":" })"), "\(utf8.err)")
        let text = Data(try Self.sampleText().utf8)
        let files: [(String, Data)] = [
            ("UTF-16 LE", Data([0xFF, 0xFE]) + (try Self.convert(text, "iconv -f UTF-8 -t UTF-16LE"))),
            ("UTF-16 BE", Data([0xFE, 0xFF]) + (try Self.convert(text, "iconv -f UTF-8 -t UTF-16BE"))),
            ("Windows-1258", try Self.convert(text, Self.windows1258)),
            ("TCVN3 (ABC)", try Self.convert(text, "iconv -f UTF-8 -t TCVN5712-1")),
        ]
        for (name, bytes) in files {
            #expect(bytes != text)
            let r = try loads(bytes)
            #expect(r.exit == 0, "\(name): \(r.err)")
            #expect(r.out == utf8.out, "\(name)")
            #expect(r.err.hasPrefix("products.csv: 214 products; text in \(name), converted to Unicode\n"), "\(name): \(r.err)")
        }
        // in Vietnamese
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try files[2].1.write(to: dir.appendingPathComponent("products.csv"))
        let vi = try ReportKit.ocop(["--lang", "vi", "--data", dir.path, "-e", "products count"])
        #expect(vi.err.hasPrefix("products.csv: 214 products; văn bản mã Windows-1258, đã chuyển sang Unicode\n") && vi.out == "214\n", "\(vi.err)")
    }

    @Test("an encoding it cannot tell: one message naming the candidates and the byte, exit 2; a stray byte in UTF-8 keeps its place")
    func unknownEncoding() throws {
        let junk = try loads(Data("id,name\nA1,".utf8) + Data([0x63, 0x61, 0x66, 0xE9, 0x20, 0xA9, 0x20, 0xA4, 0x0A]))
        #expect(junk.exit == 2 && junk.out == "")
        #expect(junk.err.contains("products.csv:2:7: error: cannot tell the encoding of this file: it is not UTF-8 (byte 0xE9)"))
        #expect(junk.err.contains("TCVN3 (ABC)") && junk.err.contains("Windows-1258"))
        #expect(junk.err.contains("hint: re-save it as UTF-8 (Excel: Save As → CSV UTF-8), or as .xlsx"))
        // UTF-8 with one bad byte: the UTF-8 reader's message, at the byte
        var bytes = Array(try Self.sampleText().utf8)
        let at = bytes.firstIndex(of: 0x0A)! + 5
        bytes[at] = 0xFF
        let stray = try loads(Data(bytes))
        #expect(stray.exit == 2 && stray.err.contains("products.csv:2:"), "\(stray.err)")
    }

    @Test("separators from the header: ; (with 78,5 decimals) and tab give the rows a comma file gives")
    func separators() throws {
        let comma = try loads(Data(try Self.sampleText().utf8))
        var semicolon = ""
        let csv = try ReportKit.pythonCSV(Data(try Self.sampleText().utf8))
        for row in csv {
            semicolon += row.map { f in f.contains(";") || f.contains("\"") ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f }
                .joined(separator: ";") + "\r\n"
        }
        let r = try loads(Data(semicolon.utf8))
        #expect(r.exit == 0 && r.out == comma.out, "\(r.err)")
        // as Excel writes "Unicode text": tabs, and quotes round a field that holds one
        let tabs = csv.map { row in
            row.map { f in f.contains("\"") ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f }.joined(separator: "\t")
        }.joined(separator: "\n") + "\n"
        let t = try loads(Data(tabs.utf8), file: "products.tsv")
        #expect(t.exit == 0 && t.out == comma.out, "\(t.err)")
        let decimals = try loads(Data("id;name;stars;score\nA1;Mật ong;4;78,5\n".utf8))
        #expect(decimals.out == "id,name,stars,score\nA1,Mật ong,4,78.5\n", "\(decimals.err)")
    }

    @Test("a CSV laid out for printing: title rows, a (1) (2) row, a section and a total skipped and counted")
    func printedCSV() throws {
        let list = """
        UBND TỈNH BẮC KẠN;;;
        DANH SÁCH SẢN PHẨM OCOP NĂM 2024;;;
        ;;;
        STT;Tên sản phẩm;Phân hạng;Điểm
        (1);(2);(3);(4)
        I;Huyện Na Rì;;
        1;Miến dong Tài Hoan;4 sao;78,5
        2;Rượu men lá;3★;61
        ;Tổng cộng;;

        """
        let r = try loads(Data(list.utf8))
        #expect(r.exit == 0, "\(r.err)")
        let rows = try ReportKit.pythonCSV(Data(r.out.utf8))
        let header = rows[0]
        let name = try #require(header.firstIndex(of: "name")), stars = try #require(header.firstIndex(of: "stars"))
        let district = try #require(header.firstIndex(of: "district"))
        #expect(rows.dropFirst().map { [$0[name], $0[stars], $0[district]] } == [["Miến dong Tài Hoan", "4", "Huyện Na Rì"], ["Rượu men lá", "3", "Huyện Na Rì"]])
        #expect(r.err.hasPrefix("products.csv: 2 products; 2 rows skipped (1 section, 1 total)"), "\(r.err)")
    }

    @Test("a date cell holding only a year (2022) is the row's certified_year; certified_on stays empty, no warning")
    func bareYear() throws {
        let list = """
        DANH SÁCH SẢN PHẨM OCOP
        STT,Tên sản phẩm,Phân hạng,Ngày công nhận
        1,Miến dong,4 sao,2022
        2,Mật ong,3 sao,15/08/2023
        3,Chè,3 sao,năm ngoái

        """
        let r = try loads(Data(list.utf8))
        #expect(r.exit == 0, "\(r.err)")
        let rows = try ReportKit.pythonCSV(Data(r.out.utf8))
        let on = try #require(rows[0].firstIndex(of: "certified_on")), year = try #require(rows[0].firstIndex(of: "certified_year"))
        #expect(rows.dropFirst().map { [$0[on], $0[year]] } == [["", "2022"], ["2023-08-15", ""], ["", ""]])
        // the one cell that is no date at all is still listed; the year is not
        #expect(r.err.contains("1 unreadable cells left empty"), "\(r.err)")
    }

    // MARK: a list typed with its header on row 1

    /// Tools/typed_list.py: an openpyxl workbook saved as CSV by LibreOffice headless, with
    /// `,` (comma/typed.csv) and `;` (semicolon/typed.csv); made once per test process.
    static let typed: Result<URL, ReportKit.Missing> = {
        let dir = ReportKit.root.appendingPathComponent(".build/fixtures/typed-list", isDirectory: true)
        try? FileManager.default.removeItem(at: dir)  // absent on a first run; a stale one is replaced
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", ReportKit.root.appendingPathComponent("Tools/typed_list.py").path, dir.path]
        do { try p.run() } catch { return .failure(ReportKit.Missing(description: "python3 not found: \(error)")) }
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            return .failure(ReportKit.Missing(description: "Tools/typed_list.py failed: it needs openpyxl and LibreOffice (make deps)"))
        }
        return .success(dir)
    }()

    static let typedQuery = "products select name, district, stars, score, certified_on"
    static let typedRows = [
        ["name", "district", "stars", "score", "certified_on"],
        ["Miến dong Tài Hoan", "Huyện Na Rì", "4", "78.5", "2024-06-25"],
        ["Rượu men lá Côn Minh", "Huyện Na Rì", "4", "72", "2022-08-15"],
        ["Mật ong bạc hà", "Huyện Na Rì", "3", "61", "2023-11-20"],
        ["Chè Shan tuyết Ba Bể", "Huyện Ba Bể", "4", "76", "2023-01-10"],
        ["Gạo nếp Khẩu nua lếch", "Huyện Ba Bể", "5", "91.14", "2024-12-15"],
    ]
    static let typedSummary = "typed.csv: 5 products; 8 rows skipped (1 blank, 3 section, 3 total, 1 below the table); district or stars from section rows on 7 rows"

    @Test("header on row 1, saved as CSV by LibreOffice (, and ;): sections, totals and the signature skipped and counted")
    func typedList() throws {
        let dir = try Self.typed.get()
        for sub in ["comma", "semicolon"] {
            let path = dir.appendingPathComponent("\(sub)/typed.csv").path
            let r = try ReportKit.ocop(["--data", path, "--format", "csv", "-e", Self.typedQuery])
            #expect(r.exit == 0, "\(sub): \(r.err)")
            #expect(try ReportKit.pythonCSV(Data(r.out.utf8)) == Self.typedRows, "\(sub)")
            #expect(r.err == Self.typedSummary + "\n", "\(sub): \(r.err)")
        }
        let vi = try ReportKit.ocop(["--lang", "vi", "--data", dir.appendingPathComponent("comma/typed.csv").path, "-e", "products count"])
        #expect(vi.out == "5\n" && vi.err.contains("bỏ qua 8 dòng (1 dòng trống, 3 dòng mục, 3 dòng tổng, 1 dòng dưới bảng)"), "\(vi.err)")
        // a machine-written list with a bad cell still stops at it, with its place
        let bad = try loads(Data("id,name,stars\nA1,Mật ong,4\nA2,Chè,bốn\n".utf8))
        #expect(bad.exit == 2 && bad.err.contains("products.csv:3:"), "\(bad.err)")
    }

    @Test("UTF-16 without a byte order mark (iconv) is told by its NUL bytes; one that reads neither way names both orders")
    func utf16WithoutMark() throws {
        let comma = try Data(contentsOf: try Self.typed.get().appendingPathComponent("comma/typed.csv"))
        for (name, to) in [("UTF-16 LE", "UTF-16LE"), ("UTF-16 BE", "UTF-16BE")] {
            let bytes = try Self.convert(comma, "iconv -f UTF-8 -t \(to)")
            #expect(bytes.prefix(2) != Data([0xFF, 0xFE]) && bytes.prefix(2) != Data([0xFE, 0xFF]), "iconv wrote no mark")
            let dir = ReportKit.folder()
            defer { try? FileManager.default.removeItem(at: dir) }
            let path = dir.appendingPathComponent("typed.csv").path
            try bytes.write(to: URL(fileURLWithPath: path))
            let r = try ReportKit.ocop(["--data", path, "--format", "csv", "-e", Self.typedQuery])
            let rows = try ReportKit.pythonCSV(Data(r.out.utf8))
            #expect(r.exit == 0 && rows == Self.typedRows, "\(name): \(r.err)")
            #expect(r.err == Self.typedSummary + "; text in \(name), converted to Unicode\n", "\(name): \(r.err)")
        }
        // NULs on both sides of the pairs, one side well ahead: not a clean UTF-16 in either order
        var mixed = [UInt8](try Self.convert(comma, "iconv -f UTF-8 -t UTF-16LE"))
        for i in stride(from: 0, to: mixed.count, by: 7) { mixed[i] = 0 }
        let r = try loads(Data(mixed))
        #expect(r.exit == 2 && r.out == "")
        #expect(r.err.hasSuffix("""
            /products.csv:1:1: error: cannot tell the encoding of this file: its NUL bytes look like UTF-16 without a byte order mark, but neither byte order reads cleanly: it may be UTF-16 LE, UTF-16 BE
              hint: re-save it as UTF-8 (Excel: Save As → CSV UTF-8), or as .xlsx

            """), "\(r.err)")
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(mixed).write(to: dir.appendingPathComponent("products.csv"))
        let vi = try ReportKit.ocop(["--lang", "vi", "--data", dir.path, "-e", "products count"])
        #expect(vi.exit == 2 && vi.err.contains("lỗi: không nhận ra bảng mã của tệp này: các byte NUL giống UTF-16"), "\(vi.err)")
    }

    @Test("a ; file with one field too many: the hint says semicolons, in English and Vietnamese; a tab file says tabs")
    func separatorHint() throws {
        let semicolon = Data("id;stars;score;name\nA1;4;78,5;Mật ong\nA2;3;61;Chè; Ba Bể\n".utf8)
        let en = try loads(semicolon)
        #expect(en.exit == 2 && en.err.hasSuffix("""
            /products.csv:3:13: error: a row has more than 4 fields
              hint: this file's fields are separated by semicolons: quote fields that contain one: "a; b"

            """), "\(en.err)")
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try semicolon.write(to: dir.appendingPathComponent("products.csv"))
        let vi = try ReportKit.ocop(["--lang", "vi", "--data", dir.path, "-e", "products count"])
        #expect(vi.exit == 2 && vi.err.contains("gợi ý: các trường của tệp này cách nhau bằng dấu chấm phẩy: đặt trong dấu ngoặc kép các trường có dấu chấm phẩy"), "\(vi.err)")
        #expect(!vi.err.contains("dấu phẩy:"), "\(vi.err)")
        let tabs = try loads(Data("id\tname\tstars\nA1\tMật ong\t4\t9\n".utf8), file: "products.tsv")
        #expect(tabs.exit == 2 && tabs.err.contains("hint: this file's fields are separated by tabs"), "\(tabs.err)")
    }
}

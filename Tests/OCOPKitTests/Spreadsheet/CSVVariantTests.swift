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
}

import Foundation
import Testing
@testable import OCOPKit

/// Issue 18, through the built binary in English and Vietnamese: describe and warnings count
/// the rows whose new unit the table chose; province spellings in the data and in queries;
/// notes on old province names; the places check on a list's own units.csv. Expected new
/// units are read from the package's wards.csv.
@Suite("Units: ambiguous rows, province spellings, notes, a units.csv's places")
struct UnitsChecksTests {
    static func ocop(_ dir: URL?, _ args: [String], lang: String = "en") throws -> Support.Run {
        try ReportKit.ocop((dir.map { ["--data", $0.path] } ?? []) + ["--lang", lang] + args)
    }

    static func folder(_ files: [String: String]) throws -> URL {
        let dir = ReportKit.folder()
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    static let header = "id,name,stars,province,district,commune\n"

    /// The package's new unit of an old address (province as the package writes it).
    static func package(_ province: String, _ district: String, _ ward: String) throws -> (String, String)? {
        try UnitsTableDataTests.rows().first { $0.oldProvince == province && $0.oldDistrict == district && $0.oldWard == ward }
            .map { (UnitsQueryTableTests.bare($0.newProvince), $0.newWard) }
    }

    // MARK: ambiguous rows

    @Test("describe and warnings say how many rows are ambiguous: a divided commune's default, a name that fits two")
    func ambiguousRows() throws {
        // Xã Tân Thạnh (Thới Lai, Cần Thơ) went into Xã Trường Thành (default) and Xã Tân Thạnh: two
        // rows take the default, the third's name says Tân Thạnh; 'Thạnh An' in Vĩnh Thạnh is the
        // thị trấn or the xã; Nông Thượng is settled
        let rows = """
        F1,Miến,3,Cần Thơ,Thới Lai,Tân Thạnh
        F2,Bánh,3,Cần Thơ,Thới Lai,Tân Thạnh
        G,Gạo Tân Thạnh,3,Cần Thơ,Thới Lai,Tân Thạnh
        H,Mắm,3,Cần Thơ,Vĩnh Thạnh,Thạnh An
        A,Trà,3,Bắc Kạn,Thành phố Bắc Kạn,Nông Thượng

        """
        let parts = try UnitsTableDataTests.rows().filter { $0.oldProvince == "Thành phố Cần Thơ" && $0.oldDistrict == "Huyện Thới Lai" && $0.oldWard == "Xã Tân Thạnh" }
        #expect(parts.count == 2 && parts.first { $0.isDefault == "default" }?.newWard == "Xã Trường Thành")
        let dir = try Self.folder(["products.csv": Self.header + rows])
        defer { try? FileManager.default.removeItem(at: dir) }
        let line = "products: 3 ambiguous rows (new_commune chosen by the table, not the data): 2 on a divided old commune (the default taken), 1 with a name that fits two units (help units)"
        let describe = try Self.ocop(dir, ["-e", "describe"])
        #expect(describe.out.contains(line + "\n"), "\(describe.out)")
        let warnings = try Self.ocop(dir, ["-e", "warnings"])
        #expect(warnings.out.hasSuffix(line + "\n"), "\(warnings.out)")
        let table = try Self.ocop(dir, ["-e", "describe products"])
        #expect(table.out.hasSuffix(line + "\n"), "\(table.out)")
        let check = try Self.ocop(dir, ["--format", "csv", "-e", "products where new_commune = \"Xã Trường Thành\" select id"])
        #expect(check.out == "id\nF1\nF2\n")
        let vi = "products: 3 dòng chưa rõ (new_commune do bảng chọn, không phải do dữ liệu): 2 thuộc xã cũ bị chia (lấy đơn vị mặc định), 1 có tên khớp với hai đơn vị (help units)"
        #expect(try Self.ocop(dir, ["-e", "describe"], lang: "vi").out.contains(vi + "\n"))
        #expect(try Self.ocop(dir, ["-e", "warnings"], lang: "vi").out.hasSuffix(vi + "\n"))
        // the sample has none: no line
        let sample = try Self.ocop(nil, ["-e", "describe"])
        #expect(!sample.out.contains("ambiguous"), "\(sample.out)")
    }

    // MARK: province spellings

    static let spelt = """
    H1,a,3,TP HCM,Bình Chánh,Bình Chánh
    H2,b,3,TP.HCM,Bình Chánh,Bình Hưng
    H3,c,3,Sài Gòn,Bình Chánh,Tân Túc
    U1,d,3,TT-Huế,A Lưới,A Ngo
    U2,e,3,Thừa Thiên Huế,A Lưới,A Roàng
    V1,f,3,BR-VT,Châu Đức,Ngãi Giao
    V2,g,3,Bà Rịa - Vũng Tàu,Châu Đức,Bàu Chinh
    N1,h,3,HN,Ba Vì,Ba Trại
    D1,i,3,ĐN,Hòa Vang,Hòa Bắc
    D2,k,3,ĐN,Cẩm Mỹ,Bảo Bình

    """

    @Test("province spellings in the data: TP HCM, TP.HCM, Sài Gòn, TT-Huế, BR-VT, HN, ĐN find their communes")
    func speltInData() throws {
        let dir = try Self.folder(["products.csv": Self.header + Self.spelt])
        defer { try? FileManager.default.removeItem(at: dir) }
        let expected: [(String, (String, String, String))] = [
            ("H1", ("Thành phố Hồ Chí Minh", "Huyện Bình Chánh", "Xã Bình Chánh")), ("H2", ("Thành phố Hồ Chí Minh", "Huyện Bình Chánh", "Xã Bình Hưng")),
            ("H3", ("Thành phố Hồ Chí Minh", "Huyện Bình Chánh", "Thị trấn Tân Túc")), ("U1", ("Thành phố Huế", "Huyện A Lưới", "Xã A Ngo")),
            ("U2", ("Thành phố Huế", "Huyện A Lưới", "Xã A Roàng")), ("V1", ("Tỉnh Bà Rịa - Vũng Tàu", "Huyện Châu Đức", "Thị trấn Ngãi Giao")),
            ("V2", ("Tỉnh Bà Rịa - Vũng Tàu", "Huyện Châu Đức", "Xã Bàu Chinh")), ("N1", ("Thành phố Hà Nội", "Huyện Ba Vì", "Xã Ba Trại")),
            ("D1", ("Thành phố Đà Nẵng", "Huyện Hòa Vang", "Xã Hòa Bắc")), ("D2", ("Tỉnh Đồng Nai", "Huyện Cẩm Mỹ", "Xã Bảo Bình")),
        ]
        var lines = ["id,new_province,new_commune"]
        for (id, a) in expected {
            let unit = try #require(try Self.package(a.0, a.1, a.2), "\(a)")
            lines.append("\(id),\(unit.0),\(unit.1)")
        }
        let r = try Self.ocop(dir, ["--format", "csv", "-e", "products select id, new_province, new_commune"])
        #expect(r.out == lines.joined(separator: "\n") + "\n", "\(r.out)")
        let w = try Self.ocop(dir, ["-e", "warnings"])
        #expect(w.out == "no warnings: the data loaded without problems\n", "\(w.out)")
    }

    @Test("province spellings in queries: province = \"Hồ Chí Minh\" also finds TP HCM, TP.HCM and Sài Gòn rows")
    func speltInQueries() throws {
        let dir = try Self.folder(["products.csv": Self.header + Self.spelt])
        defer { try? FileManager.default.removeItem(at: dir) }
        func count(_ q: String, lang: String = "en") throws -> String { try Self.ocop(dir, ["-e", "products where \(q) count"], lang: lang).out }
        for s in ["Hồ Chí Minh", "TP HCM", "TP.HCM", "Sài Gòn", "Thành phố Hồ Chí Minh", "tp hcm"] { #expect(try count("province = \"\(s)\"") == "3\n", "\(s)") }
        for s in ["Huế", "TT-Huế", "Thừa Thiên Huế", "Thừa Thiên - Huế"] { #expect(try count("province = \"\(s)\"") == "2\n", "\(s)") }
        for s in ["BR-VT", "Bà Rịa - Vũng Tàu", "Bà Rịa Vũng Tàu"] { #expect(try count("province = \"\(s)\"") == "2\n", "\(s)") }
        #expect(try count(#"province = "Hà Nội""#) == "1\n")
        #expect(try count(#"province in ("HN", "TP HCM")"#) == "4\n")
        #expect(try count(#"province != "Sài Gòn""#) == "7\n")
        // today's Hồ Chí Minh also holds the old Bà Rịa - Vũng Tàu (package: provinces.csv)
        let merged = try UnitsTableDataTests.csv("provinces.csv").filter { $0[1] == "Thành phố Hồ Chí Minh" }.map { $0[0] }
        #expect(merged.contains("Tỉnh Bà Rịa - Vũng Tàu"))
        #expect(try count(#"new_province = "TP.HCM""#) == "5\n")
        #expect(try count(#"new_province = "Sài Gòn""#, lang: "vi") == "5\n")
        // ĐN is Đà Nẵng or Đồng Nai: only its own rows
        #expect(try count(#"province = "ĐN""#) == "2\n")
        #expect(try count(#"province = "Đà Nẵng""#) == "0\n")
    }

    // MARK: notes on old province names

    @Test("new_province = \"Bắc Cạn\" (a spelling of an old name) notes that it no longer exists; province = \"Bắc Kạn\" is plain, in both languages")
    func oldNameNotes() throws {
        // the old name asked for as the old field: the answer is what was asked, no note
        let en = try Self.ocop(nil, ["-e", #"products where province = "Bắc Kạn" count"#])
        #expect(en.out == "84\n" && en.err == "", "\(en.err)")
        #expect(try Self.ocop(nil, ["-e", #"products where province = "Tỉnh Bắc Kạn" count"#], lang: "vi").out == "84\n")
        let gone = try Self.ocop(nil, ["-e", #"products where new_province = "Bắc Cạn" count"#])
        #expect(gone.out == "0\n" && gone.err.contains("Bắc Kạn is a province before 1 July 2025, now part of Thái Nguyên"), "\(gone.err)")
        let vi = try Self.ocop(nil, ["-e", #"products where new_province = "Bắc Cạn" count"#], lang: "vi")
        #expect(vi.err.contains("Bắc Kạn là tỉnh trước ngày 1/7/2025, nay thuộc Thái Nguyên"), "\(vi.err)")
        // a name written without its marks: 0 rows and the note on its spelling
        let misspelt = try Self.ocop(nil, ["-e", #"products where province = "Bac Kan" count"#])
        #expect(misspelt.out == "0\n" && misspelt.err.hasPrefix("0 rows. province has no \"Bac Kan\"; did you mean \"Bắc Kạn\""), "\(misspelt.err)")
        // a province that kept its name and gained none: nothing to say
        #expect(try Self.ocop(nil, ["-e", #"products where province = "Quảng Ninh" count"#]).err == "")
    }

    // MARK: the places check on a units.csv

    @Test("the sample's five Lục Ngạn addresses, which its units.csv files as the table does, load without warnings")
    func sampleQuiet() throws {
        #expect(try Self.ocop(nil, ["-e", "warnings"]).out == "no warnings: the data loaded without problems\n")
        #expect(try Self.ocop(nil, ["-e", "warnings"], lang: "vi").out == Message.noWarnings.text(.vi) + "\n")
        let r = try Self.ocop(nil, ["--format", "csv", "-e", #"products where district = "Lục Ngạn" and commune = "Chũ" select new_commune"#])
        #expect(Set(r.out.split(separator: "\n").dropFirst()) == ["Phường Chũ"], "\(r.out)")
    }

    @Test("a units.csv that gives a misplaced commune another unit than the table's: the place warning, its unit kept")
    func ownDisagrees() throws {
        // Chũ is not a commune of Huyện Lục Ngạn: the table has Phường Chũ under Thị xã Chũ → Phường Chũ
        let chu = try #require(try Self.package("Tỉnh Bắc Giang", "Thị xã Chũ", "Phường Chũ"))
        #expect(chu.1 == "Phường Chũ")
        let dir = try Self.folder([
            "products.csv": Self.header + "A,Vải,3,Bắc Giang,Lục Ngạn,Chũ\nB,Mật,3,Bắc Giang,Lục Ngạn,Hồng Giang\nC,Chè,3,Bắc Kạn,Chợ Mới,Yên Đĩnh\n",
            "units.csv": "province,district,commune,new_province,new_commune\nBắc Giang,Lục Ngạn,Chũ,Bắc Ninh,Phường Phượng Sơn\nBắc Giang,Lục Ngạn,Hồng Giang,Bắc Ninh,Phường Chũ\nBắc Kạn,Chợ Mới,Yên Đĩnh,Thái Nguyên,Xã Thanh Mai\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let w = try Self.ocop(dir, ["-e", "warnings"])
        #expect(w.out.contains("products.csv:2: warning: Chũ is not a commune of Lục Ngạn; it is in Thị xã Chũ (1 row)"), "\(w.out)")
        #expect(w.out.contains("new_commune is Phường Phượng Sơn, from the list's units.csv, which the built-in table does not give this commune"), "\(w.out)")
        // Hồng Giang agrees with the table (also under Thị xã Chũ); Yên Đĩnh, unknown to the table, is the units.csv's to give
        #expect(!w.out.contains("Hồng Giang") && !w.out.contains("Yên Đĩnh"), "\(w.out)")
        let vi = try Self.ocop(dir, ["-e", "warnings"], lang: "vi")
        #expect(vi.out.contains("new_commune là Phường Phượng Sơn, theo units.csv của danh sách"), "\(vi.out)")
        let r = try Self.ocop(dir, ["--format", "csv", "-e", "products select id, new_commune"])
        #expect(r.out == "id,new_commune\nA,Phường Phượng Sơn\nB,Phường Chũ\nC,Xã Thanh Mai\n", "\(r.out)")
    }
}

import Foundation
import Testing
@testable import OCOPKit

/// Issue 18: `units` is the built-in table, queryable like any other (where an old commune
/// went, which old communes make a new one), listed by tables, describe and help and
/// completed, in English and Vietnamese; made the first time it is named. Expected rows are
/// read from the package's wards.csv (Data/units-2025), not from ocop.
@Suite("Units: the built-in table as the table units")
struct UnitsQueryTableTests {
    static func ocop(_ args: [String], lang: String = "en", data: URL? = nil) throws -> Support.Run {
        try ReportKit.ocop((data.map { ["--data", $0.path] } ?? []) + ["--lang", lang] + args)
    }

    /// The package's rows whose `column` is `value`, with the old province written as lists
    /// write it (no type word: `Bắc Kạn`, `Cần Thơ`).
    static func packageRows(_ keep: (UnitsTableDataTests.Row) -> Bool) throws -> [UnitsTableDataTests.Row] {
        try UnitsTableDataTests.rows().filter(keep)
    }

    static func bare(_ province: String) -> String {
        for w in ["Tỉnh ", "Thành phố "] where province.hasPrefix(w) { return String(province.dropFirst(w.count)) }
        return province
    }

    /// A list with no units.csv: two products.
    static func list(units: String? = nil) throws -> URL {
        let dir = ReportKit.folder()
        try "id,name,stars,province,district,commune\nA,Miến,4,Bắc Kạn,Chợ Mới,Thanh Mai\nB,Gạo,3,Bắc Kạn,Thành phố Bắc Kạn,Nông Thượng\n"
            .write(to: dir.appendingPathComponent("products.csv"), atomically: true, encoding: .utf8)
        if let units { try units.write(to: dir.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8) }
        return dir
    }

    @Test("units where new_commune = \"Phường Bắc Kạn\": the package's old communes of that ward, in both languages")
    func intoNewCommune() throws {
        let expected = try Self.packageRows { $0.newWard == "Phường Bắc Kạn" }.map { UnitsTableDataTests.lawSpelling($0.oldWard) }.sorted()
        #expect(expected.count == 4)
        let q = #"units where new_commune = "Phường Bắc Kạn" sort by old_commune select old_commune"#
        let en = try Self.ocop(["--format", "csv", "-e", q])
        #expect(en.exit == 0 && en.err == "", "\(en.err)")
        #expect(en.out.split(separator: "\n").dropFirst().map(String.init) == expected, "\(en.out)")
        let vi = try Self.ocop(["-e", #"units where new_commune = "Phường Bắc Kạn" count"#], lang: "vi")
        #expect(vi.out == "\(expected.count)\n" && vi.exit == 0)
    }

    @Test("units where old_commune ~ \"nong thuong\": every old commune of that name, folded, where it went")
    func whereItWent() throws {
        // ~ asks for every word, folded, in any order (Foundation's folding, not ocop's)
        let expected = try Self.packageRows { r in
            let words = Set(r.oldWard.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).split(separator: " "))
            return words.isSuperset(of: ["nong", "thuong"])
        }
            .map { "\(Self.bare($0.oldProvince)),\(UnitsTableDataTests.lawSpelling($0.oldWard)),\(Self.bare($0.newProvince)),\($0.newWard)" }.sorted()
        #expect(expected.count == 2, "\(expected)")  // Xã Nông Thượng (Bắc Kạn), Xã Thượng Nông (Tuyên Quang)
        let q = #"units where old_commune ~ "nong thuong" sort by old_province select old_province, old_commune, new_province, new_commune"#
        let r = try Self.ocop(["--format", "csv", "-e", q])
        #expect(r.out.split(separator: "\n").dropFirst().map(String.init) == expected, "\(r.out)")
        // a table: the rows and their count in the session's language
        let vi = try Self.ocop(["-e", #"units where old_commune ~ "xa nong thuong" select old_commune, new_commune"#], lang: "vi")
        #expect(vi.out.contains("Xã Nông Thượng") && vi.out.contains("Phường Bắc Kạn") && vi.out.contains("\(expected.count) dòng"), "\(vi.out)")
        #expect(!vi.out.contains("row"))
    }

    @Test("one row per package row; a divided commune's rows, its default first")
    func divided() throws {
        let dir = try Self.list()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rows = try UnitsTableDataTests.rows()
        let count = try Self.ocop(["-e", "units count"], data: dir)
        #expect(count.out == "\(rows.count)\n", "\(count.out)\(count.err)")
        let parts = rows.filter { $0.share == "part" }
        let d = try Self.ocop(["-e", "units where divided count"], data: dir)
        #expect(d.out == "\(parts.count)\n")
        let defaults = try Self.ocop(["-e", "units where divided and default count"], data: dir)
        #expect(defaults.out == "\(parts.filter { $0.isDefault == "default" }.count)\n")
        // one divided commune, checked whole: its new units, the package's default marked
        let one = parts[0]
        let mine = parts.filter { $0.oldProvince == one.oldProvince && $0.oldDistrict == one.oldDistrict && $0.oldWard == one.oldWard }
        let q = "units where old_province = \"\(Self.bare(one.oldProvince))\" and old_commune = \"\(UnitsTableDataTests.lawSpelling(one.oldWard))\" and divided sort by new_commune select new_commune, default"
        let r = try Self.ocop(["--format", "csv", "-e", q], data: dir)
        #expect(r.out.split(separator: "\n").dropFirst().map(String.init).sorted()
                == mine.map { "\($0.newWard),\($0.isDefault == "default")" }.sorted(), "\(r.out)")
    }

    @Test("a list's own units.csv overrides: its rows are from_list, the table's rows for that address are left out")
    func override() throws {
        let dir = try Self.list(units: "province,district,commune,new_province,new_commune\nBắc Kạn,Thành phố Bắc Kạn,Xã Nông Thượng,Thái Nguyên,Phường Đức Xuân\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let rows = try UnitsTableDataTests.rows()
        let r = try Self.ocop(["--format", "csv", "-e", #"units where old_commune ~ "nong thuong" and old_province = "Bắc Kạn" select new_commune, from_list"#], data: dir)
        #expect(r.out == "new_commune,from_list\nPhường Đức Xuân,true\n", "\(r.out)\(r.err)")
        #expect(try Self.ocop(["-e", "units count"], data: dir).out == "\(rows.count)\n")  // one row out, one in
        // the list's product in Nông Thượng follows its own file too
        #expect(try Self.ocop(["-e", "products where id = \"B\" select new_commune", "--format", "csv"], data: dir).out == "new_commune\nPhường Đức Xuân\n")
    }

    @Test("tables, describe and help list units, in English and Vietnamese")
    func listed() throws {
        let rows = try UnitsTableDataTests.rows().count + 5  // the sample's units.csv: 5 addresses not in the table
        let grouped = { (sep: String) in "\(rows / 1000)\(sep)\(String(format: "%03d", rows % 1000))" }
        let en = try Self.ocop(["-e", "tables"])
        #expect(en.out.contains("units (\(grouped(",")) rows): old_province, old_district, old_commune, new_province, new_commune, divided, default, from_list"), "\(en.out)")
        let vi = try Self.ocop(["-e", "tables"], lang: "vi")
        #expect(vi.out.contains("units (\(grouped(".")) dòng)"), "\(vi.out)")
        let d = try Self.ocop(["-e", "describe units"])
        #expect(d.out.hasPrefix("units: \(grouped(",")) rows") && d.out.contains("old_commune") && d.out.contains("│       63 │"), "\(d.out)")
        let dvi = try Self.ocop(["-e", "describe units"], lang: "vi")
        #expect(dvi.out.contains("units: \(grouped(".")) dòng") && !dvi.out.contains(" rows"), "\(dvi.out)")
        let h = try Self.ocop(["-e", "help old_commune"])
        #expect(h.out.contains("the commune before 1 July 2025") && h.out.contains("units"), "\(h.out)")
        let hvi = try Self.ocop(["-e", "help divided"], lang: "vi")
        #expect(hvi.out.contains("xã cũ được chia vào nhiều đơn vị mới"), "\(hvi.out)")
        let topic = try Self.ocop(["-e", "help units"], lang: "vi")
        #expect(topic.out.contains("Bảng units chính là bảng cài sẵn") && topic.out.contains(#"units where old_commune ~ "nong thuong""#), "\(topic.out)")
    }

    @Test("completion offers units and its fields")
    func completion() {
        let session = Session(dataset: Loader.sample(), options: SessionOptions(today: ReportKit.today), sink: StringSink())
        let c = Completer(session: session)
        #expect(c.complete("uni").candidates.map(\.label) == ["units"])
        let fields = c.complete("units where old_").candidates.map(\.label)
        #expect(fields == ["old_province", "old_district", "old_commune"], "\(fields)")
    }

    @Test("the table is made when first named, not at load")
    func lazy() {
        let ds = Loader.sample()
        #expect(ds.tableOrder.contains("units"))
        #expect(!ds.tables.values.contains { $0.name == "units" })
        let session = Session(dataset: ds, options: SessionOptions(today: ReportKit.today), sink: StringSink())
        #expect(session.run("products where stars = 5 count") == .ok)
        #expect(!ds.tables.values.contains { $0.name == "units" })
        #expect(session.run("units count") == .ok)
        #expect(ds.tables.values.contains { $0.name == "units" })
    }
}

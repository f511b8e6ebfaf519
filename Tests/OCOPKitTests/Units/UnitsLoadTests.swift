import Foundation
import Testing
@testable import OCOPKit

/// Issue 18: every list gets new_province and new_commune from the built-in table, with no
/// units.csv; what the table cannot settle is a load warning (expected units read from
/// Data/units-2025/wards.csv by hand, quoted beside each row).
@Suite("Units: every list gets its 2025 units")
struct UnitsLoadTests {
    static let rows = """
    A,a,Thực phẩm,,3,60,2024-01-01,,Bắc Kạn,Thành phố Bắc Kạn,Nông Thượng
    B,b,Thực phẩm,,3,60,2024-01-01,,tỉnh Bắc Kạn,TP Bắc Kạn,xã Nông Thượng
    C,c,Thực phẩm,,3,60,2024-01-01,,Bac Kan,Tp. Bac Kan,Xa Nong Thuong
    D,d,Thực phẩm,,3,60,2025-08-01,,Thái Nguyên,,Phường Bắc Kạn
    E,e,Thực phẩm,,3,60,2024-01-01,,Bắc Kạn,H. Pác Nặm,Bộc Bố
    F,f,Thực phẩm,,3,60,2024-01-01,,Cần Thơ,Thới Lai,Tân Thạnh
    G,Gạo Tân Thạnh,Thực phẩm,,3,60,2024-01-01,,Cần Thơ,Thới Lai,Tân Thạnh
    H,h,Thực phẩm,,3,60,2024-01-01,,Cần Thơ,Vĩnh Thạnh,Thạnh An
    I,i,Thực phẩm,,3,60,2024-01-01,,Cần Thơ,Vĩnh Thạnh,Thị trấn Thạnh An
    J,j,Thực phẩm,,3,60,2024-01-01,,Bắc Kạn,Ba Bể,Bằng Phúc
    K,k,Thực phẩm,,3,60,2024-01-01,,Bắc Kạn,Chợ Mới,Yên Đĩnh
    L,l,Thực phẩm,,3,60,2024-01-01,,Bắc Kạn,Thành phố Bắc Kạn,Nong Thuon
    M,m,Thực phẩm,,3,60,2024-01-01,,Bắc Kjan,,Nông Thượng
    N,n,Thực phẩm,,3,60,2024-01-01,,Thừa Thiên Huế,Phú Vang,Phú Mỹ
    """

    static func load(_ extra: [String: String] = [:]) throws -> Dataset {
        try Support.load(["products.csv": Support.header + "\n" + rows + "\n"].merging(extra) { $1 })
    }

    static func units(_ ds: Dataset) -> [String: (String, String)] {
        let t = ds.tables["products"]!
        var out: [String: (String, String)] = [:]
        for r in 0..<t.rowCount {
            func text(_ f: String) -> String { if case .text(let s) = t.field(f, today: Support.today)!.value(r) { return s }; return "" }
            out[text("id")] = (text("new_province"), text("new_commune"))
        }
        return out
    }

    @Test("old addresses in any spelling, a post-reform row, divided and ambiguous units")
    func resolved() throws {
        let ds = try Self.load()
        let u = Self.units(ds)
        // Tỉnh Bắc Kạn, Thành phố Bắc Kạn, Xã Nông Thượng → Tỉnh Thái Nguyên, Phường Bắc Kạn
        for id in ["A", "B", "C", "D"] { #expect(u[id]! == ("Thái Nguyên", "Phường Bắc Kạn"), "\(id)") }
        // Huyện Pác Nặm, Xã Bộc Bố → Xã Bằng Thành
        #expect(u["E"]! == ("Thái Nguyên", "Xã Bằng Thành"))
        // Xã Tân Thạnh (Thới Lai) was divided: Xã Trường Thành (default), Xã Tân Thạnh; G's name says which
        #expect(u["F"]! == ("Cần Thơ", "Xã Trường Thành"))
        #expect(u["G"]! == ("Cần Thơ", "Xã Tân Thạnh"))
        // Thạnh An without its word: Thị trấn Thạnh An → Xã Thạnh An, Xã Thạnh An → Xã Thạnh Quới
        #expect(u["H"]!.1 == "Xã Thạnh An")
        #expect(u["I"]! == ("Cần Thơ", "Xã Thạnh An"))
        // Bằng Phúc is in Chợ Đồn, not Ba Bể: found there, and said
        #expect(u["J"]! == ("Thái Nguyên", "Xã Đồng Phúc"))
        // Yên Đĩnh merged before 2025; a typo; an unknown province: no new commune
        #expect(u["K"]! == ("Thái Nguyên", ""))
        #expect(u["L"]! == ("Thái Nguyên", ""))
        #expect(u["M"]! == ("", ""))
        // Thừa Thiên Huế (the name until 2025) → Thành phố Huế; Huyện Phú Vang, Xã Phú Mỹ → Phường Mỹ Thượng
        #expect(u["N"]! == ("Huế", "Phường Mỹ Thượng"))
    }

    @Test("what the table cannot settle is one warning per address, with the nearest names")
    func warnings() throws {
        let ds = try Self.load()
        let text = ds.warnings.map { $0.rendered() }.joined(separator: "\n")
        #expect(text.contains("products.csv:7: warning: Xã Tân Thạnh (Huyện Thới Lai, Cần Thơ) was divided between Xã Trường Thành, Xã Tân Thạnh: new_commune is Xã Trường Thành, the default (1 row)"), "\(text)")
        #expect(text.contains("products.csv:9: warning: 'Thạnh An' fits Thị trấn Thạnh An (Huyện Vĩnh Thạnh), Xã Thạnh An (Huyện Vĩnh Thạnh): new_commune is Xã Thạnh An, from the first (1 row)"))
        #expect(text.contains("hint: write the type word (Xã, Phường, Thị trấn) to say which"))
        #expect(text.contains("products.csv:11: warning: Bằng Phúc is not a commune of Ba Bể; it is in Huyện Chợ Đồn (1 row)"))
        #expect(text.contains("products.csv:12: warning: Yên Đĩnh is not a commune of Huyện Chợ Mới, Bắc Kạn in the 2025 table; new_commune is empty (1 row)"))
        #expect(text.contains("products.csv:13: warning: Nong Thuon is not a commune of Thành phố Bắc Kạn, Bắc Kạn in the 2025 table"))
        #expect(text.contains("hint: nearest real names: Xã Nông Thượng"))
        #expect(text.contains("products.csv:14: warning: 'Bắc Kjan' is not a province, old or new; new_province is empty (1 row)"))
        #expect(text.contains("hint: nearest real names: Bắc Kạn"))
        // the row whose name decides (G), and the settled rows, give none
        #expect(ds.warnings.count == 6)
        #expect(ds.warningSummary?.text(.en).contains("3 addresses without a new unit, 1 commune outside its district, 1 address that fits two units, 1 address on a divided unit") == true, "\(ds.warningSummary?.text(.en) ?? "")")
        // in Vietnamese
        let vi = ds.warnings.map { $0.rendered(lang: .vi) }.joined(separator: "\n")
        #expect(vi.contains("Xã Tân Thạnh (Huyện Thới Lai, Cần Thơ) đã được chia cho Xã Trường Thành, Xã Tân Thạnh: new_commune là Xã Trường Thành, đơn vị mặc định (1 dòng)"), "\(vi)")
    }

    @Test("a list's own units.csv overrides the table")
    func ownUnits() throws {
        let ds = try Self.load(["units.csv": "province,district,commune,new_province,new_commune\nBắc Kạn,Chợ Mới,Yên Đĩnh,Thái Nguyên,Xã Thanh Mai\nCần Thơ,Thới Lai,Tân Thạnh,Cần Thơ,Xã Tân Thạnh\n"])
        let u = Self.units(ds)
        #expect(u["K"]! == ("Thái Nguyên", "Xã Thanh Mai"))
        #expect(u["F"]! == ("Cần Thơ", "Xã Tân Thạnh"))
        #expect(u["A"]! == ("Thái Nguyên", "Phường Bắc Kạn"))
        #expect(ds.warnings.count == 4)
    }

    @Test("queries by today's units on a list that ships no units.csv")
    func query() throws {
        let ds = try Self.load()
        #expect(Support.value(#"products where new_province = "Thái Nguyên" count"#, dataset: ds) == "8")
        #expect(Support.value(#"products where new_commune = "Phường Bắc Kạn" count"#, dataset: ds) == "4")
    }
}

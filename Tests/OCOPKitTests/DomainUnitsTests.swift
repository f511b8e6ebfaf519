import Foundation
import Testing
@testable import OCOPKit

/// The 2025 reorganisation (issues 7 and 18): products and producers get new_province and
/// new_commune from the built-in table (sample counts checked with python3 against the
/// package's wards.csv: Tools/make_sample.py --check; see Sample/README.md).
@Suite("Domain: administrative units")
struct DomainUnitsTests {
    func value(_ q: String, dataset: Dataset? = nil) -> String { Support.value(q, dataset: dataset) }

    @Test("new_province = Thái Nguyên includes the old Bắc Kạn products")
    func thaiNguyen() {
        #expect(value(#"products where new_province = "Thái Nguyên" count"#) == "102")
        #expect(value(#"products where new_province = "Thái Nguyên" and province = "Bắc Kạn" count"#) == "84")
        #expect(value(#"products where new_province = "Bắc Ninh" count"#) == "82")
        #expect(value(#"producers where new_province = "Thái Nguyên" count"#) == "65")
        // every product and producer of the sample with a commune has a new unit; 45 published
        // products and 25 producers have no commune in their sources
        #expect(value("products where new_commune is null count") == "45")
        #expect(value("products where new_commune is null and commune is not null count") == "0")
        #expect(value("producers where new_commune is null count") == "25")
        #expect(value("producers where new_commune is null and commune is not null count") == "0")
        #expect(Loader.sample().warnings.isEmpty)
    }

    @Test("the verified OCOP.md examples")
    func verified() {
        let out = value(#"products where commune in ["Nông Thượng", "Xuất Hóa", "Côn Minh", "Bằng Phúc"] group by commune, new_commune count"#)
        #expect(out.contains("Nông Thượng") && out.contains("Phường Bắc Kạn"))
        #expect(out.contains("Côn Minh") && out.contains("Xã Côn Minh"))
        #expect(out.contains("Bằng Phúc") && out.contains("Xã Đồng Phúc"))
        // a tone variant (Xuất Hoá, SP0034) and a post-reform row (already the new unit) map too
        #expect(value(#"products where id = "SP0034" select new_commune"#).contains("Phường Bắc Kạn"))
        #expect(value(#"products where id = "SP0197" select new_province"#).contains("Thái Nguyên"))
    }

    @Test("lookups: unit words and marks ignored; district-less old addresses; the built-in table for the rest")
    func lookups() throws {
        let ds = try Support.load([
            "products.csv": Support.header + """

            A,a,Thực phẩm,,3,60,2024-01-01,,Bắc Kạn,TP Bắc Kạn,Xã Nông Thượng
            B,b,Thực phẩm,,3,60,2024-01-01,,BẮC KẠN,,nong thuong
            C,c,Thực phẩm,,3,60,2025-08-01,,Thái Nguyên,,Phường Bắc Kạn
            D,d,Thực phẩm,,3,60,2024-01-01,,Bắc Kạn,Pác Nặm,Bộc Bố
            E,e,Thực phẩm,,3,60,2024-01-01,,Đồng Tháp,Lai Vung,Long Hậu

            """,
            "units.csv": "province,district,commune,new_province,new_commune\nBắc Kạn,Thành phố Bắc Kạn,Nông Thượng,Thái Nguyên,Phường Bắc Kạn\n",
        ])
        let out = value("products select id, new_province, new_commune", dataset: ds)
        let rows = out.split(separator: "\n").filter { $0.hasPrefix("│ ") && !$0.contains("new_province") }
        #expect(rows.count == 5)
        for i in 0..<3 { #expect(rows[i].contains("Thái Nguyên") && rows[i].contains("Phường Bắc Kạn"), "\(rows[i])") }
        // D and E have no row in units.csv: the built-in table has them (issue 18)
        #expect(rows[3].contains("Thái Nguyên") && rows[3].contains("Xã Bằng Thành"), "\(rows[3])")
        #expect(rows[4].contains("Đồng Tháp") && rows[4].contains("Xã Hòa Long"), "\(rows[4])")
        #expect(ds.warnings.isEmpty)
    }
}

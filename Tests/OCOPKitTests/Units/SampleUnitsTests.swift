import Foundation
import Testing
@testable import OCOPKit

/// The embedded sample reads its rows' 2025 units from Sample/new_units.csv instead of
/// resolving them at every start (Loader.sample): they must be what a load of the Sample
/// folder finds, with the same warnings. When this fails, rerun Tools/make_sample_units.sh.
@Suite("the sample's shipped new units equal a load's")
struct SampleUnitsTests {
    @Test("new_province and new_commune of every product and producer, and the warnings")
    func sameAsLoad() throws {
        let folder = Support.root.appendingPathComponent("Sources/OCOPKit/Sample").path
        let loaded = try Loader.load(folder: folder)
        let sample = Loader.sample()
        for name in ["products", "producers"] {
            let a = try #require(loaded.tables[name]), b = try #require(sample.tables[name])
            for field in ["new_province", "new_commune"] {
                let x = try #require(a.field(field, today: Support.today)), y = try #require(b.field(field, today: Support.today))
                let xs = (0..<a.rowCount).map { x.value($0) }, ys = (0..<b.rowCount).map { y.value($0) }
                #expect(xs == ys, "\(name).\(field): rerun Tools/make_sample_units.sh")
            }
        }
        #expect(loaded.warnings.map { $0.rendered() } == sample.warnings.map { $0.rendered().replacingOccurrences(of: "<sample>/", with: folder + "/") })
        #expect(loaded.warningSummary == nil && sample.warningSummary == nil, "the sample loads without warnings")
    }

    @Test("a file that does not fit the tables is not used: the units are resolved")
    func mismatch() throws {
        let ds = try Support.load(["products.csv": Support.header + "\nA,a,c,P,3,50,2024-01-01,,Bắc Kạn,Chợ Mới,Yên Đĩnh\n"])
        let known = try Loader.csvTable(bytes: Array("table,new_province,new_commune\nproducts,X,Y\nproducts,X,Y\n".utf8), name: "new_units", file: "t.csv")
        let products = try #require(ds.tables["products"])
        #expect(!Units.applyKnown(known, to: ds), "two rows for one product")
        #expect(products.field("new_province", today: Support.today)?.value(0) == .text("Thái Nguyên"))
    }
}


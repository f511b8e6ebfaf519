import Foundation
import Testing
@testable import OCOPKit

/// Issue 7, real spreadsheets: Vietnamese headers (NFD, without marks, any case), a flat
/// list whose producers are names, spreadsheet cells (`3 sao`, `91,14`).
@Suite("Domain: spreadsheets with Vietnamese headers")
struct DomainSpreadsheetTests {
    static let folders = ["vietnamese-nfd", "vietnamese-ascii"]

    func load(_ name: String) throws -> Dataset {
        try Loader.load(folder: Support.fixtures.appendingPathComponent("domain/\(name)").path)
    }

    @Test("headers map to the known columns; STT is dropped; other headers stay", arguments: folders)
    func headers(_ name: String) throws {
        let ds = try load(name)
        let p = try #require(ds.tables["products"])
        #expect(Array(p.columnNames.dropLast()) == ["name", "producer_name", "stars", "score", "category", "province",
                                                    "district", "commune", "certified_on", "expires_on", "decision"])
        #expect(VietText.fold(p.columnNames.last!) == "ghi chu")
        #expect(p.headerAliases["stars"] != nil)
        #expect(p.rowCount == 7)
        #expect(ds.warnings.isEmpty, "\(ds.warnings.map { $0.rendered() })")
    }

    @Test("cells: dd/mm/yyyy, '3 sao', '91,14', NFD text normalised", arguments: folders)
    func cells(_ name: String) throws {
        let ds = try load(name)
        let p = try #require(ds.tables["products"])
        #expect(p.values("score")[0] == .decimal(91.14))
        #expect(p.values("stars")[5] == .integer(3))
        #expect(p.values("certified_on")[0] == .date(Day(iso: "2024-06-25")!))
        #expect(p.values("expires_on")[5] == .date(Day(iso: "2023-01-10")!))
        #expect(p.values("name")[0] == .text("Miến dong Tài Hoan"))
        #expect(Support.value(#"products where province = "Bắc Kạn" and stars = 4 count"#, dataset: ds) == "4")
    }

    @Test("a flat list gets producers from the names: producer.name, grouping, kind", arguments: folders)
    func flatProducers(_ name: String) throws {
        let ds = try load(name)
        let producers = try #require(ds.tables["producers"])
        // "HTX nông nghiệp Tân Thành" and "Htx Nông nghiệp Tân Thành" are one producer
        #expect(producers.rowCount == 5)
        #expect(Support.value("producers where count(products) >= 2 count", dataset: ds) == "2")
        let grouped = Support.value("products group by producer.name count", dataset: ds)
        #expect(grouped.contains("HTX nông nghiệp Tân Thành") && grouped.contains("│     2 │"))
        #expect(Support.value(#"products where producer.kind = "Hợp tác xã" count"#, dataset: ds) == "4")
        #expect(Support.value(#"products where producer.kind = "Doanh nghiệp" count"#, dataset: ds) == "2")
        #expect(Support.value(#"products where producer.kind = "Hộ kinh doanh" count"#, dataset: ds) == "1")
    }

    @Test("the NFD and the unaccented file load to the same values")
    func sameData() throws {
        let a = try #require(try load("vietnamese-nfd").tables["products"])
        let b = try #require(try load("vietnamese-ascii").tables["products"])
        for c in a.columnNames.dropLast() { #expect(a.values(c) == b.values(c), "column \(c)") }
    }

    @Test("HeaderAliases: folded keys, per table")
    func aliases() {
        #expect(HeaderAliases.key("Tên sản phẩm (*)") == "ten san pham")
        #expect(HeaderAliases.resolve("SỐ SAO", table: "products") == .column("stars"))
        #expect(HeaderAliases.resolve("Chủ thể", table: "products") == .column("producer_name"))
        #expect(HeaderAliases.resolve("Chủ thể", table: "producers") == .column("name"))
        #expect(HeaderAliases.resolve("Mã SP", table: "certifications") == .column("product_id"))
        #expect(HeaderAliases.resolve("Certified On", table: "products") == .column("certified_on"))
        #expect(HeaderAliases.resolve("stt", table: "units") == .ignored)
        #expect(HeaderAliases.resolve("Giá bán", table: "products") == .keep("Giá bán"))
    }

    @Test("two headers meaning one column is an error naming both")
    func twoHeadersOneColumn() {
        do {
            _ = try Support.load(["products.csv": "id,Hạng sao,stars\nA,3,3\n"])
            Issue.record("loaded")
        } catch {
            #expect(error.message == "columns 'Hạng sao' and 'stars' both mean 'stars' (columns 2 and 3)")
            #expect(error.line == 1)
        }
    }
}

import Foundation
import Testing
@testable import OCOPKit

/// Issue 7, load problems: found once, summarised in one line, listed by `warnings` with
/// file and line. Fixture: Tests/OCOPKitTests/Fixtures/domain/warnings (one of each kind).
@Suite("Domain: load warnings")
struct DomainWarningsTests {
    static var folder: String { Support.fixtures.appendingPathComponent("domain/warnings").path }

    @Test("one of each kind, with file and line; duplicate ids are errors with both lines")
    func fixture() throws {
        let ds = try Loader.load(folder: Self.folder)
        let text = ds.warnings.map { $0.rendered() }.joined()
        func has(_ s: String) { #expect(text.contains(s), "missing: \(s)\n\(text)") }
        has("products.csv:5: error: duplicate id 'SP02', first on line 3")
        has("products.csv:3: warning: score 95 is outside the 4★ band (70–89)")
        has("products.csv:4: warning: producer_id 'NSX99' is not an id in producers.csv")
        has("certifications.csv:5: warning: product_id 'SP77' is not an id in products.csv")
        has("products.csv:4: warning: expires_on 2018-01-10 is before certified_on 2019-12-30")
        has("products.csv:5: warning: unknown category 'Thuc pham kho'")
        has("certifications.csv:4: warning: unknown status 'tạm dừng', read as not revoked")
        has("products.csv:2: warning: SP01 is 4★ 82 here but 5★ 91.14 in its latest certification (certifications.csv line 3, certified 2024-06-25)")
        has("products.csv:5: warning: Yên Đĩnh is not a commune of Huyện Chợ Mới, Bắc Kạn in the 2025 table; new_commune is empty (1 row)")
        #expect(ds.warnings.count == 9)
        #expect(ds.warnings.filter { $0.severity == .error }.count == 1)
        #expect(ds.warningSummary?.text(.en) == "9 warnings in the data: 1 duplicate id (error), 1 score outside its star's band, 1 unknown producer_id, 1 certification of an unknown product, 1 expiry before certification, 1 unknown category, 1 unknown status, 1 rating that disagrees with certifications, 1 address without a new unit")
        #expect(ds.warningSummary?.text(.vi) == "9 cảnh báo trong dữ liệu: 1 id trùng nhau (lỗi), 1 điểm nằm ngoài khung của hạng sao, 1 producer_id không có trong producers, 1 chứng nhận của sản phẩm không có, 1 ngày hết hạn trước ngày công nhận, 1 nhóm sản phẩm không có trong danh mục, 1 trạng thái không rõ, 1 hạng không khớp với các chứng nhận, 1 địa chỉ chưa có đơn vị mới")
    }

    @Test("the warnings command lists them and ends with the summary; the sample has none")
    func command() throws {
        let ds = try Loader.load(folder: Self.folder)
        let r = Support.run("warnings", dataset: ds)
        #expect(r.exit == 0)
        #expect(r.out.hasSuffix("1 address without a new unit\n"))
        #expect(r.out.contains("  hint: ids must be unique"))
        #expect(Support.run("warnings").out == "no warnings: the data loaded without problems\n")
    }

    @Test("line numbers count blank lines and newlines inside quotes; JSON says item")
    func lines() throws {
        let csv = Support.header + "\n\nA,\"two\nlines\",Thực phẩm,,3,60,2024-01-01,,,,\r\nB,b,Thực phẩm,,4,99,2024-01-01,,,,\n"
        let ds = try Support.load(["products.csv": csv])
        #expect(ds.warnings.count == 1)
        #expect(ds.warnings[0].line == 5)
        let js = try Support.load(["products.json": #"[{"id": "A", "stars": 3, "score": 20}]"#])
        #expect(js.warnings.first?.rendered().contains("products.json: warning: item 1: score 20 is outside the 3★ band (50–69)") == true)
    }

    @Test("the twelve categories (2018 and 2022) are known, compared folded")
    func categories() throws {
        let rows = ["Thảo dược", "Lưu niệm - nội thất - trang trí", "DICH VU DU LICH NONG THON, BAN HANG", "Sinh vật cảnh", "Vải và may mặc"]
        let csv = "id,category\n" + rows.enumerated().map { "P\($0.offset),\"\($0.element)\"" }.joined(separator: "\n") + "\nX,Thực phẩn\n"
        let ds = try Support.load(["products.csv": csv])
        #expect(ds.warnings.count == 1)
        #expect(ds.warnings.first?.message == "unknown category 'Thực phẩn'")
        #expect(ds.warnings.first?.hints.first == "did you mean 'Thực phẩm'?")
    }

    @Test("duplicate ids in a long, near-unique id column (stored without interning)")
    func duplicatesInBigColumns() throws {
        // 40,000 ids, most distinct: the loader stops interning the id column, so the check
        // compares bytes. Shuffled order (the hash path) and sorted order (the scan path).
        for sorted in [false, true] {
            var ids = (0..<40_000).map { String(format: "SP%06d", $0) }
            if !sorted { ids = ids.enumerated().map { ids[($0.offset * 7_919) % ids.count] } }
            let (v1, v2) = (ids[123], ids[456])
            ids.insert(v1, at: 30_001)   // while the column is still interned: line 30,003
            ids.insert(v2, at: 36_000)   // after it stopped: line 36,002
            let csv = "id,name\n" + ids.map { "\($0),x" }.joined(separator: "\n") + "\n"
            let ds = try Support.load(["products.csv": csv])
            let pool: StringPool? = { if case .text(_, let p)? = ds.tables["products"]?.column("id")?.storage { return p }; return nil }()
            #expect(pool?.deduplicating == false, "the id column was interned: the test does not reach the byte path")
            let text = ds.warnings.map { $0.rendered() }.joined()
            #expect(ds.warnings.count == 2, "sorted: \(sorted)\n\(text)")
            #expect(text.contains("products.csv:30003: error: duplicate id '\(v1)', first on line 125"), "\(text)")
            #expect(text.contains("products.csv:36002: error: duplicate id '\(v2)', first on line 458"), "\(text)")
        }
        // sorted and unique: no warning (the sequential check)
        let unique = "id\n" + (0..<40_000).map { String(format: "SP%06d", $0) }.joined(separator: "\n") + "\n"
        #expect(try Support.load(["products.csv": unique]).warnings.isEmpty)
    }

    @Test("many problems of one kind: 100 listed, the rest counted")
    func capped() throws {
        var csv = "id,stars,score\n"
        for i in 0..<250 { csv += "P\(i),5,10\n" }
        let ds = try Support.load(["products.csv": csv])
        #expect(ds.warnings.count == 101)
        #expect(ds.warnings.last?.message == "… and 150 more scores outside their star's band")
        #expect(ds.warningSummary?.text(.en).hasPrefix("250 warnings in the data: 250 scores outside their star's band") == true)
    }
}

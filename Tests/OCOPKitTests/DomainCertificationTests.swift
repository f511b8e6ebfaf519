import Foundation
import Testing
@testable import OCOPKit

/// Issue 7, certifications: the history on the sample (counts checked with python3 against
/// Sources/OCOPKit/Sample/certifications.csv: make_sample.py --check, and an oracle of the
/// certificate in force on a day over the CSVs), status and days_left by
/// `today`, the current rating from the latest certification.
@Suite("Domain: certification history")
struct DomainCertificationTests {
    func count(_ q: String, dataset: Dataset? = nil) -> String { Support.value(q, dataset: dataset) }

    @Test("the issue's queries on the sample")
    func issueQueries() {
        #expect(count(#"certifications where product.province = "Bắc Kạn" count"#) == "105")
        #expect(count(#"products where status = "expired" count"#) == "59")
        #expect(count(#"products where days_left between 0 and 90 count"#) == "7")
        #expect(count(#"products where count(certifications where stars > prev_stars) >= 1 count"#) == "13")
        #expect(count(#"products where count(certifications where change = "upgraded") >= 1 count"#) == "13")
        #expect(count(#"products where stars > prev_stars count"#) == "12")
        // published products with only a year (or no date) have no status: 76 rows
        #expect(count(#"products where status is null count"#) == "76")
    }

    /// Issue 7's statements each start a line of some example (Examples/*.ocop), so the
    /// golden test runs them on the sample with their recorded output.
    @Test("issue 7's statements are golden examples")
    func issueStatementsAreExamples() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Support.examples.path).filter { $0.hasSuffix(".ocop") }
        let lines = try files.flatMap {
            try String(contentsOf: Support.examples.appendingPathComponent($0), encoding: .utf8).split(separator: "\n").map(String.init)
        }
        for statement in [
            #"certifications where product.province = "Bắc Kạn" sort by certified_on"#,
            #"products where status = "expired" count"#,
            #"products where days_left between 0 and 90"#,
            #"products where count(certifications where stars > prev_stars) >= 1"#,
            #"products where stars > prev_stars"#,
            #"products where new_province = "Thái Nguyên""#,
            #"compare "Examples/lists/2026-10" to "Examples/lists/2026-11""#,
            "warnings",
        ] {
            #expect(lines.contains { $0.hasPrefix(statement) }, "no example runs: \(statement)")
        }
    }

    @Test("status splits the sample into active, expired and one revoked")
    func statuses() {
        #expect(count(#"products where status = "active" count"#) == "78")
        #expect(count(#"products where status = "revoked" select id"#).contains("SP0171"))
        // revoked: no days left, though its expiry is in 2027
        #expect(count(#"products where id = "SP0171" select days_left, revoked, expires_on"#).contains("2027-10-10"))
        #expect(count(#"products where status = "revoked" and days_left is null count"#) == "1")
    }

    @Test("the fixed words of status and change may be written in Vietnamese: status = \"hết hạn\" is status = \"expired\"")
    func vietnameseFixedWords() {
        let expired = count(#"products where status = "expired" count"#)
        #expect(expired != "0")
        #expect(count(#"products where status = "hết hạn" count"#) == expired)
        #expect(count(#"products where status = "Hết Hạn" count"#) == expired)
        #expect(count(#"products where status = "het han" count"#) == expired)
        #expect(count(#"products where status = "còn hiệu lực" count"#) == count(#"products where status = "active" count"#))
        #expect(count(#"products where status != "hết hạn" count"#) == count(#"products where status != "expired" count"#))
        #expect(count(#"products where status in ["thu hồi", "hết hạn"] count"#) == count(#"products where status in ["revoked", "expired"] count"#))
        #expect(count(#"products where status = "thu hồi" select id"#) == count(#"products where status = "revoked" select id"#))
        let upgraded = count(#"products where count(certifications where change = "upgraded") >= 1 count"#)
        #expect(upgraded != "0")
        #expect(count(#"products where count(certifications where change = "nâng hạng") >= 1 count"#) == upgraded)
        // the values shown stay the data's own
        #expect(count(#"products where status = "hết hạn" limit 1 select status"#).contains("expired"))
        // another field's text is not translated: a name is only itself
        #expect(count(#"products where name = "hết hạn" count"#) == "0")
    }

    @Test("Miến dong Tài Hoan (published): 4★ in 2018 → 5★ on 30/6/2021 with 91.14 → re-rated 5★ on 25/6/2024")
    func taiHoan() {
        let out = count(#"certifications where product.name = "Miến dong Tài Hoan" select certified_year, certified_on, stars, score, prev_stars, change, latest"#)
        let rows = out.split(separator: "\n").filter { $0.contains("20") && $0.contains("│") && !$0.contains("certified") }
        guard rows.count == 3 else { Issue.record("\(out)"); return }
        // the 2018 rating gives only its year: ordered by it, before the dated ones
        #expect(rows[0].contains("2018") && rows[0].contains("new"))
        #expect(rows[1].contains("2021-06-30") && rows[1].contains("91.14") && rows[1].contains("upgraded"))
        #expect(rows[2].contains("2024-06-25") && rows[2].contains("renewed") && rows[2].contains("true"))
        // the product's rating is the latest certification's: 5★, its score not published
        let p = count(#"products where id = "SP0156" select stars, score is null as no_score, prev_stars"#)
        #expect(p.contains("true") && p.contains("5"), "\(p)")
        // VICUMAX: 4★ (2018) → 3★ at the city's evaluation (26/11/2021) → 5★ national (2024)
        let v = count(#"certifications where product.name = "VICUMAX NANO CURCUMIN" select change"#)
        #expect(v.contains("new") && v.contains("downgraded") && v.contains("upgraded"), "\(v)")
    }

    @Test("status and days_left follow set today: the certificate in force that day")
    func todayMatters() {
        let r = Support.run("""
        products where status = "expired" count
        set today 2024-01-01
        products where status = "expired" count
        products where status is null count
        products where id = "SP0156" select status, days_left
        set today 2027-06-25
        products where id = "SP0156" select status, days_left
        """)
        #expect(r.exit == 0, "\(r)")
        let lines = r.out.split(separator: "\n")
        guard lines.count > 3 else { Issue.record("\(r)"); return }
        #expect(lines[0] == "59")
        // checked with python3 over certifications.csv: 75 active, 18 expired, 121 without a
        // status (not yet certified, or only a year published)
        #expect(lines[1] == "18")
        #expect(lines[2] == "121")
        // on 2024-01-01 Tài Hoan's 5★ of 30/6/2021 was in force, 181 days left
        #expect(r.out.contains("│ active │       181 │"), "\(r.out)")
        // on its expiry day a certificate is still active
        #expect(r.out.contains("│ active │         0 │"), "\(r.out)")
    }

    @Test("derived fields are not shown when a table is listed whole, but describe lists them")
    func hiddenButDescribed() {
        let whole = count(#"products where id = "SP0001""#)
        #expect(!whole.contains("status") && !whole.contains("new_province") && !whole.contains("prev_stars"))
        let d = count("describe products")
        for f in ["status", "days_left", "prev_stars", "revoked", "new_province", "new_commune"] {
            #expect(d.contains(f), "describe products lists \(f)")
        }
        #expect(count("describe certifications").contains("change"))
        // a misspelt derived field gets a suggestion
        let diag = Support.diagnostic(#"products where statuss = "active""#)
        #expect(diag?.hints.contains("did you mean 'status'?") == true)
    }

    @Test("without a certifications file, status comes from expires_on")
    func statusWithoutHistory() throws {
        let ds = try Support.load(["products.csv": Support.header + "\nA,x,Thực phẩm,,3,60,2020-01-01,,Bắc Kạn,Ba Bể,Nam Mẫu\nB,y,Thực phẩm,,3,60,2025-01-01,,Bắc Kạn,Ba Bể,Nam Mẫu\n"])
        #expect(count(#"products group by status count"#, dataset: ds).contains("expired"))
        #expect(count(#"products where status = "active" select id"#, dataset: ds).contains("B"))
        #expect(count(#"products where id = "A" select days_left"#, dataset: ds).contains("-1,428"))
    }

    @Test("the latest certification sets the rating; a disagreement is a warning naming both")
    func latestWins() throws {
        let ds = try Support.load([
            "products.csv": Support.header + "\nA,Miến dong,Thực phẩm,,4,82,2021-05-10,,Bắc Kạn,Na Rì,Côn Minh\nB,Gạo,Thực phẩm,,3,60,2024-01-01,,Bắc Kạn,Na Rì,Côn Minh\n",
            "certifications.csv": "product_id,stars,score,certified_on,status\nA,4,82,2021-05-10,\nA,5,91.14,24/06/2024,\nB,3,60,2024-01-01,Thu hồi\n",
        ])
        #expect(count(#"products where id = "A" select stars, score, certified_on, expires_on, prev_stars"#, dataset: ds)
            .contains("2027-06-24"))
        #expect(count(#"products where stars > prev_stars select id"#, dataset: ds).contains("A"))
        #expect(count(#"products where id = "B" select status"#, dataset: ds).contains("revoked"))
        #expect(count(#"certifications where revoked count"#, dataset: ds) == "1")
        #expect(ds.warnings.count == 1)
        let w = ds.warnings[0].rendered()
        #expect(w.contains("products.csv:2: warning: A is 4★ 82 here but 5★ 91.14 in its latest certification (certifications.csv line 3, certified 2024-06-24)"), "\(w)")
    }

    @Test("a rating published with only its year is ordered by that year and in force from its 1 January, with no invented date")
    func yearOnly() throws {
        // VICUMAX NANO CURCUMIN as published: 4★ in 2018, 3★ on 26/11/2021, 5★ in 2024 (no day)
        let ds = try Support.load([
            "products.csv": Support.header + ",certified_year\nV,Vicumax,Dược liệu và sản phẩm từ dược liệu,,5,,,,Bắc Kạn,Thành phố Bắc Kạn,Nông Thượng,2024\n",
            "certifications.csv": "product_id,stars,score,certified_on,certified_year\nV,5,,,2024\nV,3,,2021-11-26,\nV,4,,,2018\n",
        ])
        #expect(ds.warnings.isEmpty, "\(ds.warnings.map { $0.rendered() })")
        let h = count("certifications sort by certified_on select coalesce(certified_year, year(certified_on)) as y, change, latest", dataset: ds)
        let rows = h.split(separator: "\n").filter { $0.contains("│") && !$0.contains("change") }
        guard rows.count == 3 else { Issue.record("\(h)"); return }
        // file order is 2024, 2021, 2018: the history is 2018 (4★) → 2021 (3★) → 2024 (5★)
        let change = rows.map { r in ["new", "downgraded", "upgraded"].first { r.contains($0) } ?? "" }
        let years = rows.map { r in ["2018", "2021", "2024"].first { r.contains($0) } ?? "" }
        let byYear = Dictionary(uniqueKeysWithValues: zip(years, change))
        #expect(byYear == ["2018": "new", "2021": "downgraded", "2024": "upgraded"], "\(h)")
        #expect(rows.contains { $0.contains("2024") && $0.contains("true") }, "\(h)")
        // no day, no expiry: status unknown, certified_on stays empty
        #expect(count(#"products where status is null and certified_on is null and stars = 5 count"#, dataset: ds) == "1")
        // on 2023-01-01 the 3★ of 2021 is the one in force, not the 2024 rating
        let r = Support.run("set today 2023-01-01\nproducts select status, days_left", dataset: ds)
        #expect(r.out.contains("active") && r.out.contains("695"), "\(r.out)")
    }

    @Test("certifications.json works like the CSV")
    func json() throws {
        let ds = try Support.load([
            "products.csv": Support.header + "\nA,Miến dong,Thực phẩm,,5,91.14,2024-06-24,,Bắc Kạn,Na Rì,Côn Minh\n",
            "certifications.json": #"[{"product_id": "A", "stars": 4, "score": 82, "certified_on": "2021-05-10"}, {"Mã SP": "A", "Hạng sao": 5, "Điểm": 91.14, "Ngày công nhận": "24/06/2024"}]"#,
        ])
        #expect(count(#"certifications select change"#, dataset: ds).contains("upgraded"))
        #expect(ds.warnings.isEmpty)
    }
}

import Testing
@testable import OCOPKit

/// Issue 18: a query on a province name the 2025 reorganisation changed says so (counts
/// checked with python3 on Sample/products.csv and the package's wards.csv, make_sample.py
/// --check: Bắc Ninh 8 + Bắc Giang 74 = 82; Bắc Kạn 84 + Thái Nguyên 18 = 102).
@Suite("Units: notes on merged provinces")
struct UnitsNotesTests {
    func run(_ q: String, lang: Lang = .en) -> Support.Run {
        let sink = StringSink()
        var options = SessionOptions(today: Support.today)
        options.lang = lang
        let session = Session(dataset: Loader.sample(), options: options, sink: sink)
        let outcome = session.run(q, name: "<test>")
        return Support.Run(out: sink.output, err: sink.errors, exit: Support.exitCode(outcome))
    }

    @Test("province = \"Bắc Ninh\": the old Bắc Ninh's rows, and a note on today's Bắc Ninh")
    func merged() {
        let r = run(#"products where province = "Bắc Ninh" count"#)
        #expect(r.out == "8\n" && r.exit == 0)
        #expect(r.err == "province is the address as certified: today's Bắc Ninh also holds Bắc Giang, 82 rows in all (new_province = \"Bắc Ninh\")\n", "\(r.err)")
        #expect(run(#"products where new_province = "Bắc Ninh" count"#).out == "82\n")
        let vi = run(#"products where province = "Bắc Ninh" count"#, lang: .vi)
        #expect(vi.err == "province là địa chỉ lúc công nhận: Bắc Ninh ngày nay gồm cả Bắc Giang, tổng cộng 82 dòng (new_province = \"Bắc Ninh\")\n", "\(vi.err)")
    }

    @Test("new_province = \"Bắc Kạn\": an old name, with where its rows are")
    func gone() {
        let r = run(#"products where new_province = "Bắc Kạn" count"#)
        #expect(r.out == "0\n")
        #expect(r.err.contains("Bắc Kạn is a province before 1 July 2025, now part of Thái Nguyên: province = \"Bắc Kạn\" holds 84 rows, new_province = \"Thái Nguyên\" 102"), "\(r.err)")
        let vi = run(#"products where new_province = "Bắc Kạn" count"#, lang: .vi)
        #expect(vi.err.contains("Bắc Kạn là tỉnh trước ngày 1/7/2025, nay thuộc Thái Nguyên: province = \"Bắc Kạn\" có 84 dòng, new_province = \"Thái Nguyên\" có 102"), "\(vi.err)")
    }

    @Test("no note where nothing changed: an old-only name, a province that gained none, other fields")
    func quiet() {
        #expect(run(#"products where province = "Bắc Kạn" count"#).err == "")
        #expect(run(#"products where province = "Quảng Ninh" count"#).err == "")
        #expect(run(#"products where new_province = "Thái Nguyên" count"#).err == "")
        #expect(!run(#"products where district = "Thành phố Bắc Ninh" count"#).err.contains("today"))
    }

    @Test("help units explains the two sets of names, in English and Vietnamese, with the table's source and licence")
    func help() {
        let en = run("help units"), vi = run("help units", lang: .vi)
        #expect(en.out.contains("Two sets of names") && en.out.contains("vietnamadminunits 1.0.4, © 2025 Tran Ngoc Minh Hieu, MIT licence"), "\(en.out)")
        #expect(en.out.contains(#"products where province = "Bắc Ninh" count"#))
        #expect(vi.out.contains("Hai bộ tên") && vi.out.contains("giấy phép MIT") && !vi.out.contains("Two sets"), "\(vi.out)")
    }
}

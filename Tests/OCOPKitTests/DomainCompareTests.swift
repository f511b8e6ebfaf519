import Foundation
import Testing
@testable import OCOPKit

/// Issue 7, two snapshots: `compare` on Examples/lists/2026-10 and 2026-11 (nine products;
/// the expected changes were worked out by hand from the two files).
@Suite("Domain: comparing two lists")
struct DomainCompareTests {
    static var october: String { Support.examples.appendingPathComponent("lists/2026-10").path }
    static var november: String { Support.examples.appendingPathComponent("lists/2026-11").path }

    func run(_ script: String, dataset: Dataset? = nil) -> Support.Run { Support.run(script, dataset: dataset) }

    @Test("new, removed, upgraded, downgraded, renewed, renamed: one row each, by id")
    func report() throws {
        let r = run(#"compare "\#(Self.october)" to "\#(Self.november)" select change, id"#)
        #expect(r.exit == 0, "\(r)")
        let rows = r.out.split(separator: "\n").filter { $0.hasPrefix("│ ") }.dropFirst().map {
            $0.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        #expect(rows == ["new BK011", "new BK012", "removed BK003", "upgraded BK001", "upgraded BK010",
                         "downgraded BK005", "renewed BK004", "renamed BK007", "renamed BK010"])
        // BK006 differs only in tone placement (Hoà/Hòa): not renamed; BK002 unchanged
        #expect(!r.out.contains("BK006") && !r.out.contains("BK002"))
    }

    @Test("before and after; the three forms of the statement agree")
    func forms() throws {
        let old = try Loader.load(folder: Self.october), new = try Loader.load(folder: Self.november)
        let a = run(#"compare "\#(Self.november)""#, dataset: old)
        let b = run(#"compare to "\#(Self.november)""#, dataset: old)
        let c = run(#"compare from "\#(Self.october)""#, dataset: new)
        let d = run(#"compare "\#(Self.october)" to "\#(Self.november)""#)
        #expect(a.out == b.out && b.out == c.out && c.out == d.out)
        #expect(a.out.contains("│ upgraded   │ BK001 │ Miến dong Tài Hoan               │ 4★ 82 (2021-05-10)  │ 5★ 91.14 (2026-11-05) │"), "\(a.out)")
        #expect(a.out.contains("│ renamed    │ BK007 │ Măng khô Phủ Thông               │ Măng khô Bạch Thông │ Măng khô Phủ Thông    │"))
        #expect(a.out.hasSuffix("9 rows\n"))
    }

    @Test("every output format; clauses, let and count apply")
    func formats() throws {
        let q = #"compare "\#(Self.october)" to "\#(Self.november)""#
        let csv = run("set format csv\n" + q).out
        #expect(csv.hasPrefix("change,id,name,before,after\nnew,BK011,Tinh bột nghệ nếp đen Bắc Kạn,,4★ 71 (2026-11-02)\n"))
        let json = run("set format json\n" + q).out
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 9)
        #expect(parsed?[2]["change"] as? String == "removed" && parsed?[2]["after"] is NSNull)
        let md = run("set format markdown\n" + q).out
        #expect(md.hasPrefix("| change | id | name | before | after |\n"))
        #expect(run(q + #" where change = "upgraded" count"#).out == "2\n")
        #expect(run("let ch = " + q + "\nch group by change count").out.contains("│ renamed    │     2 │"))
    }

    @Test("a folder that does not load is an error at its place in the statement")
    func missingFolder() {
        let r = run(#"compare "no/such/folder""#)
        #expect(r.exit == 1)
        #expect(r.err.hasPrefix("<test>:1:9: error: cannot compare with 'no/such/folder': no such data folder\n"))
    }

    @Test("compare is a plain word unless a folder, from or to follows")
    func plainWord() throws {
        let s = try Parser.parse(Source(name: "t", text: #"compare "a" to "b" where change = "new""#))
        guard case .query(let q) = s[0].kind else { Issue.record("not a query"); return }
        #expect(q.compare?.from?.path == "a" && q.compare?.to?.path == "b" && q.clauses.count == 1)
        let d = Support.diagnostic("compare where x = 1")
        #expect(d?.message == "unknown table or variable 'compare'")
    }

    @Test("the command line: ocop --data A --compare B --format csv (library side)")
    func commandLine() throws {
        let old = try Loader.load(folder: Self.october), new = try Loader.load(folder: Self.november)
        let sink = StringSink()
        var options = SessionOptions(today: Support.today)
        options.render.format = .csv
        let session = Session(dataset: old, options: options, sink: sink)
        #expect(session.showComparison(to: new) == .ok)
        #expect(sink.output.split(separator: "\n").count == 10)
    }
}

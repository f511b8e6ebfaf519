import Foundation
import Testing
@testable import OCOPKit

/// The check phase and the plan (Plan/, Session+Check.swift): a script is checked whole
/// before its first statement runs, `explain` prints the checked plan, and the planner makes
/// a sort followed by a limit a top-k in any clause order.
@Suite("Check and plan")
struct PlanTests {
    /// Writes results and diagnostics into one log, in the order they come.
    final class OrderSink: OutputSink {
        var log: [String] = []
        func out(_ s: String) { log.append("out: " + s) }
        func err(_ s: String) { log.append("err: " + s) }
    }

    @Test("let gives its variable the fields its query makes: a wrong field on line 3 stops the script before line 2 prints")
    func letTypesFlow() {
        let r = ReportKit.run("""
            let bk = products where province = "Bắc Kạn" select id, name
            products count
            bk where stars = 4 count
            """, name: "s.ocop")
        #expect(r.exit == 1)
        #expect(r.out == "")
        #expect(r.err.hasPrefix("s.ocop:3:10: error: unknown field 'stars'"), "\(r.err)")
        let ok = ReportKit.run("let bk = products where province = \"Bắc Kạn\" select id, name\nbk where name ~ \"mật ong\" count")
        #expect(ok.exit == 0, "\(ok)")
    }

    @Test("a clause-order error after a count is found before anything prints")
    func clauseOrder() {
        let r = ReportKit.run("products count\nproducts count where stars = 5", name: "s.ocop")
        #expect(r.out == "")
        #expect(r.err.hasPrefix("s.ocop:2:16: error: 'count' gives one number; nothing can follow it"), "\(r.err)")
    }

    @Test("a parameter's default gives its type, also when only the run knows its value")
    func parameterTypes() {
        let bad = ReportKit.run("param n = (products where stars = 5 count)\nproducts count\nproducts where name = $n count", name: "s.ocop")
        #expect(bad.exit == 1)
        #expect(bad.out == "")
        #expect(bad.err.contains("s.ocop:3:16: error: cannot compare text (name) with a whole number"), "\(bad.err)")
        let good = ReportKit.run("param n = (products where stars = 5 count)\nproducts where stars >= 4 and score > $n count\nprint \"{$n}\"")
        #expect(good.exit == 0, "\(good)")
        #expect(good.out.hasSuffix("\n\((Int(Support.value("products where stars = 5 count")) ?? -1))\n"), "\(good.out)")
    }

    @Test("the check neither asserts, exports nor prints: the run does, once")
    func checkHasNoEffects() throws {
        let dir = ReportKit.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("five.csv").path
        let r = ReportKit.run("""
            assert (products count) = 214, "the sample has 214 products"
            print "start"
            products where stars = 5 select id export "\(file)"
            """)
        #expect(r == Support.Run(out: "start\n", err: "", exit: 0))
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.split(separator: "\n").count == (Int(Support.value("products where stars = 5 count")) ?? -1) + 1)
    }

    @Test("--keep-going reports every check error of the script first, then runs the rest")
    func keepGoingReportsAll() {
        let sink = OrderSink()
        let s = Session(dataset: Loader.sample(), options: SessionOptions(today: Support.today), sink: sink)
        let outcome = s.run("""
            products count
            products where provnce = "x" count
            let bk = products where stars > "4"
            bk count
            products sort by nam
            producers count
            """, name: "s.ocop", keepGoing: true)
        #expect(outcome == .failed(.name))
        let kinds = sink.log.map { String($0.prefix(4)) }
        #expect(kinds == ["err:", "err:", "err:", "out:", "out:"], "\(sink.log)")
        #expect(sink.log[0].contains("s.ocop:2:16: error: unknown field 'provnce'"))
        #expect(sink.log[1].contains("s.ocop:3:"), "the let's own error; 'bk count' is not reported again")
        #expect(sink.log[2].contains("s.ocop:5:18: error: unknown field 'nam'"))
        #expect(sink.log[3] == "out: 214\n" && sink.log[4] == "out: 138\n")
    }

    @Test("sort then select then limit is a top-k, with the rows of the full sort")
    func topKThroughSelect() throws {
        let session = ReportKit.session().0
        let exec = Executor(env: session.env, source: Source(name: "", text: ""))
        for text in ["products sort by name select id, name limit 5",
                     "products sort by score desc, name select id, score as s, name limit 3 offset 2",
                     "products where stars >= 4 sort by province select province, name limit 7"] {
            let q = try #require(try Parser.parse(Source(name: "", text: text)).first?.query)
            let plan = exec.plan(q)
            #expect(plan.steps.contains { $0.topK != nil }, "\(text)")
            // the same query without top-k: the full sort, then the selects and the limit
            var full = plan
            for i in full.steps.indices { full.steps[i].topK = nil }
            let exec2 = Executor(env: session.env, source: Source(name: "", text: text))
            var p1 = plan, p2 = full
            guard case .rows(let a) = try exec2.execute(&p1), case .rows(let b) = try exec2.execute(&p2) else {
                Issue.record("rows expected"); continue
            }
            #expect(ResultTable(a).count == ResultTable(b).count)
            #expect(Renderer.render(ResultTable(a), RenderOptions()) == Renderer.render(ResultTable(b), RenderOptions()), "\(text)")
        }
        // an aggregate between the sort and the limit: no top-k
        let agg = try #require(try Parser.parse(Source(name: "", text: "products sort by name select count() limit 1")).first?.query)
        #expect(exec.plan(agg).steps.allSatisfy { $0.topK == nil })
    }

    @Test("explain prints the checked plan, in English and Vietnamese, and runs nothing")
    func explain() {
        let r = ReportKit.run("explain products where stars >= 4 sort by name select id, name limit 5")
        #expect(r.exit == 0)
        #expect(r.out.contains("sort by name"))
        #expect(r.out.contains("keeps only the best 5 rows (top-k: a limit follows), not a full sort"), "\(r.out)")
        #expect(r.out.contains("gives id (text), name (text)"))
        #expect(r.out.contains("one loop over the column stars"))
        let vi = ReportKit.run("explain products group by province count") { $0.lang = .vi }
        #expect(vi.out.contains("một nhóm cho mỗi giá trị của province (chữ)"), "\(vi.out)")
        #expect(vi.out.contains("cho ra province (chữ), count (số nguyên)"), "\(vi.out)")
        let bad = ReportKit.run("explain products where nme = 1", name: "s.ocop")
        #expect(bad.exit == 1)
        #expect(bad.err.hasPrefix("s.ocop:1:24: error: unknown field 'nme'"), "\(bad.err)")
    }

    @Test("explain analyze runs the checked plan and tells what each clause kept, as the queries count it")
    func explainAnalyze() throws {
        let r = ReportKit.run("explain analyze products where stars >= 4 and province = \"Bắc Kạn\" sort by name select id, name limit 5")
        #expect(r.exit == 0, "\(r)")
        let kept = Support.value("products where stars >= 4 and province = \"Bắc Kạn\" count")
        let lines = r.out.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        // the and's parts, then the rows the where kept, on a line of its own
        #expect(lines.contains("rows kept: \(kept)"), "\(r.out)")
        #expect(lines.contains { $0.hasPrefix("sort by name") && $0.hasSuffix("not a full sort; rows kept: 5") }, "\(r.out)")
        #expect(!r.out.contains("SP0"), "no rows are shown")
        let groups = ReportKit.run("explain analyze products group by province count sort by count desc limit 3")
        let provinces = Support.value("products group by province count count")
        #expect(groups.out.contains("groups made: \(provinces)"), "\(groups.out)")
        #expect(groups.out.contains("rows kept: 3\n"), "\(groups.out)")
        // a variable's rows, in Vietnamese
        let vi = ReportKit.run("let five = products where stars = 5\nexplain analyze five where name ~ \"a\" count") { $0.lang = .vi }
        let five = Support.value("products where stars = 5 count"), withA = Support.value("products where stars = 5 and name ~ \"a\" count")
        #expect(vi.out.contains("số dòng: \(five)"), "\(vi.out)")
        #expect(vi.out.contains("số dòng giữ lại: \(withA)"), "\(vi.out)")
        // plain explain still runs nothing
        #expect(!ReportKit.run("explain products where stars >= 4").out.contains("rows kept"))
        // an error of the query is the check's, before anything runs
        let bad = ReportKit.run("products count\nexplain analyze products where nme = 1", name: "s.ocop")
        #expect(bad.out == "" && bad.err.hasPrefix("s.ocop:2:32: error: unknown field 'nme'"), "\(bad)")
    }

    @Test("the plan the check made is the value that runs: a script's statements carry their checked plans")
    func checkedPlanRuns() throws {
        let (s, _) = ReportKit.session()
        let source = Source(name: "s.ocop", text: "products where stars >= 4 sort by name select id limit 3\nlet x = products where stars = 5\nprint \"x\"")
        let statements = Parser.parseEach(source).map { try? $0.get() }
        let checked = s.check(statements, source)
        let plan = try #require(checked.plans[0])
        // what the check recorded travels with the plan that runs
        #expect(plan.steps[0].filter == .columnLoop("stars"))
        #expect(plan.steps[1].topK == 3)
        #expect(plan.steps[2].keeps == .fields([Shape.Field(name: "id", type: .text)]))
        #expect(checked.plans[1] != nil && checked.plans[2] == nil)
        // the run executes that value: the statement's plan as it ran has what only the check
        // records (the filter's path, the fields) and what only the run records (the rows)
        #expect(s.run("products where stars >= 4 sort by name select id limit 3") == .ok)
        let ran = try #require(s.lastPlan)
        #expect(ran.steps[0].filter == .columnLoop("stars"))
        #expect(ran.steps[2].keeps == .fields([Shape.Field(name: "id", type: .text)]))
        #expect(ran.steps.map(\.rows) == [.rows(Int(Support.value("products where stars >= 4 count")) ?? -1), .rows(3), .rows(3), .rows(3)])
    }
}

import Testing
@testable import OCOPKit

@Suite("Parser")
struct ParserTests {
    func parse(_ text: String) throws(Diagnostic) -> [Statement] {
        try Parser.parse(Source(name: "<test>", text: text))
    }

    func parseError(_ text: String) -> Diagnostic? {
        do { _ = try parse(text); return nil } catch { return error }
    }

    /// The one query of `text`.
    func query(_ text: String) throws -> Query {
        let s = try parse(text)
        try #require(s.count == 1)
        guard case .query(let q) = s[0].kind else { throw Failure("not a query: \(text)") }
        return q
    }

    /// The condition of `products where CONDITION`, as an s-expression.
    func condition(_ text: String) throws -> String {
        let q = try query("products where " + text)
        guard case .where(let e) = q.clauses.first?.kind else { throw Failure("no where") }
        return sexpr(e)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }

    /// A compact tree: `(and (>= stars 4) (= province "Bắc Kạn"))`.
    func sexpr(_ e: Expr) -> String {
        switch e.kind {
        case .integer(let v): return String(v)
        case .decimal(let v): return String(v)
        case .text(let s): return "\"\(s)\""
        case .date(let d): return d.iso
        case .bool(let b): return String(b)
        case .null: return "null"
        case .today: return "today"
        case .duration(let a, let u): return "(\(u.rawValue) \(sexpr(a)))"
        case .path(let p): return p.map(\.text).joined(separator: ".")
        case .parameter(let n): return "$" + n
        case .call(let n, let args): return "(\(n.text)()" + args.map { " " + sexpr($0) }.joined() + ")"
        case .negate(let a): return "(neg \(sexpr(a)))"
        case .not(let a): return "(not \(sexpr(a)))"
        case .binary(let op, let a, let b): return "(\(op.rawValue) \(sexpr(a)) \(sexpr(b)))"
        case .isNull(let a, let n): return "(\(n ? "is-not-null" : "is-null") \(sexpr(a)))"
        case .inList(let a, let items, let n): return "(\(n ? "not-in" : "in") \(sexpr(a))" + items.map { " " + sexpr($0) }.joined() + ")"
        case .between(let a, let lo, let hi, let n): return "(\(n ? "not-between" : "between") \(sexpr(a)) \(sexpr(lo)) \(sexpr(hi)))"
        case .subquery(let q): return "{\(q.source.text) \(q.clauses.count) clauses}"
        }
    }

    // MARK: precedence

    @Test("or < and < not < comparison < + - < * / %")
    func precedence() throws {
        #expect(try condition("a = 1 or b = 2 and c = 3") == "(or (= a 1) (and (= b 2) (= c 3)))")
        #expect(try condition("(a = 1 or b = 2) and c = 3") == "(and (or (= a 1) (= b 2)) (= c 3))")
        #expect(try condition("not a = 1 and b = 2") == "(and (not (= a 1)) (= b 2))")
        #expect(try condition("not not a = 1") == "(not (not (= a 1)))")
        #expect(try condition("a + 2 * 3 >= 4 - 6 / 2 % 5") == "(>= (+ a (* 2 3)) (- 4 (% (/ 6 2) 5)))")
        #expect(try condition("a - b - c = 0") == "(= (- (- a b) c) 0)")
        #expect(try condition("-a * -2 = 3") == "(= (* (neg a) -2) 3)")
        #expect(try condition("stars = 5 or (stars = 4 and score >= 85)") == "(or (= stars 5) (and (= stars 4) (>= score 85)))")
    }

    @Test func predicates() throws {
        #expect(try condition("district is null") == "(is-null district)")
        #expect(try condition("district is not null") == "(is-not-null district)")
        #expect(try condition(#"category in ["A", "B"]"#) == #"(in category "A" "B")"#)
        #expect(try condition(#"category not in ("A")"#) == #"(not-in category "A")"#)
        #expect(try condition("stars between 3 and 4 and score > 1") == "(and (between stars 3 4) (> score 1))")
        #expect(try condition("stars not between 3 and 4") == "(not-between stars 3 4)")
        #expect(try condition(#"name contains "nghệ""#) == #"(contains name "nghệ")"#)
        #expect(try condition(#"name not contains "x""#) == #"(not (contains name "x"))"#)
        #expect(try condition(#"name starts with "Trà""#) == #"(starts with name "Trà")"#)
        #expect(try condition(#"name ends with "Kạn""#) == #"(ends with name "Kạn")"#)
        #expect(try condition(#"name ~ "tinh bot""#) == #"(~ name "tinh bot")"#)
        #expect(try condition("a <> 1") == "(!= a 1)")
        #expect(try condition("a == 1") == "(= a 1)")
    }

    @Test func valuesPathsAndCalls() throws {
        #expect(try condition("producer.kind = $kind") == "(= producer.kind $kind)")
        #expect(try condition("expires_on <= today + 90 days") == "(<= expires_on (+ today (days 90)))")
        #expect(try condition("certified_on >= 31/01/2022 - 1 month") == "(>= certified_on (- 2022-01-31 (months 1)))")
        #expect(try condition("x = true or y = false or z = null") == "(or (or (= x true) (= y false)) (= z null))")
        #expect(try condition("count(products where stars >= 4) >= 2") == "(>= (count() {products 1 clauses}) 2)")
        #expect(try condition("count(products) >= 3") == "(>= (count() products) 3)")
        #expect(try condition("lower(name) = \"x\"") == "(= (lower() name) \"x\")")
        #expect(try condition("round(score, 1) = 91.1") == "(= (round() score 1) 91.1)")
    }

    @Test("year(), month(), day() are calls although year/month/day are duration units")
    func dateFunctions() throws {
        #expect(try condition("year(certified_on) = 2020") == "(= (year() certified_on) 2020)")
        #expect(try condition("month(certified_on) = 2 and day(certified_on) = 29") == "(and (= (month() certified_on) 2) (= (day() certified_on) 29))")
        #expect(try condition("certified_on > today - 1 year") == "(> certified_on (- today (years 1)))")
        let q = try query("products group by year(certified_on) count")
        guard case .group(let keys) = q.clauses[0].kind else { Issue.record("no group"); return }
        #expect(keys.map(sexpr) == ["(year() certified_on)"])
    }

    // MARK: clauses and statements

    @Test func clausesInOrder() throws {
        let q = try query("products where stars >= 4 select name, score / 10 as points sort by stars desc, name limit 10 offset 5 count")
        #expect(q.source.text == "products")
        #expect(q.clauses.count == 5)
        guard case .select(let items) = q.clauses[1].kind else { Issue.record("no select"); return }
        #expect(items.map { sexpr($0.expr) } == ["name", "(/ score 10)"])
        #expect(items.map { $0.alias?.text } == [nil, "points"])
        guard case .sort(let keys) = q.clauses[2].kind else { Issue.record("no sort"); return }
        #expect(keys.map { "\(sexpr($0.expr)) \($0.descending)" } == ["stars true", "name false"])
        #expect(q.clauses[3].kind == .limit(10, offset: 5))
        #expect(q.clauses[4].kind == .count)
        #expect(try query("products order by name asc").clauses.count == 1)
        #expect(try query("products offset 3").clauses[0].kind == .limit(Int.max, offset: 3))
        #expect(try query("products select province distinct").clauses[1].kind == .distinct)
    }

    @Test("a line starting with a clause keyword continues the statement")
    func continuationLines() throws {
        let text = """
        products
          where stars >= 4
          group by province
          select province, count() as n   # comment after a clause
          # a comment line between clauses
          sort by n desc
        products count
        """
        let s = try parse(text)
        #expect(s.count == 2)
        guard case .query(let q) = s[0].kind else { Issue.record("not a query"); return }
        #expect(q.clauses.count == 4)
        #expect(Source(name: "", text: text).location(of: q.range.end).line == 6)
    }

    @Test("a line after an unfinished expression continues it")
    func unfinishedLines() throws {
        #expect(try condition("stars >= 4 and\n  province = \"Bắc Kạn\"") == "(and (>= stars 4) (= province \"Bắc Kạn\"))")
        #expect(try condition("stars >=\n 4") == "(>= stars 4)")
        #expect(try condition("category in [\"A\",\n \"B\"]") == "(in category \"A\" \"B\")")
        // a line starting with `and` or `or` continues the condition above (no statement starts with them)
        #expect(try condition("stars >= 4\n  and stars < 5\n\n  or province = \"Huế\"") == "(or (and (>= stars 4) (< stars 5)) (= province \"Huế\"))")
        let s = try parse("products where stars >= 4\n  and score > 90\ncount\nproducers count")
        #expect(s.count == 2)
        // a word that merely starts with "and" is a new statement
        #expect(try parse("products where stars >= 4\nandrew count").count == 2)
    }

    @Test func separatorsAndComments() throws {
        #expect(try parse("products count; producers count").count == 2)
        #expect(try parse("\n\n# nothing but comments\n;;\n").isEmpty)
        #expect(try parse("#!/usr/bin/env ocop run\nproducts count\n").count == 1)
        #expect(try parse("products count # trailing").count == 1)
    }

    @Test func letStatements() throws {
        let s = try parse("let bk = products where province = \"Bắc Kạn\"\nbk where stars = 4 count")
        #expect(s.count == 2)
        guard case .let(let name, let q) = s[0].kind else { Issue.record("not a let"); return }
        #expect(name.text == "bk")
        #expect(name.range == SourceRange(4, 6))
        #expect(q.source.text == "products" && q.clauses.count == 1)
        guard case .query(let q2) = s[1].kind else { Issue.record("not a query"); return }
        #expect(q2.source.text == "bk")
        // the query of a let may start on the next line
        #expect(try parse("let x =\n  products").count == 1)
    }

    @Test func commands() throws {
        #expect(try parse("tables")[0].kind == .command(.tables))
        #expect(try parse("help where")[0].kind == .command(.help("where")))
        #expect(try parse("help")[0].kind == .command(.help(nil)))
        #expect(try parse("describe products")[0].kind == .command(.describe("products")))
        #expect(try parse("quit")[0].kind == .command(.quit))
        #expect(try parse("exit")[0].kind == .command(.quit))
    }

    // MARK: errors

    /// `line:col message` of the error `text` raises.
    func located(_ text: String) -> String {
        guard let d = parseError(text), let r = d.range else { return "no error" }
        let (l, c) = Source(name: "", text: text).location(of: r.start)
        return "\(l):\(c) \(d.message)"
    }

    @Test("'were' is an unknown clause, with 'did you mean where?'")
    func misspeltClause() {
        let d = parseError("products were stars >= 4")
        #expect(d?.kind == .syntax)
        #expect(d?.message == "unknown clause 'were'")
        #expect(d?.hints == ["did you mean 'where'?"])
        #expect(d?.range == SourceRange(9, 13))
        #expect(located("products count\nproducts were stars >= 4") == "2:10 unknown clause 'were'")
        #expect(parseError("products wher stars > 1")?.hints == ["did you mean 'where'?"])
        #expect(parseError("products selct name")?.hints == ["did you mean 'select'?"])
    }

    @Test func errorMessagesSayWhatWasExpected() {
        #expect(located("products where") == "1:15 expected a value, a field or '(', found end of input")
        #expect(located("products where stars >=") == "1:24 expected a value, a field or '(', found end of input")
        #expect(located("products group province") == "1:16 expected 'by' after 'group', found 'province'")
        #expect(located("products sort name") == "1:15 expected 'by' after 'sort', found 'name'")
        #expect(located("products limit ten") == "1:16 expected a whole number after 'limit', found 'ten'")
        #expect(located("products where (stars = 4") == "1:26 expected ')', found end of input")
        #expect(parseError("products where (stars = 4")?.labels.map { $0.message.text(.en) } == ["this '(' is not closed"])
        #expect(parseError("products where (stars = 4")?.labels.map(\.range.start) == [15])
        #expect(located("products where category in \"A\"") == "1:28 expected a list like [\"a\", \"b\"] after 'in', found text \"A\"")
        #expect(located("products where district is nul") == "1:28 expected 'null' after 'is', found 'nul'")
        #expect(located("where stars > 3") == "1:1 a statement starts with a table or variable, not 'where'")
        #expect(located("products select name as") == "1:24 expected a column name after 'as', found end of input")
        #expect(located("let = products") == "1:5 expected a variable name after 'let', found '='")
        #expect(located("let help = products") == "1:5 'help' is a command and cannot be a variable name")
        #expect(located("products where x = [1]") == "1:20 a list is only allowed after 'in'")
        #expect(located("products where stars = 99999999999999999999") == "1:24 the number 99999999999999999999 is too large (the largest is 9223372036854775807)")
    }

    @Test func errorsCarryTheSourceName() {
        do {
            _ = try Parser.parse(Source(name: "report.ocop", text: "products were x"))
            Issue.record("no error")
        } catch {
            #expect(error.source?.name == "report.ocop")
        }
    }

    @Test("nesting is bounded instead of overflowing the stack")
    func deepNesting() {
        let deep = "products where " + String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500) + " = 1"
        #expect(parseError(deep)?.message.hasPrefix("expression nested too deeply") == true)
    }
}

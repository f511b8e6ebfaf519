import Testing
@testable import OCOPKit

/// The completion engine, without a terminal: what Tab offers after a given text.
@Suite struct CompletionTests {
    /// One per test: pools fill caches lazily, and tests run in parallel.
    let dataset = Loader.sample()

    func completer(_ setup: String = "") -> Completer {
        let session = Session(dataset: dataset, options: SessionOptions(today: Day(iso: "2026-11-29")!), sink: StringSink())
        if !setup.isEmpty { #expect(session.run(setup) == .ok) }
        return Completer(session: session)
    }

    func labels(_ text: String, _ c: Completer? = nil) -> [String] {
        (c ?? completer()).complete(text).candidates.map(\.label)
    }

    /// The line after one Tab.
    func tab(_ text: String, _ c: Completer? = nil) -> String {
        let completion = (c ?? completer()).complete(text)
        guard let ins = completion.insertion else { return text }
        return String(text.prefix(completion.replaceFrom)) + ins
    }

    @Test func statementStartOffersTablesVariablesAndCommands() {
        let c = completer("let bk = products where province = \"Bắc Kạn\"")
        let all = labels("", c)
        // tables first, in load order, then variables
        #expect(all.starts(with: ["products", "producers"]))
        #expect(all.firstIndex(of: "bk")! < all.firstIndex(of: "help")!)
        for w in ["help", "tables", "describe", "set", "clear", "quit", "exit", "let"] { #expect(all.contains(w)) }
        #expect(labels("prod") == ["products", "producers"])
        #expect(tab("prod") == "produc")
        #expect(tab("tab") == "tables ")
        #expect(tab("B", c) == "bk ")
        #expect(tab("products where stars = 5; prod") == "products where stars = 5; produc")
    }

    @Test func afterASourceClauseKeywords() {
        // then the words that end a statement (StatementWord's suffixes)
        #expect(labels("products ") == ["where", "select", "sort by", "order by", "group by", "count", "limit", "offset", "distinct", "pivot", "chart", "export"])
        #expect(tab("products so") == "products sort by ")
        #expect(tab("products gr") == "products group by ")
        #expect(tab("products sort ") == "products sort by ")
        #expect(tab("products where stars = 5 so") == "products where stars = 5 sort by ")
    }

    @Test func fieldsOfTheTableInScope() {
        let fields = labels("products where ")
        #expect(fields.starts(with: ["id", "name", "category", "producer_id", "stars"]))
        #expect(fields.contains("producer."))
        #expect(fields.contains("year()"))
        #expect(tab("products where prov") == "products where province ")
        #expect(tab("products select name, sc") == "products select name, score ")
        // certified_ is the start of certified_on and certified_year: the common prefix only
        #expect(tab("products sort by certified_") == "products sort by certified_")
        #expect(tab("products sort by certified_o") == "products sort by certified_on ")
        #expect(tab("products group by cat") == "products group by category ")
        #expect(tab("producers where ki") == "producers where kind ")
        #expect(tab("products where ye") == "products where year(")
        // a multi-line statement: earlier lines give the table
        #expect(tab("products\n  where stars >= 4 and\n  dis") == "products\n  where stars >= 4 and\n  district ")
    }

    @Test func relationPaths() {
        let producerFields = labels("products where producer.")
        #expect(producerFields.starts(with: ["id", "name", "kind", "province", "district", "commune"]))
        #expect(producerFields.contains("products"))
        #expect(tab("products where producer.ki") == "products where producer.kind ")
        #expect(tab("products select producer.na") == "products select producer.name ")
        #expect(labels("producers where pro").contains("products"))
        // a subquery over a relation has the related table in scope
        #expect(tab("producers where count(products where star") == "producers where count(products where stars ")
    }

    @Test func operatorsAfterAnOperand() {
        let after = labels("products where stars ")
        #expect(after.starts(with: ["and", "or", "not", "in", "is", "contains"]))
        #expect(after.contains("sort by"))
        #expect(tab("products where name con") == "products where name contains ")
        #expect(tab("products sort by score de") == "products sort by score desc ")
    }

    @Test func valueCompletesUnaccentedMultiWordPrefix() {
        let c = completer()
        #expect(tab("products where province = \"bac k", c) == "products where province = \"Bắc Kạn\" ")
        #expect(tab("products where province = \"BAC K", c) == "products where province = \"Bắc Kạn\" ")
        #expect(tab("products where province = 'hoa", c) == "products where province = 'Hòa Bình' ")
        #expect(tab("producers where kind = \"ho k", c) == "producers where kind = \"Hộ kinh doanh\" ")
        // đ folds to d
        #expect(tab("products where province = \"dong", c) == "products where province = \"Đồng Tháp\" ")
    }

    @Test func ambiguousValuesListWithRowCounts() {
        let c = completer()
        let completion = c.complete("products where province = \"bac")
        #expect(completion.candidates.map(\.display) == ["Bắc Giang (74)", "Bắc Kạn (84)", "Bắc Ninh (8)"])
        // the first Tab restores the marks and extends to the common prefix; then nothing more
        #expect(tab("products where province = \"bac", c) == "products where province = \"Bắc ")
        #expect(c.complete("products where province = \"Bắc ").insertion == nil)
        #expect(completion.replaceFrom == "products where province = ".count)
        #expect(completion.word == "\"bac")
    }

    @Test func valuesInListsRelationsAndVariables() {
        let c = completer("let bk = products where province = \"Bắc Kạn\"")
        #expect(tab("products where province in [\"Bắc Giang\", \"bac k", c) == "products where province in [\"Bắc Giang\", \"Bắc Kạn\"")
        #expect(tab("products where producer.kind = \"hop", c) == "products where producer.kind = \"Hợp tác xã\" ")
        #expect(labels("products where category != \"", c).count > 3)
        // a variable's values are counted within its rows
        let inBk = c.complete("bk where province = \"").candidates.map(\.display)
        #expect(inBk == ["Bắc Kạn (84)"])
        // an unquoted word after = offers quoted values too
        #expect(tab("products where province = hoa", c) == "products where province = \"Hòa Bình\" ")
        // numbers and dates offer no values
        #expect(labels("products where stars = \"", c).isEmpty)
    }

    @Test func manyDistinctValuesOfferNone() {
        let c = completer()
        c.maxDistinct = 5
        #expect(labels("products where province = \"b", c).isEmpty)
        c.maxDistinct = 500
        #expect(!labels("products where province = \"b", c).isEmpty)
    }

    @Test func commandsTakeTheirWords() {
        #expect(tab("describe prod") == "describe produc")
        #expect(tab("describe producers.ki") == "describe producers.kind ")
        #expect(tab("set form") == "set format ")
        #expect(tab("set format cs") == "set format csv ")
        #expect(tab("help whe") == "help where ")
    }

    @Test func nothingInsideACommentOrANumber() {
        #expect(labels("products # where ").isEmpty)
        #expect(labels("products limit ").isEmpty)
        #expect(labels("products select name as ").isEmpty)
    }

    @Test func commonPrefixAndListing() {
        #expect(Completion.commonPrefix(["Bắc Giang", "Bắc Kạn"]) == "Bắc ")
        #expect(Completion.commonPrefix(["abc"]) == "abc")
        let c = Completion(replaceFrom: 0, word: "", candidates: ["Bắc Giang", "Bắc Kạn", "Bắc Ninh"].enumerated().map {
            .init(text: $0.element, label: $0.element, rows: $0.offset + 1)
        })
        #expect(c.listing(width: 80) == "Bắc Giang (1)  Bắc Kạn (2)    Bắc Ninh (3)\n")
        #expect(c.listing(width: 20) == "Bắc Giang (1)\nBắc Kạn (2)\nBắc Ninh (3)\n")
        #expect(c.listing(width: 80, limit: 2) == "Bắc Giang (1)  Bắc Kạn (2)\n… and 1 more\n")
    }
}

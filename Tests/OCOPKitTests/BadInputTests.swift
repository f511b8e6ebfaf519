import Foundation
import Testing
@testable import OCOPKit

/// Bad input never crashes and never hangs: each case gives one message with a position
/// (a query: line and column in the statement; a data file: file, line and column).
@Suite("Bad input")
struct BadInputTests {
    /// `kind line:column message` of the first error `statement` raises on the sample.
    func failure(_ statement: String) -> String {
        guard let d = Support.diagnostic(statement) else { return "no error" }
        guard let r = d.range, let s = d.source else { return "\(d.kind) (no position) \(d.message)" }
        let (l, c) = s.location(of: r.start)
        return "\(d.kind) \(l):\(c) \(d.message)"
    }

    /// The printed result of `statement`, or its error.
    func answer(_ statement: String) -> String {
        let r = Support.run(statement)
        return r.exit == 0 ? r.out.trimmingCharacters(in: .newlines) : "exit \(r.exit): \(r.err)"
    }

    // MARK: statements

    @Test("an unterminated string")
    func unterminatedString() {
        #expect(failure("products where name = \"Miến") == "syntax 1:23 unterminated text: missing closing \"")
        #expect(failure("products where name = 'Miến\nproducts count") == "syntax 1:23 unterminated text: missing closing '")
    }

    @Test("unbalanced brackets")
    func unbalancedBrackets() {
        #expect(failure("products where (stars > 3").hasPrefix("syntax 2:1 expected ')'") || failure("products where (stars > 3").hasPrefix("syntax 1:26 expected ')'"))
        #expect(failure("products where stars > 3)").hasPrefix("syntax 1:25 expected a clause"))
        #expect(failure("products where stars in [3, 4").contains("expected ',' or ']'"))
        #expect(failure("products where stars in [3, 4)").hasPrefix("syntax 1:30 expected ',' or ']'"))
        #expect(failure("products select year(certified_on").contains("expected ')'"))
        #expect(failure("products where ((stars > 3) or (stars < 2)))").hasPrefix("syntax 1:44"))
        #expect(failure("products where [3]").hasPrefix("syntax 1:16 a list is only allowed after 'in'"))
    }

    @Test("100,000 nested parentheses: a depth limit, no stack overflow")
    func deepParentheses() {
        let deep = "products where " + String(repeating: "(", count: 100_000) + "stars > 3" + String(repeating: ")", count: 100_000) + " count"
        #expect(failure(deep).hasPrefix("syntax 1:") && failure(deep).contains("nested too deeply"))
        // within the limit it runs
        let ok = "products where " + String(repeating: "(", count: 60) + "stars > 3" + String(repeating: ")", count: 60) + " count"
        #expect(answer(ok) == answer("products where stars > 3 count"))
        // brackets of lists and calls count too
        let calls = "products select " + String(repeating: "abs(", count: 100_000) + "stars" + String(repeating: ")", count: 100_000)
        #expect(failure(calls).contains("nested too deeply"))
    }

    @Test("100,000 × not and 100,000 × unary minus: a depth limit")
    func deepPrefixChains() {
        let nots = "products where " + String(repeating: "not ", count: 100_000) + "stars > 3 count"
        #expect(failure(nots).contains("nested too deeply"))
        let minus = "products select " + String(repeating: "- ", count: 100_000) + "stars as x"
        #expect(failure(minus).contains("nested too deeply"))
        #expect(answer("products where " + String(repeating: "not ", count: 100) + "stars > 3 count") == answer("products where stars > 3 count"))
        #expect(answer("products where -" + String(repeating: " -", count: 99) + " stars = 3 count") == answer("products where stars = 3 count"))
    }

    @Test("100,000 conditions joined by or run (the tree is balanced, not 100,000 deep)")
    func longAndOrChains() {
        let ors = "products where " + Array(repeating: "stars = 5", count: 100_000).joined(separator: " or ") + " count"
        #expect(answer(ors) == answer("products where stars = 5 count"))
        let ands = "products where " + Array(repeating: "stars >= 4", count: 20_000).joined(separator: " and ") + " count"
        #expect(answer(ands) == answer("products where stars >= 4 count"))
        var mixed = "products where stars = 5"
        for i in 0..<10_000 { mixed += i % 2 == 0 ? " or stars = 5 and score > 0" : " and score > 0 or stars = 5" }
        #expect(answer(mixed + " count") == answer("products where stars = 5 count"))
        // and in select, where the value is computed rather than filtered
        let sel = "products where stars = 5 select " + Array(repeating: "stars = 5", count: 5_000).joined(separator: " or ") + " as all_five"
        #expect(!answer(sel).contains("exit"))
    }

    @Test("a chain of 100,000 additions: a length limit (a chain is not nesting), no stack overflow")
    func longArithmeticChain() {
        let sum = "products select " + Array(repeating: "1", count: 100_000).joined(separator: " + ") + " as n limit 1"
        #expect(failure(sum).contains("expression too long (more than 1,000 arithmetic operators in a chain)"))
        let product = "products select " + Array(repeating: "stars", count: 100_000).joined(separator: " * ") + " as n limit 1"
        #expect(failure(product).contains("expression too long"))
        let fine = "set format csv\nproducts select " + Array(repeating: "1", count: 1_000).joined(separator: " + ") + " as n limit 1"
        #expect(answer(fine) == "n\n1000")
    }

    @Test("a 10 MB statement runs, and an error in one shows a short window of it")
    func tenMegabyteStatement() {
        // one 10 MB text value: no rows, and a short note (not the value) about it
        let value = String(repeating: "Miến dong ", count: 1_000_000)
        let text = "products where name = \"" + value + "\" count"
        #expect(text.utf8.count > 10_000_000)
        let r = Support.run(text)
        #expect(r.out == "0\n")
        #expect(r.err.utf8.count < 500)
        // a list of 100,000 ids, most not in the data: three notes at most
        var ids: [String] = []
        for i in 0..<100_000 { ids.append("\"SP\(String(format: "%04d", i % 10_000))\"") }
        let list = "products where id in [" + ids.joined(separator: ", ") + "] count"
        let l = Support.run(list)
        #expect(l.out == "214\n")
        let missing = Support.run("products where id in [" + ids.map { "\"X\($0.dropFirst())" }.joined(separator: ", ") + "] count")
        #expect(missing.out == "0\n")
        #expect(missing.err.split(separator: "\n").count <= 3)
        // an error after 10 MB: one message, a window of the line, not 10 MB of it
        let e = Support.run("products where name = \"" + value + "\" whre stars > 3")
        #expect(e.exit == 1)
        #expect(e.err.hasPrefix("<test>:1:10000026: error: unknown clause 'whre'"))
        #expect(e.err.contains("whre"))
        #expect(e.err.utf8.count < 1_000)
        // and an error inside it points into the window
        let inside = Support.run("products where name = \"" + value + "\" and stars > \"x\" count")
        #expect(inside.exit == 1)
        #expect(inside.err.utf8.count < 1_000)
    }

    @Test("whole-number overflow is an error at the expression")
    func integerOverflow() {
        #expect(failure("products select 9223372036854775807 + stars as x") == "runtime 1:17 whole-number overflow in '9223372036854775807 + stars'")
        #expect(failure("products where stars * 4611686018427387904 > 1 count").hasPrefix("runtime 1:16 whole-number overflow"))
        #expect(failure("products select -9223372036854775807 - stars as x").hasPrefix("runtime 1:17 whole-number overflow"))
        #expect(failure("products select 99999999999999999999 as x").hasPrefix("syntax 1:17 the number 99999999999999999999 is too large"))
        #expect(failure("products select sum(stars * 1000000000000000000) as s").hasPrefix("runtime 1:17 whole-number overflow in sum()"))
        #expect(failure("products select abs(-9223372036854775807 - 1) as x").hasPrefix("runtime 1:"))
        #expect(failure("products limit 99999999999999999999").hasPrefix("syntax 1:16"))
    }

    @Test("division by zero is an error at the divisor")
    func divisionByZero() {
        #expect(failure("products select score / 0 as x") == "runtime 1:25 division by zero")
        #expect(failure("products select stars % (stars - stars) as x") == "runtime 1:25 division by zero")
        #expect(failure("products where stars / (stars - 3) > 1 count") == "runtime 1:24 division by zero")
        #expect(failure("products select 1 / 0 as x") == "runtime 1:21 division by zero")
        // a null divisor is null, not an error
        #expect(answer("products where price_vnd is null select stars / price_vnd as x limit 1").contains("x"))
    }

    @Test("a date compared with text is a type error with a hint")
    func dateVersusText() {
        #expect(failure("products where certified_on = \"2024-01-01\"") == "type 1:16 cannot compare a date (certified_on) with text (\"2024-01-01\") using '='")
        #expect(Support.diagnostic("products where certified_on = \"2024-01-01\"")?.hints == ["write the date without quotes: 2024-01-01"])
        #expect(failure("products where certified_on < province count").hasPrefix("type 1:16 cannot compare a date"))
        #expect(failure("products where name > 2024-01-01 count").hasPrefix("type 1:16 cannot compare text"))
        #expect(failure("products where certified_on in [\"2024-01-01\"] count").hasPrefix("type 1:16"))
    }

    @Test("an unknown function")
    func unknownFunction() {
        #expect(failure("products select foo(stars) as x") == "name 1:17 unknown function 'foo'")
        #expect(failure("products select yaer(certified_on) as y") == "name 1:17 unknown function 'yaer'")
        #expect(Support.diagnostic("products select yaer(certified_on) as y")?.hints == ["did you mean 'year'?"])
    }

    @Test("a wrong number of arguments")
    func wrongArgumentCount() {
        #expect(failure("products select year() as y") == "type 1:17 year() takes 1 argument, given 0")
        #expect(failure("products select year(certified_on, 1) as y") == "type 1:17 year() takes 1 argument, given 2")
        #expect(failure("products select round(score, 1, 2) as r") == "type 1:17 round() takes 1 to 2 arguments, given 3")
        #expect(failure("products select days_between(certified_on) as d") == "type 1:17 days_between() takes 2 arguments, given 1")
        #expect(failure("products group by stars select avg() as a").hasPrefix("type 1:32 avg() takes one argument"))
        #expect(failure("products group by stars select count(stars, score) as n").hasPrefix("type 1:32 count() takes one argument"))
    }

    @Test("control characters in a script are an error at the character")
    func controlCharacters() {
        #expect(failure("products where stars > 3 \u{01} count") == "syntax 1:26 unexpected control character U+0001")
        #expect(failure("products count\n\n  \u{00}") == "syntax 3:3 unexpected control character U+0000")
        #expect(failure("products where stars\u{1B}[31m > 3") == "syntax 1:21 unexpected control character U+001B")
        #expect(failure("products where \u{7F} count").hasPrefix("syntax 1:16 unexpected character"))
        // a tab and a carriage return are spaces
        #expect(answer("products\twhere stars = 5\r\ncount") == answer("products where stars = 5 count"))
    }

    @Test("invalid UTF-8 in a script: the line and column of the first bad byte")
    func invalidUTF8() {
        // "Bánh" in Windows-1258 (á = 0xE1) on line 2
        let bytes = Array("products count\nproducts where name = \"B".utf8) + [0xE1] + Array("nh\" count\n".utf8)
        #expect(throws: Diagnostic.self) { try Source.decoding(bytes, name: "old.ocop") }
        do {
            _ = try Source.decoding(bytes, name: "old.ocop")
        } catch {
            let text = error.rendered()
            #expect(text.hasPrefix("old.ocop:2:25: error: the script is not UTF-8 text (byte 0xE1)"))
            #expect(text.contains("hint: re-save it as UTF-8"))
        }
        #expect((try? Source.decoding(Array("products count".utf8), name: "ok.ocop"))?.text == "products count")
    }

    @Test("a script that starts with a byte order mark runs")
    func byteOrderMark() {
        #expect(answer("\u{FEFF}products where stars = 5 count") == answer("products where stars = 5 count"))
    }

    // MARK: the command line

    /// Runs the built `ocop` with `args` (and `--today`), stdin from `input`.
    func ocop(_ args: [String], input: [UInt8] = []) throws -> Support.Run {
        try ReportKit.ocop(args, stdin: input)
    }

    @Test("ocop run: control characters and invalid UTF-8 give exit 1 and the place")
    func scriptFiles() throws {
        let dir = Support.folder([
            "control.ocop": Array("products count\nproducts where stars > 3 \u{07} count\n".utf8),
            "latin.ocop": Array("# báo cáo\nproducts where province = \"B".utf8) + [0xAF, 0xE9] + Array("c Giang\" count\n".utf8),
            "bom.ocop": [0xEF, 0xBB, 0xBF] + Array("products where stars = 5 count\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let control = try ocop(["run", dir.appendingPathComponent("control.ocop").path])
        #expect(control.exit == 1)
        #expect(control.out.isEmpty)
        #expect(control.err.contains("control.ocop:2:26: error: unexpected control character U+0007"))
        let latin = try ocop(["run", dir.appendingPathComponent("latin.ocop").path])
        #expect(latin.exit == 1)
        #expect(latin.err.contains("latin.ocop:2:29: error: the script is not UTF-8 text (byte 0xAF)"))
        #expect(latin.err.contains("re-save it as UTF-8"))
        let piped = try ocop([], input: [0x70, 0x72, 0xFF])
        #expect(piped.exit == 1)
        #expect(piped.err.hasPrefix("<stdin>:1:3: error: the script is not UTF-8 text (byte 0xFF)"))
        let bom = try ocop(["run", dir.appendingPathComponent("bom.ocop").path])
        #expect(bom.exit == 0)
        #expect(bom.out == "6\n")
    }

    // MARK: data files

    static let header = Support.header
    static let row = "SP1,Miến dong,Thực phẩm,NSX1,3,60,2024-01-01,,Bắc Kạn,Ba Bể,Cao Thượng"

    /// `file:line:column: message` of a load that must fail (file relative to its folder).
    func loadFailure(_ files: [String: [UInt8]]) -> String {
        let dir = Support.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            let ds = try Loader.load(folder: dir.path)
            return "loaded \(ds.summary)"
        } catch {
            let file = error.file.map { ($0 as NSString).lastPathComponent } ?? "?"
            return "\(file):\(error.line.map(String.init) ?? "-"):\(error.column.map(String.init) ?? "-"): \(error.message)"
        }
    }

    func loadFailure(_ files: [String: String]) -> String { loadFailure(files.mapValues { Array($0.utf8) }) }

    @Test("an empty products file")
    func emptyFile() {
        #expect(loadFailure(["products.csv": ""]) == "products.csv:1:1: the file is empty: a header row is needed")
        #expect(loadFailure(["products.csv": "\n\r\n"]) == "products.csv:1:1: the file is empty: a header row is needed")
    }

    @Test("a header and no rows loads as an empty table")
    func headerOnly() throws {
        let ds = try Support.load(["products.csv": Self.header + "\n"])
        #expect(ds.tables["products"]?.rowCount == 0)
        #expect(Support.value("products where stars >= 4 count", dataset: ds) == "0")
        #expect(Support.value("products group by province count", dataset: ds).contains("0 rows"))
    }

    @Test("ragged rows: too few and too many fields")
    func raggedRows() {
        #expect(loadFailure(["products.csv": "\(Self.header)\n\(Self.row)\nSP2,a,b,c,3,60\n"]) == "products.csv:3:15: a row has 6 fields, the header has 11")
        #expect(loadFailure(["products.csv": "\(Self.header)\n\(Self.row),extra\n"]).hasPrefix("products.csv:2:"))
        #expect(loadFailure(["products.csv": "\(Self.header)\n\(Self.row),extra\n"]).hasSuffix("a row has more than 11 fields"))
    }

    @Test("an unterminated quote at the end of the file")
    func unterminatedQuote() {
        #expect(loadFailure(["products.csv": "\(Self.header)\n\(Self.row)\nSP2,\"Miến dong,b,c,3,60,2024-01-01,,P,D,C\n"]) == "products.csv:3:5: a quoted field is never closed")
    }

    @Test("a stray quote in the middle of a field")
    func strayQuote() {
        #expect(loadFailure(["products.csv": "\(Self.header)\nSP1,Trà \"Shan\" tuyết,b,c,3,60,2024-01-01,,P,D,C\n"]) == "products.csv:2:9: a quote in the middle of an unquoted field")
        #expect(loadFailure(["products.csv": "\(Self.header)\nSP1,\"Trà\" Shan,b,c,3,60,2024-01-01,,P,D,C\n"]) == "products.csv:2:10: text after a closing quote")
    }

    @Test("CR-only line ends, CRLF and a byte order mark load")
    func lineEndsAndBOM() throws {
        let cr = try Support.load(["products.csv": "\(Self.header)\r\(Self.row)\rSP2,b,c,d,4,70,2024-01-02,,P,D,C\r"])
        #expect(cr.tables["products"]?.rowCount == 2)
        let crlf = try Support.load(["products.csv": "\(Self.header)\r\n\(Self.row)\r\n"])
        #expect(crlf.tables["products"]?.values("commune") == [.text("Cao Thượng")])
        let bom = try Support.load(["products.csv": [0xEF, 0xBB, 0xBF] + Array("\(Self.header)\n\(Self.row)\n".utf8)])
        #expect(bom.tables["products"]?.column("id") != nil)
        #expect(bom.tables["products"]?.values("id") == [.text("SP1")])
    }

    @Test("legacy Vietnamese encodings: the line, and a hint to re-save as UTF-8")
    func nonUTF8() {
        // "Bánh" in Windows-1258 (á = 0xE1), on line 3
        let win1258 = Array("\(Self.header)\n\(Self.row)\nSP2,B".utf8) + [0xE1] + Array("nh gai,b,c,3,60,2024-01-01,,P,D,C\n".utf8)
        #expect(loadFailure(["products.csv": win1258]) == "products.csv:3:5: the file is not UTF-8 text (byte 0xE1 in name)")
        // "Bắc Kạn" in TCVN3 (ắ = 0xBE, ạ = 0xB9), in the province column of line 2
        let tcvn3 = Array("\(Self.header)\nSP1,a,b,c,3,60,2024-01-01,,B".utf8) + [0xBE] + Array("c K".utf8) + [0xB9] + Array("n,D,C\n".utf8)
        #expect(loadFailure(["products.csv": tcvn3]) == "products.csv:2:28: the file is not UTF-8 text (byte 0xBE in province)")
        // in the header
        let header = Array("id,t".utf8) + [0xEA] + Array("n\nSP1,a\n".utf8)
        #expect(loadFailure(["products.csv": header]) == "products.csv:1:5: the file is not UTF-8 text (byte 0xEA)")
        let dir = Support.folder(["products.csv": win1258])
        defer { try? FileManager.default.removeItem(at: dir) }
        do { _ = try Loader.load(folder: dir.path) } catch {
            #expect(error.hints.contains { $0.contains("re-save the file as UTF-8") && $0.contains("Windows-1258") })
        }
    }

    /// A 1 GB line would take minutes and a gigabyte of memory on every CI run; 50 MB proves
    /// the same thing (one field far longer than any buffer, scanned and interned whole).
    /// `OCOP_LONG_LINE_MB=1024 swift test --filter veryLongLine` runs the 1 GB case.
    static let longLine = (ProcessInfo.processInfo.environment["OCOP_LONG_LINE_MB"].flatMap { Int($0) } ?? 50) * 1_000_000

    @Test("a 50 MB line loads (1 GB with OCOP_LONG_LINE_MB=1024)")
    func veryLongLine() throws {
        var bytes = Array("\(Self.header)\nSP1,".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "a"), count: Self.longLine)
        bytes += Array(",b,c,3,60,2024-01-01,,P,D,C\nSP2,x,b,c,3,60,2024-01-01,,P,D,C\n".utf8)
        let ds = try Support.load(["products.csv": bytes])
        #expect(ds.tables["products"]?.rowCount == 2)
        #expect(Support.value("set format csv\nproducts where stars = 3 select id, length(name) as n", dataset: ds) == "id,n\nSP1,\(Self.longLine)\nSP2,1")
        // and a 50 MB line that breaks the format reports its line
        var bad = Array("\(Self.header)\nSP1,".utf8)
        bad += [UInt8](repeating: UInt8(ascii: "a"), count: Self.longLine)
        bad += Array(",b,c\n".utf8)
        #expect(loadFailure(["products.csv": bad]).hasPrefix("products.csv:2:"))
    }

    @Test("duplicate headers")
    func duplicateHeaders() {
        #expect(loadFailure(["products.csv": "id,name,stars,name\nSP1,a,3,b\n"]) == "products.csv:1:15: the header names 'name' twice (columns 2 and 4)")
        #expect(loadFailure(["products.csv": "id,name,,stars\nSP1,a,,3\n"]) == "products.csv:1:9: column 3 has no name in the header")
    }

    @Test("a folder with no products file")
    func noProductsFile() throws {
        let dir = Support.folder(["producers.csv": "id,name\nNSX1,a\n", "products.txt": "id\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: Diagnostic.self) { try Loader.load(folder: dir.path) }
        do { _ = try Loader.load(folder: dir.path) } catch {
            // issue 15: the folder's files are looked at by header, and the message names them
            #expect(error.message == "no products list in this folder")
            #expect(error.hints == ["none of its files has a products header (Tên sản phẩm, Chủ thể, Phân hạng, …): producers.csv"])
            #expect(error.file == dir.path)
        }
        do { _ = try Loader.load(folder: dir.appendingPathComponent("missing").path) } catch {
            #expect(error.message == "no such data folder")
        }
    }

    @Test("an unreadable products file")
    func unreadableFile() throws {
        // a folder named products.csv cannot be read as a file, even by root
        let dir = Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("products.csv"), withIntermediateDirectories: true)
        do { _ = try Loader.load(folder: dir.path); Issue.record("a folder loaded as a file") } catch {
            #expect(error.kind == .data)
            #expect(error.file?.hasSuffix("products.csv") == true)
            #expect(error.message == "is a folder, not a file")
        }
        // permission denied (root reads anything: then the check is skipped)
        let locked = Support.folder(["products.csv": "\(Self.header)\n\(Self.row)\n"])
        defer {
            chmod(locked.appendingPathComponent("products.csv").path, 0o644)
            try? FileManager.default.removeItem(at: locked)
        }
        chmod(locked.appendingPathComponent("products.csv").path, 0)
        if geteuid() != 0 {
            do { _ = try Loader.load(folder: locked.path); Issue.record("an unreadable file loaded") } catch {
                #expect(error.message.contains("permission denied"))
                #expect(error.file?.hasSuffix("products.csv") == true)
            }
        }
    }

    @Test("JSON: not JSON, not an array, an empty file: the place")
    func badJSON() {
        #expect(loadFailure(["products.json": "[{\"id\": \"SP1\",\n  \"stars\": 3,,}]"]).hasPrefix("products.json:2:"))
        #expect(loadFailure(["products.json": "{\"id\": \"SP1\"}"]) == "products.json:1:1: expected an array of objects: [{\"id\": …}, …]")
        #expect(loadFailure(["products.json": ""]).hasPrefix("products.json:"))
        #expect(loadFailure(["products.json": "[{\"id\": \"SP1\", \"stars\": \"x\"}]"]).contains("not a whole number"))
        #expect(loadFailure(["products.json": String(repeating: "[", count: 100_000)]).hasPrefix("products.json:"))
    }

    @Test("a load is all or nothing: a bad producers file fails the whole load")
    func allOrNothing() {
        #expect(loadFailure(["products.csv": "\(Self.header)\n\(Self.row)\n", "producers.csv": "id,name\nNSX1,\"a\n"]) == "producers.csv:2:6: a quoted field is never closed")
        // a bad cell on the last line, beyond where a second core starts
        var big = "\(Self.header)\n"
        for i in 0..<30_000 { big += "SP\(i),Miến dong \(i),Thực phẩm,NSX1,3,60,2024-01-01,,Bắc Kạn,Ba Bể,Cao Thượng\n" }
        big += "SPX,a,b,c,three,60,2024-01-01,,P,D,C\n"
        #expect(loadFailure(["products.csv": big]) == "products.csv:30002:11: 'three' in stars is not a whole number")
    }

    // MARK: nothing writes to the data folder

    /// Every file under `folder`: its path, size, modification time and a hash of its bytes.
    static func fingerprint(_ folder: URL) -> [String: String] {
        var out: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey]) else { return out }
        for case let url as URL in walker {
            let path = String(url.path.dropFirst(folder.path.count))
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir)
            if isDir.boolValue { out[path] = "folder"; continue }
            let bytes = (try? Data(contentsOf: url)) ?? Data()
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            let mtime = (try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate)?.timeIntervalSince1970 ?? 0
            out[path] = "\(bytes.count) \(mtime) \(String(h, radix: 16))"
        }
        return out
    }

    @Test("running statements (exports included) writes nothing into the data folders")
    func dataFoldersUntouched() throws {
        let folders = [Support.fixtures, Support.root.appendingPathComponent("Sources/OCOPKit/Sample")]
        let before = folders.map(Self.fingerprint)
        let out = Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let battery = [
            "products count", "products where stars >= 4 sort by score desc limit 5",
            "products group by province count", "let bk = products where province = \"Bắc Kạn\"",
            "products select id, name export \"\(out.path)/a.csv\"",
            "products select id, name export \"\(out.path)/a.csv\" overwrite",
            "products group by stars count export \"\(out.path)/b.json\"",
        ]
        for folder in ["tiny-csv", "tiny-json"] {
            let dir = Support.fixtures.appendingPathComponent(folder)
            let ds = try Loader.load(folder: dir.path)
            let session = Session(dataset: ds, options: SessionOptions(today: Support.today), sink: StringSink())
            for s in battery { session.run(s) }
            // an export into the data folder itself is refused
            let sink = StringSink()
            let refused = Session(dataset: ds, options: SessionOptions(today: Support.today), sink: sink)
            #expect(refused.run("products export \"\(dir.path)/products.csv\" overwrite") != .ok)
            #expect(sink.errors.contains("will not write inside the data folder"))
            #expect(refused.run("products export \"\(dir.path)/new.csv\"") != .ok)
        }
        let sample = Session(dataset: try Loader.load(folder: folders[1].path), options: SessionOptions(today: Support.today), sink: StringSink())
        for s in battery { sample.run(s) }
        #expect(sample.run("products export \"\(folders[1].path)/products.csv\" overwrite") != .ok)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("a.csv").path))
        #expect(folders.map(Self.fingerprint) == before)
    }
}

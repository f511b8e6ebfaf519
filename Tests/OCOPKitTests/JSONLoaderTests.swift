import Foundation
import Testing
@testable import OCOPKit

@Suite("JSON loading")
struct JSONLoaderTests {
    func products(_ json: String) throws(Diagnostic) -> Table {
        try Support.load(["products.json": json]).tables["products"]!
    }

    func loadError(_ json: String) -> String {
        do {
            _ = try Support.load(["products.json": json])
            return "loaded"
        } catch {
            #expect(error.kind == .data)
            #expect(error.file?.hasSuffix("/products.json") == true)
            return "\(error.line.map(String.init) ?? "-"):\(error.column.map(String.init) ?? "-") \(error.message)"
        }
    }

    @Test("an array of objects: keys become columns, schema columns first")
    func arrayOfObjects() throws {
        let t = try products("""
        [
          {"zeta": "last", "id": "A", "name": "Miến dong", "stars": 5, "score": 91.14, "certified_on": "2024-06-25"},
          {"id": "B", "name": "Trà", "stars": 3, "score": 59, "certified_on": "30/12/2019", "expires_on": "10/01/2023", "alpha": 1}
        ]
        """)
        #expect(t.rowCount == 2)
        #expect(t.columnNames == ["id", "name", "stars", "score", "certified_on", "expires_on", "zeta", "alpha"])
        #expect(t.values("stars") == [.integer(5), .integer(3)])
        #expect(t.values("score") == [.decimal(91.14), .decimal(59)])
        #expect(t.values("certified_on") == [.date(Day(iso: "2024-06-25")!), .date(Day(iso: "2019-12-30")!)])
        // the default expiry applies to JSON as well; an explicit one wins
        #expect(t.values("expires_on") == [.date(Day(iso: "2027-06-25")!), .date(Day(iso: "2023-01-10")!)])
        // a key missing from an object is null there
        #expect(t.values("zeta") == [.text("last"), .null])
    }

    @Test("extra keys are typed by inference from JSON numbers, booleans, strings and null")
    func types() throws {
        let t = try products("""
        [{"id": "A", "price": 135000, "weight": 1.5, "organic": true, "d": "2024-01-01", "note": "x", "gone": null},
         {"id": "B", "price": null, "weight": 2, "organic": false, "d": "31/12/2023", "note": "42", "gone": null}]
        """)
        #expect(t.column("price")?.type == .integer)
        #expect(t.values("price") == [.integer(135000), .null])
        #expect(t.column("weight")?.type == .decimal)
        #expect(t.values("weight") == [.decimal(1.5), .decimal(2)])
        #expect(t.column("organic")?.type == .boolean)
        #expect(t.values("organic") == [.boolean(true), .boolean(false)])
        #expect(t.column("d")?.type == .date)
        #expect(t.column("note")?.type == .text)
        #expect(t.values("gone") == [.null, .null])
    }

    @Test("text is normalised to NFC, keys too")
    func nfc() throws {
        let t = try products("[{\"id\": \"A\", \"name\": \"Nghe\u{0323}\u{0302}\", \"gia\u{0301}\": 1}]")
        #expect(t.values("name") == [.text("Nghệ")])
        if case .text(let s) = t.values("name")[0] { #expect(s.unicodeScalars.count == 4) }
        #expect(t.column("giá") != nil)
    }

    @Test("an empty array is an empty table")
    func empty() throws {
        #expect(try products("[]").rowCount == 0)
    }

    @Test("invalid JSON names the line and column of the problem and what is wrong there")
    func syntaxErrorPosition() {
        #expect(loadError("[\n  {\"id\": \"A\"}\n  {\"id\": \"B\"}\n]\n") == "3:3 not valid JSON: expected ',' or ']' after an item of the array")
        #expect(loadError("[{\"name\": \"Bắc Kạn\"} {") == "1:22 not valid JSON: expected ',' or ']' after an item of the array")
        // a truncated file: the end of the file
        #expect(loadError("[\n  {\"id\": \"A\"") == "2:13 not valid JSON: the file ends inside an object: '}' is missing")
        #expect(loadError("[{\"id\": \"A\", \"name\": \"Nghệ") == "1:22 not valid JSON: unterminated text: the closing '\"' is missing")
        #expect(loadError("") == "1:1 not valid JSON: the file is empty")
        #expect(loadError("[{\"id\": 'A'}]") == "1:9 not valid JSON: text in JSON is written in double quotes")
        #expect(loadError("[{\"id\": \"A\"}] []") == "1:15 not valid JSON: more text after the end of the JSON value")
        #expect(loadError("[{\"id\": \"A\", \"stars\": 04}]") == "1:23 not valid JSON: a number cannot start with 0 in JSON")
        #expect(loadError("[{\"id\": \"A\\q\"}]") == "1:11 not valid JSON: unknown escape '\\q' in text")
        #expect(loadError("[{\"id\": \"A\nB\"}]") == "1:11 not valid JSON: a control character (U+0A) inside text")
    }

    @Test("trailing commas are refused, as RFC 8259 says, at the comma")
    func trailingCommas() {
        #expect(loadError("[{\"id\": \"A\"},\n]") == "1:13 not valid JSON: a comma before ']' with no item after it")
        #expect(loadError("[{\"id\": \"A\", \"stars\": 3,}]") == "1:24 not valid JSON: a comma before '}' with no member after it")
    }

    @Test("bytes that are not UTF-8 are reported where they are, with a hint to re-save")
    func notUTF8() throws {
        // "Nghệ" in Windows-1258 has 0xD2 after 'e'
        let bytes = Array("[{\"id\": \"A\", \"name\": \"Nghe".utf8) + [0xD2] + Array("\"}]".utf8)
        do {
            _ = try Support.load(["products.json": bytes])
            Issue.record("loaded")
        } catch {
            #expect(error.line == 1 && error.column == 27)
            #expect(error.message == "not valid JSON: text that is not UTF-8 (byte 0xD2)")
            #expect(error.hints.first?.contains("UTF-8") == true)
        }
    }

    @Test("the same key twice in an item is an error, also when two keys mean the same column")
    func duplicateKeys() {
        #expect(loadError("[{\"id\": \"A\", \"id\": \"B\"}]") == "1:14 item 1 has the key \"id\" twice")
        #expect(loadError("[{\"id\": \"A\", \"name\": \"x\", \"Tên sản phẩm\": \"y\"}]") == "1:27 item 1 has \"name\" and \"Tên sản phẩm\", both meaning name")
    }

    @Test("numbers keep their written digits; surrogate pairs and escapes decode")
    func valuesAsWritten() throws {
        let t = try products("[{\"id\": \"A\", \"score\": 91.14, \"stars\": 4, \"name\": \"Ngh\\u1ec7 \\ud83c\\udf75 \\\"x\\\" \\/\"}]")
        #expect(t.values("score") == [.decimal(91.14)])
        #expect(t.values("stars") == [.integer(4)])
        #expect(t.values("name") == [.text("Nghệ 🍵 \"x\" /")])
    }

    @Test("100,000 nested brackets are refused with a position, not a stack overflow")
    func deepNesting() {
        #expect(loadError(String(repeating: "[", count: 100_000)) == "1:513 not valid JSON: nested more than 512 levels deep")
    }

    @Test("the wrong shape is an error saying what was expected, at the item")
    func wrongShape() {
        #expect(loadError("{\"id\": \"A\"}") == "1:1 expected an array of objects: [{\"id\": …}, …]")
        #expect(loadError("[{\"id\": \"A\"}, 5]") == "1:15 item 2 of the array is not an object")
        #expect(loadError("[{\"id\": \"A\", \"tags\": [\"x\"]}]") == "1:22 item 1: 'tags' holds a list or object; only plain values are allowed")
        #expect(loadError("[{\"id\": \"A\",\n  \"stars\": \"three\"}]") == "2:12 item 1: 'three' in stars is not a whole number")
        #expect(loadError("[{\"id\": \"A\", \"certified_on\": \"2024-02-30\"}]") == "1:30 item 1: '2024-02-30' in certified_on is not a date")
    }

    @Test("products.json with producers.json links like CSV")
    func fixtureFolder() throws {
        let ds = try Loader.load(folder: Support.fixtures.appendingPathComponent("tiny-json").path)
        #expect(ds.tables["products"]?.rowCount == 3)
        #expect(ds.tables["producers"]?.rowCount == 2)
        #expect(Support.value("set format csv\nproducts select id, producer.name, expires_on, organic", dataset: ds)
                == "id,producer.name,expires_on,organic\nJ01,HTX Tài Hoan,2027-06-25,true\nJ02,HTX Tài Hoan,2023-01-10,false\nJ03,HTX chè Tân Cương,2023-02-28,")
    }

    @Test("products.csv wins over products.json when both are present")
    func csvFirst() throws {
        let ds = try Support.load(["products.csv": "id\nfrom-csv\n", "products.json": "[{\"id\": \"from-json\"}]"])
        #expect(ds.tables["products"]?.values("id") == [.text("from-csv")])
    }
}

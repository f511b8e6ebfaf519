import Foundation
import Testing
@testable import OCOPKit

/// Loading a dataset folder from CSV: RFC 4180, encodings, types, defaults, and the place of
/// every kind of problem.
@Suite("CSV loading")
struct CSVLoaderTests {
    let h = Support.header

    /// A products table from the CSV `text`.
    func products(_ text: String) throws(Diagnostic) -> Table {
        try Support.load(["products.csv": text]).tables["products"]!
    }

    /// `line:col message` of the load error, file name aside.
    func loadError(_ bytes: [UInt8], file: String = "products.csv") -> String {
        do {
            _ = try Support.load([file: bytes])
            return "loaded"
        } catch {
            #expect(error.kind == .data)
            #expect(error.file?.hasSuffix("/" + file) == true, "the diagnostic names the file")
            return "\(error.line.map(String.init) ?? "-"):\(error.column.map(String.init) ?? "-") \(error.message)"
        }
    }

    func loadError(_ text: String) -> String { loadError(Array(text.utf8)) }

    // MARK: RFC 4180

    @Test("quoted fields: embedded commas, doubled quotes, embedded newlines")
    func quoting() throws {
        let t = try products(h + "\nA,\"Măng ớt, măng chua\",c,P,3,50,2024-01-01,,p,d,c\n"
            + "B,\"Trà \"\"Shan tuyết\"\" cổ thụ\",c,P,3,50,2024-01-01,,p,d,c\n"
            + "C,\"two\nlines\",c,P,3,50,2024-01-01,,p,d,c\n"
            + "D,\"\",c,P,3,50,2024-01-01,,p,d,\"\"\n")
        #expect(t.rowCount == 4)
        #expect(t.values("name") == [.text("Măng ớt, măng chua"), .text("Trà \"Shan tuyết\" cổ thụ"), .text("two\nlines"), .null])
        #expect(t.values("id") == [.text("A"), .text("B"), .text("C"), .text("D")])
        // a quoted empty cell is null like an unquoted one
        #expect(t.values("commune").last == .null)
    }

    @Test("CRLF and CR line ends, with or without a final line end")
    func lineEnds() throws {
        let rows = ["A,a,c,P,3,50,2024-01-01,,p,d,c", "B,b,c,P,4,70,2024-01-01,,p,d,c"]
        for text in [
            ([h] + rows).joined(separator: "\r\n") + "\r\n",
            ([h] + rows).joined(separator: "\r\n"),
            ([h] + rows).joined(separator: "\n"),
            ([h] + rows).joined(separator: "\r") + "\r",
            ([h] + rows).joined(separator: "\n") + "\n\n\n",
        ] {
            let t = try products(text)
            #expect(t.rowCount == 2)
            #expect(t.values("commune") == [.text("c"), .text("c")], "no CR left in the last cell")
            #expect(t.values("stars") == [.integer(3), .integer(4)])
        }
        // a quoted CRLF inside a field is kept as written
        let t = try products(h + "\r\nA,\"x\r\ny\",c,P,3,50,2024-01-01,,p,d,c\r\n")
        #expect(t.values("name") == [.text("x\r\ny")])
    }

    @Test("a UTF-8 byte-order mark is skipped, so the first header is still 'id'")
    func byteOrderMark() throws {
        let ds = try Support.load(["products.csv": [0xEF, 0xBB, 0xBF] + Array((h + "\nA,a,c,P,3,50,2024-01-01,,p,d,c\n").utf8)])
        let t = ds.tables["products"]!
        #expect(t.columnNames.first == "id")
        #expect(t.values("id") == [.text("A")])
    }

    @Test("text is normalised to NFC: cells and header names")
    func nfdToNFC() throws {
        let nfdName = "Nghe\u{0323}\u{0302} \u{0111}en"            // Nghệ đen, decomposed
        let nfdHeader = "gia\u{0301}"                               // giá
        let t = try products(h + ",\(nfdHeader)\nA,\(nfdName),c,P,3,50,2024-01-01,,p,d,c,x\nB,Nghệ đen,c,P,3,50,2024-01-01,,p,d,c,y\n")
        let names = t.values("name")
        #expect(names[0] == names[1])
        if case .text(let s) = names[0] {
            #expect(Array(s.unicodeScalars) == Array("Nghệ đen".unicodeScalars))
        }
        #expect(t.column("giá") != nil)
        #expect(t.columnNames.last.map { Array($0.unicodeScalars) } == Array("giá".unicodeScalars))
    }

    @Test("spaces around unquoted cells are trimmed; an empty cell is null")
    func trimmingAndNulls() throws {
        let t = try products(h + "\nA , a ,c,P, 3 , 50.5 ,2024-01-01,,p,,c\n")
        #expect(t.values("id") == [.text("A")])
        #expect(t.values("stars") == [.integer(3)])
        #expect(t.values("score") == [.decimal(50.5)])
        #expect(t.values("district") == [.null])
    }

    // MARK: problems, each with file:line:col

    @Test("a row with too few fields names its line and the column where it ends")
    func raggedRow() {
        #expect(loadError(h + "\nA,a,c,P,3,50,2024-01-01,,p,d,c\nB,b,c,P,3,50\n") == "3:13 a row has 6 fields, the header has 11")
        #expect(loadError(h + "\nB,b") == "2:4 a row has 2 fields, the header has 11")
        // the same column whatever ends the line: LF, CRLF (Excel on Windows) or CR alone (old Mac)
        #expect(loadError(h + "\nB,b\n") == "2:4 a row has 2 fields, the header has 11")
        #expect(loadError(h.replacingOccurrences(of: "\n", with: "\r\n") + "\r\nB,b\r\nC,c\r\n") == "2:4 a row has 2 fields, the header has 11")
        #expect(loadError(h + "\rB,b\rC,c\r") == "2:4 a row has 2 fields, the header has 11")
        #expect(loadError(h + "\r\nB,bé\r\n") == "2:5 a row has 2 fields, the header has 11")
        // after a field with an embedded newline, lines are still counted as in an editor
        #expect(loadError(h + "\nA,\"x\ny\",c,P,3,50,2024-01-01,,p,d,c\nB\n") == "4:2 a row has 1 field, the header has 11")
    }

    @Test func tooManyFields() {
        #expect(loadError(h + "\nA,a,c,P,3,50,2024-01-01,,p,d,c,extra\n") == "2:32 a row has more than 11 fields")
    }

    @Test("an unterminated quote is reported at the opening quote")
    func unterminatedQuote() {
        #expect(loadError(h + "\nA,\"abc,c,P,3,50,2024-01-01,,p,d,c\nB,b\n") == "2:3 a quoted field is never closed")
    }

    @Test("a stray quote inside an unquoted field, or text after a closing quote")
    func strayQuotes() {
        #expect(loadError(h + "\nA,ab\"c,c,P,3,50,2024-01-01,,p,d,c\n") == "2:5 a quote in the middle of an unquoted field")
        #expect(loadError(h + "\nA,\"ab\"c,c,P,3,50,2024-01-01,,p,d,c\n") == "2:7 text after a closing quote")
    }

    @Test("an empty file is an error; a header alone is an empty table")
    func emptyAndHeaderOnly() throws {
        // (with or without a 1:1 position: there is no line to point at)
        #expect(loadError("").hasSuffix(" the file is empty: a header row is needed"))
        #expect(loadError("\n\n").hasSuffix(" the file is empty: a header row is needed"))
        let t = try products(h + "\n")
        #expect(t.rowCount == 0)
        #expect(t.columnNames.count == 11)
        #expect(Support.value("products count", dataset: try Support.load(["products.csv": h])) == "0")
    }

    @Test func headerProblems() {
        #expect(loadError("id,name,id\n") == "1:9 the header names 'id' twice (columns 1 and 3)")
        #expect(loadError("id,,name\n") == "1:4 column 2 has no name in the header")
    }

    @Test("bytes that are not UTF-8 are an error naming the byte, in a cell or in the header")
    func notUTF8() {
        // "Bắc" in Windows-1258-like single bytes
        #expect(loadError(Array((h + "\nA,b").utf8) + [0xE1] + Array("c,c,P,3,50,2024-01-01,,p,d,c\n".utf8)) == "2:3 the file is not UTF-8 text (byte 0xE1 in name)")
        #expect(loadError(Array("id,n".utf8) + [0xE0, 0x41] + Array("me\nA,b\n".utf8)) == "1:5 the file is not UTF-8 text (byte 0xE0)")
        // a truncated sequence at the very end
        #expect(loadError(Array((h + "\nA,a,c,P,3,50,2024-01-01,,p,d,").utf8) + [0xC3]).hasSuffix("the file is not UTF-8 text (byte 0xC3 in commune)"))
    }

    @Test("a cell of the wrong type names the column and the value")
    func badCells() {
        #expect(loadError(h + "\nA,a,c,P,three,50,2024-01-01,,p,d,c\n") == "2:9 'three' in stars is not a whole number")
        #expect(loadError(h + "\nA,a,c,P,3,fifty,2024-01-01,,p,d,c\n") == "2:11 'fifty' in score is not a number")
        #expect(loadError(h + "\nA,a,c,P,3,50,2024-02-30,,p,d,c\n") == "2:14 '2024-02-30' in certified_on is not a date")
        #expect(loadError(h + "\nA,a,c,P,3,50,01/31/2024,,p,d,c\n") == "2:14 '01/31/2024' in certified_on is not a date")
        #expect(loadError(h + "\nA,a,c,P,3,50,2024-01-01,tomorrow,p,d,c\n") == "2:25 'tomorrow' in expires_on is not a date")
    }

    @Test("a folder without products, a missing folder, a file instead of a folder")
    func folders() throws {
        let noProducts = Support.folder(["producers.csv": "id,name,kind,province,district,commune\n"])
        defer { try? FileManager.default.removeItem(at: noProducts) }
        #expect(throws: Diagnostic.self) { try Loader.load(folder: noProducts.path) }
        do { _ = try Loader.load(folder: noProducts.path) } catch {
            #expect(error.message == "no products list in this folder")
        }
        do { _ = try Loader.load(folder: "/no/such/folder") } catch {
            #expect(error.message == "no such data folder")
            #expect(error.rendered() == "/no/such/folder: error: no such data folder\n  hint: give a folder that holds products.csv or products.json\n")
        }
        let dir = Support.folder(["products.csv": h + "\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        // issue 15: a file is loaded as the list itself
        let single = try Loader.load(folder: dir.appendingPathComponent("products.csv").path)
        #expect(single.tables["products"]?.rowCount == 0)
    }

    // MARK: values and types

    @Test("dates in YYYY-MM-DD and dd/mm/yyyy (never mm/dd)")
    func dateForms() throws {
        let t = try products(h + "\nA,a,c,P,3,50,2024-01-31,,p,d,c\nB,b,c,P,3,50,31/01/2024,,p,d,c\nC,c,c,P,3,50,1/2/2024,,p,d,c\nD,d,c,P,3,50,15/11/2019,10/01/2023,p,d,c\n")
        #expect(t.values("certified_on") == ["2024-01-31", "2024-01-31", "2024-02-01", "2019-11-15"].map { .date(Day(iso: $0)!) })
        #expect(t.values("expires_on").last == .date(Day(iso: "2023-01-10")!))
    }

    @Test("expires_on defaults to certified_on + 36 months, day clamped to the month's end")
    func defaultExpiry() throws {
        let t = try products(h + "\n"
            + "A,a,c,P,3,50,2020-02-29,,p,d,c\n"    // leap day → 2023-02-28
            + "B,b,c,P,3,50,2021-01-31,,p,d,c\n"    // → 2024-01-31
            + "C,c,c,P,3,50,2023-12-31,,p,d,c\n"
            + "D,d,c,P,3,50,30/12/2019,10/01/2023,p,d,c\n"  // explicit wins
            + "E,e,c,P,3,50,,,p,d,c\n")             // no certificate date: no expiry
        #expect(t.values("expires_on") == [.date(Day(iso: "2023-02-28")!), .date(Day(iso: "2024-01-31")!), .date(Day(iso: "2026-12-31")!),
                                           .date(Day(iso: "2023-01-10")!), .null])
        // also when the file has no expires_on column at all
        let noColumn = try products("id,certified_on\nA,29/02/2020\n")
        #expect(noColumn.values("expires_on") == [.date(Day(iso: "2023-02-28")!)])
    }

    @Test("extra columns are typed by inference: integer, decimal, date, boolean, else text")
    func typeInference() throws {
        let t = try products(h + ",n,x,d,b,s,mixed,empty,neg\n"
            + "A,a,c,P,3,50,2024-01-01,,p,d,c,1,1.5,2024-01-01,yes,abc,1,,-5\n"
            + "B,b,c,P,3,50,2024-01-01,,p,d,c,,2,31/12/2023,no,,x,,7\n"
            + "C,c,c,P,3,50,2024-01-01,,p,d,c,300000,-0.25,,true,10,2.5,,0\n")
        #expect(t.column("n")?.type == .integer)
        #expect(t.values("n") == [.integer(1), .null, .integer(300000)])
        #expect(t.column("x")?.type == .decimal)
        #expect(t.values("x") == [.decimal(1.5), .decimal(2), .decimal(-0.25)])
        #expect(t.column("d")?.type == .date)
        #expect(t.values("d") == [.date(Day(iso: "2024-01-01")!), .date(Day(iso: "2023-12-31")!), .null])
        #expect(t.column("b")?.type == .boolean)
        #expect(t.values("b") == [.boolean(true), .boolean(false), .boolean(true)])
        #expect(t.column("s")?.type == .text)
        #expect(t.values("s") == [.text("abc"), .null, .text("10")])
        #expect(t.column("mixed")?.type == .text)
        #expect(t.column("empty")?.type == .text)
        #expect(t.values("empty") == [.null, .null, .null])
        #expect(t.column("neg")?.type == .integer)
        #expect(t.values("neg") == [.integer(-5), .integer(7), .integer(0)])
    }

    @Test("declared columns keep their types; a column named in the schema is not inferred")
    func declaredTypes() throws {
        let t = try products(h + "\nA,a,c,007,3,50,2024-01-01,,p,d,12345\n")
        #expect(t.column("producer_id")?.type == .text)
        #expect(t.values("producer_id") == [.text("007")])
        #expect(t.column("commune")?.type == .text)
        #expect(t.column("stars")?.type == .integer)
        #expect(t.column("score")?.type == .decimal)
    }

    @Test("producers link to products both ways by id")
    func relations() throws {
        let ds = try Support.load([
            "products.csv": h + "\nA,a,c,P1,3,50,2024-01-01,,p,d,c\nB,b,c,P2,4,70,2024-01-01,,p,d,c\nC,c,c,P1,3,60,2024-01-01,,p,d,c\nD,d,c,NOPE,3,60,2024-01-01,,p,d,c\n",
            "producers.csv": "id,name,kind,province,district,commune\nP1,HTX Một,Hợp tác xã,p,d,c\nP2,Công ty Hai,Doanh nghiệp,p,d,c\nP3,Hộ Ba,Hộ kinh doanh,p,d,c\n",
        ])
        #expect(Support.value("products select id, producer.kind", dataset: ds).contains("│ D  │               │"))
        #expect(Support.value("set format csv\nproducts select id, producer.name", dataset: ds) == "id,producer.name\nA,HTX Một\nB,Công ty Hai\nC,HTX Một\nD,")
        #expect(Support.value("set format csv\nproducers select id, count(products) as n, sum(products.score) as s", dataset: ds) == "id,n,s\nP1,2,110\nP2,1,70\nP3,0,")
    }

    @Test("the embedded sample loads with the counts its README states")
    func sample() {
        let ds = Loader.sample()
        #expect(ds.tables["products"]?.rowCount == 214)
        #expect(ds.tables["producers"]?.rowCount == 138)
        #expect(ds.tableOrder.starts(with: ["products", "producers"]))
        #expect(ds.folder == nil)
        #expect(ds.tables["products"]?.columnNames == ["id", "name", "category", "producer_id", "stars", "score", "certified_on",
                                                        "expires_on", "province", "district", "commune", "price_vnd", "certified_year"])
    }
}

extension CSVLoaderTests {
    @Test("a dataset that is let go frees its tables, although relations point both ways")
    func datasetsAreFreed() throws {
        weak var products: Table?
        weak var producers: Table?
        do {
            let ds = try Support.load(["products.csv": "\(Support.header)\nA,a,c,P1,3,50,2024-01-01,,p,d,c\n",
                                       "producers.csv": "id,name\nP1,x\n"])
            products = ds.tables["products"]
            producers = ds.tables["producers"]
            #expect(products?.relations["producer"] != nil && producers?.relations["products"] != nil)
        }
        #expect(products == nil)
        #expect(producers == nil)
        weak var sampleProducts: Table?
        do {
            let ds = Loader.sample()
            sampleProducts = ds.tables["products"]
            #expect(sampleProducts?.derived.isEmpty == false)
        }
        #expect(sampleProducts == nil)
    }
}

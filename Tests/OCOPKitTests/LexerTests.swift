import Testing
@testable import OCOPKit

@Suite("Lexer")
struct LexerTests {
    func tokens(_ text: String) throws(Diagnostic) -> [Token] {
        try Lexer.tokens(of: Source(name: "<test>", text: text))
    }

    /// `kind:text` for each token except the final eof.
    func summary(_ text: String) throws(Diagnostic) -> [String] {
        try tokens(text).dropLast().map { "\($0.kind):\($0.text)" }
    }

    func lexError(_ text: String) -> Diagnostic? {
        do { _ = try tokens(text); return nil } catch { return error }
    }

    @Test func statementTokens() throws {
        #expect(try summary(#"products where stars >= 4 and province = "Bắc Kạn""#) == [
            "identifier:products", "keyword:where", "identifier:stars", "symbol:>=", "integer:4",
            "keyword:and", "identifier:province", "symbol:=", "string:Bắc Kạn",
        ])
    }

    @Test func rangesAreUTF8ByteOffsets() throws {
        let text = #"products where province = "Bắc Kạn" count"#
        let ts = try tokens(text)
        let source = Source(name: "<test>", text: text)
        // every token's range slices back to its own spelling
        #expect(ts.map { source.slice($0.range) } == ["products", "where", "province", "=", "\"Bắc Kạn\"", "count", ""])
        #expect(ts[0].range == SourceRange(0, 8))
        #expect(ts[3].range == SourceRange(24, 25))
        // "Bắc Kạn" is 7 characters but 11 bytes; the quotes add 2
        #expect(ts[4].range == SourceRange(26, 26 + 13))
        #expect(ts[5].range.start == 40)
        #expect(ts.last!.kind == .eof)
        #expect(ts.last!.range == SourceRange(text.utf8.count, text.utf8.count))
    }

    @Test func keywordsAreCaseInsensitiveNamesAreNot() throws {
        #expect(try summary("Products WHERE Stars") == ["identifier:Products", "keyword:where", "identifier:Stars"])
    }

    @Test func operatorsAndSpellings() throws {
        #expect(try summary("a <> b != c == d <= e >= f < g > h") == [
            "identifier:a", "symbol:!=", "identifier:b", "symbol:!=", "identifier:c", "symbol:=",
            "identifier:d", "symbol:<=", "identifier:e", "symbol:>=", "identifier:f", "symbol:<",
            "identifier:g", "symbol:>", "identifier:h",
        ])
        #expect(try summary("(a + b) * c / d % e - f ~ [g, h];") == [
            "symbol:(", "identifier:a", "symbol:+", "identifier:b", "symbol:)", "symbol:*", "identifier:c",
            "symbol:/", "identifier:d", "symbol:%", "identifier:e", "symbol:-", "identifier:f", "symbol:~",
            "symbol:[", "identifier:g", "symbol:,", "identifier:h", "symbol:]", "symbol:;",
        ])
    }

    @Test func numbers() throws {
        #expect(try summary("42 91.14 0 7.5") == ["integer:42", "decimal:91.14", "integer:0", "decimal:7.5"])
        // `4.` is not a decimal: the dot is a path separator
        #expect(try summary("4.x") == ["integer:4", "symbol:.", "identifier:x"])
    }

    @Test("dates in both written forms give the same ISO date")
    func dates() throws {
        #expect(try summary("2024-01-31") == ["date:2024-01-31"])
        #expect(try summary("31/01/2024") == ["date:2024-01-31"])
        #expect(try summary("1/2/2024") == ["date:2024-02-01"])
        #expect(try summary("29/02/2020") == ["date:2020-02-29"])
        #expect(try summary("today - 2020-02-29") == ["keyword:today", "symbol:-", "date:2020-02-29"])
        // an expression that merely looks like a date is still arithmetic
        #expect(try summary("2024 - 1") == ["integer:2024", "symbol:-", "integer:1"])
        #expect(try summary("10/2") == ["integer:10", "symbol:/", "integer:2"])
        let ts = try tokens("x >= 31/01/2024")
        #expect(ts[2].range == SourceRange(5, 15))
    }

    @Test("impossible dates are errors at the date")
    func invalidDates() {
        let d = lexError("products where certified_on = 2023-02-29")
        #expect(d?.message == "'2023-02-29' is not a valid date")
        #expect(d?.range == SourceRange(30, 40))
        #expect(lexError("x = 31/04/2024")?.message == "'31/04/2024' is not a valid date")
        #expect(lexError("x = 2024-13-01")?.kind == .syntax)
    }

    @Test func stringEscapes() throws {
        #expect(try tokens(#""a \"quoted\" word""#)[0].text == #"a "quoted" word"#)
        #expect(try tokens(#"'it''s'"#)[0].text == "it's")
        #expect(try tokens(#""say ""hi""""#)[0].text == #"say "hi""#)
        #expect(try tokens(#""back\\slash""#)[0].text == #"back\slash"#)
        #expect(try tokens(#""line\nbreak\ttab""#)[0].text == "line\nbreak\ttab")
        #expect(try tokens(#"'single "double" inside'"#)[0].text == #"single "double" inside"#)
        // an unknown escape is kept as written
        #expect(try tokens(#""a\qb""#)[0].text == #"a\qb"#)
    }

    @Test("text literals are normalised to NFC")
    func stringNFC() throws {
        let nfd = "\"Nghe\u{0323}\u{0302} \u{0111}en\""          // Nghệ đen, decomposed
        let t = try tokens(nfd)[0]
        #expect(t.kind == .string)
        #expect(Array(t.text.unicodeScalars) == Array("Nghệ đen".unicodeScalars))
        #expect(t.text.unicodeScalars.count == 8)
        // the range is still over the bytes as written
        #expect(t.range == SourceRange(0, nfd.utf8.count))
    }

    @Test("an unterminated string is reported from its opening quote to the end of the line")
    func unterminatedString() {
        let text = "products where name = \"abc\ncount"
        let d = lexError(text)
        #expect(d?.message == "unterminated text: missing closing \"")
        #expect(d?.range == SourceRange(22, 26))
        let loc = Source(name: "<test>", text: text).location(of: d!.range!.start)
        #expect(loc.line == 1 && loc.column == 23)
        #expect(d?.hints == ["close the text with \" on the same line"])
        #expect(lexError("x = 'abc")?.message == "unterminated text: missing closing '")
    }

    @Test func commentsAndNewlines() throws {
        #expect(try summary("products # all of them\ncount # how many") == [
            "identifier:products", "newline:\n", "keyword:count",
        ])
        #expect(try summary("# only a comment") == [])
        // a '#' inside text is text
        #expect(try summary(#""a # b""#) == ["string:a # b"])
        // newlines inside brackets are not statement ends
        #expect(try summary("x in [1,\n 2]") == ["identifier:x", "keyword:in", "symbol:[", "integer:1", "symbol:,", "integer:2", "symbol:]"])
        // CR of CRLF is whitespace
        #expect(try summary("a\r\nb") == ["identifier:a", "newline:\n", "identifier:b"])
    }

    @Test func parametersAndQuotedNames() throws {
        #expect(try summary("$province") == ["parameter:province"])
        #expect(try summary("`count`") == ["identifier:count"])
        #expect(lexError("$ x")?.message == "expected a parameter name after '$'")
        #expect(lexError("`count")?.message == "unterminated quoted name: missing closing `")
    }

    @Test func vietnameseNames() throws {
        #expect(try summary("tỉnh = 1") == ["identifier:tỉnh", "symbol:=", "integer:1"])
    }

    @Test("unexpected characters name themselves and hint at the fix")
    func unexpectedCharacters() {
        let amp = lexError("stars > 3 && stars < 5")
        #expect(amp?.message == "unexpected character '&'")
        #expect(amp?.hints == ["use 'and' / 'or'"])
        #expect(amp?.range == SourceRange(10, 11))
        let smart = lexError("name = “Bắc Kạn”")
        #expect(smart?.message == "unexpected character '“'")
        #expect(smart?.hints == ["use straight quotes \"…\" around text"])
        #expect(lexError("stars ! 3")?.hints == ["use 'not' or '!='"])
        #expect(lexError("4stars")?.message == "a number cannot run into a name: '4stars'")
    }
}

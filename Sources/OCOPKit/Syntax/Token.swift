/// A lexical unit with the range of source it came from.
public struct Token: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case identifier      // province, bk, products
        case keyword         // where, select, and, … (see `Token.keywords`)
        case integer         // 42
        case decimal         // 91.14
        case string          // "Bắc Kạn" (text holds the unescaped value)
        case date            // 2024-01-31 or 31/01/2024 (text holds ISO form)
        case parameter       // $province (text holds the name)
        case symbol          // = != <> < <= > >= + - * / % ( ) [ ] , . ~ ;
        case newline
        case eof
    }
    public var kind: Kind
    /// The identifier/keyword/symbol text, or the decoded value of a literal.
    public var text: String
    public var range: SourceRange

    func isKeyword(_ k: Keyword) -> Bool { kind == .keyword && text == k.rawValue }
    func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }
    /// The keyword this token is, if it is one.
    public var keyword: Keyword? { kind == .keyword ? Keyword(rawValue: text) : nil }

    /// Words with a fixed meaning (Language/Keywords.swift). Field names never collide with
    /// them in the data model; a field that does can be written with backquotes: `count`.
    static let keywords: Set<String> = Keyword.words
}

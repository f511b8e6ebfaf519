/// Syntax-tree parts of script statements: export targets and interpolated text.

/// Where `export` writes: a path as written, its range, and whether it may replace a file.
public struct ExportTarget: Equatable, Sendable {
    public var path: String
    public var range: SourceRange
    public var overwrite: Bool
}

/// A piece of `print` text: literal characters, or a `{…}` to evaluate.
public enum TextPiece: Equatable, Sendable {
    case text(String)
    case value(Expr)
}

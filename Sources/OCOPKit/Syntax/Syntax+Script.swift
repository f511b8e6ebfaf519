/// Syntax-tree parts of script statements: export targets and interpolated text.

/// Where `export` writes: a path as written, its range, whether it may replace a file, and
/// for a workbook the sheet the result goes to (`sheet "Theo huyện"`) with its range. The
/// path and the sheet name may hold `{…}` as print text does (`"het-han-{$province}.xlsx"`):
/// `pieces` and `sheetPieces`, filled in when the export runs.
public struct ExportTarget: Equatable, Sendable {
    public var path: String
    public var range: SourceRange
    public var overwrite: Bool
    public var sheet: String? = nil
    public var sheetRange: SourceRange? = nil
    public var pieces: [TextPiece] = []
    public var sheetPieces: [TextPiece] = []
}

/// A piece of `print` text: literal characters, or a `{…}` to evaluate.
public enum TextPiece: Equatable, Sendable {
    case text(String)
    case value(Expr)
}

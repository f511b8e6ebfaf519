/// Terminal columns a string occupies. PLACEHOLDER: counts Characters (right for Vietnamese);
/// the Text work replaces it with wcwidth semantics (CJK and emoji are two columns).
public enum DisplayWidth {
    /// Columns `s` occupies on a terminal.
    public static func of(_ s: String) -> Int { s.count }

    /// `s` cut to at most `width` columns, ending in `…` when cut.
    public static func truncate(_ s: String, to width: Int) -> String {
        if of(s) <= width { return s }
        if width <= 0 { return "" }
        return String(s.prefix(width - 1)) + "…"
    }
}

/// Which columns of a box table are shown, and how wide, so that the table fits a terminal
/// `width` columns wide (DESIGN-NOTES.md §3, after DuckDB's box renderer):
/// 1. text columns wider than `capWidth` are shortened in proportion to their excess;
/// 2. if that is not enough they are capped at `capWidth`, and columns are hidden from the
///    middle outwards (zig-zag), the columns the statement named last of all, the first two
///    and the last column next to last; one `…` column stands where they were;
/// 3. the width left over goes back to the shortened columns.
/// Widths are display columns of the cell text (borders not included).
struct TableLayout: Equatable {
    /// The shown columns, in their order in the result.
    var shown: [Int]
    /// The width of each column of the result (only those in `shown` matter).
    var widths: [Int]
    /// The `…` column goes before `shown[elisionAt]` (nil: nothing hidden).
    var elisionAt: Int?

    /// Hidden columns, in result order.
    func hidden(of count: Int) -> [Int] {
        let s = Set(shown)
        return (0..<count).filter { !s.contains($0) }
    }

    /// Columns a cell is never shortened below (and no column is capped below).
    static let capWidth = 20

    /// The box's width for `widths` of `k` columns: a border and two spaces around each cell.
    static func boxWidth(_ widths: [Int]) -> Int { widths.reduce(0, +) + 3 * widths.count + 1 }

    /// - Parameters:
    ///   - natural: each column's widest cell or header.
    ///   - shrinkable: text columns, which may be shortened with `…` (numbers, dates and
    ///     stars are never cut).
    ///   - named: columns the statement named (kept before the others).
    static func fit(natural: [Int], shrinkable: [Bool], named: Set<Int>, width: Int) -> TableLayout {
        let n = natural.count
        var widths = natural
        let all = Array(0..<n)
        if n == 0 || boxWidth(widths) <= width { return TableLayout(shown: all, widths: widths, elisionAt: nil) }

        // 1. shorten wide text columns in proportion to their excess over the cap
        let excess = all.map { shrinkable[$0] ? max(0, natural[$0] - capWidth) : 0 }
        let need = boxWidth(widths) - width
        let total = excess.reduce(0, +)
        if total >= need {
            shorten(&widths, by: need, excess: excess)
            return TableLayout(shown: all, widths: widths, elisionAt: nil)
        }
        // 2. cap them, then hide columns until the rest and one `…` column fit
        for i in all where excess[i] > 0 { widths[i] = capWidth }
        var shown = Set(all)
        func fits() -> Bool {
            boxWidth(shown.sorted().map { widths[$0] }) + (shown.count < n ? 4 : 0) <= width
        }
        for i in dropOrder(n, named: named) where !fits() && shown.count > 1 { shown.remove(i) }
        let order = shown.sorted()
        // one column left and still too wide: it gets what there is
        if !fits(), let only = order.first {
            widths[only] = max(1, width - 4 - (shown.count < n ? 4 : 0))
        }
        // 3. give the width left over back to the capped columns, first come first served
        var spare = width - boxWidth(order.map { widths[$0] }) - (shown.count < n ? 4 : 0)
        for i in order where spare > 0 && widths[i] < natural[i] {
            let more = min(spare, natural[i] - widths[i])
            widths[i] += more
            spare -= more
        }
        let gap = order.indices.first { k in order[k] != k }
        return TableLayout(shown: order, widths: widths, elisionAt: shown.count < n ? (gap ?? order.count) : nil)
    }

    /// Takes `need` columns from the columns with `excess`, in proportion to it.
    static func shorten(_ widths: inout [Int], by need: Int, excess: [Int]) {
        let total = excess.reduce(0, +)
        var taken = 0
        for i in excess.indices where excess[i] > 0 {
            let cut = need * excess[i] / total
            widths[i] -= cut
            taken += cut
        }
        // the rounding remainder, one column at a time from the widest
        var left = need - taken
        while left > 0 {
            guard let i = excess.indices.filter({ excess[$0] > 0 && widths[$0] > capWidth }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[i] -= 1
            left -= 1
        }
    }

    /// The order columns are hidden in: from the middle outwards, alternating sides, the
    /// first two and the last column after the others, the named ones last.
    static func dropOrder(_ n: Int, named: Set<Int>) -> [Int] {
        // mid, mid+1, mid-1, mid+2, mid-2, …
        let mid = (n - 1) / 2
        var zigzag: [Int] = []
        for d in 0..<n {
            for i in [mid + d, mid - d] where (0..<n).contains(i) && !zigzag.contains(i) { zigzag.append(i) }
        }
        // the first two columns usually say which row it is (id, name); the last ends the row
        let edges: Set<Int> = n > 3 ? [0, 1, n - 1] : [0, n - 1]
        let plain = zigzag.filter { !named.contains($0) && !edges.contains($0) }
        let edge = zigzag.filter { !named.contains($0) && edges.contains($0) }.sorted(by: >)
        let kept = zigzag.filter { named.contains($0) }
        return plain + edge + kept
    }
}

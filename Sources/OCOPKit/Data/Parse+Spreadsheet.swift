/// Cells as Vietnamese spreadsheets write them, tried only after the strict parse failed
/// (so clean files pay nothing): `3 sao`, `4★`, `4*` for stars; `91,14` for a score.
extension Parse {
    /// `3 sao`, `3★`, `3 *`: the number before a star word or sign.
    static func lenientInteger(_ c: UnsafeBufferPointer<UInt8>) -> Int64? {
        var end = 0
        while end < c.count, c[end] >= 48, c[end] <= 57 { end += 1 }
        guard end > 0, end <= 18 else { return nil }
        let rest = String(decoding: UnsafeBufferPointer(rebasing: c[end...]), as: UTF8.self)
        guard ["sao", "★", "*", "stars", "star"].contains(HeaderAliases.key(rest).isEmpty ? rest.trimmingSpaces : HeaderAliases.key(rest)) else { return nil }
        return integer(UnsafeBufferPointer(rebasing: c[..<end]))
    }

    /// `91,14`: a decimal comma, when the cell has exactly one comma and no point.
    static func commaDecimal(_ c: UnsafeBufferPointer<UInt8>) -> Double? {
        guard c.filter({ $0 == 44 }).count == 1, !c.contains(46) else { return nil }
        let swapped = c.map { $0 == 44 ? UInt8(46) : $0 }
        return swapped.withUnsafeBufferPointer { decimal($0) }
    }
}

extension Parse {
    /// `15-08-2022`, `20.11.2023`, `1/9/2022`: day first, with `-` or `.` for `/`.
    static func lenientDate(_ c: UnsafeBufferPointer<UInt8>) -> Day? {
        guard c.count >= 8, c.count <= 10, c.contains(where: { $0 == 45 || $0 == 46 }) else { return nil }
        let swapped = c.map { $0 == 45 || $0 == 46 ? UInt8(47) : $0 }
        return Day(vn: String(decoding: swapped, as: UTF8.self))
    }
}

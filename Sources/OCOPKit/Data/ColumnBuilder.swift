/// Accumulates one column's cells during a load. A column with a declared type parses each
/// cell as it comes; an extra column keeps cell ranges and picks its type at the end
/// (integer, decimal, date, boolean, else text).
final class ColumnBuilder {
    struct CellError: Error {
        var message: Message
        var hint: Message?
    }

    let name: String
    let declared: DataType?
    private var ints: [Int64] = []
    private var doubles: [Double] = []
    private var days: [Int32] = []
    private var bools: [UInt8] = []
    private var codes: [UInt32] = []
    private let pool = StringPool()
    /// For inferred columns: every cell's text (NFC), nil for empty.
    private var rawCells: [UInt32] = []
    private var scratch: [UInt8] = []

    init(name: String, declared: DataType?, capacity: Int = 0) {
        self.name = name
        self.declared = declared
        switch declared {
        case .integer: ints.reserveCapacity(capacity)
        case .decimal: doubles.reserveCapacity(capacity)
        case .date: days.reserveCapacity(capacity)
        case .boolean: bools.reserveCapacity(capacity)
        default: codes.reserveCapacity(capacity)
        }
    }

    /// Adds one cell given as its bytes (already unescaped, not yet trimmed).
    func add(_ cell: UnsafeBufferPointer<UInt8>) throws(CellError) {
        let cell = ColumnBuilder.trimmed(cell)
        switch declared {
        case .integer:
            if cell.isEmpty { ints.append(Column.nullInteger); return }
            guard let v = Parse.integer(cell) ?? Parse.lenientInteger(cell) else {
                throw CellError(message: .cellNotInteger(text: String(decoding: cell, as: UTF8.self), column: name), hint: nil)
            }
            ints.append(v)
        case .decimal:
            if cell.isEmpty { doubles.append(.nan); return }
            guard let v = Parse.decimal(cell) ?? Parse.commaDecimal(cell) else {
                throw CellError(message: .cellNotNumber(text: String(decoding: cell, as: UTF8.self), column: name), hint: nil)
            }
            doubles.append(v)
        case .date:
            if cell.isEmpty { days.append(Column.nullDate); return }
            guard let d = Parse.date(cell) ?? Parse.lenientDate(cell) else {
                throw CellError(message: .cellNotDate(text: String(decoding: cell, as: UTF8.self), column: name), hint: .helpDateCellForm)
            }
            days.append(d.days)
        case .boolean:
            if cell.isEmpty { bools.append(2); return }
            guard let b = Parse.boolean(cell) else { throw CellError(message: .cellNotBoolean(text: String(decoding: cell, as: UTF8.self), column: name), hint: nil) }
            bools.append(b ? 1 : 0)
        case .text:
            codes.append(try internText(cell))
        default:
            rawCells.append(try internText(cell))
        }
    }

    /// Adds one cell given as an owned byte array (unescaped CSV fields, JSON values).
    func add(bytes: [UInt8]) throws(CellError) {
        let failure: CellError? = bytes.withUnsafeBufferPointer { p -> CellError? in
            do throws(CellError) { try add(p); return nil } catch { return error }
        }
        if let failure { throw failure }
    }

    /// Sizes the arrays for the whole file once a sample says how big it is (`rows` expected,
    /// `scale` = bytes of the file ÷ bytes read so far), so they do not grow by doubling and
    /// overshoot: at a million rows that overshoot was tens of megabytes of peak memory.
    func reserve(rows: Int, scale: Double) {
        ints.reserveCapacity(declared == .integer ? rows : 0)
        doubles.reserveCapacity(declared == .decimal ? rows : 0)
        days.reserveCapacity(declared == .date ? rows : 0)
        bools.reserveCapacity(declared == .boolean ? rows : 0)
        if declared == .text { codes.reserveCapacity(rows) } else if declared == nil { rawCells.reserveCapacity(rows) }
        pool.reserve(scale: scale)
    }

    /// Cells seen, to decide once whether deduplicating this column pays.
    private var textCells = 0

    private func internText(_ cell: UnsafeBufferPointer<UInt8>) throws(CellError) -> UInt32 {
        if cell.isEmpty { return StringPool.nullCode }
        textCells += 1
        if textCells == 32_768 && pool.count > textCells / 2 && pool.deduplicating { pool.stopDeduplicating() }
        var ascii = true
        for b in cell where b >= 0x80 { ascii = false; break }
        if ascii { return pool.intern(cell) }
        // a value the pool holds is valid NFC already: no check for a repeated province
        if pool.deduplicating, let code = pool.code(ofBytes: cell) { return code }
        // one pass: valid UTF-8, and whether NFC might change it
        switch UTF8Check.classify(cell) {
        case .invalid(let bad):
            throw CellError(message: .cellNotUTF8(byte: String(cell[bad], radix: 16, uppercase: true), column: name),
                            hint: .helpResaveUTF8Legacy)
        case .mayNeedNFC:
            return pool.intern(VietText.nfc(String(decoding: cell, as: UTF8.self)))
        case .nfc:
            return pool.intern(cell)
        }
    }

    static func trimmed(_ c: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = c.count
        while lo < hi && (c[lo] == 32 || c[lo] == 9) { lo += 1 }
        while hi > lo && (c[hi - 1] == 32 || c[hi - 1] == 9) { hi -= 1 }
        return UnsafeBufferPointer(rebasing: c[lo..<hi])
    }

    /// Adds a null cell (a JSON object without the key).
    func addNull() {
        switch declared {
        case .integer: ints.append(Column.nullInteger)
        case .decimal: doubles.append(.nan)
        case .date: days.append(Column.nullDate)
        case .boolean: bools.append(2)
        case .text: codes.append(StringPool.nullCode)
        default: rawCells.append(StringPool.nullCode)
        }
    }

    func finish() -> Column {
        switch declared {
        case .integer: return Column(name: name, storage: .integer(ints))
        case .decimal: return Column(name: name, storage: .decimal(doubles))
        case .date: return Column(name: name, storage: .date(days))
        case .boolean: return Column(name: name, storage: .boolean(bools))
        case .text: return Column(name: name, storage: .text(codes, pool))
        default: return inferred()
        }
    }

    /// The narrowest type every present value of an extra column parses as.
    private func inferred() -> Column {
        let values = pool.allStrings.map { Array($0.utf8) }
        func all<T>(_ parse: (UnsafeBufferPointer<UInt8>) -> T?) -> [T]? {
            var out: [T] = []
            out.reserveCapacity(values.count)
            for v in values {
                guard let x = v.withUnsafeBufferPointer(parse) else { return nil }
                out.append(x)
            }
            return out
        }
        let cells = rawCells
        if !values.isEmpty {
            if let ints = all(Parse.integer) {
                return Column(name: name, storage: .integer(cells.map { $0 == StringPool.nullCode ? Column.nullInteger : ints[Int($0)] }))
            }
            if let ds = all(Parse.decimal) {
                return Column(name: name, storage: .decimal(cells.map { $0 == StringPool.nullCode ? .nan : ds[Int($0)] }))
            }
            if let dates = all(Parse.date) {
                return Column(name: name, storage: .date(cells.map { $0 == StringPool.nullCode ? Column.nullDate : dates[Int($0)].days }))
            }
            if let bs = all(Parse.boolean) {
                return Column(name: name, storage: .boolean(cells.map { $0 == StringPool.nullCode ? 2 : (bs[Int($0)] ? 1 : 0) }))
            }
        }
        return Column(name: name, storage: .text(cells, pool))
    }
}

/// Cell parsers over bytes (no String per cell).
enum Parse {
    static func integer(_ c: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0, neg = false
        if i < c.count && (c[i] == 45 || c[i] == 43) { neg = c[i] == 45; i += 1 }
        guard i < c.count, c.count - i <= 19 else { return nil }
        var v: Int64 = 0
        while i < c.count {
            let d = c[i] &- 48
            guard d < 10 else { return nil }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(d))
            if o1 || o2 { return nil }
            v = a
            i += 1
        }
        return neg ? -v : v
    }

    /// `12`, `91.14`, `-0.5`, `1e3`. Up to 15 significant digits are exact (one division).
    static func decimal(_ c: UnsafeBufferPointer<UInt8>) -> Double? {
        if let v = integer(c) { return Double(v) }
        var i = 0, neg = false
        if i < c.count && (c[i] == 45 || c[i] == 43) { neg = c[i] == 45; i += 1 }
        var mant: Int64 = 0, digits = 0, scale = 0, seenDot = false, any = false
        while i < c.count {
            let b = c[i]
            if b == 46 && !seenDot { seenDot = true; i += 1; continue }
            let d = b &- 48
            if d >= 10 { break }
            any = true
            if digits < 18 { mant = mant * 10 + Int64(d); digits += mant == 0 ? 0 : 1; if seenDot { scale += 1 } }
            else if !seenDot { scale -= 1 }
            i += 1
        }
        guard any else { return nil }
        if i < c.count {
            // exponent or garbage: let Swift's parser decide
            guard let v = Double(String(decoding: c, as: UTF8.self)), v.isFinite else { return nil }
            return v
        }
        var v = Double(mant)
        if scale > 0 {
            if scale <= 22 { v /= pow10(scale) } else { v = Double(String(decoding: c, as: UTF8.self)) ?? v }
        } else if scale < 0 { v *= pow10(-scale) }
        return neg ? -v : v
    }

    static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<n { r *= 10 }
        return r
    }

    static func date(_ c: UnsafeBufferPointer<UInt8>) -> Day? {
        if c.count == 10, c[4] == 45, c[7] == 45 {
            func d(_ i: Int) -> Int? { let x = c[i] &- 48; return x < 10 ? Int(x) : nil }
            guard let y0 = d(0), let y1 = d(1), let y2 = d(2), let y3 = d(3), let m0 = d(5), let m1 = d(6),
                  let d0 = d(8), let d1 = d(9) else { return nil }
            return Day(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
        }
        if c.count >= 8 && c.count <= 10 && c.contains(47) {
            return Day(vn: String(decoding: c, as: UTF8.self))
        }
        return nil
    }

    static func boolean(_ c: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch VietText.fold(String(decoding: c, as: UTF8.self)) {
        case "true", "yes", "co", "x": return true
        case "false", "no", "khong": return false
        default: return nil
        }
    }
}

/// UTF-8 validation over bytes.
enum UTF8Check {
    enum Class: Equatable {
        case invalid(at: Int)
        /// Valid, and NFC might change it (`VietText.mayNeedNFC`).
        case mayNeedNFC
        /// Valid, and NFC leaves it as it is.
        case nfc
    }

    /// `firstInvalid` and `VietText.mayNeedNFC` in one pass (a load checked each non-ASCII
    /// cell twice).
    static func classify(_ c: UnsafeBufferPointer<UInt8>) -> Class {
        var i = 0
        let n = c.count
        var mayNeed = false
        while i < n {
            let b = c[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var min: UInt32 = 0
            var cp: UInt32
            if b & 0xE0 == 0xC0 { need = 1; cp = UInt32(b & 0x1F); min = 0x80 }
            else if b & 0xF0 == 0xE0 { need = 2; cp = UInt32(b & 0x0F); min = 0x800 }
            else if b & 0xF8 == 0xF0 { need = 3; cp = UInt32(b & 0x07); min = 0x10000 }
            else { return .invalid(at: i) }
            guard i + need < n else { return .invalid(at: i) }
            for k in 1...need {
                let cb = c[i + k]
                guard cb & 0xC0 == 0x80 else { return .invalid(at: i) }
                cp = cp << 6 | UInt32(cb & 0x3F)
            }
            if cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) { return .invalid(at: i) }
            i += need + 1
            if !mayNeed && cp >= 0x300 { mayNeed = VietText.mayNeedNFC(scalar: cp) }
        }
        return mayNeed ? .mayNeedNFC : .nfc
    }

    /// Index of the first byte that is not part of valid UTF-8, or nil.
    static func firstInvalid(_ c: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = c.count
        while i < n {
            let b = c[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var min: UInt32 = 0
            var cp: UInt32
            if b & 0xE0 == 0xC0 { need = 1; cp = UInt32(b & 0x1F); min = 0x80 }
            else if b & 0xF0 == 0xE0 { need = 2; cp = UInt32(b & 0x0F); min = 0x800 }
            else if b & 0xF8 == 0xF0 { need = 3; cp = UInt32(b & 0x07); min = 0x10000 }
            else { return i }
            guard i + need < n else { return i }
            for k in 1...need {
                let cb = c[i + k]
                guard cb & 0xC0 == 0x80 else { return i }
                cp = cp << 6 | UInt32(cb & 0x3F)
            }
            if cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) { return i }
            i += need + 1
        }
        return nil
    }
}

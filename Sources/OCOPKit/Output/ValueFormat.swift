import Foundation

/// How values are written as text in results.
public enum ValueFormat {
    /// A value as plain text: integers as digits, decimals without trailing zeros, ISO dates,
    /// empty for null.
    public static func plain(_ v: Value, dateStyle: DateStyle = .iso) -> String {
        switch v {
        case .null: return ""
        case .integer(let i): return String(i)
        case .decimal(let d): return decimal(d)
        case .text(let s): return s
        case .date(let d): return dateStyle == .iso ? d.iso : d.vn
        case .boolean(let b): return b ? "true" : "false"
        }
    }

    /// `91.14`, `80`, `72.5`: at most 6 decimals, no exponent, no trailing zeros.
    public static func decimal(_ d: Double) -> String {
        if d.isNaN { return "" }
        if d == d.rounded() && abs(d) < 1e15 { return String(Int64(d)) }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        // from 1e12 on, six decimals scaled up would overflow Int64 in format6; and a printf
        // there writes digits the number does not hold (2^63 as …808 for an average of
        // 9223372036854775807): the shortest digits that read back as the same number instead
        if abs(d) >= 1e12 { return positional(d) }
        var s = String(format6: d)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// The shortest digits that read back as `d` (Swift's `description`), written without an
    /// exponent, as JavaScript writes numbers: 2^63 is `9223372036854776000`, not the
    /// `9223372036854775808` a printf gives, whose last digits the number does not hold.
    static func positional(_ d: Double) -> String {
        let text = "\(d)"
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]) else {
            return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
        }
        let mantissa = text[..<e]
        let negative = mantissa.hasPrefix("-")
        let unsigned = negative ? mantissa.dropFirst() : mantissa
        let whole = unsigned.prefix { $0 != "." }
        let digits = Array(whole + unsigned.dropFirst(whole.count + 1))
        let point = whole.count + exponent  // digits before the decimal point
        var out: String
        if point <= 0 {
            out = "0." + String(repeating: "0", count: -point) + String(digits)
        } else if point >= digits.count {
            out = String(digits) + String(repeating: "0", count: point - digits.count)
        } else {
            out = String(digits[..<point]) + "." + String(digits[point...])
        }
        return (negative ? "-" : "") + out
    }

    /// `1,204` (en) or `1.204` (vi): thousands separated as the language writes them, for
    /// what people read (tables, records, notes); csv, json and exports use `plain`.
    public static func grouped(_ i: Int64, _ lang: Lang = .en) -> String {
        let digits = String(i.magnitude)
        let separator: Character = lang == .vi ? "." : ","
        var out = ""
        for (n, ch) in digits.enumerated() {
            if n > 0 && (digits.count - n) % 3 == 0 { out.append(separator) }
            out.append(ch)
        }
        return i < 0 ? "-" + out : out
    }

    /// `12,345.5` (en) or `12.345,5` (vi): the whole part of a decimal grouped like an
    /// integer, and in Vietnamese a decimal comma.
    public static func groupedDecimal(_ d: Double, _ lang: Lang = .en) -> String {
        let s = decimal(d)
        guard d.isFinite else { return s }
        let neg = s.hasPrefix("-")
        let body = neg ? s.dropFirst() : Substring(s)
        let whole = body.prefix { $0 != "." }
        let fraction = body.dropFirst(whole.count).dropFirst()
        let wholeText = abs(d) >= 1000 && whole.count <= 18 ? grouped(Int64(whole) ?? 0, lang) : String(whole)
        let point = lang == .vi ? "," : "."
        return (neg ? "-" : "") + wholeText + (fraction.isEmpty ? "" : point + fraction)
    }

    /// `★★★★☆` for 1–5 stars; nil for any other number.
    public static func stars(_ n: Int64) -> String? {
        guard (1...5).contains(n) else { return nil }
        return String(repeating: "★", count: Int(n)) + String(repeating: "☆", count: 5 - Int(n))
    }

    /// Columns whose numbers are codes or years, written without thousands separators:
    /// `id`, `producer_id`, `year`, `year(certified_on)`.
    public static func isCode(_ column: String) -> Bool {
        let c = column.lowercased()
        return c == "id" || c.hasSuffix("_id") || c.hasSuffix(".id") || c == "year" || c.hasSuffix("_year")
            || c.contains("year") || c == "y" || c == "yr" || c == "nam" || c == "năm" || c.hasSuffix("_nam") || c.hasSuffix("_năm")
    }
}

public enum DateStyle: String, Sendable {
    case iso, vn
}

extension String {
    /// Fixed six decimals without Foundation's String(format:).
    init(format6 d: Double) {
        let neg = d < 0
        let scaled = (abs(d) * 1_000_000).rounded()
        let whole = Int64(scaled / 1_000_000)
        let frac = Int64(scaled) - whole * 1_000_000
        let fs = String(frac)
        self = (neg ? "-" : "") + String(whole) + "." + String(repeating: "0", count: 6 - fs.count) + fs
    }
}

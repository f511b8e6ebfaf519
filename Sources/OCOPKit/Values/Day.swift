/// A calendar date as days since 1970-01-01 (proleptic Gregorian), the unit dates are stored in.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var days: Int32
    public init(days: Int32) { self.days = days }

    /// From a year, month (1–12) and day, or nil if no such date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(year: year, month: month) else { return nil }
        // Howard Hinnant's days_from_civil
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.days = Int32(era * 146097 + doe - 719468)
    }

    /// `YYYY-MM-DD`.
    public init?(iso s: String) {
        let u = Array(s.utf8)
        guard u.count == 10, u[4] == 45, u[7] == 45,
              let y = Day.digits(u[0..<4]), let m = Day.digits(u[5..<7]), let d = Day.digits(u[8..<10])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `dd/mm/yyyy` (day and month may have one digit).
    public init?(vn s: String) {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              let d = Day.digits(Array(parts[0].utf8)[...]), let m = Day.digits(Array(parts[1].utf8)[...]),
              let y = Day.digits(Array(parts[2].utf8)[...]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Either accepted written form.
    public init?(parsing s: String) {
        if let d = Day(iso: s) { self = d } else if let d = Day(vn: s) { self = d } else { return nil }
    }

    static func digits(_ s: ArraySlice<UInt8>) -> Int? {
        var v = 0
        for b in s {
            guard b >= 48 && b <= 57 else { return nil }
            v = v * 10 + Int(b - 48)
        }
        return s.isEmpty ? nil : v
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    static func daysIn(year: Int, month: Int) -> Int {
        [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Year, month, day.
    public var civil: (year: Int, month: Int, day: Int) {
        let z = Int(days) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }

    /// This date moved by `n` months, clamped to the month's last day (2020-02-29 + 12 months
    /// = 2021-02-28), or nil past year 9999.
    public func adding(months n: Int) -> Day? {
        let (y, m, d) = civil
        let total = y * 12 + (m - 1) + n
        let ny = total / 12, nm = total % 12 + 1
        guard (1...9999).contains(ny) else { return nil }
        return Day(year: ny, month: nm, day: Swift.min(d, Day.daysIn(year: ny, month: nm)))
    }

    public var iso: String {
        let (y, m, d) = civil
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// `dd/mm/yyyy`, as Vietnamese documents write dates.
    public var vn: String {
        let (y, m, d) = civil
        return pad(d, 2) + "/" + pad(m, 2) + "/" + pad(y, 4)
    }

    private func pad(_ v: Int, _ w: Int) -> String {
        let s = String(v)
        return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
    }

    public var description: String { iso }
    public static func < (a: Day, b: Day) -> Bool { a.days < b.days }
}

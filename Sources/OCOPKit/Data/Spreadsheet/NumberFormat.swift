/// Which Excel number formats show a date, after calamine's `detect_custom_number_format`
/// (src/formats.rs): built-in ids 14–22 and 45–47 (and the East Asian 27–36, 50–58); a custom
/// code is a date when its first section, outside quotes, escapes and brackets, has a
/// d, m, y, h or s (`dd/mm/yyyy`, `[$-42A]dd/mm/yyyy`, `d "tháng" m`). `[h]:mm` (a
/// duration) and plain numbers (`0.00`, `#,##0`, `General`) are not.
enum NumberFormat {
    static func isBuiltinDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (45...47).contains(id) || (27...36).contains(id) || (50...58).contains(id)
    }

    static func isDate(_ code: String) -> Bool {
        var inQuote = false, escaped = false, inBracket = false
        var bracket = ""
        for ch in code {
            if escaped { escaped = false; continue }
            if inQuote { if ch == "\"" { inQuote = false }; continue }
            if inBracket {
                if ch == "]" {
                    inBracket = false
                    // [h], [mm], [ss]: elapsed time, a duration rather than a date
                    let b = bracket.lowercased()
                    if !b.isEmpty, b.allSatisfy({ "hms".contains($0) }) { return false }
                    bracket = ""
                } else { bracket.append(ch) }
                continue
            }
            switch ch {
            case "\"": inQuote = true
            case "\\", "_", "*": escaped = true
            case "[": inBracket = true
            case ";": return false
            case "d", "D", "m", "M", "y", "Y", "h", "H", "s", "S": return true
            case "g", "G":
                // "General" is not a date
                if code.lowercased().hasPrefix("general") { return false }
            case "E": return false // scientific: 0.00E+00
            default: break
            }
        }
        return false
    }
}

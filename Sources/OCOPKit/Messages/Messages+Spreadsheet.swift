/// Messages of spreadsheet loading (issue 15), in both languages: the summary of a printed
/// layout. The spreadsheet diagnostics themselves are codes in Diagnostics/Message.swift.
extension Msg {
    static let englishSpreadsheet: [String: String] = [
        "load.layout": "{0}: {1} {2}",
        "load.layout.sheet": "{0}, sheet '{1}': {2} {3}",
        "load.layout.skipped": "; {0} rows skipped ({1})",
        "load.layout.blank": "{0} blank",
        "load.layout.section": "{0} section",
        "load.layout.total": "{0} total",
        "load.layout.footer": "{0} below the table",
        "load.layout.unreadable": "; {0} unreadable cells left empty (type warnings to list them)",
        "load.layout.filled": "; district or stars from section rows on {0} rows",
    ]

    static let vietnameseSpreadsheet: [String: String] = [
        "load.layout": "{0}: {1} {2}",
        "load.layout.sheet": "{0}, trang '{1}': {2} {3}",
        "load.layout.skipped": "; bỏ qua {0} dòng ({1})",
        "load.layout.blank": "{0} dòng trống",
        "load.layout.section": "{0} dòng mục",
        "load.layout.total": "{0} dòng tổng",
        "load.layout.footer": "{0} dòng dưới bảng",
        "load.layout.unreadable": "; {0} ô không đọc được, để trống (gõ warnings để xem từng ô)",
        "load.layout.filled": "; huyện hoặc số sao lấy từ dòng mục cho {0} dòng",
    ]
}

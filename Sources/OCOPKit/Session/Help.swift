/// Help texts.
enum Help {
    static func text(topic: String?, session: Session) -> String {
        guard let topic else { return overview }
        if let entry = topics[topic.lowercased()] ?? domainTopics[topic.lowercased()] { return entry }
        let all = Array(topics.keys) + Array(domainTopics.keys)
        let near = EditDistance.nearest(topic, in: all)
        return "no help for '\(topic)'" + (near.map { "; did you mean 'help \($0)'?" } ?? "") + "\n"
            + "topics: \(all.sorted().joined(separator: ", "))\n"
    }

    static let overview = """
    A statement names a table, then clauses that each work on the result so far:
      products where stars >= 4 and province = "Bắc Kạn"
      products group by category count
      products sort by score desc limit 10 select name, stars, producer.name
    Clauses: where, select, sort by, group by, count, limit, distinct.
    Text: = compares exactly (Hoà = Hòa); contains and ~ ignore case and marks ("nghe" finds "nghệ").
    End a query with chart (a bar chart) or export "file.csv" (a file).
    Scripts: param, print "… {value} …", assert. Commands: tables, describe [table], help TOPIC, set format csv, quit.
    Topics: \(["where", "select", "sort", "group", "count", "limit", "functions", "dates", "text", "let", "null", "param", "print", "assert", "export", "chart", "set", "scripts", "certifications", "units", "compare", "warnings", "spreadsheets"].joined(separator: ", ")).

    """

    static let topics: [String: String] = [
        "where": "where CONDITION keeps the rows where CONDITION is true.\n  products where stars >= 4 and category in [\"Thực phẩm\", \"Đồ uống\"]\n",
        "select": "select EXPR [as NAME], … chooses and computes columns.\n  products select name, score / 10 as points\n",
        "sort": "sort by EXPR [asc|desc], … orders rows (Vietnamese order for text; nulls last).\n  products sort by stars desc, name\n",
        "group": "group by EXPR, … makes one row per distinct key; follow with count or select aggregates.\n  products group by province count\n  products group by category select category, count() as n, avg(score)\n",
        "count": "count ends a statement with the number of rows; count() inside select counts a group.\n  products where stars = 5 count\n",
        "limit": "limit N [offset M] keeps N rows.\n  products sort by score desc limit 10\n",
        "functions": "Aggregates: count() count(x) sum avg min max. Scalars: year month day lower upper length trim abs round days_between coalesce.\n  products group by year(certified_on) count\n",
        "dates": "Dates: 2024-01-31 or 31/01/2024, today, today - 30 days, certified_on + 36 months (month-end safe:\n2020-02-29 + 12 months = 2021-02-28), year(d), month(d), days_between(a, b). set date_style vn writes dd/mm/yyyy.\n  products where expires_on <= today + 90 days\n",
        "text": "= and != compare text exactly (NFC, Hoà = Hòa). contains, starts with, ends with and ~ ignore case, tones and marks (đ = d).\n  products where name ~ \"tinh bot nghe\"\n",
        "let": "let NAME = QUERY keeps a result to query again.\n  let bk = products where province = \"Bắc Kạn\"\n  bk where stars = 4 count\n",
        "param": "param NAME = VALUE declares a script parameter with a default; param NAME needs a value. Use it as $NAME.\n  param province = \"Bắc Kạn\"\n  products where province = $province count\nOverride: ocop run report.ocop --param province=\"Bắc Giang\" (typed like a literal: --param since=2024-01-01 is a date).\n",
        "print": "print \"TEXT\" writes a line; {…} inside holds a value or a query (text inside the braces in '…').\n  print \"Sản phẩm 4 sao ở {$province}: {products where stars = 4 and province = $province count}\"\nA query gives its count or its one value; \\{ and \\} are literal braces.\n",
        "assert": "assert CONDITION [, \"message\"] stops a script with the message and its position (exit 1) unless CONDITION is true.\n  assert products where stars > 5 count = 0, \"stars out of range\"\n",
        "export": "QUERY export \"FILE\" [overwrite] writes the result to a file: .csv, .json or .md (by extension), atomically.\n  products where stars = 5 export \"nam-sao.csv\"\nIt never replaces a file without overwrite, never writes inside the data folder; --excel adds a byte order mark for Excel.\n",
        "chart": "QUERY chart draws the result as horizontal bars: the last column is the number, the others label the bars.\n  products group by province count chart\n--ascii (or set ascii on) draws with #.\n",
        "set": "set NAME VALUE changes a setting: format table|csv|json|markdown, max_rows N|all, date_style iso|vn,\ntimer on|off, excel on|off, ascii on|off, verbose on|off, today YYYY-MM-DD.\n  set date_style vn\n",
        "scripts": "ocop run FILE runs a script; it stops at the first error (exit 1) unless --keep-going, which reports every error.\nQuiet statements (let, param, export) print nothing unless --verbose. See help param, print, assert, export.\n",
        "null": "An empty cell is null: comparisons with it are unknown; where keeps only true rows; test with is null.\n  products where district is null\n",
    ]
}

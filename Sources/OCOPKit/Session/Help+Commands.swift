/// Help on commands and script statements.
extension Help {
    static let commands: [HelpEntry] = [
        .init(["help"], .command, "help: the overview; help TOPIC: a clause, keyword, operator, function, command, table or field; help topics: all of them.",
              examples: ["help", "help group", "help province"]),
        .init(["tables"], .command, "tables lists the tables and variables with their fields.", examples: ["tables"], see: ["describe"]),
        .init(["describe"], .command, """
            describe lists the tables; describe TABLE shows each field: type, present and missing values, distinct
            values, min–max or the most common values, an example; describe TABLE.FIELD lists every value with its count.
            """, examples: ["describe", "describe products", "describe products.province"], see: ["tables"]),
        .init(["quit", "exit"], .command, "quit or exit leaves ocop (so does Ctrl-D on an empty line).", examples: ["quit"]),
        .init(["clear"], .command, "clear empties the screen.", examples: ["clear"]),
        .init(["set", "settings"], .command, """
            set NAME VALUE changes a setting: \(Setting.synopsis).
            set (or settings) lists the settings with their values; set NAME shows one.
            """, examples: ["set", "set date_style vn\nproducts where stars = 5", "set format csv\nproducts group by stars count", "set today 2025-01-01\nproducts where expires_on < today count"]),
        .init(["warnings"], .command, "warnings lists the problems found while loading the data, with file and line.",
              examples: ["warnings"]),
        .init(["tutorial", "hint", "next", "skip"], .command, """
            tutorial starts (or resumes) a guided course of short lessons on the sample data; tutorial N jumps to
            lesson N, tutorial list shows them, tutorial off leaves. In a lesson: type any query; hint helps,
            next or skip moves on. Progress is kept between sessions.
            """, examples: ["tutorial 1\nproducts count"]),
        .init(["param"], .keyword, """
            param NAME = VALUE declares a script parameter with a default; param NAME needs a value. Use it as $NAME.
            Override: ocop run report.ocop --param province="Bắc Giang" (typed like a literal).
            """, examples: ["param province = \"Bắc Kạn\"\nproducts where province = $province count"], see: ["$", "scripts"]),
        .init(["print"], .keyword, """
            print "TEXT" writes a line; {…} inside holds a value or a query (text inside the braces in '…').
            A query gives its count or its one value; \\{ and \\} are literal braces.
            """, examples: ["print \"4-star products in Bắc Kạn: {products where stars = 4 and province = 'Bắc Kạn' count}\""]),
        .init(["assert"], .keyword, "assert CONDITION [, \"message\"] stops a script with the message (exit 1) unless CONDITION is true.",
              examples: ["assert products where stars > 5 count = 0, \"stars out of range\""], see: ["scripts"]),
        .init(["export", "overwrite", "sheet"], .keyword, """
            QUERY export "FILE" [overwrite] writes the result to a file: .csv, .json, .md or .xlsx (by extension), atomically.
            It never replaces a file without overwrite and never writes inside the data folder; --excel adds a BOM for Excel.
            .xlsx is a workbook: numbers, dates (dd/mm/yyyy) and text typed, a bold frozen header, fitted columns.
            export "FILE.xlsx" sheet "NAME" puts the result in sheet NAME; a script's exports to one file make one
            workbook, written when the script ends (not at all if it stops on an error).
            File and sheet names may hold {…} as print does: export "het-han-{$province}.xlsx" (a / in a value becomes -).
            """, examples: ["products where stars = 5 export \"nam-sao.csv\" overwrite",
                            "products group by district count export \"bao-cao.xlsx\" sheet \"Theo huyện\""]),
        .init(["explain"], .keyword, """
            explain QUERY prints the plan of the query instead of its rows: for each clause what it keeps and how it runs
            (one loop over a column, a top-k sort when a limit follows). Nothing is run, shown or written.
            explain analyze QUERY runs that plan and adds how many rows each clause kept (no rows are shown).
            """, examples: ["explain products where stars = 5 sort by name limit 3",
                            "explain analyze products where province = \"Bắc Kạn\" group by category count"], see: ["statement"]),
        .init(["chart"], .keyword, "QUERY chart draws horizontal bars: the last column is the number, the others label the bars (--ascii: #).",
              examples: ["products group by province count chart"]),
    ]
}

/// Help on the language: clauses, keywords, operators, functions and the ideas behind them.
/// Every example must run on the sample dataset (HelpTests runs them all).
extension Help {
    static let language: [HelpEntry] = clauses + keywords + operators + functions + concepts

    static let clauses: [HelpEntry] = [
        .init(["where"], .clause, """
            where CONDITION keeps the rows for which CONDITION is true (a null makes it unknown: the row goes).
            After a grouped select it filters the groups.
            """, examples: [
                "products where stars >= 4 and province = \"Bắc Kạn\"",
                "products group by province select province, count() as n where n >= 10",
            ], see: ["and", "in", "text", "null"]),
        .init(["select", "as"], .clause, """
            select EXPR [as NAME], … chooses and computes the columns; as names a column.
            After group by, select takes the group keys and aggregates (count(), avg(score), …).
            """, examples: [
                "products select name, stars, producer.name limit 5",
                "products select name, score / 10 as points limit 5",
            ], see: ["functions", "group"]),
        .init(["sort", "order", "by"], .clause, """
            sort by EXPR [asc|desc], … orders the rows; order by is the same. Text sorts in Vietnamese
            order (Đồng Tháp after Dương, before Hà Giang); nulls go last. Without sort, rows keep file order.
            """, examples: [
                "products sort by stars desc, name limit 10",
                "products order by score limit 5",
            ], see: ["asc", "limit"]),
        .init(["asc", "desc"], .keyword, "After a sort key: asc (the default) smallest first, desc largest first.",
              examples: ["products sort by score desc limit 5", "products sort by certified_on asc limit 5"], see: ["sort"]),
        .init(["limit", "offset"], .clause, "limit N [offset M] keeps N rows after skipping M (offset M alone skips M).",
              examples: ["products sort by score desc limit 10", "products sort by score desc limit 5 offset 5"], see: ["sort"]),
        .init(["group"], .clause, """
            group by EXPR, … makes one row per distinct key (text keys compare as = does: Hoà = Hòa).
            Follow it with count, or with select and aggregates; a where after the select filters the groups.
            """, examples: [
                "products group by province count",
                "products group by category select category, count() as n, avg(score) as avg_score sort by n desc",
            ], see: ["count", "functions", "where"]),
        .init(["count"], .clause, """
            count at the end of a statement gives the number of rows; after group by, one count per group,
            in a column queries, csv and json call count (a Vietnamese table heads it số lượng).
            count() inside select counts a group's rows; count(x) its non-null x; count(products) a producer's products.
            """, examples: [
                "products count",
                "products where stars >= 4 count",
                "producers where count(products) >= 3 select name, kind, count(products) as n",
            ], see: ["group", "functions"]),
        .init(["pivot"], .clause, """
            pivot ROWS by COLUMNS makes a cross-tab: one row per value of ROWS, one column per value of COLUMNS
            holding how many rows have both (0 when none), then a total column.
            Queries, csv and json name the columns total and null (for rows without a value) in every language;
            tables show them in the language of messages (tổng, (trống) in Vietnamese), and a query may write that too.
            """, examples: [
                "products pivot province by stars",
                "products where status = \"active\" pivot category by stars sort by total desc",
            ], see: ["group", "count"]),
        .init(["distinct"], .clause, "distinct keeps one of each identical row (text compared as = does).",
              examples: ["products select province distinct", "products select category, stars distinct sort by category"],
              see: ["select"]),
        .init(["let"], .keyword, "let NAME = QUERY keeps a result under a name, to ask it again.",
              examples: ["let bk = products where province = \"Bắc Kạn\"\nbk where stars = 4 count"], see: ["tables"]),
    ]

    static let keywords: [HelpEntry] = [
        .init(["and", "or"], .keyword, """
            a and b: both true; a or b: either. and binds tighter than or; use parentheses to say otherwise.
            In a script, a line starting with and or or continues the condition on the line above.
            """, examples: ["products where stars = 5 or (stars = 4 and score >= 85)",
                            "products where stars >= 4\n  and province = \"Bắc Kạn\"\n  and score >= 80 count"], see: ["not", "null"]),
        .init(["not"], .keyword, "not CONDITION is true where CONDITION is false (unknown stays unknown); also not in, not between, is not null.",
              examples: ["products where not (category = \"Thực phẩm\") count", "products where stars not in [3, 4] count"], see: ["null"]),
        .init(["in"], .keyword, "x in [a, b, …] is true when x equals one of them (x not in […] when none).",
              examples: ["products where category in [\"Thực phẩm\", \"Đồ uống\"] count"], see: ["where", "["]),
        .init(["is", "null"], .keyword, """
            null is an empty cell. A comparison with null is unknown (never true): test with is null / is not null.
            Aggregates skip nulls.
            """, examples: ["products where district is null count", "products where district is not null count"], see: ["nulls"]),
        .init(["between"], .keyword, "x between a and b is a <= x and x <= b (also not between).",
              examples: ["products where score between 80 and 89 count", "products where certified_on between 2024-01-01 and 2024-12-31 count"]),
        .init(["contains"], .operator, "text contains PART: PART occurs in the text, ignoring case, tones and marks (đ = d).",
              examples: ["products where name contains \"nghệ\"", "products where name contains \"mien\" count"], see: ["text", "~"]),
        .init(["starts", "ends", "with"], .operator, "starts with / ends with: the text begins or ends with PART, ignoring case, tones and marks.",
              examples: ["products where name starts with \"tra\" count", "products where name ends with \"Bắc Kạn\" count"], see: ["text"]),
        .init(["true", "false"], .keyword, "The two boolean values (a yes/no column compares with them).",
              examples: ["products where revoked = false count"]),
        .init(["today"], .keyword, """
            today is the date the session runs on (--today YYYY-MM-DD or set today fixes it, for reproducible reports).
            """, examples: ["products where expires_on < today count", "products where expires_on between today and today + 90 days"],
              see: ["dates", "days"]),
        .init(["days", "weeks", "months", "years", "week"], .keyword, """
            A duration: N days|weeks|months|years (also the singular) added to or taken from a date.
            Months are month-end safe: 2020-02-29 + 12 months = 2021-02-28.
            """, examples: ["products where expires_on <= today + 90 days count", "products where certified_on >= today - 2 years count"],
              see: ["dates"]),
    ]

    static let operators: [HelpEntry] = [
        .init(["=", "==", "!=", "<>"], .operator, """
            = (or ==) equal, != (or <>) not equal. Text compares exactly but in one canonical form: Hoà = Hòa, Thuỷ = Thủy.
            """, examples: ["products where province = \"Bắc Kạn\" count", "products where stars != 3 count"], see: ["~", "text"]),
        .init(["<", "<=", ">", ">="], .operator, "Order comparisons of numbers, dates and text (text in Vietnamese order).",
              examples: ["products where stars >= 4 count", "products where certified_on < 2020-01-01 count"]),
        .init(["~"], .operator, "text ~ \"words\": loose match, ignoring case, tones and marks (đ = d): what you type without diacritics.",
              examples: ["products where name ~ \"tinh bot nghe\"", "products where province ~ \"dong thap\" count"], see: ["contains", "text"]),
        .init(["+", "-"], .operator, "Addition and subtraction of numbers; a date plus or minus a duration; date - date is a number of days. Whole numbers run from -9,223,372,036,854,775,807 to 9,223,372,036,854,775,807 (one short of 64 bits below: that value marks an empty cell); a result outside is an overflow error, never a wrong number.",
              examples: ["products select name, 100 - score as missing_points limit 3", "products where expires_on <= today + 30 days count"]),
        .init(["*", "/", "%"], .operator, "Multiplication, division (decimal result) and remainder. Dividing by zero is an error, as is overflow.",
              examples: ["products select name, score / 10 as points limit 3", "products where stars % 2 = 1 count"]),
        .init(["."], .operator, "A path: follow a relation (producer.kind) or name a table's field in describe (products.province).",
              examples: ["products select name, producer.name, producer.kind limit 3", "products where producer.kind = \"Hợp tác xã\" count"],
              see: ["relations"]),
        .init(["(", ")"], .operator, "Parentheses group a condition or an expression, or call a function: avg(score).",
              examples: ["products where stars = 5 or (stars = 4 and score >= 85)"]),
        .init(["[", "]", ","], .operator, "[a, b, …] is a list, for in; a comma also separates select items, sort keys and arguments.",
              examples: ["products where stars in [4, 5] count"]),
        .init(["$"], .operator, "$NAME is the value of a script parameter.",
              examples: ["param min_stars = 4\nproducts where stars >= $min_stars count"], see: ["param"]),
        .init(["#"], .operator, "# starts a comment, to the end of the line.", examples: ["products count   # how many products"]),
        .init([";"], .operator, "; ends a statement, like a new line: several on one line.", examples: ["products count; producers count"]),
        .init(["`"], .operator, "`name` in backquotes is a field even when it is spelt like a keyword.",
              examples: ["products group by province select province, count() as `count`"], see: ["keywords"]),
    ]

    /// One entry per function of the table (Language/Functions.swift), in both languages.
    static let functions: [HelpEntry] = FunctionSpec.all.map { f in
        var e = HelpEntry([f.kind == .aggregate && f.arity.lowerBound == 0 ? "\(f.name)()" : f.name], .function, f.help.en,
                          examples: f.help.examples, see: f.name == "count" ? ["count"] : [])
        e.vietnamese = f.help.vi
        return e
    }

    static let concepts: [HelpEntry] = [
        .init(["statement", "statements", "query"], .concept, """
            A statement names a table (or a let variable), then clauses applied left to right, each to the
            result so far. A line that starts with a clause word continues the statement above.
            """, examples: ["products where stars >= 3", "products where province = \"Bắc Kạn\"\n  group by category count"],
              see: ["where", "select", "sort", "group", "count"]),
        .init(["text", "vietnamese"], .concept, """
            = and != compare text exactly, in one canonical form (NFC; Hoà = Hòa). contains, starts with, ends with
            and ~ ignore case, tones and marks (đ = d). Sorting follows Vietnamese order (a ă â … d đ …).
            A filter that finds nothing suggests the values you probably meant.
            """, examples: ["products where name ~ \"tinh bot nghe\"", "products where province = \"Bac Kan\" count"],
              see: ["~", "contains"]),
        .init(["dates"], .concept, """
            Dates are written 2024-01-31 or 31/01/2024. today, today - 30 days, certified_on + 36 months
            (month-end safe), date - date (days), year(d), month(d), day(d). set date_style vn prints dd/mm/yyyy.
            """, examples: ["products where expires_on <= today + 90 days count", "products where certified_on >= 01/01/2025 count"],
              see: ["today", "days", "year"]),
        .init(["nulls"], .concept, """
            An empty cell is null: a comparison with it is unknown, where keeps only true rows, aggregates skip
            nulls, sort puts them last. Test with is null.
            """, examples: ["products where district is null count"], see: ["null", "coalesce"]),
        .init(["relations"], .concept, """
            A product has producer (producer.kind, producer.name); a producer has products, a set to count or
            aggregate: count(products), max(products.score). describe TABLE lists a table's relations.
            """, examples: ["products where producer.kind = \"Hợp tác xã\" count", "producers where count(products) >= 3 select name, count(products) as n"]),
        .init(["functions"], .concept, """
            Aggregates: \(FunctionSpec.all.filter { $0.kind == .aggregate }.map(\.name).joined(separator: " ")) (per group, or over a relation).
            Scalars: \(FunctionSpec.all.filter { $0.kind == .scalar }.map(\.name).joined(separator: " ")).
            """, examples: ["products group by year(certified_on) count"], see: ["count()", "avg", "year"]),
        .init(["operators"], .concept, """
            Comparison = != < <= > >=, text matching contains, starts with, ends with, ~; in, between, is null;
            arithmetic + - * / %; logic and or not. help OPERATOR says more about each.
            """, examples: ["products where stars >= 4 and name ~ \"tra\" count"]),
        .init(["keywords"], .concept, """
            Keywords are not case-sensitive; names are. Clause words (where select sort order limit offset group
            count distinct) start a continuation line. A field spelt like a keyword goes in backquotes: `count`.
            """, examples: ["products WHERE stars = 5 COUNT"]),
        .init(["scripts"], .concept, """
            ocop run FILE runs a script; it stops at the first error (exit 1) unless --keep-going. Quiet statements
            (let, param, export) print nothing unless --verbose. See help param, print, assert, export.
            """, examples: ["param province = \"Bắc Kạn\"\nprint \"{$province}: {products where province = $province count} products\""]),
    ]
}

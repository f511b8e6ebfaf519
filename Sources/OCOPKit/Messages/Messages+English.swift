/// The English catalogue. Keys are stable identifiers; Messages+Vietnamese.swift has the same keys.
extension Msg {
    /// Everything: these messages and the tutorial's (Messages+EnglishTutorial.swift).
    static let english: [String: String] = englishCore.merging(englishTutorial) { a, _ in a }.merging(englishPlan) { a, _ in a }.merging(englishSpreadsheet) { a, _ in a }

    static let englishCore: [String: String] = [
        // writing to standard output and error
        "io.stdout": "ocop: cannot write the results to standard output ({0})",
        "io.stdin": "cannot read standard input ({0})",
        "io.noSpace": "no space left on the device",
        "io.closed": "the stream is closed",
        "io.pipe": "the reader has gone",
        "io.other": "system error {0}",
        // session
        "welcome": "ocop {2} — {0} {1}. Type help.",
        "welcome.sample": "(sample)",
        "welcome.from": "from {0}",

        // help
        "help.overview": """
        A statement names a table, then clauses that each work on the result so far, left to right:
          products where stars >= 4 and province = "Bắc Kạn"
          products group by category count

        The five clauses you will use most:
          where CONDITION      keep the rows where it holds      products where stars = 5
          select A, B as N     choose or compute columns         products select name, stars
          sort by A desc       order the rows                    products sort by score desc limit 5
          group by A           one row per value of A            products group by province count
          count                the number of rows                products where stars >= 4 count

        Text: = compares exactly (Hoà = Hòa); ~ and contains ignore case and marks: name ~ "tinh bot nghe".
        Tables here: {0}.
        More: help TOPIC for any clause, operator (~), function (avg), command (describe) or field (province);
        help topics lists them all; describe products shows what the data holds; tutorial teaches step by step.
        """,
        "help.kind.clause": "clause",
        "help.kind.keyword": "keyword",
        "help.kind.operator": "operator",
        "help.kind.function": "function",
        "help.kind.command": "command",
        "help.kind.concept": "topic",
        "help.kind.table": "table",
        "help.kind.field": "field",
        "help.kinds.clause": "Clauses",
        "help.kinds.keyword": "Keywords",
        "help.kinds.operator": "Operators",
        "help.kinds.function": "Functions",
        "help.kinds.command": "Commands",
        "help.kinds.concept": "Topics",
        "help.kinds.table": "Tables",
        "help.kinds.field": "Fields",
        "help.example": "Example:",
        "help.examples": "Examples:",
        "help.seeAlso": "See also:",
        "help.unknown": "no help for '{0}'",
        "help.didYouMean": "; did you mean {0}?",
        "help.listTopics": "help topics lists every topic.",
        "help.table": "Table {0}: {1} rows. Fields: {2}.",
        "help.relationOne": "{0}: a relation of {1}, leading to one row of {2}.",
        "help.relationMany": "{0}: a relation of {1}, leading to many rows of {2} (count, sum, avg, min, max over it).",
        "help.fieldsOf": "{0} has: {1}.",
        "help.fieldOf": "{0} field of {1}",
        "help.derivedFieldOf": "{0} field of {1}, computed by ocop",
        "help.fieldCounts": "{0} present, {1} missing, {2} distinct.",
        "help.fieldValues": "Values: {0}.",
        "help.see": "see: help {0}",

        // describe
        "describe.tableLine": "{0}: {1} rows, {2} fields",
        "describe.variableLine": "{0}: a variable, {1} rows of {2}",
        "describe.relations": "relations: {0}",
        "describe.one": "one",
        "describe.many": "many",
        "describe.more": "describe TABLE shows its fields; describe TABLE.FIELD lists a field's values.",
        "describe.header": "{0}: {1} rows ({2})",
        "describe.sample": "the embedded sample",
        "describe.derived": "derived",
        "describe.allDifferent": "all different",
        "describe.relationOne": "{0} leads to one row of {1} for each row of {2}:",
        "describe.relationMany": "{0} leads to many rows of {1} for each row of {2}:",
        "describe.valuesHeader": "{0}: {1}, {2} present, {3} missing, {4} distinct",
        "describe.col.field": "field",
        "describe.col.type": "type",
        "describe.col.present": "present",
        "describe.col.missing": "missing",
        "describe.col.distinct": "distinct",
        "describe.col.values": "range or most common",
        "describe.col.example": "example",
        "describe.col.count": "count",
        "describe.col.share": "%",



        // errors and hints
        "error.unknownTable": "unknown table '{0}'",
        "error.unknownFieldIn": "unknown field '{0}' in {1}",
        "hint.didYouMean": "did you mean '{0}'?",

        // what tables and fields mean in OCOP terms
        "table.products": "One row per OCOP-certified product, with its latest rating.",
        "table.producers": "The producers (chủ thể) that make the products.",
        "table.certifications": "One row per certification decision: the rating history of each product.",
        "table.units": "The 2025 reorganisation, built in for the whole country: each old commune (with its province and district) → the new province and commune it went into; a divided commune has one row per new unit.",
        "field.id": "the identifier of the row",
        "field.name": "the name as published",
        "field.category": "the OCOP product group (Thực phẩm, Đồ uống, …; Decision 919/QĐ-TTg 2022 and 148/QĐ-TTg 2023)",
        "field.producer_id": "the id of the producer (producers.id); follow it with producer.",
        "field.stars": "the OCOP rating: 3★ 50–69 points, 4★ 70–89, 5★ 90–100 (only 3★–5★ are certified)",
        "field.score": "the evaluation score out of 100 (groups A, B, C)",
        "field.certified_on": "the date of the certification decision",
        "field.expires_on": "when the certificate ends: 36 months after the decision unless the file says otherwise",
        "field.units.old_province": "the province before 1 July 2025",
        "field.units.old_district": "the district before 1 July 2025 (Huyện, Thành phố, Thị xã, Quận)",
        "field.units.old_commune": "the commune before 1 July 2025 (Xã, Phường, Thị trấn)",
        "field.units.divided": "true when the old commune went into several new ones (one row each)",
        "field.units.default": "the new unit a list's row gets when its text names none of a divided commune's new units",
        "field.units.from_list": "true for a row of the list's own units.csv, which overrides the built-in table",
        "field.province": "the province at certification time (before the 2025 merger for older rows)",
        "field.district": "the district at certification time; empty after 1 July 2025, when districts were abolished",
        "field.commune": "the commune (xã, phường, thị trấn) at certification time",
        "field.price_vnd": "the price in đồng",
        "field.producer_name": "the producer's name, in a flat list without a producers file",
        "field.decision": "the number of the certification decision (e.g. 829/QĐ-UBND)",
        "field.level": "who certified: huyện (district), tỉnh (province) or trung ương (the Ministry)",
        "field.kind": "the kind of producer: Hợp tác xã, Doanh nghiệp, Tổ hợp tác or Hộ kinh doanh",
        "field.product_id": "the id of the certified product (products.id)",
        "field.status": "active, expired or revoked, as of today",
        "field.verified": "true when the mapping was checked against the published resolution",
        "field.new_province": "the province after the 2025 reorganisation",
        "field.new_commune": "the commune-level unit after the 2025 reorganisation",
    ]
}

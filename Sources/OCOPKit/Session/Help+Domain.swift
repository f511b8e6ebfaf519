/// Help on the OCOP data model: certification history, the 2025 units, comparing two
/// lists, load warnings, spreadsheet headers.
extension Help {
    static let domainTopics: [String: String] = [
        "certifications": """
        certifications.csv (optional): product_id, stars, score, level, decision, certified_on, expires_on
        (default +36 months), status (revoked rows say so). Relations: certifications.product, products.certifications.
        A product's stars, score and dates come from its latest certification. Derived fields (not shown unless selected):
          products: status (active | expired | revoked, for today), days_left, prev_stars, revoked
          certifications: status, days_left, prev_stars, change (new | renewed | upgraded | downgraded), latest
        status and days_left follow the session's today (set today 2026-11-29).
          products where status = "expired" count
          products where days_left between 0 and 90
          certifications where product.province = "Bắc Kạn" sort by certified_on
        Which products were upgraded:
          products where stars > prev_stars                                     # at their latest certification
          products where count(certifications where change = "upgraded") >= 1   # ever

        """,
        "units": """
        Two sets of names. Until 30 June 2025: 63 provinces, districts (Huyện, Thành phố, Thị xã, Quận) and communes
        (Xã, Phường, Thị trấn). From 1 July 2025: 34 provinces and 3,321 communes, no districts. A list keeps province,
        district and commune as certified; its products and producers also get new_province and new_commune from the
        built-in table of the whole country (package vietnamadminunits 1.0.4, © 2025 Tran Ngoc Minh Hieu, MIT licence).
        Names match folded, with or without the type word: Nông Thượng = xã Nông Thượng = Xa Nong Thuong (TP, H., TX, TT).
        Load warnings (type warnings) name what the table cannot settle: an old commune divided between new ones (the
        default is taken), a name that fits two units, a commune outside its district, a name it does not know (with the
        nearest real ones); describe and warnings count the ambiguous rows (new_commune chosen by the table).
        A units.csv (province, district, commune, new_province, new_commune) overrides the table. Its addresses are
        checked too: a commune not in its district is a warning unless the units.csv gives it the new unit the table
        gives that commune in the district where it is (an address filed under the district it was published in).
        Provinces match in other spellings, in the data and in queries: TP HCM, TP.HCM, Sài Gòn (Hồ Chí Minh), TT-Huế,
        Thừa Thiên Huế (Huế), BR-VT (Bà Rịa - Vũng Tàu), HN (Hà Nội); ĐN (Đà Nẵng or Đồng Nai) where the commune decides.
        province = "Bắc Ninh" is the old Bắc Ninh only; a note gives today's Bắc Ninh, which also holds Bắc Giang;
        new_province = "Bắc Kạn" notes that Bắc Kạn no longer exists and that Thái Nguyên holds it.
        The table units is the built-in table itself, where each old commune went: old_province, old_district,
        old_commune, new_province, new_commune, divided (one row per new unit), default; a units.csv's rows are from_list.
          products where new_province = "Thái Nguyên" count      # also the old Bắc Kạn rows
          products group by new_province count
          products where province = "Bắc Ninh" count
          units where old_commune ~ "nong thuong"
          units where new_commune = "Phường Bắc Kạn" count

        """,
        "compare": """
        compare "B" (or compare to "B"): what changed from the loaded data to the list in folder B;
        compare from "A": from A to the loaded data; compare "A" to "B": from A to B. Products are matched by id.
        The result is a table: change (new | removed | upgraded | downgraded | renewed | renamed), id, name, before, after;
        any clause, chart or export may follow. From the command line: ocop --data A --compare B [--format csv].
          compare "Examples/lists/2026-10" to "Examples/lists/2026-11" where change = "upgraded"
          compare from "Examples/lists/2026-10" group by change count

        """,
        "warnings": """
        warnings lists the problems found while loading the data, with file and line: duplicate ids (an error),
        a score outside its star's band, an unknown producer_id or product_id, expires_on before certified_on,
        an unknown category, a rating that disagrees with certifications.csv, an address the 2025 table cannot settle (help units).
        The load prints them once as one line: 3 warnings in the data: …; type warnings to list them.

        """,
        "spreadsheets": """
        Vietnamese headers are recognised in any case, with or without marks: Tên sản phẩm (name), Chủ thể
        (producer_name), Hạng sao / Số sao (stars), Điểm (score), Phân loại / Ngành (category), Tỉnh, Huyện, Xã,
        Ngày công nhận (certified_on), Ngày hết hạn (expires_on), Số quyết định (decision); STT is ignored; other
        headers stay fields. "3 sao" reads as 3 stars and "91,14" as 91.14. A flat list with Chủ thể and no
        producers file gets a producers table from the names, so producer.name and group by producer.name work.

        """,
    ]
}

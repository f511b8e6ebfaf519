/// The certification history: certifications.csv|json, one row per decision
/// (`product_id, stars, score, level, decision, certified_on, expires_on, status`).
///
/// A rating is an event with a date: a product is rated, renewed, upgraded ("nâng hạng"),
/// downgraded, expires, or is revoked. At load, with the history present:
/// - `certifications` gets the relation `product`; a product gets `certifications`.
/// - expires_on defaults to certified_on + 36 months, as for products.
/// - the file's `status` column (only revoked rows need to say so) becomes the boolean
///   column `revoked`; `status` itself is derived (below).
/// - each certification gets the derived fields `prev_stars` (the stars of the same
///   product's previous certification, by certified_on), `change` (new | renewed | upgraded |
///   downgraded, against that previous one) and `latest` (true for the product's newest).
/// - a product's stars, score, certified_on and expires_on come from its latest
///   certification; where products.csv says otherwise that is a load warning naming both.
///   A product gets `prev_stars` (its latest certification's) and `revoked`.
///
/// `status` (active | expired | revoked) and `days_left` depend on `today`, which a session
/// may change (`set today`), so they are derived per day (DerivedField.byDay), on products
/// (from the latest certification, or from the product's own expires_on without a history)
/// and on certifications. So "which products were upgraded" is
/// `products where stars > prev_stars` (at their latest certification) or
/// `products where count(certifications where change = "upgraded") >= 1` (ever).
enum Certifications {
    static let changes = ["new", "renewed", "upgraded", "downgraded"]

    static func apply(_ ds: Dataset, _ w: inout LoadWarnings) {
        guard let certs = ds.tables["certifications"], let products = ds.tables["products"] else { return }
        Relations.defaultExpiry(certs)
        revokedColumn(certs, &w)
        Relations.link(certs, key: "product_id", to: products, as: "product", inverse: "certifications")
        guard case .toMany(_, let offsets, let rows)? = products.relations["certifications"] else { return }

        let certified = dates(certs, "certified_on")
        let stars = integers(certs, "stars")
        var prevStars = [Int64](repeating: Column.nullInteger, count: certs.rowCount)
        var change = [UInt32](repeating: StringPool.nullCode, count: certs.rowCount)
        var latest = [UInt8](repeating: 0, count: certs.rowCount)
        var latestOf = [Int32](repeating: -1, count: products.rowCount)
        var history: [Int32] = []
        for p in 0..<products.rowCount {
            let lo = Int(offsets[p]), hi = Int(offsets[p + 1])
            guard lo < hi else { continue }
            history.removeAll(keepingCapacity: true)
            history.append(contentsOf: rows[lo..<hi])
            // oldest first; a missing date counts as oldest (Int32.min), file order breaks ties
            if !isSorted(history, certified) {
                history.sort { certified[Int($0)] != certified[Int($1)] ? certified[Int($0)] < certified[Int($1)] : $0 < $1 }
            }
            var prev = Column.nullInteger
            for (i, c) in history.enumerated() {
                let r = Int(c), s = stars[r]
                prevStars[r] = prev
                if i == 0 { change[r] = 0 }
                else if s != Column.nullInteger && prev != Column.nullInteger {
                    change[r] = s > prev ? 2 : (s < prev ? 3 : 1)
                }
                prev = s
            }
            let last = Int(history[history.count - 1])
            latest[last] = 1
            latestOf[p] = Int32(last)
        }
        certs.addDerived(DerivedField("prev_stars", meaning: "stars of the product's previous certification", .fixed(
            Column(name: "prev_stars", storage: .integer(prevStars)))))
        certs.addDerived(DerivedField("change", meaning: "new, renewed, upgraded or downgraded, against the previous certification", .fixed(
            DerivedField.labelled("change", codes: change, labels: changes))))
        certs.addDerived(DerivedField("latest", meaning: "true for the product's newest certification", .fixed(
            Column(name: "latest", storage: .boolean(latest)))))
        products.addDerived(DerivedField("prev_stars", meaning: "stars of the certification before the latest", .fixed(
            Column(name: "prev_stars", storage: .integer(latestOf.map { $0 < 0 ? Column.nullInteger : prevStars[Int($0)] })))))
        if case .boolean(let revoked)? = certs.column("revoked")?.storage {
            products.addDerived(DerivedField("revoked", meaning: "the latest certification was revoked", .fixed(
                Column(name: "revoked", storage: .boolean(latestOf.map { $0 < 0 ? 2 : revoked[Int($0)] })))))
        }
        currentRating(products, certs, latestOf, &w)
    }

    static func isSorted(_ rows: [Int32], _ dates: [Int32]) -> Bool {
        for i in 1..<max(1, rows.count) where dates[Int(rows[i])] < dates[Int(rows[i - 1])] { return false }
        return true
    }

    static func dates(_ t: Table, _ name: String) -> [Int32] {
        if case .date(let a)? = t.column(name)?.storage { return a }
        return [Int32](repeating: Column.nullDate, count: t.rowCount)
    }

    static func integers(_ t: Table, _ name: String) -> [Int64] {
        if case .integer(let a)? = t.column(name)?.storage { return a }
        return [Int64](repeating: Column.nullInteger, count: t.rowCount)
    }

    static func decimals(_ t: Table, _ name: String) -> [Double] {
        switch t.column(name)?.storage {
        case .decimal(let a)?: return a
        case .integer(let a)?: return a.map { $0 == Column.nullInteger ? .nan : Double($0) }
        default: return [Double](repeating: .nan, count: t.rowCount)
        }
    }

    // MARK: status

    /// The file's `status` column → boolean `revoked` (thu hồi). Other statuses (active,
    /// expired, còn hiệu lực, hết hạn) are derived from the dates, so they are not kept.
    static func revokedColumn(_ certs: Table, _ w: inout LoadWarnings) {
        guard let st = certs.column("status"), case .text(let codes, let pool) = st.storage else { return }
        var meaning = [UInt8](repeating: 0, count: pool.count)  // 0 not revoked, 1 revoked, 2 unknown word
        for c in 0..<UInt32(pool.count) {
            let k = HeaderAliases.key(pool.string(c))
            if revokedWords.contains(k) { meaning[Int(c)] = 1 }
            else if !otherWords.contains(k) { meaning[Int(c)] = 2 }
        }
        var revoked = [UInt8](repeating: 0, count: certs.rowCount)
        var reported = Set<UInt32>()
        for r in 0..<certs.rowCount where codes[r] != StringPool.nullCode {
            let m = meaning[Int(codes[r])]
            revoked[r] = m == 1 ? 1 : 0
            if m == 2, reported.insert(codes[r]).inserted {
                let text = pool.string(codes[r])
                w.add(.unknownStatus, certs, row: r, hints: ["a certification's status is revoked (thu hồi) or empty; active and expired follow from the dates"]) { _ in
                    "unknown status '\(text)', read as not revoked"
                }
            }
        }
        certs.removeColumn("status")
        certs.setColumn(Column(name: "revoked", storage: .boolean(revoked)))
    }

    static let revokedWords: Set<String> = ["revoked", "revoke", "thu hoi", "da thu hoi", "bi thu hoi"]
    static let otherWords: Set<String> = ["active", "expired", "valid", "con hieu luc", "hieu luc", "het han",
                                          "het hieu luc", "dang hieu luc"]

    /// Adds the derived `status` (active | expired | revoked) and `days_left` (expires_on −
    /// today; empty when revoked) to `t`, evaluated for whatever `today` a query runs with.
    static func addStatus(_ t: Table) {
        guard case .date(let expires)? = t.column("expires_on")?.storage else { return }
        let revokedCol = t.column("revoked") ?? t.derived["revoked"].flatMap {
            if case .fixed(let c) = $0.kind { return c } else { return nil }
        }
        var revoked: [UInt8]?
        if case .boolean(let r)? = revokedCol?.storage { revoked = r }
        t.addDerived(DerivedField("status", meaning: "active, expired (expires_on before today) or revoked", .byDay({ today in
            let d = today.days
            var codes = [UInt32](repeating: StringPool.nullCode, count: expires.count)
            for r in 0..<expires.count {
                if let revoked, revoked[r] == 1 { codes[r] = 2; continue }
                let e = expires[r]
                if e != Column.nullDate { codes[r] = e < d ? 1 : 0 }
            }
            return DerivedField.labelled("status", codes: codes, labels: ["active", "expired", "revoked"])
        })))
        t.addDerived(DerivedField("days_left", meaning: "days from today to expires_on (negative once expired; empty when revoked)", .byDay({ today in
            let d = Int64(today.days)
            var out = [Int64](repeating: Column.nullInteger, count: expires.count)
            for r in 0..<expires.count where expires[r] != Column.nullDate {
                if let revoked, revoked[r] == 1 { continue }
                out[r] = Int64(expires[r]) - d
            }
            return Column(name: "days_left", storage: .integer(out))
        })))
    }

    // MARK: the current rating

    /// Products take stars, score, certified_on and expires_on from their latest
    /// certification (where it has them). Disagreeing stars or score is a warning.
    static func currentRating(_ products: Table, _ certs: Table, _ latestOf: [Int32], _ w: inout LoadWarnings) {
        let cStars = integers(certs, "stars"), cScore = decimals(certs, "score")
        let cCert = dates(certs, "certified_on"), cExp = dates(certs, "expires_on")
        let hadStars = products.column("stars") != nil, hadScore = products.column("score") != nil
        var pStars = integers(products, "stars"), pScore = decimals(products, "score")
        var pCert = dates(products, "certified_on"), pExp = dates(products, "expires_on")
        let ids = products.column("id")
        for p in 0..<products.rowCount {
            let l = Int(latestOf[p])
            guard l >= 0 else { continue }
            let s = cStars[l], sc = cScore[l]
            let starsDiffer = hadStars && s != Column.nullInteger && pStars[p] != Column.nullInteger && s != pStars[p]
            let scoreDiffer = hadScore && !sc.isNaN && !pScore[p].isNaN && abs(sc - pScore[p]) > 0.000_5
            if starsDiffer || scoreDiffer {
                let here = rating(pStars[p], pScore[p]), there = rating(s, sc)
                let id = ids.map { ValueFormat.plain($0.value(p)) } ?? "row \(p + 1)"
                let on = cCert[l] == Column.nullDate ? "" : ", certified \(Day(days: cCert[l]).iso)"
                w.add(.ratingMismatch, products, row: p, others: [(certs, l)],
                      hints: ["the latest certification is used; correct whichever file is wrong"]) { loc in
                    "\(id) is \(here) here but \(there) in its latest certification (\(loc[0])\(on))"
                }
            }
            if s != Column.nullInteger { pStars[p] = s }
            if !sc.isNaN { pScore[p] = sc }
            if cCert[l] != Column.nullDate { pCert[p] = cCert[l] }
            if cExp[l] != Column.nullDate { pExp[p] = cExp[l] }
        }
        products.setColumn(Column(name: "stars", storage: .integer(pStars)))
        products.setColumn(Column(name: "score", storage: .decimal(pScore)))
        products.setColumn(Column(name: "certified_on", storage: .date(pCert)))
        products.setColumn(Column(name: "expires_on", storage: .date(pExp)))
    }

    /// `4★ 83` / `3★` / `score 62`.
    static func rating(_ stars: Int64, _ score: Double) -> String {
        var parts: [String] = []
        if stars != Column.nullInteger { parts.append("\(stars)★") }
        if !score.isNaN { parts.append(ValueFormat.decimal(score)) }
        return parts.isEmpty ? "unrated" : parts.joined(separator: " ")
    }
}

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
/// (from the certification in force that day, or from the product's own dates without a
/// history) and on certifications. So "which products were upgraded" is
/// `products where stars > prev_stars` (at their latest certification) or
/// `products where count(certifications where change = "upgraded") >= 1` (ever).
enum Certifications {
    static let changes = ["new", "renewed", "upgraded", "downgraded"]

    /// Each product's certifications oldest first, to find the one in force on a given day.
    struct Histories {
        let offsets: [Int32]
        let rows: [Int32]
        let certified: [Int32]
        let expires: [Int32]
        let revoked: [UInt8]?
    }

    /// Links and derives the history; returns it for the products' status (nil without one).
    static func apply(_ ds: Dataset, _ w: inout LoadWarnings) -> Histories? {
        guard let certs = ds.tables["certifications"], let products = ds.tables["products"] else { return nil }
        Relations.defaultExpiry(certs)
        revokedColumn(certs, &w)
        Relations.link(certs, key: "product_id", to: products, as: "product", inverse: "certifications")
        guard case .toMany(_, let offsets, let rows)? = products.relations["certifications"] else { return nil }
        var sorted = rows

        let certified = orderKeys(certs)
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
            // oldest first; a missing date is read as 1 January of certified_year (a published
            // list that gives only the year), else as the oldest (Int32.min); file order breaks ties
            if !isSorted(history, certified) {
                history.sort { certified[Int($0)] != certified[Int($1)] ? certified[Int($0)] < certified[Int($1)] : $0 < $1 }
                for (i, c) in history.enumerated() { sorted[lo + i] = c }
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
        addStatus(certs)
        var revoked: [UInt8]?
        if case .boolean(let r)? = certs.column("revoked")?.storage { revoked = r }
        // a year-only certificate is in force from 1 January of its year (never before)
        return Histories(offsets: offsets, rows: sorted, certified: certified,
                         expires: dates(certs, "expires_on"), revoked: revoked)
    }

    static func isSorted(_ rows: [Int32], _ dates: [Int32]) -> Bool {
        for i in 1..<max(1, rows.count) where dates[Int(rows[i])] < dates[Int(rows[i - 1])] { return false }
        return true
    }

    /// The order of certifications: certified_on, or 1 January of certified_year where only
    /// the year is known (for ordering only: certified_on stays empty).
    static func orderKeys(_ t: Table) -> [Int32] {
        var keys = dates(t, "certified_on")
        let years = integers(t, "certified_year")
        for r in keys.indices where keys[r] == Column.nullDate && years[r] != Column.nullInteger {
            if let y = Int(exactly: years[r]), let d = Day(year: y, month: 1, day: 1) { keys[r] = d.days }
        }
        return keys
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
                w.add(.unknownStatus, certs, row: r, help: [.helpStatusWords]) { _ in .warnUnknownStatus(text: text) }
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
    ///
    /// Both are "as of today": a certificate dated after today is not in force yet (status
    /// empty), and with `histories` a product's status is that of its certification in force
    /// on the day (the newest one certified on or before it), so `set today 2024-01-01` shows
    /// the list as it stood then. A revoked certificate counts as revoked from its date.
    static func addStatus(_ t: Table, histories: Histories? = nil) {
        let certified = dates(t, "certified_on"), expires = dates(t, "expires_on")
        guard t.column("expires_on") != nil || histories != nil else { return }
        var revoked: [UInt8]?
        if case .boolean(let r)? = t.column("revoked")?.storage { revoked = r }
        let n = t.rowCount
        /// (expires_on, revoked) of row r's certificate in force on `day`; nil: none yet.
        let inForce: (Int, Int32) -> (Int32, Bool)? = { r, day in
            if let h = histories, h.offsets[r] < h.offsets[r + 1] {
                var i = Int(h.offsets[r + 1]) - 1
                while i >= Int(h.offsets[r]) {
                    let c = Int(h.rows[i])
                    if h.certified[c] == Column.nullDate || h.certified[c] <= day {
                        return (h.expires[c], h.revoked?[c] == 1)
                    }
                    i -= 1
                }
                return nil
            }
            if certified[r] != Column.nullDate && certified[r] > day { return nil }
            return (expires[r], revoked?[r] == 1)
        }
        t.addDerived(DerivedField("status", meaning: "active, expired (expires_on before today) or revoked; empty before the first certificate", .byDay({ today in
            let d = today.days
            var codes = [UInt32](repeating: StringPool.nullCode, count: n)
            for r in 0..<n {
                guard let (e, rev) = inForce(r, d) else { continue }
                if rev { codes[r] = 2 } else if e != Column.nullDate { codes[r] = e < d ? 1 : 0 }
            }
            return DerivedField.labelled("status", codes: codes, labels: ["active", "expired", "revoked"])
        })))
        t.addDerived(DerivedField("days_left", meaning: "days from today to expires_on (negative once expired; empty when revoked)", .byDay({ today in
            let d = today.days
            var out = [Int64](repeating: Column.nullInteger, count: n)
            for r in 0..<n {
                guard let (e, rev) = inForce(r, d), !rev, e != Column.nullDate else { continue }
                out[r] = Int64(e) - Int64(d)
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
                let id: Message = ids.map { .verbatim(text: ValueFormat.plain($0.value(p))) } ?? .rowNumbered(n: String(p + 1))
                let on = cCert[l] == Column.nullDate ? nil : Day(days: cCert[l]).iso
                w.add(.ratingMismatch, products, row: p, others: [(certs, l)], help: [.helpLatestCertificationUsed]) { loc in
                    on.map { .warnRatingMismatchCertified(id: id, here: here, there: there, place: loc[0], date: $0) }
                        ?? .warnRatingMismatch(id: id, here: here, there: there, place: loc[0])
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
    static func rating(_ stars: Int64, _ score: Double) -> Message {
        var parts: [String] = []
        if stars != Column.nullInteger { parts.append("\(stars)★") }
        if !score.isNaN { parts.append(ValueFormat.decimal(score)) }
        return parts.isEmpty ? .ratingUnrated : .verbatim(text: parts.joined(separator: " "))
    }
}

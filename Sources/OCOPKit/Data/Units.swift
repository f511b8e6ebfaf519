/// The 2025 reorganisation (Resolution 202/2025/QH15): from 1 July 2025 there are 34
/// provinces and no districts; every old commune belongs to a new commune-level unit.
///
/// Every list's products and producers gain the derived fields `new_province` and
/// `new_commune` from their province, district and commune, looked up in the built-in table
/// (Units/UnitsTable, the whole country) with names compared folded and with or without their
/// type word (PlaceName). A list's own units.csv|json (`province, district, commune →
/// new_province, new_commune`) overrides the table for the addresses it has. A list keeps the
/// address as published and adds the new unit beside it (codes and names were reused, so a
/// bare name is never a key). What the table cannot settle is a load warning, once per
/// address with its count of rows: an old unit divided between several new ones (the
/// package's default is taken unless the row's own text names one of them), a name without
/// its type word that fits two units, a commune that is not in its district, and names the
/// table does not know, with the nearest real ones.
enum Units {
    static func apply(_ ds: Dataset, _ w: inout LoadWarnings) {
        let ownTable = ds.tables["units"]
        let own = ownTable.map(Mapping.init)
        for name in ["products", "producers"] {
            if let t = ds.tables[name] { derive(on: t, own: own, in: ds, &w) }
        }
        addQueryTable(ds, own: ownTable)
    }

    /// `units`: the whole country's table, the list's own rows in place of its rows for the
    /// same addresses (UnitsTable+Query.swift), made when first asked for; also when the rows'
    /// new units came ready-made (applyKnown, the embedded sample)
    static func addQueryTable(_ ds: Dataset, own ownTable: Table?) {
        ds.addBuiltIn("units") { [weak ds] in (ds?.builtinUnits ?? UnitsTable()).queryTable(own: ownTable) }
    }

    /// The new units already known for every row (`table, new_province, new_commune`, the
    /// products' rows then the producers'), as the embedded sample ships them; false, and
    /// nothing added, when the rows do not match the tables.
    static func applyKnown(_ known: Table, to ds: Dataset) -> Bool {
        guard case .text(let tcodes, let tpool)? = known.column("table")?.storage,
              case .text(let pcodes, let ppool)? = known.column("new_province")?.storage,
              case .text(let ccodes, let cpool)? = known.column("new_commune")?.storage else { return false }
        let names = ["products", "producers"].filter { ds.tables[$0]?.column("province") != nil }
        var start = 0
        var columns: [(Table, Column, Column)] = []
        for name in names {
            guard let t = ds.tables[name], let code = tpool.code(of: name) else { return false }
            let rows = start..<start + t.rowCount
            guard rows.upperBound <= known.rowCount, rows.allSatisfy({ tcodes[$0] == code }) else { return false }
            func column(_ n: String, _ codes: [UInt32], _ from: StringPool) -> Column {
                let pool = StringPool()
                let mine = codes[rows].map { $0 == StringPool.nullCode ? $0 : pool.intern(from.string($0)) }
                return Column(name: n, storage: .text(mine, pool))
            }
            columns.append((t, column("new_province", pcodes, ppool), column("new_commune", ccodes, cpool)))
            start = rows.upperBound
        }
        guard start == known.rowCount else { return false }
        for (t, p, c) in columns { addColumns(t, p, c) }
        return true
    }

    static func addColumns(_ t: Table, _ province: Column, _ commune: Column) {
        t.addDerived(DerivedField("new_province", meaning: "the province after the 2025 reorganisation", .fixed(province)))
        t.addDerived(DerivedField("new_commune", meaning: "the commune-level unit after the 2025 reorganisation", .fixed(commune)))
    }

    /// Adds new_province and new_commune to `t`, one lookup per distinct address. Each row
    /// finds its address's entry in a table keyed by the three columns' codes and copies two
    /// codes; only rows of a divided unit read their other columns.
    static func derive(on t: Table, own: Mapping?, in ds: Dataset, _ w: inout LoadWarnings) {
        func codes(_ name: String) -> ([UInt32], StringPool)? {
            if case .text(let c, let pool)? = t.column(name)?.storage { return (c, pool) }
            return nil
        }
        guard let (pc, ppool) = codes("province") else { return }
        let dcol = codes("district"), ccol = codes("commune")
        /// One distinct address: its new codes, and the rows that share its problem.
        struct Found { var province, commune: UInt32; var divided: Bool; var problem: Bool; var first: Int; var rows = 0; var own = false }
        let null = StringPool.nullCode
        var found: [Found] = [], resolutions: [UnitsTable.Resolution?] = [], addresses: [(p: UInt32, d: UInt32, c: UInt32)] = []
        var index = AddressIndex()
        let provinces = StringPool(), communes = StringPool()
        var outP = [UInt32](repeating: null, count: t.rowCount)
        var outC = [UInt32](repeating: null, count: t.rowCount)
        func s(_ code: UInt32, _ pool: StringPool?) -> String? { code == null ? nil : pool?.string(code) }
        func resolve(_ a: (p: UInt32, d: UInt32, c: UInt32), suggest: Bool) -> UnitsTable.Resolution {
            ds.builtinUnits.resolve(province: ppool.string(a.p), district: s(a.d, dcol?.1), commune: s(a.c, ccol?.1), suggest: suggest)
        }
        var text: RowText?
        let dcodes = dcol?.0, ccodes = ccol?.0
        for r in 0..<t.rowCount where pc[r] != null {
            let a = (p: pc[r], d: dcodes?[r] ?? null, c: ccodes?[r] ?? null)
            var e = index.find(a.p, a.d, a.c)
            if e < 0 {
                e = found.count
                index.insert(a.p, a.d, a.c, e)
                addresses.append(a)
                let p = ppool.string(a.p), d = s(a.d, dcol?.1), c = s(a.c, ccol?.1)
                if let own, let hit = own.lookup(p, d, c), hit.complete {
                    // the list's own file decides; the places are still checked (placeCheck)
                    let check = placeCheck(ds.builtinUnits, p, d, c, own: hit)
                    found.append(Found(province: hit.province.map { provinces.intern($0) } ?? null,
                                       commune: hit.commune.map { communes.intern($0) } ?? null, divided: false, problem: check != nil, first: r, own: true))
                    resolutions.append(check.map { UnitsTable.Resolution(problem: $0) })
                } else {
                    let table = ds.builtinUnits
                    let res = resolve(a, suggest: false)
                    let np = res.newProvince.map { provinces.intern(table.newProvinces[$0].name.name) } ?? null
                    let nc = res.newProvince.flatMap { i in res.commune.map { communes.intern(table.newCommune(i, $0)) } } ?? null
                    let divided = res.newProvince != nil && res.commune != nil && !res.alternatives.isEmpty
                    found.append(Found(province: np, commune: nc, divided: divided, problem: res.problem != nil, first: r))
                    resolutions.append(res)
                }
            }
            let f = found[e]
            outP[r] = f.province
            outC[r] = f.commune
            // a divided unit: the row's own text may name the new unit it is in
            if f.divided, let res = resolutions[e], let np = res.newProvince, let c = res.commune {
                let table = ds.builtinUnits
                if text == nil { text = RowText(t, skipping: ["province", "district", "commune"]) }
                let options = [c] + res.alternatives
                let named = options.filter { text!.mentions(r, table.newCommunes(np)[$0].key) }
                if named.count == 1 {
                    outC[r] = communes.intern(table.newCommune(np, named[0]))
                    continue
                }
            }
            if f.problem {
                if found[e].rows == 0 { found[e].first = r }
                found[e].rows += 1
            }
        }
        var uncertain = UncertainUnits()
        for (e, f) in found.enumerated() {
            guard f.problem, f.rows > 0, var problem = resolutions[e]?.problem else { continue }
            let chosen = f.commune == null ? "" : communes.string(f.commune)
            // the nearest real names only for the warnings that will be listed
            if !problem.resolved, w.willList(.unmappedAddress), let again = resolve(addresses[e], suggest: true).problem {
                problem = again
            }
            warn(problem, chosen: chosen, own: f.own, rows: f.rows, t, row: f.first, &w)
            if case .divided = problem { uncertain.divided += f.rows }
            if case .ambiguous = problem { uncertain.twoUnits += f.rows }
        }
        if uncertain.rows > 0 { ds.uncertainUnits[t.name] = uncertain }
        addColumns(t, Column(name: "new_province", storage: .text(outP, provinces)), Column(name: "new_commune", storage: .text(outC, communes)))
    }

    /// Distinct addresses (three pool codes) → their entry, open addressing on a mixed hash
    /// (a Dictionary hashed each of a million rows' keys with SipHash).
    struct AddressIndex {
        private var slots = [Int32](repeating: -1, count: 256)
        private var keys: [(UInt32, UInt32, UInt32)] = []

        @inline(__always)
        private func slot(_ p: UInt32, _ d: UInt32, _ c: UInt32) -> Int {
            var h = UInt64(p) &* 0x9E37_79B9_7F4A_7C15
            h = (h ^ UInt64(d)) &* 0xC2B2_AE3D_27D4_EB4F
            h = (h ^ UInt64(c)) &* 0x1656_67B1_9E37_79F9
            return Int(truncatingIfNeeded: h >> 32) & (slots.count - 1)
        }

        /// The entry of an address, or -1.
        @inline(__always)
        func find(_ p: UInt32, _ d: UInt32, _ c: UInt32) -> Int {
            var i = slot(p, d, c)
            while true {
                let e = slots[i]
                if e < 0 { return -1 }
                let k = keys[Int(e)]
                if k.0 == p && k.1 == d && k.2 == c { return Int(e) }
                i = (i + 1) & (slots.count - 1)
            }
        }

        /// Adds a new address as entry `e` (entries are numbered 0, 1, 2, … in order).
        mutating func insert(_ p: UInt32, _ d: UInt32, _ c: UInt32, _ e: Int) {
            keys.append((p, d, c))
            if keys.count * 2 > slots.count {
                slots = [Int32](repeating: -1, count: slots.count * 2)
                for (j, k) in keys.enumerated() { place(k.0, k.1, k.2, j) }
            } else {
                place(p, d, c, e)
            }
        }

        private mutating func place(_ p: UInt32, _ d: UInt32, _ c: UInt32, _ e: Int) {
            var i = slot(p, d, c)
            while slots[i] >= 0 { i = (i + 1) & (slots.count - 1) }
            slots[i] = Int32(e)
        }
    }

    /// The places check on an address the list's own units.csv gives a new unit: the built-in
    /// table's warning that its commune is not in its district (a typo, a name from another
    /// district), unless the units.csv's new unit is the one the table gives the commune where
    /// it found it, which is how a list files an address the table writes under another
    /// district (the sample's five Lục Ngạn addresses, which the table has under Thị xã Chũ).
    /// The table's other notes (a divided unit, a name that fits two, a name it does not know)
    /// are what a units.csv settles, so they are not warned of.
    static func placeCheck(_ table: UnitsTable, _ p: String, _ d: String?, _ c: String?,
                           own: (province: String?, commune: String?, complete: Bool)) -> UnitsTable.Problem? {
        let res = table.resolve(province: p, district: d, commune: c, suggest: false)
        guard case .elsewhere(let commune, let district, let foundIn)? = res.problem else { return nil }
        if let np = res.newProvince, let nc = res.commune, let ownCommune = own.commune,
           norm(own.province ?? "") == norm(table.newProvinces[np].name.name),
           ([nc] + res.alternatives).contains(where: { norm(table.newCommune(np, $0)) == norm(ownCommune) }) {
            return nil
        }
        return .elsewhere(commune: commune, district: district, foundIn: foundIn)
    }

    /// One load warning for an address the table could not settle.
    static func warn(_ problem: UnitsTable.Problem, chosen: String, own: Bool = false, rows n: Int, _ t: Table, row: Int, _ w: inout LoadWarnings) {
        func nearest(_ names: [String]) -> [Message] { names.isEmpty ? [] : [.helpUnitNearest(names: names)] }
        switch problem {
        case .divided(let old, let into):
            w.add(.dividedUnit, t, row: row, help: [.helpUnitDivided]) { _ in .unitDivided(old: old, into: into, chosen: chosen, n: n) }
        case .ambiguous(let written, let fits):
            w.add(.ambiguousUnit, t, row: row, help: [.helpUnitTypeWord]) { _ in .unitAmbiguous(written: written, fits: fits, chosen: chosen, n: n) }
        case .elsewhere(let commune, let district, let foundIn):
            w.add(.misplacedCommune, t, row: row, help: [.helpUnitCheckDistrict] + (own ? [.helpUnitOwnFile(commune: chosen)] : [])) { _ in
                .unitElsewhere(commune: commune, district: district, foundIn: foundIn, n: n)
            }
        case .unknownCommune(let commune, let place, let near):
            w.add(.unmappedAddress, t, row: row, help: nearest(near) + [.helpUnitOldName]) { _ in .unitUnknownCommune(commune: commune, place: place, n: n) }
        case .unknownDistrict(let district, let province, let near):
            w.add(.unmappedAddress, t, row: row, help: nearest(near) + [.helpUnitOldName]) { _ in
                .unitUnknownDistrict(district: district, province: province, n: n)
            }
        case .unknownProvince(let province, let near):
            w.add(.unmappedAddress, t, row: row, help: nearest(near)) { _ in .unitUnknownProvince(province: province, n: n) }
        }
    }

    /// The text of a row's other columns, folded, for a divided unit's new name.
    struct RowText {
        var columns: [([UInt32], StringPool)] = []
        init(_ t: Table, skipping: Set<String>) {
            for c in t.columns where !skipping.contains(c.name) {
                if case .text(let codes, let pool) = c.storage { columns.append((codes, pool)) }
            }
        }

        /// Whether a cell of row `r` holds the words of `key` (a PlaceName key) as words.
        func mentions(_ r: Int, _ key: String) -> Bool {
            for (codes, pool) in columns where codes[r] != StringPool.nullCode {
                if (" " + PlaceName.key(pool.string(codes[r])) + " ").contains(" \(key) ") { return true }
            }
            return false
        }
    }

    /// `Xã Côn Minh` → `con minh`; `Thành phố Bắc Kạn` → `bac kan` (a units.csv's names).
    static func norm(_ s: String) -> String { PlaceName.parse(s).key }

    struct Mapping {
        /// The new unit of each units row.
        var target: [(province: String?, commune: String?)] = []
        var exact: [String: Int] = [:]
        /// province|commune → rows (an old address written without its district)
        var byCommune: [String: [Int]] = [:]
        /// new province|new commune → row (an address that already is a new unit)
        var newPairs: [String: Int] = [:]
        /// old province → its one new province, or nil when its communes went to several
        var provinceNew: [String: String?] = [:]
        /// new province (folded) → as written
        var newProvinces: [String: String] = [:]

        init(_ units: Table) {
            func text(_ name: String) -> (Int) -> String? {
                guard let c = units.column(name) else { return { _ in nil } }
                return { r in if case .text(let s) = c.value(r) { return s }; return nil }
            }
            let p = text("province"), d = text("district"), c = text("commune")
            let np = text("new_province"), nc = text("new_commune")
            for r in 0..<units.rowCount {
                let t = (np(r), nc(r))
                target.append(t)
                let kp = norm(p(r) ?? ""), kd = norm(d(r) ?? ""), kc = norm(c(r) ?? "")
                if exact["\(kp)|\(kd)|\(kc)"] == nil { exact["\(kp)|\(kd)|\(kc)"] = r }
                byCommune["\(kp)|\(kc)", default: []].append(r)
                if let a = t.0 {
                    if let b = t.1, newPairs["\(norm(a))|\(norm(b))"] == nil { newPairs["\(norm(a))|\(norm(b))"] = r }
                    newProvinces[norm(a)] = newProvinces[norm(a)] ?? a
                    if let old = provinceNew[kp] { if old != a { provinceNew[kp] = .some(nil) } } else { provinceNew[kp] = a }
                }
            }
        }

        /// The new unit of an address in a list's own units.csv; `complete` is false when only
        /// the province was found.
        func lookup(_ p: String?, _ d: String?, _ c: String?) -> (province: String?, commune: String?, complete: Bool)? {
            let kp = norm(p ?? ""), kd = norm(d ?? ""), kc = norm(c ?? "")
            if d != nil, let r = exact["\(kp)|\(kd)|\(kc)"] { return (target[r].province, target[r].commune, true) }
            if d == nil {
                if let r = newPairs["\(kp)|\(kc)"] { return (target[r].province, target[r].commune, true) }
                if let rs = byCommune["\(kp)|\(kc)"], rs.count == 1 || Set(rs.map { target[$0].commune ?? "" }).count == 1 {
                    return (target[rs[0]].province, target[rs[0]].commune, true)
                }
            }
            if let one = provinceNew[kp], let province = one { return (province, nil, false) }
            if let province = newProvinces[kp] { return (province, nil, false) }
            return (nil, nil, false)
        }
    }
}

/// Rows of a table whose new_commune is the built-in table's choice: on an old commune
/// divided between new ones whose text names none of them (the default taken), or with a
/// name written without its type word that fits two units (the first taken).
struct UncertainUnits {
    var divided = 0
    var twoUnits = 0
    var rows: Int { divided + twoUnits }

    func message(_ table: String) -> Message {
        let parts: [Message] = (divided > 0 ? [.uncertainDivided(n: divided)] : []) + (twoUnits > 0 ? [.uncertainTwoUnits(n: twoUnits)] : [])
        return .unitsUncertainRows(table: table, n: rows, parts: parts)
    }
}

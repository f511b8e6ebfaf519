/// The 2025 reorganisation (Resolution 202/2025/QH15): from 1 July 2025 there are 34
/// provinces and no districts; every old commune belongs to a new commune-level unit.
/// units.csv|json maps an old address to the new one:
/// `province, district, commune → new_province, new_commune`.
///
/// With it, products and producers gain the derived fields `new_province` and `new_commune`,
/// so `products where new_province = "Thái Nguyên"` also finds the old Bắc Kạn rows. A list
/// keeps the address as published and adds the new unit beside it (codes and names were
/// reused, so a bare name is never a key). An address is looked up:
/// 1. by province, district and commune (an old address);
/// 2. without a district: as a new unit itself (a list written after the reform), then by
///    province and commune when only one old district has that commune;
/// 3. by province alone, when every commune of that old province went to one new province
///    (new_commune then stays empty, and the address is a load warning).
/// Names compare folded, without the unit words: `Xã Côn Minh` = `Côn Minh`, `Thành phố Bắc
/// Kạn` = `TP Bắc Kạn` = `Bắc Kạn`, `Xuất Hoá` = `Xuất Hóa`.
enum Units {
    static func apply(_ ds: Dataset, _ w: inout LoadWarnings) {
        guard let units = ds.tables["units"] else { return }
        let map = Mapping(units)
        for name in ["products", "producers"] {
            if let t = ds.tables[name] { map.derive(on: t, &w) }
        }
    }

    /// `Xã Côn Minh` → `con minh`; `Thành phố Bắc Kạn` → `bac kan`.
    static func norm(_ s: String) -> String {
        var k = HeaderAliases.key(s)
        for p in unitWords where k.hasPrefix(p + " ") && k.count > p.count + 1 {
            k.removeFirst(p.count + 1)
            break
        }
        return k
    }

    /// Unit words before a name, longest first: `thanh pho` before `thanh`.
    static let unitWords = ["thanh pho", "thi tran", "thi xa", "tinh", "huyen", "quan", "phuong", "xa", "tp", "tt", "tx"]

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

        /// The new unit of an address; `complete` is false when only the province was found.
        func lookup(_ p: String?, _ d: String?, _ c: String?) -> (province: String?, commune: String?, complete: Bool) {
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

        /// Adds new_province and new_commune to `t`, one lookup per distinct address.
        func derive(on t: Table, _ w: inout LoadWarnings) {
            func codes(_ name: String) -> ([UInt32], StringPool)? {
                if case .text(let c, let pool)? = t.column(name)?.storage { return (c, pool) }
                return nil
            }
            guard let (pc, ppool) = codes("province") else { return }
            let dcol = codes("district"), ccol = codes("commune")
            struct Address: Hashable { var p, d, c: UInt32 }
            var resolved: [Address: (UInt32, UInt32)] = [:]
            let provinces = StringPool(), communes = StringPool()
            var outP = [UInt32](repeating: StringPool.nullCode, count: t.rowCount)
            var outC = [UInt32](repeating: StringPool.nullCode, count: t.rowCount)
            var missing: [Address: (row: Int, count: Int)] = [:]
            var missingOrder: [Address] = []
            let null = StringPool.nullCode
            for r in 0..<t.rowCount {
                let a = Address(p: pc[r], d: dcol?.0[r] ?? null, c: ccol?.0[r] ?? null)
                if a.p == null && a.c == null { continue }
                if let hit = resolved[a] {
                    (outP[r], outC[r]) = hit
                } else {
                    func s(_ code: UInt32, _ pool: StringPool?) -> String? { code == null ? nil : pool?.string(code) }
                    let (np, nc, complete) = lookup(s(a.p, ppool), s(a.d, dcol?.1), s(a.c, ccol?.1))
                    let hit = (np.map { provinces.intern($0) } ?? null, nc.map { communes.intern($0) } ?? null)
                    resolved[a] = hit
                    (outP[r], outC[r]) = hit
                    if !complete {
                        missingOrder.append(a)
                        missing[a] = (r, 0)
                    }
                }
                if let m = missing[a] { missing[a] = (m.row, m.count + 1) }
            }
            for a in missingOrder {
                guard let m = missing[a] else { continue }
                let place = [a.c == null ? nil : ccol?.1.string(a.c), a.d == null ? nil : dcol?.1.string(a.d),
                             a.p == null ? nil : ppool.string(a.p)].compactMap { $0 }.joined(separator: ", ")
                let np = resolved[a]!.0 == null ? nil : provinces.string(resolved[a]!.0)
                let count = m.count
                w.add(.unmappedAddress, t, row: m.row, hints: ["add a row for it to units.csv: province,district,commune,new_province,new_commune"]) { _ in
                    "no row of units.csv for \(place)\(count > 1 ? " (\(count) rows)" : "")"
                        + (np.map { "; new_province \($0) from the province alone, new_commune empty" } ?? "; new_province and new_commune empty")
                }
            }
            t.addDerived(DerivedField("new_province", meaning: "the province after the 2025 reorganisation (units.csv)", .fixed(
                Column(name: "new_province", storage: .text(outP, provinces)))))
            t.addDerived(DerivedField("new_commune", meaning: "the commune-level unit after the 2025 reorganisation (units.csv)", .fixed(
                Column(name: "new_commune", storage: .text(outC, communes)))))
        }
    }
}

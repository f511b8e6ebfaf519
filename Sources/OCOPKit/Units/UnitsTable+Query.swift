/// The built-in table as the queryable table `units` (issue 18): one row per old commune and
/// new commune it went into (10,597 rows; a divided old commune has one row per new one, the
/// package's default marked), so an official can look up where an old commune went:
/// `units where old_commune ~ "nong thuong"`, `units where new_commune = "Phường Bắc Kạn"`.
/// A list's own units.csv overrides the table: its rows come last, marked from_list, and the
/// table's rows for the same old address are left out. Made the first time `units` is named
/// (Dataset.addBuiltIn), never at start-up.
extension UnitsTable {
    func queryTable(own: Table?) -> Table {
        let oldP = StringPool(), oldD = StringPool(), oldC = StringPool(), newP = StringPool(), newC = StringPool()
        var cols: [[UInt32]] = Array(repeating: [], count: 5)
        var divided: [UInt8] = [], isDefault: [UInt8] = [], fromList: [UInt8] = []
        for i in cols.indices { cols[i].reserveCapacity(10_700) }
        let overridden = own.map(overriddenAddresses) ?? []
        for (p, province) in oldProvinces.enumerated() {
            let np = province.newProvince
            let pCode = oldP.intern(province.name.name), npCode = newP.intern(newProvinces[np].name.name)
            for d in province.districts {
                let dCode = oldD.intern(districts[d].name.full)
                for c in communes(ofDistrict: d) {
                    if !overridden.isEmpty && overridden.contains(Address(p, districts[d].key, c.key)) { continue }
                    let cCode = oldC.intern(c.name.full)
                    for (k, target) in c.targets.enumerated() {
                        cols[0].append(pCode); cols[1].append(dCode); cols[2].append(cCode)
                        cols[3].append(npCode); cols[4].append(newC.intern(newCommune(np, target)))
                        divided.append(c.targets.count > 1 ? 1 : 0)
                        isDefault.append(k == 0 ? 1 : 0)
                        fromList.append(0)
                    }
                }
            }
        }
        if let own {
            let pools = [oldP, oldD, oldC, newP, newC]
            for (i, name) in ["province", "district", "commune", "new_province", "new_commune"].enumerated() {
                for r in 0..<own.rowCount {
                    if case .text(let s)? = own.column(name)?.value(r), !s.isEmpty { cols[i].append(pools[i].intern(s)) } else { cols[i].append(StringPool.nullCode) }
                }
            }
            for _ in 0..<own.rowCount { divided.append(2); isDefault.append(1); fromList.append(1) }
        }
        var columns: [Column] = [
            Column(name: "old_province", storage: .text(cols[0], oldP)), Column(name: "old_district", storage: .text(cols[1], oldD)),
            Column(name: "old_commune", storage: .text(cols[2], oldC)), Column(name: "new_province", storage: .text(cols[3], newP)),
            Column(name: "new_commune", storage: .text(cols[4], newC)), Column(name: "divided", storage: .boolean(divided)),
            Column(name: "default", storage: .boolean(isDefault)),
        ]
        if own != nil { columns.append(Column(name: "from_list", storage: .boolean(fromList))) }
        return Table(name: "units", columns: columns, rowCount: divided.count)
    }

    /// An old address by its province's number and its district's and commune's keys.
    private struct Address: Hashable {
        var province: Int, district: String, commune: String
        init(_ p: Int, _ d: String, _ c: String) { province = p; district = d; commune = c }
    }

    /// The table's old addresses that a list's units.csv gives a new unit of its own.
    private func overriddenAddresses(_ own: Table) -> Set<Address> {
        func text(_ name: String, _ r: Int) -> String {
            if case .text(let s)? = own.column(name)?.value(r) { return s }
            return ""
        }
        var out = Set<Address>()
        for r in 0..<own.rowCount {
            let d = Units.norm(text("district", r)), c = Units.norm(text("commune", r))
            for p in oldProvinces(named: text("province", r)) { out.insert(Address(p, d, c)) }
        }
        return out
    }
}

/// An address as a list writes it (province, district, commune) → its new province and
/// commune, or what is wrong with it.
extension UnitsTable {
    struct Resolution {
        /// The new province (an index of newProvinces) and commune (a number within it).
        var newProvince: Int?
        var commune: Int?
        /// Other new communes a divided old one went into (`commune` is the default).
        var alternatives: [Int] = []
        var problem: Problem?
    }

    enum Problem: Equatable {
        /// The old commune went into several new ones; new_commune is the package's default.
        case divided(old: String, into: [String])
        /// A name without its type word that fits two old units with different new ones.
        case ambiguous(written: String, fits: [String])
        /// The commune is not in the district written, but in another of the province.
        case elsewhere(commune: String, district: String, foundIn: [String])
        case unknownCommune(commune: String, place: String, nearest: [String])
        case unknownDistrict(district: String, province: String, nearest: [String])
        case unknownProvince(province: String, nearest: [String])

        /// Whether new_commune is still set (a note), or the address has no new commune.
        var resolved: Bool {
            switch self {
            case .divided, .ambiguous, .elsewhere: true
            default: false
            }
        }
    }

    /// The new unit of an address. The province decides which names to try first: an old
    /// province that is gone (Bắc Kạn) is read as an old address; a name that is both (Bắc
    /// Ninh) as an old address when it has a district, otherwise as a new one (a list written
    /// after 1 July 2025), each falling back to the other. With `suggest` false an unknown
    /// name comes without its nearest real ones (a load asks for them only for the addresses
    /// its warnings list: the edit distances were most of a million-row load).
    func resolve(province p: String, district d: String?, commune c: String?, suggest: Bool = true) -> Resolution {
        func nearest(_ written: String, _ names: @autoclosure () -> [PlaceName]) -> [String] {
            suggest ? Self.nearest(written, names()) : []
        }
        let (olds, newP) = self.provinces(named: p)
        guard !olds.isEmpty || newP != nil else {
            return Resolution(problem: .unknownProvince(province: p, nearest: nearest(p, provinceNames.map { PlaceName(word: nil, name: $0) })))
        }
        var provinces: [Int] = newP.map { [$0] } ?? []
        for o in olds where !provinces.contains(oldProvinces[o].newProvince) { provinces.append(oldProvinces[o].newProvince) }
        let sole = provinces.count == 1 ? provinces[0] : nil
        guard let c, !PlaceName.key(c).isEmpty else { return Resolution(newProvince: sole) }
        let district = d.flatMap { PlaceName.key($0).isEmpty ? nil : $0 }
        var problem: Problem?

        func fromOld() -> Resolution? {
            for op in olds {
                let ds = oldProvinces[op].districts
                func inProvince(_ d: [Int]?) -> [OldCommune] {
                    Self.matching(c, level: .commune, keyed: { k in
                        d.map { ds in ds.flatMap { self.communes(ofProvince: op, district: $0, key: k) } } ?? self.communes(ofProvince: op, key: k)
                    }, name: \.name)
                }
                guard let district else {
                    let hits = inProvince(nil)
                    if !hits.isEmpty { return settle(c, hits, op) }
                    continue
                }
                let inDistrict = Self.matching(district, level: .district, keyed: { k in ds.filter { self.districts[$0].key == k } },
                                               name: { self.districts[$0].name })
                let hits = inDistrict.isEmpty ? [] : inProvince(inDistrict)
                if !hits.isEmpty { return settle(c, hits, op) }
                let elsewhere = inProvince(nil)
                if !elsewhere.isEmpty {
                    var r = settle(c, elsewhere, op)
                    if r.problem == nil {
                        r.problem = Problem.elsewhere(commune: c, district: district, foundIn: elsewhere.map { self.districts[$0.district].name.full })
                    }
                    return r
                }
                if problem != nil { continue }
                let province = oldProvinces[op].name.name
                if inDistrict.isEmpty {
                    problem = .unknownDistrict(district: district, province: province, nearest: nearest(district, ds.map { self.districts[$0].name }))
                } else {
                    problem = .unknownCommune(commune: c, place: "\(districts[inDistrict[0]].name.full), \(province)",
                                              nearest: nearest(c, inDistrict.flatMap { self.communes(ofDistrict: $0).map(\.name) }))
                }
            }
            return nil
        }

        func fromNew() -> Resolution? {
            for np in provinces {
                let names = newCommunes(np)
                let hits = Self.matching(c, level: .commune, strict: true, keyed: { self.newCommunes(np, key: $0) }, name: { names[$0] })
                if let i = hits.first { return Resolution(newProvince: np, commune: i) }
            }
            return nil
        }

        let gone = newP == nil
        let order = gone || district != nil ? [fromOld, fromNew] : [fromNew, fromOld]
        for step in order { if let r = step() { return r } }
        if problem == nil {
            func names() -> [PlaceName] {
                var names: [PlaceName] = []
                for np in provinces { names += newCommunes(np) }
                for op in olds { names += communes(ofProvince: op).map(\.name) }
                return names
            }
            problem = .unknownCommune(commune: c, place: PlaceName.parse(p).name, nearest: nearest(c, names()))
        }
        return Resolution(newProvince: sole, problem: problem)
    }

    /// Old communes that fit one written name → one new unit, or a note.
    private func settle(_ written: String, _ hits: [OldCommune], _ op: Int) -> Resolution {
        let np = oldProvinces[op].newProvince
        let first = hits[0]
        if Set(hits.map(\.targets)).count > 1 {
            let fits = hits.map { "\($0.name.full) (\(districts[$0.district].name.full))" }
            return Resolution(newProvince: np, commune: first.targets[0], problem: .ambiguous(written: written, fits: fits))
        }
        guard first.targets.count > 1 else { return Resolution(newProvince: np, commune: first.targets[0]) }
        let old = "\(first.name.full) (\(districts[first.district].name.full), \(oldProvinces[op].name.name))"
        return Resolution(newProvince: np, commune: first.targets[0], alternatives: Array(first.targets.dropFirst()),
                          problem: .divided(old: old, into: first.targets.map { newCommune(np, $0) }))
    }

    /// Up to three real names near `written` (compared without type words), as the law writes them.
    static func nearest(_ written: String, _ names: [PlaceName]) -> [String] {
        let bare = names.map(\.name)
        var out: [String] = []
        for n in EditDistance.nearest(PlaceName.parse(written).name, in: bare, limit: 3) {
            if let full = names.first(where: { $0.name == n })?.full, !out.contains(full) { out.append(full) }
        }
        return out
    }
}

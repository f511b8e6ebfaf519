/// Notes on a condition that names a province the 2025 reorganisation changed (issue 18): a
/// list keeps the old address, so `province = "Bắc Ninh"` finds only the old Bắc Ninh's rows
/// while today's Bắc Ninh also holds the old Bắc Giang's, and `new_province = "Bắc Kạn"` finds
/// nothing since Bắc Kạn is now part of Thái Nguyên. They never change the answer.
extension Executor {
    func provinceNotes(_ f: Frame, _ cond: Expr) -> [Message] {
        guard f.table.derived["new_province"] != nil else { return [] }
        var notes: [Message] = []
        visitComparisons(cond) { field, op, literals in
            guard op == .eq, case .path(let names) = field.kind, names.count == 1,
                  let column = names.first?.text, column == "province" || column == "new_province" else { return }
            for lit in literals where notes.count < 3 {
                guard case .text(let written) = lit.kind else { continue }
                notes += provinceNote(f, column: column, written)
            }
        }
        return notes
    }

    private func provinceNote(_ f: Frame, column: String, _ written: String) -> [Message] {
        let units = env.dataset.builtinUnits
        let (olds, newP) = units.provinces(named: written)
        guard let old = olds.first else { return [] }
        let today = units.newProvinces[units.oldProvinces[old].newProvince]
        let todayName = today.name.name
        // an old province that kept its name and gained none: nothing to say
        guard today.olds.count > 1 || newP == nil else { return [] }
        let oldName = units.oldProvinces[old].name.name
        /// Rows of `f` whose `field` names `value`, folded, with or without its type word:
        /// one key per distinct value, then a count over the codes.
        func rows(_ field: String, _ value: String) -> Int {
            guard case .text(let codes, let pool)? = f.table.field(field, today: env.today)?.storage else { return 0 }
            var hit = [Bool](repeating: false, count: pool.count)
            for c in FixedWords.codes(pool, equalTo: value, field: field) { hit[Int(c)] = true }
            var n = 0
            for i in 0..<f.count {
                let c = codes[f.row(i)]
                if c != StringPool.nullCode && hit[Int(c)] { n += 1 }
            }
            return n
        }
        let now = rows("new_province", todayName)
        if column == "province" {
            // `province = "Bắc Kạn"` is plain: that name is only the old one, so the answer is
            // what was asked (a note on the sample's most common query would be noise; the
            // reverse, new_province = "Bắc Kạn", is noted below)
            guard newP != nil else { return [] }
            // `province = "Bắc Ninh"`: the name is also today's, and today's holds more
            let others = today.olds.filter { $0 != old }.map { units.oldProvinces[$0].name.name }
            return [.noteProvinceMerged(province: todayName, others: others, n: now)]
        }
        guard newP == nil else { return [] }
        return [.noteOldProvinceName(province: oldName, today: todayName, old: rows("province", oldName), n: now)]
    }
}

import Foundation

/// The distinct values of one text column, stored once as UTF-8 bytes (NFC), with the keys
/// queries need computed per distinct value rather than per row: the folded form (for
/// `contains`, `~`), the canonical-equality group (for `=`), and the collation rank (for
/// `sort by`, computed on first use).
///
/// Rows hold `UInt32` codes into the pool, so a column of a million rows with 34 provinces
/// stores 34 strings, and filters and groups compare integers.
public final class StringPool {
    /// Code stored for an empty cell.
    public static let nullCode = UInt32.max

    private(set) var bytes: [UInt8] = []
    private(set) var offsets: [UInt32] = [0]
    /// Open-addressing table: each slot holds hash << 32 | (code + 1), 0 = empty. Keeping the
    /// hash in the slot means a probe touches one cache line, not three (slot, hash, bytes):
    /// interning was 43% of a million-row load, mostly those misses.
    private var slots: [UInt64] = Array(repeating: 0, count: 64)

    /// Folded keys (lower case, no marks, đ→d), one per code.
    /// Folded keys, computed as values arrive once any value is non-ASCII. A pool of ASCII
    /// values (ids, codes) folds only when a query first needs it: at a million rows that
    /// saves ~30 MB of keys that `contains` on an id column would rarely use.
    private var foldStore: [UInt8] = []
    private var foldOffsetStore: [UInt32] = [0]
    private var foldedCount = 0
    private var eagerFold = false

    var foldBytes: [UInt8] { ensureFolded(); return foldStore }
    var foldOffsets: [UInt32] { ensureFolded(); return foldOffsetStore }

    private func ensureFolded() {
        guard foldedCount < count else { return }
        bytes.withUnsafeBufferPointer { b in
            for c in foldedCount..<count {
                let lo = Int(offsets[c]), hi = Int(offsets[c + 1])
                VietText.foldBytes(UnsafeBufferPointer(rebasing: b[lo..<hi]), into: &foldStore)
                foldOffsetStore.append(UInt32(foldStore.count))
            }
        }
        foldedCount = count
    }

    public init() {}

    /// Number of distinct values.
    public var count: Int { offsets.count - 1 }

    // MARK: interning

    /// The hash interning and lookups use: `wordHash`, 8 bytes at a time (FNV-1a a byte at
    /// a time was a sixth of interning a million names).
    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt32 { wordHash(p) }

    /// False once the pool stopped looking values up while loading (`stopDeduplicating`):
    /// then every `intern` appends, and the index is rebuilt only if a lookup needs it.
    private(set) var deduplicating = true
    private var indexed = true

    /// For a column whose values are nearly all distinct (ids, names): interning would cost a
    /// random memory access per row for almost no sharing, so values are appended instead.
    /// Codes then no longer identify strings uniquely; lookups by text still work.
    func stopDeduplicating() {
        deduplicating = false
        indexed = false
        slots = []
    }

    /// Reserves room for `scale` times the current values when they grow with the rows
    /// (a pool that stopped deduplicating); a deduplicating pool levels off, so it is left alone.
    func reserve(scale: Double) {
        guard !deduplicating, scale > 1 else { return }
        bytes.reserveCapacity(Int(Double(bytes.count) * scale))
        offsets.reserveCapacity(Int(Double(offsets.count) * scale))
        if eagerFold {
            foldStore.reserveCapacity(Int(Double(foldStore.count) * scale))
            foldOffsetStore.reserveCapacity(Int(Double(foldOffsetStore.count) * scale))
        }
    }

    /// Builds the lookup index over all values (first occurrence wins) if it was dropped.
    private func ensureIndex() {
        guard !indexed else { return }
        var size = 64
        while size < count * 2 + 2 { size *= 2 }
        var table = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        bytes.withUnsafeBufferPointer { b in
            for code in 0..<count {
                let lo = Int(offsets[code]), hi = Int(offsets[code + 1])
                let p = UnsafeBufferPointer(rebasing: b[lo..<hi])
                let h = StringPool.hash(p)
                var i = Int(h) & mask
                var duplicate = false
                while table[i] != 0 {
                    let s = table[i]
                    if UInt32(truncatingIfNeeded: s >> 32) == h {
                        let other = Int(UInt32(truncatingIfNeeded: s) - 1)
                        let olo = Int(offsets[other]), ohi = Int(offsets[other + 1])
                        if ohi - olo == hi - lo && memcmp(b.baseAddress! + olo, b.baseAddress! + lo, hi - lo) == 0 {
                            duplicate = true
                            break
                        }
                    }
                    i = (i + 1) & mask
                }
                if !duplicate { table[i] = UInt64(h) << 32 | UInt64(code + 1) }
            }
        }
        slots = table
        indexed = true
    }

    /// The code for `value` (NFC UTF-8), adding it if new.
    public func intern(_ value: UnsafeBufferPointer<UInt8>) -> UInt32 {
        if !deduplicating { return append(value) }
        ensureIndex()
        let h = StringPool.hash(value)
        let mask = slots.count - 1
        var i = Int(h) & mask
        while true {
            let s = slots[i]
            if s == 0 { break }
            if UInt32(truncatingIfNeeded: s >> 32) == h {
                let code = Int(UInt32(truncatingIfNeeded: s) - 1)
                if equals(code, value) { return UInt32(code) }
            }
            i = (i + 1) & mask
        }
        let code = append(value)
        slots[i] = UInt64(h) << 32 | UInt64(code + 1)
        if count * 2 > slots.count { grow() }
        return code
    }

    @inline(__always)
    private func append(_ value: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let code = UInt32(count)
        if !eagerFold {
            var ascii = true
            for b in value where b >= 0x80 { ascii = false; break }
            if !ascii { ensureFolded(); eagerFold = true }
        }
        bytes.append(contentsOf: value)
        offsets.append(UInt32(bytes.count))
        if eagerFold {
            VietText.foldBytes(value, into: &foldStore)
            foldOffsetStore.append(UInt32(foldStore.count))
            foldedCount += 1
        }
        return code
    }

    public func intern(_ s: String) -> UInt32 {
        var s = s
        return s.withUTF8 { intern($0) }
    }

    /// The code of `s` if present.
    public func code(of s: String) -> UInt32? {
        var s = s
        return s.withUTF8 { code(ofBytes: $0) }
    }

    /// The code of the NFC UTF-8 `p` if present.
    func code(ofBytes p: UnsafeBufferPointer<UInt8>) -> UInt32? {
        ensureIndex()
        let h = StringPool.hash(p)
        let mask = slots.count - 1
        var i = Int(h) & mask
        while slots[i] != 0 {
            let s = slots[i]
            if UInt32(truncatingIfNeeded: s >> 32) == h {
                let code = Int(UInt32(truncatingIfNeeded: s) - 1)
                if equals(code, p) { return UInt32(code) }
            }
            i = (i + 1) & mask
        }
        return nil
    }

    private func equals(_ code: Int, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = Int(offsets[code]), hi = Int(offsets[code + 1])
        guard hi - lo == p.count else { return false }
        return bytes.withUnsafeBufferPointer { b in
            p.isEmpty || memcmpEqual(b.baseAddress! + lo, p.baseAddress!, p.count)
        }
    }

    private func grow() {
        var newSlots = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = newSlots.count - 1
        for s in slots where s != 0 {
            var i = Int(UInt32(truncatingIfNeeded: s >> 32)) & mask
            while newSlots[i] != 0 { i = (i + 1) & mask }
            newSlots[i] = s
        }
        slots = newSlots
    }

    // MARK: reading

    /// The value with `code`.
    public func string(_ code: UInt32) -> String {
        let lo = Int(offsets[Int(code)]), hi = Int(offsets[Int(code) + 1])
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[lo..<hi]), as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes of `code`.
    func withBytes<R>(_ code: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let lo = Int(offsets[Int(code)]), hi = Int(offsets[Int(code) + 1])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
    }

    /// Calls `body` with the folded bytes of `code`.
    func withFolded<R>(_ code: UInt32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        ensureFolded()
        let lo = Int(foldOffsetStore[Int(code)]), hi = Int(foldOffsetStore[Int(code) + 1])
        return foldStore.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
    }

    /// Every value, in code order.
    public var allStrings: [String] { (0..<UInt32(count)).map(string) }

    // MARK: derived keys

    private var canonicalCache: [String: [UInt32]]?
    /// Codes whose canonical text equals `s`'s ("Hoà" finds "Hòa" too).
    func codes(canonicallyEqualTo s: String) -> [UInt32] {
        if count > 4096 {
            // Large pools: canonical equals imply equal folded keys, so scan the folded bytes
            // (contiguous, no allocation) and check canonical form only for those.
            let canon = VietText.canonical(s)
            let key = Array(VietText.fold(s).utf8)
            var out: [UInt32] = []
            ensureFolded()
            let offs = foldOffsetStore
            foldStore.withUnsafeBufferPointer { fb in
                key.withUnsafeBufferPointer { k in
                    for c in 0..<count {
                        let lo = Int(offs[c]), hi = Int(offs[c + 1])
                        guard hi - lo == k.count, k.isEmpty || memcmp(fb.baseAddress! + lo, k.baseAddress!, k.count) == 0 else { continue }
                        let v = string(UInt32(c))
                        if v == s || VietText.canonical(v) == canon { out.append(UInt32(c)) }
                    }
                }
            }
            return out
        }
        if canonicalCache == nil {
            var map: [String: [UInt32]] = [:]
            for c in 0..<UInt32(count) { map[VietText.canonical(string(c)), default: []].append(c) }
            canonicalCache = map
        }
        return canonicalCache![VietText.canonical(s)] ?? []
    }

    private var rankCache: [UInt32]?
    /// True once `ranks` has been computed.
    var hasRanks: Bool { rankCache?.count == count }
    /// Collation rank of each code: comparing ranks is comparing in Vietnamese order.
    public var ranks: [UInt32] {
        if let r = rankCache, r.count == count { return r }
        // cannot fail: nothing asks it to stop
        return (try? ranks(stoppingIf: { false })) ?? []
    }

    /// What `ranks(stoppingIf:)` throws when asked to stop.
    struct Stopped: Error {}

    /// `ranks`, asking `stop` every 16,384 comparisons and keys (a million distinct names
    /// must stop on Ctrl-C); nothing is cached when it stops. The codes are sorted by their
    /// `sortPrefixes` and full collation keys are made only inside runs of equal prefixes.
    func ranks(stoppingIf stop: () -> Bool) throws(Stopped) -> [UInt32] {
        if let r = rankCache, r.count == count { return r }
        if stop() { throw Stopped() }
        let pre = sortPrefixes
        var order = [Int32](unsafeUninitializedCapacity: count) { b, n in
            for c in 0..<count { b[c] = Int32(c) }
            n = count
        }
        var comparisons = 0
        do {
            try pre.withUnsafeBufferPointer { p in
                try order.sort { a, b in
                    comparisons &+= 1
                    if comparisons & 0x3FFF == 0 && stop() { throw Stopped() }
                    let x = p[Int(a)], y = p[Int(b)]
                    return x != y ? x < y : a < b
                }
            }
        } catch {
            throw Stopped()
        }
        var r = [UInt32](repeating: 0, count: count)
        var rank: UInt32 = 0
        var i = 0
        while i < count {
            var j = i + 1
            while j < count && pre[Int(order[j])] == pre[Int(order[i])] { j += 1 }
            if i > 0 { rank += 1 }
            if j - i == 1 {
                r[Int(order[i])] = rank
            } else {
                // a run of equal prefixes: order it by full keys (equal keys share a rank)
                if stop() { throw Stopped() }
                var run: [(key: [UInt8], code: Int32)] = []
                run.reserveCapacity(j - i)
                for k in i..<j { run.append((withBytes(UInt32(order[k])) { Collation.key(utf8: $0) }, order[k])) }
                run.sort { a, b in
                    let c = compareBytes(a.key, b.key)
                    return c != 0 ? c < 0 : a.code < b.code
                }
                for k in run.indices {
                    if k > 0 && compareBytes(run[k - 1].key, run[k].key) != 0 { rank += 1 }
                    r[Int(run[k].code)] = rank
                }
            }
            i = j
        }
        rankCache = r
        return r
    }

    private var prefixCache: [UInt64]?
    /// True once `sortPrefixes` has been made.
    var hasSortPrefixes: Bool { prefixCache?.count == count }
    /// `Collation.primaryPrefix` of each code (a number whose order never contradicts the
    /// Vietnamese order), made on first use and kept: a top-k on text compares these and
    /// makes full collation keys only for ties. A million names take one pass that reads
    /// about eight letters of each.
    var sortPrefixes: [UInt64] {
        if let p = prefixCache, p.count == count { return p }
        let n = count
        let out = bytes.withUnsafeBufferPointer { b in
            offsets.withUnsafeBufferPointer { o in
                [UInt64](unsafeUninitializedCapacity: n) { d, made in
                    for c in 0..<n {
                        d[c] = Collation.primaryPrefix(utf8: UnsafeBufferPointer(rebasing: b[Int(o[c])..<Int(o[c + 1])]))
                    }
                    made = n
                }
            }
        }
        prefixCache = out
        return out
    }

    /// Prefixes made one at a time (a top-k's candidates), kept for the next query: 0 = not
    /// made yet, else prefix + 1 saturated (a prefix of all ones is made again each time).
    private var someSortPrefixes: [UInt64] = []

    /// `sortPrefixes[code]`, made for this code alone when the whole table is not there.
    func sortPrefix(_ code: UInt32) -> UInt64 {
        if let p = prefixCache, p.count == count { return p[Int(code)] }
        if someSortPrefixes.count != count { someSortPrefixes = [UInt64](repeating: 0, count: count) }
        let kept = someSortPrefixes[Int(code)]
        if kept != 0 && kept != UInt64.max { return kept - 1 }
        let p = withBytes(code) { Collation.primaryPrefix(utf8: $0) }
        someSortPrefixes[Int(code)] = p == UInt64.max ? p : p + 1
        return p
    }

    private var floorCache: [UInt64]?
    /// `Collation.primaryFloor` of each code (never above its `sortPrefixes` entry, read from
    /// the first letter alone), made on first use and kept: an ascending top-k on text makes
    /// prefixes only for the values whose floor does not already rule them out (a million
    /// names: floors cost ~20 instructions each, prefixes ~400).
    var sortFloors: [UInt64] {
        if let f = floorCache, f.count == count { return f }
        let n = count
        let out = bytes.withUnsafeBufferPointer { b in
            offsets.withUnsafeBufferPointer { o in
                [UInt64](unsafeUninitializedCapacity: n) { d, made in
                    for c in 0..<n {
                        d[c] = Collation.primaryFloor(utf8: UnsafeBufferPointer(rebasing: b[Int(o[c])..<Int(o[c + 1])]))
                    }
                    made = n
                }
            }
        }
        floorCache = out
        return out
    }

    /// Bytes used, for reporting memory.
    var byteSize: Int { bytes.count + foldStore.count + offsets.count * 8 + slots.count * 8 }
}

@inline(__always)
func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    for i in 0..<n where a[i] != b[i] { return false }
    return true
}

func compareBytes(_ a: [UInt8], _ b: [UInt8]) -> Int {
    let n = min(a.count, b.count)
    for i in 0..<n where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
    return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
}

/// True when folded `needle` occurs in folded `hay`.
@inline(__always)
func bytesContain(_ hay: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    let n = needle.count
    if n == 0 { return true }
    if hay.count < n { return false }
    let first = needle[0]
    var i = 0
    let last = hay.count - n
    while i <= last {
        if hay[i] == first {
            var j = 1
            while j < n && hay[i + j] == needle[j] { j += 1 }
            if j == n { return true }
        }
        i += 1
    }
    return false
}

// MARK: distinct values

extension StringPool {
    /// True while every value is ASCII (no value made the pool fold as it grew).
    var isASCII: Bool { !eagerFold }

    /// The distinct values among the codes with `counts[code] > 0`, merged by canonical
    /// spelling (Hoà = Hòa; in a pool that appends, one value under several codes): each
    /// with the code of its most common spelling and the summed count. Values are hashed by
    /// their folded bytes (raw bytes in an ASCII pool), which canonical equals share; only
    /// values equal when folded but not byte for byte are compared in canonical form.
    func distinctValues(counts: [Int32]) -> [(code: UInt32, count: Int)] {
        let ascii = isASCII
        let (keyBytes, keyOffsets) = ascii ? (bytes, offsets) : (foldBytes, foldOffsets)
        var used = 0
        for c in counts where c > 0 { used += 1 }
        var size = 64
        while size < used * 2 { size *= 2 }
        var slots = [UInt64](repeating: 0, count: size)  // hash << 32 | (value index + 1)
        let mask = size - 1
        var values: [(code: UInt32, count: Int, own: Int32)] = []
        values.reserveCapacity(used)
        var canonical: [UInt32: String] = [:]
        func canon(_ c: UInt32) -> String {
            if let s = canonical[c] { return s }
            let s = VietText.canonical(string(c))
            canonical[c] = s
            return s
        }
        bytes.withUnsafeBufferPointer { raw in
            keyBytes.withUnsafeBufferPointer { kb in
                func slice(_ b: UnsafeBufferPointer<UInt8>, _ o: [UInt32], _ c: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: b[Int(o[c])..<Int(o[c + 1])])
                }
                func same(_ a: Int, _ b: Int) -> Bool {
                    let x = slice(raw, offsets, a), y = slice(raw, offsets, b)
                    if x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) { return true }
                    if ascii { return false }
                    let fx = slice(kb, keyOffsets, a), fy = slice(kb, keyOffsets, b)
                    guard fx.count == fy.count, fx.isEmpty || memcmp(fx.baseAddress!, fy.baseAddress!, fx.count) == 0 else { return false }
                    return canon(UInt32(a)) == canon(UInt32(b))
                }
                for c in 0..<counts.count where counts[c] > 0 {
                    let h = StringPool.wordHash(slice(kb, keyOffsets, c))
                    var i = Int(h) & mask
                    var found = -1
                    while slots[i] != 0 {
                        let s = slots[i]
                        if UInt32(truncatingIfNeeded: s >> 32) == h {
                            let v = Int(UInt32(truncatingIfNeeded: s)) - 1
                            if same(Int(values[v].code), c) { found = v; break }
                        }
                        i = (i + 1) & mask
                    }
                    if found < 0 {
                        slots[i] = UInt64(h) << 32 | UInt64(values.count + 1)
                        values.append((UInt32(c), Int(counts[c]), counts[c]))
                    } else {
                        values[found].count += Int(counts[c])
                        if counts[c] > values[found].own { values[found].code = UInt32(c); values[found].own = counts[c] }
                    }
                }
            }
        }
        return values.map { ($0.code, $0.count) }
    }

    /// A hash of `p` read 8 bytes at a time.
    @inline(__always)
    static func wordHash(_ p: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let n = p.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        guard let b = p.baseAddress else { return UInt32(truncatingIfNeeded: h >> 32) }
        var i = 0
        while i + 8 <= n {
            h = (h ^ UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var t: UInt64 = 0, shift: UInt64 = 0
        while i < n { t |= UInt64(b[i]) << shift; shift += 8; i += 1 }
        h = (h ^ t) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        return UInt32(truncatingIfNeeded: h)
    }

    /// The first `m` of `codes` in Vietnamese order (ties in the order given): each code's
    /// primary prefix is read, and full keys are made only for codes that can still enter.
    func firstInCollation(_ codes: [UInt32], _ m: Int) -> [UInt32] {
        guard m > 0, !codes.isEmpty else { return [] }
        var best: [(code: UInt32, prefix: UInt64, key: [UInt8])] = []
        for c in codes {
            let p = withBytes(c) { Collation.primaryPrefix(utf8: $0) }
            if best.count == m && p > best[m - 1].prefix { continue }
            let k = withBytes(c) { Collation.key(utf8: $0) }
            if best.count == m && compareBytes(k, best[m - 1].key) >= 0 { continue }
            let at = best.firstIndex { compareBytes(k, $0.key) < 0 } ?? best.count
            best.insert((c, p, k), at: at)
            if best.count > m { best.removeLast() }
        }
        return best.map(\.code)
    }
}

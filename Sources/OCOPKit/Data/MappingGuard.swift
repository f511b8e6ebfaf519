import Foundation

/// Keeps a shortened data file from killing the process. Reading a mapped page past the end of
/// a file that another program truncated raises SIGBUS; the handler here maps anonymous zero
/// pages over the rest of that mapping (the read then sees NUL bytes) and marks it, so the
/// loader ends with "the file changed while it was being read" instead of a crash. A SIGBUS
/// anywhere else goes to the handler that was there before (the Swift runtime's backtracer).
///
/// The one other exception to "no global mutable state" (see Terminal/Interrupts.swift): a
/// signal handler is a C function and reaches the mappings only through this table. Slots are
/// written by the loading thread before the scan starts and after it ends, never during it;
/// the handler only reads them and sets a slot's fault flag.
enum MappingGuard {
    static let slotCount = 16
    /// Per slot: start address, length (0: free), fault flag.
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<Int> = {
        // and after them the page size (sysconf is not safe to call in a handler)
        let p = UnsafeMutablePointer<Int>.allocate(capacity: 3 * slotCount + 1)
        p.initialize(repeating: 0, count: 3 * slotCount)
        (p + 3 * slotCount).initialize(to: Int(sysconf(Int32(_SC_PAGESIZE))))
        return p
    }()
    nonisolated(unsafe) private static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)
    private static let installed: Bool = {
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = { signal, info, context in MappingGuard.handle(signal, info, context) }
        action.sa_flags = SA_SIGINFO
        sigemptyset(&action.sa_mask)
        return sigaction(SIGBUS, &action, previous) == 0
    }()
    private static let lock = NSLock()

    /// Watches `count` bytes at `base`; nil when every slot is taken (the mapping is then unguarded).
    static func register(_ base: UnsafeMutableRawPointer, _ count: Int) -> Int? {
        guard installed else { return nil }
        lock.lock()
        defer { lock.unlock() }
        for i in 0..<slotCount where slots[3 * i + 1] == 0 {
            slots[3 * i] = Int(bitPattern: base)
            slots[3 * i + 2] = 0
            slots[3 * i + 1] = count
            return i
        }
        return nil
    }

    static func unregister(_ slot: Int) {
        lock.lock()
        defer { lock.unlock() }
        slots[3 * slot + 1] = 0
    }

    /// Part of the mapping in `slot` read as zeros because its file was shortened.
    static func faulted(_ slot: Int) -> Bool { _readVolatileInt(slots + 3 * slot + 2) != 0 }

    /// The handler: async-signal-safe (reads the table, mmap, stores one flag).
    private static func handle(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
        let address = Int(bitPattern: info?.pointee._sifields._sigfault.si_addr)
        for i in 0..<slotCount {
            let start = slots[3 * i], length = slots[3 * i + 1]
            guard length > 0, address >= start, address < start + length else { continue }
            let page = slots[3 * slotCount]
            let from = address & ~(page - 1)
            let p = mmap(UnsafeMutableRawPointer(bitPattern: from), start + length - from, PROT_READ,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
            if p != MAP_FAILED {
                slots[3 * i + 2] = 1
                return // the faulting read runs again, on zeros
            }
        }
        // not ours: put the old handler back; the read faults again and reaches it
        _ = sigaction(SIGBUS, previous, nil)
    }
}

@inline(never)
func _readVolatileInt(_ p: UnsafeMutablePointer<Int>) -> Int { p.pointee }

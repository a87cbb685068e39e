// The tracepoint table: the TP_STRUCT__entry fields and TP_printk formats of
// include/trace/events/vmscan.h and oom.h, per release (docs/ftrace.md lists the sources).
#include "mm/tracepoint.h"

#include <cinttypes>
#include <cstdio>
#include <stdexcept>

namespace rs {

namespace {

using A = TraceArg;

constexpr TracePrintArg V(int field) { return {static_cast<std::uint8_t>(field), A::Value}; }
constexpr TracePrintArg X(int field, A kind) { return {static_cast<std::uint8_t>(field), kind}; }

template <std::size_t N> constexpr std::array<std::string_view, kMaxTraceFields> fields(const std::string_view (&f)[N]) {
    std::array<std::string_view, kMaxTraceFields> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = f[i];
    return out;
}

template <std::size_t N> constexpr TracePrintFmt pf(int since, std::string_view fmt, const TracePrintArg (&a)[N]) {
    TracePrintFmt p;
    p.since = since;
    p.fmt = fmt;
    for (std::size_t i = 0; i < N; ++i) p.args[i] = a[i];
    p.nr_args = static_cast<std::uint8_t>(N);
    return p;
}

template <std::size_t NF> constexpr TraceEventDef ev(TraceEventId id, std::string_view system, std::string_view name,
                                                     const std::string_view (&f)[NF], TracePrintFmt newest,
                                                     std::string_view flags = ".....") {
    TraceEventDef d{id, system, name, fields(f), static_cast<std::uint8_t>(NF), {newest, {}}, 1, flags, 0};
    return d;
}

constexpr TraceEventDef renamed(TraceEventDef d, std::string_view old_name, int in) {
    d.old_name = old_name;
    d.renamed_in = in;
    return d;
}

constexpr TraceEventDef ev2(TraceEventDef d, TracePrintFmt older) {
    d.fmts[1] = older;
    d.nr_fmts = 2;
    return d;
}

constexpr std::string_view kIsolateFields[] = {"highest_zoneidx", "order",   "nr_requested", "nr_scanned",
                                               "nr_skipped",      "nr_taken", "lru",          "isolate_mode"};
constexpr std::string_view kInactiveFields[] = {"nid",          "nr_scanned",   "nr_reclaimed",  "nr_dirty",
                                                "nr_writeback", "nr_congested", "nr_immediate",  "nr_activate0",
                                                "nr_activate1", "nr_ref_keep",  "nr_unmap_fail", "priority",
                                                "reclaim_flags"};
constexpr std::string_view kActiveFields[] = {"nid",           "nr_taken", "nr_active",    "nr_deactivated",
                                              "nr_referenced", "priority", "reclaim_flags"};
constexpr std::string_view kSlabStartFields[] = {"shr",         "shrink", "nid",        "nr_objects_to_shrink",
                                                 "gfp_flags",   "cache_items", "delta", "total_scan",
                                                 "priority"};
constexpr std::string_view kSlabEndFields[] = {"shr", "nid", "shrink", "unused_scan", "new_scan", "retval", "total_scan"};
constexpr std::string_view kVictimFields[] = {"pid",       "comm", "total_vm", "anon_rss",     "file_rss",
                                              "shmem_rss", "uid",  "pgtables", "oom_score_adj"};
constexpr std::string_view kNid[] = {"nid"};
constexpr std::string_view kNidZidOrder[] = {"nid", "zid", "order"};
constexpr std::string_view kWakeupFields[] = {"nid", "zid", "order", "gfp_flags"};
constexpr std::string_view kOrderGfp[] = {"order", "gfp_flags"};
constexpr std::string_view kReclaimed[] = {"nr_reclaimed"};
constexpr std::string_view kNodeBegin[] = {"nid", "order", "gfp_flags"};
constexpr std::string_view kWriteFolio[] = {"pfn", "reclaim_flags"};
constexpr std::string_view kThrottled[] = {"nid", "usec_timeout", "usec_delayed", "reason"};

// The releases where a print fmt changed (docs/ftrace.md):
//  - 6.7: mm_vmscan_lru_isolate lost "isolate_mode=%d " (commit "mm, vmscan: remove
//    ISOLATE_UNMAPPED", Vlastimil Babka, 2023).
//  - 6.9: mark_victim printed only "pid=%d" before upstream commit 72ba14deb40a ("mm: update
//    mark_victim tracepoints fields", Carlos Galo; also backported to 6.1.y stable in 2025:
//    "6.1" here means the 6.1.0 tag).
constexpr int kIsolateModeGone = 607;
constexpr int kVictimFieldsAdded = 609;

constexpr std::array<TraceEventDef, static_cast<std::size_t>(TraceEventId::NR_TRACE_EVENTS)> kTable = {
    ev(TraceEventId::mm_vmscan_kswapd_sleep, "vmscan", "mm_vmscan_kswapd_sleep", kNid, pf(0, "nid=%d", {V(0)})),
    ev(TraceEventId::mm_vmscan_kswapd_wake, "vmscan", "mm_vmscan_kswapd_wake", kNidZidOrder,
       pf(0, "nid=%d order=%d", {V(0), V(2)})),
    ev(TraceEventId::mm_vmscan_wakeup_kswapd, "vmscan", "mm_vmscan_wakeup_kswapd", kWakeupFields,
       pf(0, "nid=%d order=%d gfp_flags=%s", {V(0), V(2), X(3, A::GfpFlags)})),
    ev(TraceEventId::mm_vmscan_direct_reclaim_begin, "vmscan", "mm_vmscan_direct_reclaim_begin", kOrderGfp,
       pf(0, "order=%d gfp_flags=%s", {V(0), X(1, A::GfpFlags)})),
    ev(TraceEventId::mm_vmscan_direct_reclaim_end, "vmscan", "mm_vmscan_direct_reclaim_end", kReclaimed,
       pf(0, "nr_reclaimed=%lu", {V(0)})),
    ev(TraceEventId::mm_shrink_slab_start, "vmscan", "mm_shrink_slab_start", kSlabStartFields,
       pf(0,
          "%pS %p: nid: %d objects to shrink %ld gfp_flags %s cache items %ld delta %lld total_scan %ld priority %d",
          {X(1, A::Symbol), X(0, A::HashedPtr), V(2), V(3), X(4, A::GfpFlags), V(5), V(6), V(7), V(8)})),
    ev(TraceEventId::mm_shrink_slab_end, "vmscan", "mm_shrink_slab_end", kSlabEndFields,
       pf(0, "%pS %p: nid: %d unused scan count %ld new scan count %ld total_scan %ld last shrinker return val %d",
          {X(2, A::Symbol), X(0, A::HashedPtr), V(1), V(3), V(4), V(6), V(5)})),
    ev2(ev(TraceEventId::mm_vmscan_lru_isolate, "vmscan", "mm_vmscan_lru_isolate", kIsolateFields,
           pf(kIsolateModeGone,
              "classzone=%d order=%d nr_requested=%lu nr_scanned=%lu nr_skipped=%lu nr_taken=%lu lru=%s",
              {V(0), V(1), V(2), V(3), V(4), V(5), X(6, A::LruName)}),
           "d..1."), // under spin_lock_irq(&lruvec->lru_lock)
        pf(0, "isolate_mode=%d classzone=%d order=%d nr_requested=%lu nr_scanned=%lu nr_skipped=%lu nr_taken=%lu lru=%s",
           {V(7), V(0), V(1), V(2), V(3), V(4), V(5), X(6, A::LruName)})),
    // Renamed from mm_vmscan_writepage by "mm/vmscan: Convert pageout() to take a folio"
    // (Matthew Wilcox, the folio series of 5.18); the format stayed.
    renamed(ev(TraceEventId::mm_vmscan_write_folio, "vmscan", "mm_vmscan_write_folio", kWriteFolio,
               pf(0, "page=%p pfn=0x%lx flags=%s", {X(0, A::HashedPtr), V(0), X(1, A::ReclaimFlags)})),
            "mm_vmscan_writepage", 518),
    ev(TraceEventId::mm_vmscan_lru_shrink_inactive, "vmscan", "mm_vmscan_lru_shrink_inactive", kInactiveFields,
       pf(0,
          "nid=%d nr_scanned=%ld nr_reclaimed=%ld nr_dirty=%ld nr_writeback=%ld nr_congested=%ld nr_immediate=%ld "
          "nr_activate_anon=%d nr_activate_file=%d nr_ref_keep=%ld nr_unmap_fail=%ld priority=%d flags=%s",
          {V(0), V(1), V(2), V(3), V(4), V(5), V(6), V(7), V(8), V(9), V(10), V(11), X(12, A::ReclaimFlags)})),
    ev(TraceEventId::mm_vmscan_lru_shrink_active, "vmscan", "mm_vmscan_lru_shrink_active", kActiveFields,
       pf(0, "nid=%d nr_taken=%ld nr_active=%ld nr_deactivated=%ld nr_referenced=%ld priority=%d flags=%s",
          {V(0), V(1), V(2), V(3), V(4), V(5), X(6, A::ReclaimFlags)})),
    ev(TraceEventId::mm_vmscan_node_reclaim_begin, "vmscan", "mm_vmscan_node_reclaim_begin", kNodeBegin,
       pf(0, "nid=%d order=%d gfp_flags=%s", {V(0), V(1), X(2, A::GfpFlags)})),
    ev(TraceEventId::mm_vmscan_node_reclaim_end, "vmscan", "mm_vmscan_node_reclaim_end", kReclaimed,
       pf(0, "nr_reclaimed=%lu", {V(0)})),
    ev(TraceEventId::mm_vmscan_throttled, "vmscan", "mm_vmscan_throttled", kThrottled,
       pf(0, "nid=%d usec_timeout=%d usect_delayed=%d reason=%s", {V(0), V(1), V(2), X(3, A::ThrottleFlags)})),
    ev2(ev(TraceEventId::mark_victim, "oom", "mark_victim", kVictimFields,
           pf(kVictimFieldsAdded,
              "pid=%d comm=%s total-vm=%lukB anon-rss=%lukB file-rss:%lukB shmem-rss:%lukB uid=%u pgtables=%lukB "
              "oom_score_adj=%hd",
              {V(0), X(1, A::Comm), V(2), V(3), V(4), V(5), V(6), V(7), V(8)}),
           "...1."), // __oom_kill_process() holds task_lock(victim)
        pf(0, "pid=%d", {V(0)})),
};

// The table is indexed by id.
constexpr bool table_in_order() {
    for (std::size_t i = 0; i < kTable.size(); ++i)
        if (static_cast<std::size_t>(kTable[i].id) != i) return false;
    return true;
}
static_assert(table_in_order());

struct GfpName {
    std::uint64_t mask;
    std::string_view name;
};

// Bits of include/linux/gfp_types.h (the same positions in 6.1 and 6.18 for these; ___GFP_ATOMIC
// at 0x200 until 6.3).
constexpr std::uint64_t B(int bit) { return 1ull << bit; }
constexpr std::uint64_t G_DMA = B(0), G_HIGHMEM = B(1), G_DMA32 = B(2), G_MOVABLE = B(3), G_RECLAIMABLE = B(4),
                        G_HIGH = B(5), G_IO = B(6), G_FS = B(7), G_ZERO = B(8), G_ATOMIC = B(9),
                        G_DIRECT = B(10), G_KSWAPD = B(11), G_WRITE = B(12), G_NOWARN = B(13),
                        G_RETRY_MAYFAIL = B(14), G_NOFAIL = B(15), G_NORETRY = B(16), G_MEMALLOC = B(17),
                        G_COMP = B(18), G_NOMEMALLOC = B(19), G_HARDWALL = B(20), G_THISNODE = B(21),
                        G_ACCOUNT = B(22), G_ZEROTAGS = B(23), G_NO_OBJ_EXT = B(24);
constexpr std::uint64_t G_RECLAIM = G_DIRECT | G_KSWAPD;
constexpr std::uint64_t G_KERNEL = G_RECLAIM | G_IO | G_FS;
constexpr std::uint64_t G_USER = G_KERNEL | G_HARDWALL;
constexpr std::uint64_t G_HIGHUSER = G_USER | G_HIGHMEM;
constexpr std::uint64_t G_HIGHUSER_MOVABLE = G_HIGHUSER | G_MOVABLE;
constexpr std::uint64_t G_TRANSHUGE_LIGHT = (G_HIGHUSER_MOVABLE | G_COMP | G_NOMEMALLOC | G_NOWARN) & ~G_RECLAIM;
constexpr std::uint64_t G_TRANSHUGE = G_TRANSHUGE_LIGHT | G_DIRECT;

// v6.10+ (__def_gfpflag_names generated from the bit list; as this machine's 6.18 prints it in
// events/vmscan/*/format, GFP_NOWAIT with __GFP_NOWARN).
constexpr GfpName kGfp610[] = {
    {G_TRANSHUGE, "GFP_TRANSHUGE"},
    {G_TRANSHUGE_LIGHT, "GFP_TRANSHUGE_LIGHT"},
    {G_HIGHUSER_MOVABLE, "GFP_HIGHUSER_MOVABLE"},
    {G_HIGHUSER, "GFP_HIGHUSER"},
    {G_USER, "GFP_USER"},
    {G_KERNEL | G_ACCOUNT, "GFP_KERNEL_ACCOUNT"},
    {G_KERNEL, "GFP_KERNEL"},
    {G_RECLAIM | G_IO, "GFP_NOFS"},
    {G_HIGH | G_KSWAPD, "GFP_ATOMIC"},
    {G_RECLAIM, "GFP_NOIO"},
    {G_KSWAPD | G_NOWARN, "GFP_NOWAIT"},
    {G_DMA, "GFP_DMA"},
    {G_DMA32, "GFP_DMA32"},
    {G_RECLAIM, "__GFP_RECLAIM"},
    {G_DMA, "__GFP_DMA"},
    {G_HIGHMEM, "__GFP_HIGHMEM"},
    {G_DMA32, "__GFP_DMA32"},
    {G_MOVABLE, "__GFP_MOVABLE"},
    {G_RECLAIMABLE, "__GFP_RECLAIMABLE"},
    {G_HIGH, "__GFP_HIGH"},
    {G_IO, "__GFP_IO"},
    {G_FS, "__GFP_FS"},
    {G_ZERO, "__GFP_ZERO"},
    {G_DIRECT, "__GFP_DIRECT_RECLAIM"},
    {G_KSWAPD, "__GFP_KSWAPD_RECLAIM"},
    {G_WRITE, "__GFP_WRITE"},
    {G_NOWARN, "__GFP_NOWARN"},
    {G_RETRY_MAYFAIL, "__GFP_RETRY_MAYFAIL"},
    {G_NOFAIL, "__GFP_NOFAIL"},
    {G_NORETRY, "__GFP_NORETRY"},
    {G_MEMALLOC, "__GFP_MEMALLOC"},
    {G_COMP, "__GFP_COMP"},
    {G_NOMEMALLOC, "__GFP_NOMEMALLOC"},
    {G_HARDWALL, "__GFP_HARDWALL"},
    {G_THISNODE, "__GFP_THISNODE"},
    {G_ACCOUNT, "__GFP_ACCOUNT"},
    {G_ZEROTAGS, "__GFP_ZEROTAGS"},
    {G_NO_OBJ_EXT, "__GFP_NO_OBJ_EXT"},
};

// v6.1 (the hand-written list of mmflags.h; GFP_ATOMIC and __GFP_ATOMIC until 6.3, when
// "mm/page_alloc: remove __GFP_ATOMIC" dropped them: `atomic` false gives 6.3-6.9's list).
constexpr GfpName kGfp601[] = {
    {G_TRANSHUGE, "GFP_TRANSHUGE"},
    {G_TRANSHUGE_LIGHT, "GFP_TRANSHUGE_LIGHT"},
    {G_HIGHUSER_MOVABLE, "GFP_HIGHUSER_MOVABLE"},
    {G_HIGHUSER, "GFP_HIGHUSER"},
    {G_USER, "GFP_USER"},
    {G_KERNEL | G_ACCOUNT, "GFP_KERNEL_ACCOUNT"},
    {G_KERNEL, "GFP_KERNEL"},
    {G_RECLAIM | G_IO, "GFP_NOFS"},
    {G_HIGH | G_ATOMIC | G_KSWAPD, "GFP_ATOMIC"},
    {G_RECLAIM, "GFP_NOIO"},
    {G_KSWAPD, "GFP_NOWAIT"},
    {G_DMA, "GFP_DMA"},
    {G_HIGHMEM, "__GFP_HIGHMEM"},
    {G_DMA32, "GFP_DMA32"},
    {G_HIGH, "__GFP_HIGH"},
    {G_ATOMIC, "__GFP_ATOMIC"},
    {G_IO, "__GFP_IO"},
    {G_FS, "__GFP_FS"},
    {G_NOWARN, "__GFP_NOWARN"},
    {G_RETRY_MAYFAIL, "__GFP_RETRY_MAYFAIL"},
    {G_NOFAIL, "__GFP_NOFAIL"},
    {G_NORETRY, "__GFP_NORETRY"},
    {G_COMP, "__GFP_COMP"},
    {G_ZERO, "__GFP_ZERO"},
    {G_NOMEMALLOC, "__GFP_NOMEMALLOC"},
    {G_MEMALLOC, "__GFP_MEMALLOC"},
    {G_HARDWALL, "__GFP_HARDWALL"},
    {G_THISNODE, "__GFP_THISNODE"},
    {G_RECLAIMABLE, "__GFP_RECLAIMABLE"},
    {G_MOVABLE, "__GFP_MOVABLE"},
    {G_ACCOUNT, "__GFP_ACCOUNT"},
    {G_WRITE, "__GFP_WRITE"},
    {G_RECLAIM, "__GFP_RECLAIM"},
    {G_DIRECT, "__GFP_DIRECT_RECLAIM"},
    {G_KSWAPD, "__GFP_KSWAPD_RECLAIM"},
    {G_ZEROTAGS, "__GFP_ZEROTAGS"},
};

// trace_print_flags_seq() (kernel/trace/trace_output.c): names in table order, each clearing
// its bits, "|" between; what is left as 0x%lx. `mask_of` gives an entry's mask (a release's
// mask for a gfp name; 0: the release has no such name).
template <class Table, class MaskOf>
std::string print_flags(std::uint64_t flags, const Table& table, MaskOf mask_of) {
    std::string out;
    for (const auto& n : table) {
        if (!flags) break;
        const std::uint64_t mask = mask_of(n);
        if (!mask || (flags & mask) != mask) continue;
        flags &= ~mask;
        if (!out.empty()) out += '|';
        out += n.name;
    }
    if (flags) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "0x%" PRIx64, flags);
        if (!out.empty()) out += '|';
        out += buf;
    }
    return out;
}

template <class Entry> std::uint64_t own_mask(const Entry& n) { return n.mask; }

struct FlagName {
    std::uint64_t mask;
    std::string_view name;
};

// __print_flags() with its "none" text for 0 (show_reclaim_flags(), show_throttle_flags()).
std::string print_named_flags(std::uint64_t flags, std::span<const FlagName> table, std::string_view none) {
    return flags ? print_flags(flags, table, own_mask<FlagName>) : std::string(none);
}

constexpr FlagName kReclaimFlags[] = {{0x0001, "RECLAIM_WB_ANON"},
                                      {0x0002, "RECLAIM_WB_FILE"},
                                      {0x0010, "RECLAIM_WB_MIXED"},
                                      {0x0004, "RECLAIM_WB_SYNC"},
                                      {0x0008, "RECLAIM_WB_ASYNC"}};
// enum vmscan_throttle_state: WRITEBACK, ISOLATED, NOPROGRESS, CONGESTED.
constexpr FlagName kThrottleFlags[] = {{1 << 0, "VMSCAN_THROTTLE_WRITEBACK"},
                                       {1 << 1, "VMSCAN_THROTTLE_ISOLATED"},
                                       {1 << 2, "VMSCAN_THROTTLE_NOPROGRESS"},
                                       {1 << 3, "VMSCAN_THROTTLE_CONGESTED"}};
// LRU_NAMES (mmflags.h).
constexpr std::string_view kLruNames[] = {"inactive_anon", "active_anon", "inactive_file", "active_file", "unevictable"};

// %p's hashed value: the kernel prints siphash(pointer) as 16 hex digits with the upper half
// zero on 64-bit; here a fixed mix of the field value (stable across runs, no address).
std::string hashed_ptr(std::int64_t v) {
    std::uint64_t x = static_cast<std::uint64_t>(v) + 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    x ^= x >> 31;
    char buf[24];
    std::snprintf(buf, sizeof buf, "%016" PRIx64, static_cast<std::uint64_t>(x & 0xffffffffu));
    return buf;
}

} // namespace

std::span<const TraceEventDef> trace_event_table() { return kTable; }

const TraceEventDef& trace_event_def(TraceEventId id) { return kTable[static_cast<std::size_t>(id)]; }

const TracePrintFmt& trace_print_fmt(const TraceEventDef& def, int version) {
    for (std::size_t i = 0; i < def.nr_fmts; ++i)
        if (def.fmts[i].since <= version) return def.fmts[i];
    return def.fmts[def.nr_fmts - 1];
}

std::string_view trace_event_name(const TraceEventDef& def, int version) {
    return def.renamed_in && version < def.renamed_in ? def.old_name : def.name;
}

std::string trace_gfp_flags(gfp_t gfp, int version) {
    if (!gfp) return "none";
    if (version >= 610) return print_flags(gfp, kGfp610, own_mask<GfpName>);
    if (version >= 603)
        return print_flags(gfp, kGfp601, [](const GfpName& n) -> std::uint64_t {
            if (n.name == "__GFP_ATOMIC") return 0;
            if (n.name == "GFP_ATOMIC") return G_HIGH | G_KSWAPD;
            return n.mask;
        });
    return print_flags(gfp, kGfp601, own_mask<GfpName>);
}

std::vector<std::pair<std::uint64_t, std::string_view>> trace_gfp_names(int version) {
    std::vector<std::pair<std::uint64_t, std::string_view>> out;
    if (version >= 610) {
        for (const GfpName& n : kGfp610) out.emplace_back(n.mask, n.name);
        return out;
    }
    for (const GfpName& n : kGfp601) {
        if (version >= 603 && n.name == "__GFP_ATOMIC") continue;
        out.emplace_back(version >= 603 && n.name == "GFP_ATOMIC" ? (G_HIGH | G_KSWAPD) : n.mask, n.name);
    }
    return out;
}

void format_trace_fields(const TraceRecord& r, int version, std::string& out) {
    const TraceEventDef& def = trace_event_def(r.id);
    const TracePrintFmt& p = trace_print_fmt(def, version);
    std::size_t arg = 0;
    const std::string_view fmt = p.fmt;
    char buf[64];
    for (std::size_t i = 0; i < fmt.size(); ++i) {
        if (fmt[i] != '%') {
            out += fmt[i];
            continue;
        }
        // A conversion: [h|l|ll] then d, u, x, s, or p with an optional S.
        std::size_t j = i + 1;
        int longs = 0, shorts = 0;
        while (j < fmt.size() && (fmt[j] == 'l' || fmt[j] == 'h')) (fmt[j++] == 'l' ? longs : shorts)++;
        const char conv = fmt[j];
        if (conv == 'p' && j + 1 < fmt.size() && fmt[j + 1] == 'S') ++j; // %pS
        i = j;
        if (arg >= p.nr_args) throw std::logic_error("trace print fmt has more conversions than arguments");
        const TracePrintArg a = p.args[arg++];
        const std::int64_t v = r.f[a.field];
        switch (a.kind) {
        case A::Value:
            if (conv == 'x') std::snprintf(buf, sizeof buf, "%" PRIx64, static_cast<std::uint64_t>(v));
            else if (conv == 'u' && longs == 0) std::snprintf(buf, sizeof buf, "%u", static_cast<unsigned>(v));
            else if (conv == 'u') std::snprintf(buf, sizeof buf, "%" PRIu64, static_cast<std::uint64_t>(v));
            else if (shorts) std::snprintf(buf, sizeof buf, "%hd", static_cast<short>(v));
            else if (longs == 0) std::snprintf(buf, sizeof buf, "%d", static_cast<int>(v));
            else std::snprintf(buf, sizeof buf, "%" PRId64, v);
            out += buf;
            break;
        case A::GfpFlags: out += trace_gfp_flags(static_cast<gfp_t>(v), version); break;
        case A::ReclaimFlags: out += print_named_flags(static_cast<std::uint64_t>(v), kReclaimFlags, "RECLAIM_WB_NONE"); break;
        case A::ThrottleFlags:
            out += print_named_flags(static_cast<std::uint64_t>(v), kThrottleFlags, "VMSCAN_THROTTLE_NONE");
            break;
        case A::LruName:
            if (v >= 0 && v < 5) {
                out += kLruNames[v];
            } else {
                std::snprintf(buf, sizeof buf, "0x%" PRIx64, static_cast<std::uint64_t>(v));
                out += buf;
            }
            break;
        case A::Comm:
        case A::Symbol: out += r.text; break;
        case A::HashedPtr: out += hashed_ptr(v); break;
        }
    }
}

} // namespace rs

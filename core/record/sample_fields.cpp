#include "record/sample_fields.h"

#include "mm/kernel.h"

#include <cstdio>
#include <cstdlib>
#include <iterator>

namespace rs {

namespace {

using C = SampleCsv;
using S = SampleSection;

std::int64_t event(const Kernel& k, VmEvent e) { return static_cast<std::int64_t>(k.vmstat[e]); }

// A node_stat_item summed over the nodes (global_node_page_state()).
std::int64_t node_sum(const Kernel& k, NodeStat item) {
    std::int64_t sum = 0;
    for (const auto& n : k.machine.nodes) sum += n[item];
    return sum;
}

// A zone-indexed event (PGALLOC_*, ALLOCSTALL_*) summed over the zone types, as
// sum_vm_events() does for the "allocstall" reader.
std::int64_t zone_events(const Kernel& k, VmEvent first, VmEvent last) {
    std::int64_t sum = 0;
    for (int e = first; e <= last; ++e) sum += event(k, static_cast<VmEvent>(e));
    return sum;
}

std::int64_t swap_total(const Kernel& k) {
    return static_cast<std::int64_t>(k.swap.si_swapinfo().second);
}
std::int64_t swap_used(const Kernel& k) {
    const auto [free, total] = k.swap.si_swapinfo();
    return static_cast<std::int64_t>(total - free);
}

#define EV(e) [](const Kernel& k) { return event(k, e); }
#define NODE(item) [](const Kernel& k) { return node_sum(k, item); }

// In the CSV's column order (the levels, then the rates: each kind in table order) and the
// counters text's line order within each section.
const SampleField kFields[] = {
    {"swap_total", &Sample::swap_total, swap_total, C::None, "", S::Swap, "total", "meminfo:SwapTotal"},
    {"swap_used", &Sample::swap_used, swap_used, C::Level, "swap_used_pages", S::Swap, "in use",
     "meminfo:SwapTotal -meminfo:SwapFree"},
    {"swap_cache", &Sample::swap_cache, NODE(NR_SWAPCACHE), C::Level, "swap_cache_pages", S::Swap, "swap cache",
     "nr_swapcached | meminfo:SwapCached"},
    {"nr_dirty", &Sample::nr_dirty, NODE(NR_DIRTY), C::Level, "", S::NodeState, ""},
    {"nr_writeback", &Sample::nr_writeback, NODE(NR_WRITEBACK), C::Level, "", S::NodeState, ""},
    {"nr_slab_reclaimable", &Sample::nr_slab_reclaimable, NODE(NR_SLAB_RECLAIMABLE), C::Level, "", S::NodeState, ""},
    {"pgalloc", &Sample::pgalloc, [](const Kernel& k) { return zone_events(k, PGALLOC_DMA, PGALLOC_DEVICE); },
     C::None, "", S::Vmstat, "", "pgalloc_*"},
    {"pgscan_kswapd", &Sample::pgscan_kswapd, EV(PGSCAN_KSWAPD), C::Rate, "", S::Vmstat, ""},
    {"pgscan_direct", &Sample::pgscan_direct, EV(PGSCAN_DIRECT), C::Rate, "", S::Vmstat, ""},
    {"pgsteal_kswapd", &Sample::pgsteal_kswapd, EV(PGSTEAL_KSWAPD), C::Rate, "", S::Vmstat, ""},
    {"pgsteal_direct", &Sample::pgsteal_direct, EV(PGSTEAL_DIRECT), C::Rate, "", S::Vmstat, ""},
    {"pgscan_anon", &Sample::pgscan_anon, EV(PGSCAN_ANON), C::Rate, "", S::Vmstat, ""},
    {"pgscan_file", &Sample::pgscan_file, EV(PGSCAN_FILE), C::Rate, "", S::Vmstat, ""},
    {"pgsteal_anon", &Sample::pgsteal_anon, EV(PGSTEAL_ANON), C::None, "", S::Vmstat, ""},
    {"pgsteal_file", &Sample::pgsteal_file, EV(PGSTEAL_FILE), C::None, "", S::Vmstat, ""},
    {"allocstall", &Sample::allocstall, [](const Kernel& k) { return zone_events(k, ALLOCSTALL_DMA, ALLOCSTALL_DEVICE); },
     C::Rate, "", S::Vmstat, "", "allocstall_*"},
    // Before 5.9 the kernel counted file refaults only, as workingset_refault.
    {"workingset_refault", &Sample::workingset_refault,
     [](const Kernel& k) { return node_sum(k, WORKINGSET_REFAULT_ANON) + node_sum(k, WORKINGSET_REFAULT_FILE); },
     C::Rate, "", S::None, "", "workingset_refault_anon workingset_refault_file | workingset_refault"},
    {"workingset_refault_anon", &Sample::refault_anon, NODE(WORKINGSET_REFAULT_ANON), C::None, "", S::Vmstat, ""},
    {"workingset_refault_file", &Sample::refault_file, NODE(WORKINGSET_REFAULT_FILE), C::None, "", S::Vmstat, ""},
    {"pgactivate", &Sample::pgactivate, EV(PGACTIVATE), C::Rate, "", S::Vmstat, ""},
    {"pgdeactivate", &Sample::pgdeactivate, EV(PGDEACTIVATE), C::Rate, "", S::Vmstat, ""},
    {"pgrotated", &Sample::pgrotated, EV(PGROTATED), C::None, "", S::Vmstat, ""},
    {"pgmajfault", &Sample::pgmajfault, EV(PGMAJFAULT), C::Rate, "", S::Vmstat, ""},
    {"pswpin", &Sample::pswpin, EV(PSWPIN), C::Rate, "", S::Vmstat, ""},
    {"pswpout", &Sample::pswpout, EV(PSWPOUT), C::Rate, "", S::Vmstat, ""},
    {"oom_kill", &Sample::oom_kills, EV(OOM_KILL), C::Level, "oom_kills", S::Vmstat, ""},
    {"pageoutrun", &Sample::pageoutrun, EV(PAGEOUTRUN), C::None, "", S::Vmstat, ""},
    // Pressure stall information: computed on real machines only (for now).
    {"psi_memory_some_avg10", &Sample::psi_some_avg10, nullptr, C::Level, "", S::None, "", "psi:some.avg10", 2},
    {"psi_memory_full_avg10", &Sample::psi_full_avg10, nullptr, C::Level, "", S::None, "", "psi:full.avg10", 2},
    {"psi_memory_some_us", &Sample::psi_some_us, nullptr, C::Rate, "", S::None, "", "psi:some.total"},
    {"psi_memory_full_us", &Sample::psi_full_us, nullptr, C::Rate, "", S::None, "", "psi:full.total"},
};
static_assert(std::size(kFields) <= kMaxSampleFields);

#undef EV
#undef NODE

const ZoneSampleField kZoneFields[] = {
    {&ZoneSample::free, "free_pages", "pages free", 2},
    {&ZoneSample::min, "min_pages", "min", 8},
    {&ZoneSample::low, "low_pages", "low", 8},
    {&ZoneSample::high, "high_pages", "high", 8},
    {&ZoneSample::boost, "", "boost", 8},
};

} // namespace

std::span<const SampleField> sample_fields() { return kFields; }
std::span<const ZoneSampleField> zone_sample_fields() { return kZoneFields; }

std::int64_t sample_value(const Sample& s, const SampleField& f) {
    return std::visit([&](auto member) { return static_cast<std::int64_t>(s.*member); }, f.field);
}

std::size_t sample_field_index(const SampleField& f) { return static_cast<std::size_t>(&f - kFields); }

bool sample_has(const Sample& s, const SampleField& f) { return !(s.absent >> sample_field_index(f) & 1); }

std::string format_field_value(const SampleField& f, std::int64_t v) {
    if (f.decimals == 0) return std::to_string(v);
    std::int64_t scale = 1;
    for (int i = 0; i < f.decimals; ++i) scale *= 10;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s%lld.%0*lld", v < 0 ? "-" : "", static_cast<long long>(std::abs(v) / scale),
                  f.decimals, static_cast<long long>(std::abs(v) % scale));
    return buf;
}

void read_sample_fields(const Kernel& k, Sample& s) {
    for (const SampleField& f : kFields) {
        if (!f.read) {
            s.absent |= std::uint64_t{1} << sample_field_index(f);
            continue;
        }
        const std::int64_t v = f.read(k);
        std::visit([&](auto member) { s.*member = static_cast<std::remove_reference_t<decltype(s.*member)>>(v); },
                   f.field);
    }
}

} // namespace rs

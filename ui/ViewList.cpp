#include "ViewList.h"

#include <array>

namespace {

const std::array<ViewInfo, kViewCount> kViews = {{
    {ViewId::Watermarks, "Watermarks", "watermarks", "watermarks",
     "Free pages of each zone against its min/low/high watermarks, kswapd's activity and direct reclaim (Ctrl+1)"},
    {ViewId::Swap, "Swap", "swap", "swap", "Swap slot maps (swap_map, clusters) and swap traffic (Ctrl+2)"},
    {ViewId::Lru, "LRU", "lru", "lru", "LRU list sizes over time and the page flows between the lists (Ctrl+3)"},
    {ViewId::BigPicture, "Big Picture", "big-picture", "callgraph",
     "The reclaim call graph, lit by each kernel function's call rate (Ctrl+4)"},
    {ViewId::Counters, "Counters", "counters", "counters",
     "Live /proc/zoneinfo, vmstat, meminfo and swaps of the simulated kernel (Ctrl+5)"},
    {ViewId::Processes, "Processes", "processes", "processes",
     "Every process: pid, RSS, swap, faults, reclaim stalls and OOM score, live and sortable, and the selected "
     "one's memory and stalls over time (Ctrl+6)"},
}};

} // namespace

const ViewInfo& viewInfo(ViewId v) { return kViews[static_cast<std::size_t>(v)]; }

std::optional<ViewId> viewFromCliName(const QString& name) {
    for (const ViewInfo& v : kViews)
        if (name == QLatin1String(v.cliName)) return v.id;
    return std::nullopt;
}

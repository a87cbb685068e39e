#include "ViewList.h"

#include <QCoreApplication>

#include <array>

namespace {

const std::array<ViewInfo, kViewCount> kViews = {{
    {ViewId::Watermarks, QT_TRANSLATE_NOOP("ViewList", "Watermarks"), "watermarks", "watermarks",
     QT_TRANSLATE_NOOP("ViewList", "Free pages of each zone against its min/low/high watermarks, kswapd's activity "
                                   "and direct reclaim (Ctrl+1)")},
    {ViewId::Swap, QT_TRANSLATE_NOOP("ViewList", "Swap"), "swap", "swap", QT_TRANSLATE_NOOP("ViewList", "Swap slot maps (swap_map, clusters) and swap traffic (Ctrl+2)")},
    {ViewId::Lru, QT_TRANSLATE_NOOP("ViewList", "LRU"), "lru", "lru", QT_TRANSLATE_NOOP("ViewList", "LRU list sizes over time and the page flows between the lists (Ctrl+3)")},
    {ViewId::BigPicture, QT_TRANSLATE_NOOP("ViewList", "Big Picture"), "big-picture", "callgraph",
     QT_TRANSLATE_NOOP("ViewList", "The reclaim call graph, lit by each kernel function's call rate (Ctrl+4)")},
    {ViewId::Counters, QT_TRANSLATE_NOOP("ViewList", "Counters"), "counters", "counters",
     QT_TRANSLATE_NOOP("ViewList", "Live /proc/zoneinfo, vmstat, meminfo and swaps of the simulated kernel (Ctrl+5)")},
    {ViewId::Processes, QT_TRANSLATE_NOOP("ViewList", "Processes"), "processes", "processes",
     QT_TRANSLATE_NOOP("ViewList", "Every process: pid, RSS, swap, faults, reclaim stalls and OOM score, live and "
                                   "sortable, and the selected one's memory and stalls over time (Ctrl+6)")},
}};

} // namespace

QString ViewInfo::title() const { return QCoreApplication::translate("ViewList", name); }
QString ViewInfo::toolTip() const { return QCoreApplication::translate("ViewList", tip); }

const ViewInfo& viewInfo(ViewId v) { return kViews[static_cast<std::size_t>(v)]; }

std::optional<ViewId> viewFromCliName(const QString& name) {
    for (const ViewInfo& v : kViews)
        if (name == QLatin1String(v.cliName)) return v.id;
    return std::nullopt;
}

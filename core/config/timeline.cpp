#include "config/timeline.h"

#include "util/units.h"

namespace rs {


std::string describe(const TimelineAction& a) {
    switch (a.kind) {
    case TimelineAction::Kind::Sysctl: return a.sysctl.name + "=" + format_sysctl_value(a.sysctl);
    case TimelineAction::Kind::Swapon: {
        std::string s = "swapon " + a.swap.name + " (" + format_size(a.swap.size_bytes) + ", " +
                        std::string(swap_kind_name(a.swap.kind));
        if (a.swap.prio >= 0) s += ", prio " + std::to_string(a.swap.prio);
        return s + ")";
    }
    case TimelineAction::Kind::Swapoff: return "swapoff " + a.device;
    }
    return {};
}

} // namespace rs

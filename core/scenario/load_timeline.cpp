// The "timeline" section: sysctl writes, swapon and swapoff at set simulated times.
#include "scenario/load_internal.h"

#include "config/timeline.h"

namespace rs::load {

void parse_timeline(const json& a, int nr_zone_types, SwapNamer& names, EngineConfig& c) {
    need_array(a, "/timeline");
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string p = "/timeline/" + std::to_string(i);
        const json& e = need_object(a[i], p);
        check_keys(e, p, {"at", "set", "swapon", "swapoff"});
        if (!e.contains("at")) fail(p, "a timeline action needs \"at\" (e.g. \"10s\")");
        const std::int64_t at = need_duration(e["at"], p + "/at");
        const int n = static_cast<int>(e.contains("set")) + static_cast<int>(e.contains("swapon")) +
                      static_cast<int>(e.contains("swapoff"));
        if (n != 1) fail(p, "a timeline action does one of \"set\", \"swapon\" or \"swapoff\"");
        if (e.contains("set")) {
            for (auto& w : parse_sysctls(e["set"], p + "/set", nr_zone_types)) {
                TimelineAction act;
                act.at_ns = at;
                act.kind = TimelineAction::Kind::Sysctl;
                act.sysctl = std::move(w);
                c.timeline.push_back(std::move(act));
            }
        } else if (e.contains("swapon")) {
            TimelineAction act;
            act.at_ns = at;
            act.kind = TimelineAction::Kind::Swapon;
            act.swap = parse_swap(e["swapon"], p + "/swapon", names);
            c.timeline.push_back(std::move(act));
        } else {
            TimelineAction act;
            act.at_ns = at;
            act.kind = TimelineAction::Kind::Swapoff;
            act.device = need_string(e["swapoff"], p + "/swapoff");
            c.timeline.push_back(std::move(act));
        }
    }
}

} // namespace rs::load

#include "scenario/timeline_action.h"

#include "mm/sysctl.h"
#include "util/units.h"

namespace rs {

Result<TimelineAction> parse_timeline_action(std::string_view text, int nr_zone_types,
                                             const std::string& default_swap_name) {
    using R = Result<TimelineAction>;
    const auto colon = text.find(':');
    if (colon == std::string_view::npos)
        return R::failure("'" + std::string(text) +
                          "' is not TIME:ACTION (e.g. 10s:vm.swappiness=100, 5s:swapon=1G, 20s:swapoff=/dev/sdb1)");
    TimelineAction a;
    const auto t = parse_duration_ns(trim_blanks(text.substr(0, colon)));
    if (!t) return R::failure(t.error());
    a.at_ns = *t;
    const std::string_view action = trim_blanks(text.substr(colon + 1));
    const auto eq = action.find('=');
    const std::string_view verb = trim_blanks(action.substr(0, eq));
    const std::string_view arg = eq == std::string_view::npos ? std::string_view{} : trim_blanks(action.substr(eq + 1));
    if (verb == "swapon") {
        auto spec = parse_swap_spec(arg, default_swap_name);
        if (!spec) return R::failure("swapon: " + spec.error());
        a.kind = TimelineAction::Kind::Swapon;
        a.swap = std::move(spec).value();
    } else if (verb == "swapoff") {
        if (arg.empty()) return R::failure("swapoff needs the device's name, e.g. swapoff=/dev/sdb1");
        a.kind = TimelineAction::Kind::Swapoff;
        a.device = std::string(arg);
    } else {
        auto w = parse_sysctl_assignment(action, nr_zone_types);
        if (!w) return R::failure(w.error());
        a.kind = TimelineAction::Kind::Sysctl;
        a.sysctl = std::move(w).value();
    }
    return a;
}

} // namespace rs

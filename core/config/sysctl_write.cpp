#include "config/sysctl_write.h"

namespace rs {

std::string format_sysctl_value(const SysctlWrite& w) {
    std::string out;
    for (auto v : w.values) {
        if (!out.empty()) out += ' ';
        out += std::to_string(v);
    }
    return out;
}
} // namespace rs

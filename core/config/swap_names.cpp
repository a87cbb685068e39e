#include "config/swap_names.h"

#include "config/swap_spec.h" // default_swap_name(), SwapKind

namespace rs {

std::string SwapNamer::next(SwapKind kind) {
    return kind == SwapKind::Zram ? default_swap_name(kind, m_zrams++) : default_swap_name(kind, m_disks++);
}

std::string first_free_swap_name(SwapKind kind, const std::function<bool(const std::string&)>& taken) {
    constexpr int kTries = 64;
    std::string name;
    for (int i = 0; i < kTries; ++i) {
        name = default_swap_name(kind, i);
        if (!taken || !taken(name)) break;
    }
    return name;
}

} // namespace rs

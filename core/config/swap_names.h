#pragma once
// Default names of swap areas given without a name: /dev/sdb1, /dev/sdc1, ... for disks,
// /dev/zram0, /dev/zram1, ... for zram (default_swap_name()). The loader, the CLI and the
// window name them with these, so a scenario file and the same areas on the command line agree.
#include <functional>
#include <string>
#include <string_view>

namespace rs {

enum class SwapKind; // mm/swapfile.h

// Hands out the default names in order, one count per kind (disks share one): the first
// unnamed disk is /dev/sdb1 however many zram areas come before it. Only areas without a
// name take one.
class SwapNamer {
public:
    std::string next(SwapKind kind);

private:
    int m_disks = 0;
    int m_zrams = 0;
};

// The first default name of a kind that `taken` does not claim, for a swapon on a running
// machine; after 64 taken names the 64th (swapon then says it is in use).
std::string first_free_swap_name(SwapKind kind, const std::function<bool(const std::string&)>& taken);

} // namespace rs

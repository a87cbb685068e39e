#include "procfs/swaps.h"

namespace rs {

namespace {

// mangle_path() as seq_file_path(" \t\n\\") uses it: those characters become \ooo.
std::string mangle_path(const std::string& s) {
    std::string out;
    for (const char ch : s) {
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\\') {
            const auto c = static_cast<unsigned char>(ch);
            out += '\\';
            out += static_cast<char>('0' + ((c >> 6) & 7));
            out += static_cast<char>('0' + ((c >> 3) & 7));
            out += static_cast<char>('0' + (c & 7));
        } else {
            out += ch;
        }
    }
    return out;
}

} // namespace

// swap_show(): the padded (escaped) path, then tab-separated fields, sizes in kB; a second tab
// keeps columns aligned while a number is shorter than 8 digits.
std::string format_swaps(const SwapSpace& space) {
    std::string out = "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n";
    for (int type = 0; type < space.nr_swapfiles(); ++type) {
        const SwapInfo* info = space.swap_info(type); // nullptr: not SWP_USED
        if (!info) continue;
        const SwapInfo& si = *info;
        const std::string path = mangle_path(si.name);
        const std::size_t pad = path.size() < 40 ? 40 - path.size() : 1;
        const std::uint64_t bytes = std::uint64_t{si.pages} * (SWAP_PAGE_SIZE / 1024);
        const std::uint64_t inuse = std::uint64_t{si.inuse_pages} * (SWAP_PAGE_SIZE / 1024);
        out += path + std::string(pad, ' ') + "partition\t" + std::to_string(bytes) + "\t" +
               (bytes < 10000000 ? "\t" : "") + std::to_string(inuse) + "\t" + (inuse < 10000000 ? "\t" : "") +
               std::to_string(si.prio) + "\n";
    }
    return out;
}

std::string format_swaps(const Kernel& k) { return format_swaps(k.swap.space()); }

} // namespace rs

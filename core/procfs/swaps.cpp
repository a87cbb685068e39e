#include "procfs/swaps.h"

#include "util/units.h"

#include <limits>
#include <sstream>

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

// mangle_path()'s \ooo back to the character.
std::string unmangle_path(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 3 < s.size()) {
            const auto oct = [&](std::size_t k) { return s[i + k] >= '0' && s[i + k] <= '7'; };
            if (oct(1) && oct(2) && oct(3)) {
                out += static_cast<char>(((s[i + 1] - '0') << 6) | ((s[i + 2] - '0') << 3) | (s[i + 3] - '0'));
                i += 3;
                continue;
            }
        }
        out += s[i];
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

Result<std::vector<ProcSwapsArea>> parse_proc_swaps(std::string_view text, std::string_view source) {
    using R = Result<std::vector<ProcSwapsArea>>;
    std::vector<ProcSwapsArea> out;
    std::istringstream in{std::string(text)};
    std::string line;
    int lineno = 0;
    bool header = false;
    while (std::getline(in, line)) {
        ++lineno;
        std::istringstream fields(line);
        std::vector<std::string> f;
        for (std::string w; fields >> w;) f.push_back(w);
        if (f.empty()) continue;
        const std::string where = std::string(source) + ":" + std::to_string(lineno) + ": ";
        if (!header) {
            if (f.size() != 5 || f[0] != "Filename" || f[1] != "Type" || f[4] != "Priority")
                return R::failure(where + "expected the header 'Filename Type Size Used Priority'; is this /proc/swaps?");
            header = true;
            continue;
        }
        if (f.size() != 5)
            return R::failure(where + "expected 'PATH TYPE SIZE USED PRIORITY', got " + std::to_string(f.size()) + " fields");
        ProcSwapsArea a;
        a.name = unmangle_path(f[0]);
        a.type = f[1];
        if (a.type != "partition" && a.type != "file")
            return R::failure(where + "type '" + a.type + "' is neither partition nor file");
        const auto size = parse_int(f[2]);
        const auto used = parse_int(f[3]);
        const auto prio = parse_int(f[4]);
        if (!size || *size < 0) return R::failure(where + "size '" + f[2] + "' is not a number of KiB");
        if (!used || *used < 0 || *used > *size) return R::failure(where + "used '" + f[3] + "' is not within 0..size");
        if (!prio || *prio < std::numeric_limits<short>::min() || *prio > std::numeric_limits<short>::max())
            return R::failure(where + "priority '" + f[4] + "' is not a number within -32768..32767");
        a.size_kb = static_cast<std::uint64_t>(*size);
        a.used_kb = static_cast<std::uint64_t>(*used);
        a.prio = static_cast<int>(*prio);
        out.push_back(std::move(a));
    }
    if (!header) return R::failure(std::string(source) + ": empty: no 'Filename Type Size Used Priority' header");
    return out;
}

} // namespace rs

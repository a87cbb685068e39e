#pragma once
// The text trace grammar (docs/scenario-format.md, "Trace files"): one access per line, PAGE or
// TASK PAGE, fields split by spaces, tabs or commas, '#' comments, blank lines, CRLF. Parses a
// block of complete lines into a sink without allocating; the scan and the cursors share it, so
// both give the same errors.
#include "replay/byte_source.h"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace rs::replay {

struct TextParseState {
    const std::string* display; // the file, as the user named it
    std::string_view task;
    std::uint64_t line = 0;     // lines parsed so far
};

[[noreturn]] void text_error(const TextParseState& st, const std::string& what);
[[noreturn]] void text_bad_page(const TextParseState& st, std::string_view field);

inline bool is_sep(char c) { return c == ' ' || c == '\t' || c == ','; }

// The general form of one line (without its '\n'): returns the page, or -1 if the line gives none.
inline std::int64_t parse_text_line(std::string_view line, const TextParseState& st) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view f[2];
    std::size_t nf = 0, i = 0;
    while (i < line.size()) {
        while (i < line.size() && is_sep(line[i])) ++i;
        const std::size_t b = i;
        while (i < line.size() && !is_sep(line[i])) ++i;
        if (i > b) {
            if (nf == 0 && line[b] == '#') return -1;
            if (nf == 2) {
                std::size_t n = 3;
                for (;;) { // count the rest, for the message
                    while (i < line.size() && is_sep(line[i])) ++i;
                    if (i == line.size()) break;
                    while (i < line.size() && !is_sep(line[i])) ++i;
                    ++n;
                }
                text_error(st, "expected PAGE or TASK PAGE, got " + std::to_string(n) + " fields");
            }
            f[nf++] = line.substr(b, i - b);
        }
    }
    if (nf == 0) return -1;
    if (nf == 2 && f[0] != st.task) return -1;
    const std::string_view page = f[nf - 1];
    std::uint64_t v = 0;
    const auto [p, ec] = std::from_chars(page.data(), page.data() + page.size(), v);
    if (ec != std::errc{} || p != page.data() + page.size() || v >= 0x80000000ull) text_bad_page(st, page);
    return static_cast<std::int64_t>(v);
}

// Parses the lines of [b, e) into sink(page) -> bool (false: full, stop after this line).
// Without `last`, a line not ended by '\n' is left for the next block. Returns where it stopped.
template <class Sink> const char* parse_text_block(const char* b, const char* e, bool last, TextParseState& st, Sink&& sink) {
    const char* p = b;
    while (p < e) {
        // The common line: digits and '\n'.
        if (static_cast<unsigned char>(*p - '0') < 10) {
            std::uint64_t v = 0;
            const auto [q, ec] = std::from_chars(p, e, v);
            if (ec == std::errc{} && q < e && *q == '\n' && v < 0x80000000ull) {
                ++st.line;
                p = q + 1;
                if (!sink(static_cast<std::uint32_t>(v))) return p;
                continue;
            }
        }
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(e - p)));
        if (!nl && !last) return p;
        const char* line_end = nl ? nl : e;
        ++st.line;
        const std::int64_t page = parse_text_line(std::string_view(p, static_cast<std::size_t>(line_end - p)), st);
        p = nl ? nl + 1 : e;
        if (page >= 0 && !sink(static_cast<std::uint32_t>(page))) return p;
    }
    return p;
}

} // namespace rs::replay

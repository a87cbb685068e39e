#pragma once
// Writing traces in each format, for the replay tests: the references are the test's own
// (generated here), so what the readers return is checked against what was written.
#include "replay/trace_source.h"

#include <zstd.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

namespace replay_test {

struct Req {
    std::uint64_t id;
    std::uint32_t size;
};

// A directory of its own per test process, removed at exit.
inline const std::filesystem::path& temp_dir() {
    static const struct Dir {
        std::filesystem::path p = std::filesystem::temp_directory_path() / ("rs-replay-test-" + std::to_string(::getpid()));
        Dir() { std::filesystem::create_directories(p); }
        ~Dir() { std::filesystem::remove_all(p); }
    } d;
    return d.p;
}

inline std::string write_file(const std::string& name, const std::string& bytes) {
    const std::string path = (temp_dir() / name).string();
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
}

inline void put_le(std::string& out, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

// oracleGeneral records: uint32 clock_time, uint64 obj_id, uint32 obj_size, int64 next_access_vtime.
inline std::string oracle_general(const std::vector<Req>& reqs) {
    std::string out;
    for (std::size_t i = 0; i < reqs.size(); ++i) {
        put_le(out, 1000 + i, 4);
        put_le(out, reqs[i].id, 8);
        put_le(out, reqs[i].size, 4);
        put_le(out, ~std::uint64_t{0}, 8); // -1: no next access (the replay ignores it)
    }
    return out;
}

inline std::string csv(const std::vector<Req>& reqs) {
    std::string out = "clock_time,obj_id,obj_size,next_access_vtime\n";
    for (std::size_t i = 0; i < reqs.size(); ++i)
        out += std::to_string(1000 + i) + "," + std::to_string(reqs[i].id) + "," + std::to_string(reqs[i].size) + ",-1\n";
    return out;
}

inline std::string text(const std::vector<std::uint32_t>& pages) {
    std::string out = "# generated\n";
    for (const auto p : pages) out += std::to_string(p) + "\n";
    return out;
}

inline std::string zstd(const std::string& bytes) {
    std::string out(ZSTD_compressBound(bytes.size()), '\0');
    const std::size_t n = ZSTD_compress(out.data(), out.size(), bytes.data(), bytes.size(), 3);
    if (ZSTD_isError(n)) throw std::runtime_error(ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

// Every reference of one pass of a cursor.
inline std::vector<std::uint32_t> drain(rs::replay::TraceCursor& c) {
    std::vector<std::uint32_t> out;
    std::uint32_t p = 0;
    while (c.at(out.size(), false, p)) out.push_back(p);
    return out;
}

} // namespace replay_test

#pragma once
#include "sim/engine.h"
#include "swap_helpers.h"

#include <catch2/catch.hpp>

constexpr std::uint64_t MiB_pages(std::uint64_t mib) { return mib * 256; }

inline rs::TaskSpec anon_task(const std::string& name, std::uint64_t mib, bool random_touch, double mib_per_s = 400) {
    return rs::TaskSpec{.name = name, .kind = rs::TaskSpec::Kind::AllocAnon, .pages = MiB_pages(mib),
                        .pages_per_sec = mib_per_s * 256, .loop = random_touch, .random = random_touch};
}

inline rs::TaskSpec read_task(const std::string& name, std::uint64_t mib, double mib_per_s, bool loop = true,
                              bool random = false, std::int64_t start_ns = 0) {
    return rs::TaskSpec{.name = name, .kind = rs::TaskSpec::Kind::ReadFile, .start_ns = start_ns,
                        .pages = MiB_pages(mib), .pages_per_sec = mib_per_s * 256, .loop = loop, .random = random};
}

// An engine on c, with an SSD swap area of swap_pages slots when swap_pages > 0.
inline std::unique_ptr<rs::Engine> make_engine(rs::EngineConfig c, std::uint64_t swap_pages = 0) {
    if (swap_pages) c.swap_devices.push_back(test_swap_area(swap_pages));
    auto e = rs::Engine::create(c);
    REQUIRE(e);
    return std::move(e).value();
}

inline rs::EngineConfig machine_config(std::uint64_t ram_mib) {
    rs::EngineConfig c;
    c.machine = rs::x86_64_machine(ram_mib << 20);
    c.thp = rs::ThpMode::Never;
    return c;
}

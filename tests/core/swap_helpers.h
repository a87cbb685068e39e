#pragma once
// A real swap area for tests of reclaim policy: swapon() of an SSD with `slots` usable slots
// (the header page comes on top), through the same swap subsystem the engine uses.
#include "mm/kernel.h"

#include <catch2/catch.hpp>

inline rs::SwapDeviceSpec test_swap_area(std::uint64_t slots, const std::string& name = "/dev/sdb1") {
    return rs::SwapDeviceSpec{.name = name, .size_bytes = (slots + 1) * 4096, .kind = rs::SwapKind::SSD};
}

inline void swapon_test_area(rs::Kernel& k, std::uint64_t slots) {
    const auto r = k.swap.space().swapon(test_swap_area(slots));
    REQUIRE(r);
    REQUIRE(k.swap.total_slots() == slots);
}

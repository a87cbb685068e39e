// The allocator of the big per-page arrays: large buffers start on a 2 MiB boundary (so the
// MADV_HUGEPAGE hint can apply to all of them) and behave as any vector; small ones come from
// the heap.
#include "util/huge_vector.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <numeric>

TEST_CASE("a huge_vector of 2 MiB or more is 2 MiB-aligned and keeps its contents") {
    constexpr std::size_t kHuge = std::size_t{2} << 20;
    rs::huge_vector<std::uint32_t> v(3 * kHuge / sizeof(std::uint32_t) + 5); // not a whole number of huge pages
    REQUIRE(reinterpret_cast<std::uintptr_t>(v.data()) % kHuge == 0);
    std::iota(v.begin(), v.end(), 0u);
    // Growth moves the data to a new mapping and unmaps the old one.
    v.resize(v.size() * 2, 7u);
    REQUIRE(reinterpret_cast<std::uintptr_t>(v.data()) % kHuge == 0);
    REQUIRE(v[0] == 0u);
    REQUIRE(v[3 * kHuge / sizeof(std::uint32_t) + 4] == 3 * kHuge / sizeof(std::uint32_t) + 4);
    REQUIRE(v.back() == 7u);
    // A copy is an independent buffer.
    rs::huge_vector<std::uint32_t> w = v;
    w[1] = 42;
    REQUIRE(v[1] == 1u);
    // Shrinking to a small buffer goes back to the heap and keeps what is left.
    v.resize(10);
    v.shrink_to_fit();
    REQUIRE(v.size() == 10);
    REQUIRE(v[9] == 9u);
}

TEST_CASE("a small huge_vector is an ordinary heap vector") {
    rs::huge_vector<std::uint8_t> v(100, 3);
    REQUIRE(v.size() == 100);
    REQUIRE(v[99] == 3);
    v.clear();
    v.shrink_to_fit();
    REQUIRE(v.capacity() == 0);
}

// The drawing pyramid: few points for any range, and never a lost extreme.
#include "record/lod_series.h"
#include "util/rng.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

namespace {

rs::LodSeries noisy(std::size_t n, std::uint64_t seed) {
    rs::LodSeries s;
    rs::Rng rng(seed);
    for (std::size_t i = 0; i < n; ++i) {
        const double v = std::sin(static_cast<double>(i) * 0.001) * 1000 + static_cast<double>(rng.next() % 100);
        s.append(static_cast<double>(i) * 0.01, v);
    }
    return s;
}

} // namespace

TEST_CASE("a pyramid query keeps every extreme with a few points") {
    const rs::LodSeries s = noisy(1'000'003, 7);
    std::vector<std::pair<double, double>> out;
    for (auto [t0, t1] : {std::pair{0.0, 10000.02}, std::pair{123.456, 7891.0}, std::pair{5000.0, 5100.0}}) {
        INFO(t0 << ".." << t1);
        s.query(t0, t1, 800, out);
        REQUIRE_FALSE(out.empty());
        CHECK(out.size() <= 2 * 800 + 8);
        // Every output point is a point of the series, in time order.
        for (std::size_t i = 0; i < out.size(); ++i) {
            const auto idx = static_cast<std::size_t>(std::llround(out[i].first / 0.01));
            REQUIRE(s.value(idx) == out[i].second);
            if (i) REQUIRE(out[i].first > out[i - 1].first);
        }
        // The range's extremes are drawn, and the line reaches both edges.
        double lo = 1e300, hi = -1e300;
        for (std::size_t i = 0; i < s.size(); ++i)
            if (s.time(i) >= t0 && s.time(i) <= t1) {
                lo = std::min(lo, s.value(i));
                hi = std::max(hi, s.value(i));
            }
        double olo = 1e300, ohi = -1e300;
        for (auto [t, v] : out) {
            olo = std::min(olo, v);
            ohi = std::max(ohi, v);
        }
        CHECK(olo <= lo);
        CHECK(ohi >= hi);
        CHECK(out.front().first <= t0);
        CHECK(out.back().first >= std::min(t1, s.time(s.size() - 1)));
    }
}

TEST_CASE("a small range comes back point for point") {
    const rs::LodSeries s = noisy(10'000, 3);
    std::vector<std::pair<double, double>> out;
    s.query(10.0, 14.99, 800, out); // 500 points, plus one on each side
    REQUIRE(out.size() == 502);
    for (std::size_t i = 0; i < out.size(); ++i) CHECK(out[i].second == s.value(999 + i));
}

TEST_CASE("a thinned pyramid answers as one built from the thinned points") {
    rs::LodSeries s = noisy(200'000, 11);
    s.thin_older_half(1000.0);
    rs::LodSeries fresh;
    for (std::size_t i = 0; i < s.size(); ++i) fresh.append(s.time(i), s.value(i));
    CHECK(s.size() == 50'000 + 100'000);
    std::vector<std::pair<double, double>> a, b;
    s.query(0, 2000, 300, a);
    fresh.query(0, 2000, 300, b);
    CHECK(a == b);
}

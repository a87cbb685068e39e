#pragma once
// A time series with a min/max pyramid, for drawing: a query returns at most about 2 * buckets
// points for any time range, in O(buckets + log n), so a chart of a million samples costs what
// one of a few thousand costs. Each bucket contributes its minimum and its maximum in time
// order, so spikes survive (what a line drawn through every sample would show at that width).
#include <cstdint>
#include <utility>
#include <vector>

namespace rs {

class LodSeries {
public:
    // t must not decrease.
    void append(double t, double v);
    void clear();
    std::size_t size() const { return m_t.size(); }
    double time(std::size_t i) const { return m_t[i]; }
    double value(std::size_t i) const { return m_v[i]; }

    // The points for drawing [t0, t1] about `buckets` pixels wide: every point of the range
    // (and one on each side, so lines reach the edges) when they are at most 2 * buckets,
    // else the min and max of each pyramid bucket overlapping the range.
    void query(double t0, double t1, std::size_t buckets, std::vector<std::pair<double, double>>& out) const;

    // Drops every other point older than t (as Recorder::add thins its history).
    void thin_older_half(double t);

private:
    // A bucket is the indices of its minimum and its maximum: 8 bytes, and a pyramid of
    // n/8 + n/16 + ... buckets costs about 2 bytes per point.
    struct Bucket {
        std::uint32_t imin, imax;
    };
    static constexpr std::size_t kBase = 8; // points per bucket at level 0
    void rebuild();
    void push_level(std::size_t level, const Bucket& b);
    Bucket bucket_of_points(std::size_t first, std::size_t last) const; // [first, last)

    std::vector<double> m_t, m_v;
    // m_levels[L]: buckets of kBase << L points, complete ones only.
    std::vector<std::vector<Bucket>> m_levels;
};

} // namespace rs

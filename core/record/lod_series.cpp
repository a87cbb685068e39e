#include "record/lod_series.h"

#include <algorithm>
#include <cmath>

namespace rs {

void LodSeries::clear() {
    m_t.clear();
    m_v.clear();
    m_levels.clear();
}

void LodSeries::push_level(std::size_t level, const Bucket& b) {
    if (m_levels.size() <= level) m_levels.resize(level + 1);
    auto& lv = m_levels[level];
    lv.push_back(b);
    // Two complete buckets make one of the next level.
    if (lv.size() % 2 == 0) {
        const Bucket a = lv[lv.size() - 2];
        const Bucket c = lv[lv.size() - 1];
        push_level(level + 1, Bucket{m_v[c.imin] < m_v[a.imin] ? c.imin : a.imin,
                                     m_v[c.imax] > m_v[a.imax] ? c.imax : a.imax});
    }
}

void LodSeries::append(double t, double v) {
    m_t.push_back(t);
    m_v.push_back(v);
    const std::size_t n = m_t.size();
    if (n % kBase == 0) push_level(0, bucket_of_points(n - kBase, n));
}

LodSeries::Bucket LodSeries::bucket_of_points(std::size_t first, std::size_t last) const {
    Bucket b{static_cast<std::uint32_t>(first), static_cast<std::uint32_t>(first)};
    for (std::size_t i = first + 1; i < last; ++i) {
        if (m_v[i] < m_v[b.imin]) b.imin = static_cast<std::uint32_t>(i);
        if (m_v[i] > m_v[b.imax]) b.imax = static_cast<std::uint32_t>(i);
    }
    return b;
}

void LodSeries::rebuild() {
    m_levels.clear();
    for (std::size_t n = kBase; n <= m_t.size(); n += kBase) push_level(0, bucket_of_points(n - kBase, n));
}

void LodSeries::thin_older_half(double t) {
    std::size_t out = 0;
    for (std::size_t i = 0; i < m_t.size(); ++i)
        if (m_t[i] >= t || i % 2 == 0) {
            m_t[out] = m_t[i];
            m_v[out] = m_v[i];
            ++out;
        }
    m_t.resize(out);
    m_v.resize(out);
    rebuild();
}

void LodSeries::query(double t0, double t1, std::size_t buckets,
                      std::vector<std::pair<double, double>>& out) const {
    out.clear();
    if (m_t.empty() || t1 < t0) return;
    buckets = std::max<std::size_t>(buckets, 1);
    // One point beyond each edge, so the line enters and leaves the range.
    std::size_t i0 = static_cast<std::size_t>(std::lower_bound(m_t.begin(), m_t.end(), t0) - m_t.begin());
    std::size_t i1 = static_cast<std::size_t>(std::upper_bound(m_t.begin(), m_t.end(), t1) - m_t.begin());
    if (i0 > 0) --i0;
    if (i1 < m_t.size()) ++i1; // [i0, i1)
    const std::size_t n = i1 - i0;
    if (n <= 2 * buckets) {
        out.reserve(n);
        for (std::size_t i = i0; i < i1; ++i) out.emplace_back(m_t[i], m_v[i]);
        return;
    }
    // The level whose buckets hold about n / buckets points; below the base width, raw
    // buckets of the right width straight from the points.
    // The first and the last point always, so the line reaches both edges; between them each
    // bucket's extremes in time order.
    auto push = [&](std::size_t i) {
        if (out.empty() || out.back().first < m_t[i] || (out.back().first == m_t[i] && out.back().second != m_v[i]))
            out.emplace_back(m_t[i], m_v[i]);
    };
    auto emit = [&](Bucket b) {
        push(std::min(b.imin, b.imax));
        push(std::max(b.imin, b.imax));
    };
    out.reserve(2 * buckets + 8);
    push(i0);
    if (m_levels.empty() || kBase * buckets >= n) {
        const std::size_t width = (n + buckets - 1) / buckets;
        for (std::size_t i = i0; i < i1; i += width) emit(bucket_of_points(i, std::min(i + width, i1)));
        push(i1 - 1);
        return;
    }
    std::size_t level = 0;
    while ((kBase << level) * buckets < n && level + 1 < m_levels.size()) ++level;
    const std::size_t width = kBase << level;
    const auto& lv = m_levels[level];
    // Raw points before the first whole bucket, whole buckets, then the incomplete tail.
    std::size_t i = i0;
    const std::size_t firstWhole = (i0 + width - 1) / width;
    if (firstWhole * width > i0) emit(bucket_of_points(i0, std::min(firstWhole * width, i1)));
    i = firstWhole * width;
    for (std::size_t b = firstWhole; (b + 1) * width <= i1 && b < lv.size(); ++b) {
        emit(lv[b]);
        i = (b + 1) * width;
    }
    if (i < i1) emit(bucket_of_points(i, i1));
    push(i1 - 1);
}

} // namespace rs

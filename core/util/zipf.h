#pragma once
// Zipf-distributed ranks 1..n with exponent s > 0, by rejection-inversion (W. Hörmann and
// G. Derflinger, "Rejection-inversion to generate variates from monotone discrete
// distributions", 1996): O(1) per draw, no table, deterministic given the Rng.
#include "util/rng.h"

#include <cmath>
#include <cstdint>

namespace rs {

class ZipfSampler {
public:
    ZipfSampler(std::uint64_t n, double s) : m_n(n), m_s(s) {
        m_hx1 = h_integral(1.5) - 1.0;
        m_hn = h_integral(static_cast<double>(n) + 0.5);
        m_t = 2.0 - h_integral_inverse(h_integral(2.5) - h(2.0));
    }
    std::uint64_t n() const { return m_n; }
    // A rank in [1, n]; rank 1 is the most frequent.
    std::uint64_t operator()(Rng& rng) const {
        for (;;) {
            const double u01 = static_cast<double>(rng.next() >> 11) * 0x1.0p-53;
            const double u = m_hn + u01 * (m_hx1 - m_hn);
            const double x = h_integral_inverse(u);
            double k = std::floor(x + 0.5);
            if (k < 1) k = 1;
            if (k > static_cast<double>(m_n)) k = static_cast<double>(m_n);
            if (k - x <= m_t || u >= h_integral(k + 0.5) - h(k)) return static_cast<std::uint64_t>(k);
        }
    }

private:
    double h(double x) const { return std::exp(-m_s * std::log(x)); }
    double h_integral(double x) const {
        const double lx = std::log(x);
        return helper2((1.0 - m_s) * lx) * lx;
    }
    double h_integral_inverse(double x) const {
        double t = x * (1.0 - m_s);
        if (t < -1.0) t = -1.0; // numerical safety near the end of the domain
        return std::exp(helper1(t) * x);
    }
    static double helper1(double x) { return std::abs(x) > 1e-8 ? std::log1p(x) / x : 1.0 - x * (0.5 - x * (1.0 / 3.0 - 0.25 * x)); }
    static double helper2(double x) { return std::abs(x) > 1e-8 ? std::expm1(x) / x : 1.0 + x * 0.5 * (1.0 + x * (1.0 / 3.0) * (1.0 + 0.25 * x)); }

    std::uint64_t m_n;
    double m_s;
    double m_hx1 = 0, m_hn = 0, m_t = 0;
};

} // namespace rs

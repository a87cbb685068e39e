#pragma once
// A swap device for tests of reclaim policy: a fixed number of slots, fixed costs. The swap
// subsystem proper (slot maps, clusters, swap cache, readahead) is tested on its own.
#include "mm/kernel.h"

#include <vector>

class TestSwap : public rs::SwapBackend {
public:
    explicit TestSwap(std::uint64_t slots) {
        for (std::uint64_t i = slots; i > 0; --i) m_free.push_back(static_cast<std::uint32_t>(i));
        m_total = slots;
    }
    std::uint64_t nr_free_slots() const override { return m_free.size(); }
    std::uint64_t total_slots() const override { return m_total; }
    std::optional<std::uint32_t> swap_out(rs::Kernel& k, rs::frame_t, std::int64_t& cost_ns) override {
        if (m_free.empty()) return std::nullopt;
        const std::uint32_t e = m_free.back();
        m_free.pop_back();
        ++outs;
        k.vmstat.add(rs::PSWPOUT);
        cost_ns += 20'000;
        return e;
    }
    void swap_in(rs::Kernel& k, std::uint32_t entry, std::int64_t& cost_ns) override {
        ++ins;
        k.vmstat.add(rs::PSWPIN);
        cost_ns += 50'000;
        m_free.push_back(entry);
    }
    void swap_free(rs::Kernel&, std::uint32_t entry) override { m_free.push_back(entry); }

    std::uint64_t outs = 0, ins = 0;

private:
    std::vector<std::uint32_t> m_free;
    std::uint64_t m_total = 0;
};

#pragma once
// libCacheSim object ids (any 64-bit value) to the trace's pages: an open-addressing table with
// one 16-byte slot per object, so a lookup is one cache line and can be prefetched.
#include <cstdint>
#include <vector>

namespace rs::replay {

class ObjectMap {
public:
    struct Slot {
        std::uint64_t id;
        std::uint32_t first; // the object's first page (during the scan: its first-seen rank)
        std::uint32_t pages; // pages it covers (the most any of its requests needs)
    };
    static constexpr std::uint32_t kEmpty = ~std::uint32_t{0};

    ObjectMap() { reset(1u << 10); }
    // The slot of id, inserted with first = rank of insertion, pages = 0 if new.
    Slot& insert(std::uint64_t id) {
        if ((m_count + 1) * 2 > m_slots.size()) grow();
        Slot* s = &m_slots[index(id)];
        while (s->first != kEmpty && s->id != id) s = next(s);
        if (s->first == kEmpty) *s = Slot{id, static_cast<std::uint32_t>(m_count++), 0};
        return *s;
    }
    const Slot* find(std::uint64_t id) const {
        const Slot* s = &m_slots[index(id)];
        while (s->first != kEmpty) {
            if (s->id == id) return s;
            s = next(s);
        }
        return nullptr;
    }
    void prefetch(std::uint64_t id) const { __builtin_prefetch(&m_slots[index(id)]); }
    std::size_t size() const { return m_count; }
    std::vector<Slot>& slots() { return m_slots; }

private:
    std::size_t index(std::uint64_t id) const { return static_cast<std::size_t>((id * 0x9E3779B97F4A7C15ull) >> m_shift); }
    Slot* next(Slot* s) { return s + 1 == m_slots.data() + m_slots.size() ? m_slots.data() : s + 1; }
    const Slot* next(const Slot* s) const { return s + 1 == m_slots.data() + m_slots.size() ? m_slots.data() : s + 1; }
    void reset(std::size_t n) {
        m_slots.assign(n, Slot{0, kEmpty, 0});
        m_shift = 64 - __builtin_ctzll(n);
    }
    void grow() {
        std::vector<Slot> old;
        old.swap(m_slots);
        reset(old.size() * 2);
        for (const Slot& o : old) {
            if (o.first == kEmpty) continue;
            Slot* s = &m_slots[index(o.id)];
            while (s->first != kEmpty) s = next(s);
            *s = o;
        }
    }
    std::vector<Slot> m_slots;
    std::size_t m_count = 0;
    int m_shift = 0;
};

} // namespace rs::replay

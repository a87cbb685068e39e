#pragma once
// A std::vector whose large buffers live in transparent huge pages. The simulator's per-frame
// and per-page arrays (flags, LRU links, page tables, swap maps) are read at random offsets
// across hundreds of MiB; with 4 KiB pages nearly every such read also misses the TLB. Buffers
// of 2 MiB and more are mapped 2 MiB-aligned and marked MADV_HUGEPAGE (the host's THP mode is
// usually "madvise", so without the hint they would get 4 KiB pages). Smaller buffers come from
// the ordinary heap.
#include <cstddef>
#include <cstdint>
#include <new>
#include <vector>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace rs {

template <class T>
struct HugePageAllocator {
    using value_type = T;
    static constexpr std::size_t kHuge = std::size_t{2} << 20;

    HugePageAllocator() noexcept = default;
    template <class U>
    HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

    static std::size_t mapped_bytes(std::size_t n) { return (n * sizeof(T) + kHuge - 1) & ~(kHuge - 1); }

    T* allocate(std::size_t n) {
        if (n > SIZE_MAX / sizeof(T)) throw std::bad_array_new_length();
#ifdef __linux__
        if (n * sizeof(T) >= kHuge) {
            // Over-map by 2 MiB and trim both ends so the buffer starts on a huge-page boundary.
            const std::size_t bytes = mapped_bytes(n);
            void* raw = mmap(nullptr, bytes + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (raw == MAP_FAILED) throw std::bad_alloc();
            const auto base = reinterpret_cast<std::uintptr_t>(raw);
            const std::uintptr_t aligned = (base + kHuge - 1) & ~(std::uintptr_t{kHuge} - 1);
            if (aligned > base) munmap(raw, aligned - base);
            if (const std::uintptr_t end = base + bytes + kHuge; end > aligned + bytes)
                munmap(reinterpret_cast<void*>(aligned + bytes), end - (aligned + bytes));
            (void)madvise(reinterpret_cast<void*>(aligned), bytes, MADV_HUGEPAGE); // a hint: ignore failure
            return reinterpret_cast<T*>(aligned);
        }
#endif
        return static_cast<T*>(::operator new(n * sizeof(T)));
    }
    void deallocate(T* p, std::size_t n) noexcept {
#ifdef __linux__
        if (n * sizeof(T) >= kHuge) {
            munmap(p, mapped_bytes(n));
            return;
        }
#endif
        ::operator delete(p);
    }
    template <class U>
    bool operator==(const HugePageAllocator<U>&) const noexcept { return true; }
};

template <class T>
using huge_vector = std::vector<T, HugePageAllocator<T>>;

} // namespace rs

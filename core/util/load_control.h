#pragma once
// A load that runs on another thread (the window reads scenario files off its UI thread): the
// reader says which file it reads and adds the bytes it read, and stops when asked; the UI
// thread asks and shows the progress. It lives as long as one load: nothing the load returns
// (a trace's reopened sources, read later by the replay) may keep a pointer to it.
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>

namespace rs {

class LoadControl {
public:
    struct Progress {
        std::string file;        // what is read, e.g. "trace big.trace"; empty before the first
        std::uint64_t bytes = 0; // read of it so far
        std::uint64_t size = 0;  // its size, 0 if unknown
    };

    // From any thread; the reader stops at its next block.
    void cancel() { m_cancel.store(true, std::memory_order_relaxed); }
    bool cancelled() const { return m_cancel.load(std::memory_order_relaxed); }

    // The reader's side.
    void start_file(std::string file, std::uint64_t size) {
        const std::lock_guard lock(m_mutex);
        m_file = std::move(file);
        m_size = size;
        m_bytes.store(0, std::memory_order_relaxed);
    }
    void add_bytes(std::uint64_t n) { m_bytes.fetch_add(n, std::memory_order_relaxed); }

    // The watcher's side (a timer a few times a second).
    Progress progress() const {
        const std::lock_guard lock(m_mutex);
        return {m_file, m_bytes.load(std::memory_order_relaxed), m_size};
    }

private:
    std::atomic<bool> m_cancel{false};
    std::atomic<std::uint64_t> m_bytes{0};
    mutable std::mutex m_mutex; // the name and size change together, once per file
    std::string m_file;
    std::uint64_t m_size = 0;
};

} // namespace rs

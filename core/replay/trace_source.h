#pragma once
// A page-reference trace opened for replay. Opening scans it once: the scan checks every
// record (so a bad file is refused before anything runs), counts the references and finds
// the pages it covers. Replaying reads it again, as it goes, through a cursor per task with a
// fixed-size buffer, so memory does not depend on the trace's length.
#include "replay/byte_source.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rs::replay {

enum class Format { Auto, Text, OracleGeneral, Csv };
const char* format_name(Format f);

struct TraceOptions {
    Format format = Format::Auto; // Auto: from the name (see detect_format)
    std::string task;             // text traces: keep the lines of this task and those without one
    bool one_page_per_request = false; // libCacheSim formats: every request is one page, whatever its size
};

struct TraceInfo {
    Format format = Format::Text;
    bool compressed = false;     // zstd
    std::uint64_t refs = 0;      // page references in one pass
    std::uint64_t pages = 0;     // the traced file's size in pages: highest page number + 1
    std::uint64_t requests = 0;  // records (lines or libCacheSim requests) that gave references
};

// One task's position in a trace. The engine asks for the reference at index n of the phase
// (n counts on across loops); n is the previous index or the next one, so a reference whose
// access did not complete (a failed fault) is asked for again and gets the same page.
class TraceCursor {
public:
    virtual ~TraceCursor() = default;
    // The page of reference n; false at the end (with loop: only if the trace gives nothing).
    bool at(std::uint64_t n, bool loop, std::uint32_t& page) {
        if (n != m_n) {
            ++m_pos;
            m_n = n;
        }
        if (m_pos == m_end && !refill(loop)) return false;
        page = *m_pos;
        return true;
    }
    // Reference n + k (n: the one at() gave last) when it is already in the cursor's buffer,
    // else nullptr: for prefetching what the next accesses will touch. Never reads.
    const std::uint32_t* peek(std::size_t k) const {
        return m_pos && static_cast<std::size_t>(m_end - m_pos) > k ? m_pos + k : nullptr;
    }
    // Non-empty when reading failed during the replay (the file changed or vanished after it
    // was loaded); the replay then ends there.
    const std::string& error() const { return m_error; }
    // Bytes of buffer the cursor holds: bounded, whatever the length of the trace.
    virtual std::size_t buffer_bytes() const = 0;
    // References done (the index last asked for), across loops, and references in one pass.
    std::uint64_t position() const { return m_n; }
    std::uint64_t total() const { return m_total; }

protected:
    // The next references of the pass, in [b, e) (not empty, valid until the next call); false
    // at the end of the pass. Throws TraceError.
    virtual bool fetch(const std::uint32_t*& b, const std::uint32_t*& e) = 0;
    // Back to the first reference.
    virtual void restart() = 0;

private:
    bool refill(bool loop);
    const std::uint32_t* m_pos = nullptr;
    const std::uint32_t* m_end = nullptr;
    std::uint64_t m_n = 0;
    std::uint64_t m_total = 0;
    std::string m_error;
    friend class Trace;
};

class Trace {
public:
    virtual ~Trace() = default;
    const TraceInfo& info() const { return m_info; }
    // A cursor at the first reference. Never fails: a file that cannot be reopened ends the
    // replay at once, with the reason in error().
    std::unique_ptr<TraceCursor> open() const {
        auto c = make_cursor();
        c->m_total = m_info.refs;
        return c;
    }

protected:
    virtual std::unique_ptr<TraceCursor> make_cursor() const = 0;
    TraceInfo m_info;
};

// A cursor that ends at once with `error` (a trace whose file could not be reopened).
std::unique_ptr<TraceCursor> failed_cursor(std::string error);

// References held in memory (programs and benchmarks that make their own).
std::shared_ptr<const Trace> memory_trace(std::shared_ptr<const std::vector<std::uint32_t>> pages);

// The format a name implies: ".csv" -> Csv, "oracleGeneral" in the name or ".bin" -> OracleGeneral,
// anything else Text (after removing a ".zst"). Compression is told by the content (zstd's magic).
Format detect_format(const std::string& name);

// Opens and scans a trace. `display` names it in messages. Throws TraceError.
std::shared_ptr<const Trace> open_trace(std::unique_ptr<ByteSource> bytes, const std::string& display,
                                        const TraceOptions& options);

} // namespace rs::replay

#pragma once
// Traces of object requests (libCacheSim's oracleGeneral and CSV forms), replayed as pages.
// Objects get pages in first-seen order, densely: the first object seen starts at page 0, the
// next one after the first one's pages, and so on, so a 64-bit id space never makes a huge
// file. An object covers ceil(size / 4096) pages, size being the largest any of its requests
// gives (at least one page); a request reads the first ceil(its size / 4096) of them, in order.
// With one_page_per_request every request is one page.
#include "replay/object_map.h"
#include "replay/trace_source.h"

#include <cstdint>
#include <memory>
#include <string>

namespace rs::replay {

struct Request {
    std::uint64_t id;
    std::uint64_t size; // bytes
};

// Reads the requests of one format; each cursor has its own.
class RequestDecoder {
public:
    virtual ~RequestDecoder() = default;
    // Up to cap requests into out; 0 at the end. Throws TraceError naming the place.
    virtual std::size_t next(Request* out, std::size_t cap) = 0;
    virtual void restart() = 0;
    virtual std::size_t buffer_bytes() const = 0;
};

using DecoderFactory = std::unique_ptr<RequestDecoder> (*)(std::unique_ptr<ByteSource> bytes, const std::string& display);

// Scans all requests of `bytes` (through a decoder from `make`) and maps their objects.
std::shared_ptr<const Trace> open_object_trace(std::unique_ptr<ByteSource> bytes, const std::string& display,
                                               const TraceOptions& options, bool compressed, Format format,
                                               DecoderFactory make);

} // namespace rs::replay
